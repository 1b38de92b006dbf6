"""The answers-file schema says what `wsw render` requires, conditions included, checked with
an independent validator (jsonschema)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from helpers import DATA, builtin_library
from wsw.packs.answers_schema import answers_schema
from wsw.packs.models import Walk
from wsw.reflection.answers import checked_answers, missing_answers

README = Path(__file__).resolve().parents[2] / "README.md"


def walk(walk_id: str = "individual") -> Walk:
    return builtin_library().walks[walk_id]


def schema_problems(answers: dict[str, Any], walk_id: str = "individual") -> list[str]:
    library = builtin_library()
    titles = {t.id: t.title for t in library.themes.values()}
    schema = answers_schema(walk(walk_id), titles)
    data = json.loads(json.dumps({"answers": answers}, default=str))  # as a file holds it
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]


def render_problems(answers: dict[str, Any], walk_id: str = "individual") -> list[str]:
    library = builtin_library()
    _, problems = checked_answers(walk(walk_id), library, answers)
    return problems + missing_answers(walk(walk_id), library, answers)


def full() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    answers: dict[str, Any] = data["answers"]
    return answers


def test_the_full_example_passes_both() -> None:
    assert render_problems(full()) == []
    assert schema_problems(full()) == []


def test_the_readmes_short_example_fails_both() -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(answers:\n.*?)```", text, re.S)
    assert match
    answers = yaml.safe_load(match.group(1))["answers"]
    assert render_problems(answers)
    missing = schema_problems(answers)
    assert any("'information' is a required property" in m for m in missing)


def _compares_answers(question_id: str) -> bool:
    """Shown when one answer differs from another: a test JSON Schema cannot make."""
    q = next(q for s in walk().stages for q in s.questions if q.id == question_id)
    return q.when is not None and "differs_from=" in repr(q.when).replace("differs_from=None", "")


@pytest.mark.parametrize("dropped", sorted(full()))
def test_dropping_an_answer_fails_the_schema_exactly_when_render_refuses(dropped: str) -> None:
    answers = {k: v for k, v in full().items() if k != dropped}
    refused = bool(render_problems(answers))
    if schema_problems(answers):
        assert refused  # the schema never refuses what render accepts
    elif not _compares_answers(dropped):
        assert not refused


def test_a_condition_makes_its_questions_required_only_when_it_holds() -> None:
    answers = full()
    assert answers["disagreement"] is False
    escalation = [
        q.id
        for s in walk().stages
        for q in s.questions
        if q.required and q.when and q.when.answer and q.when.answer.question == "disagreement"
    ]
    assert escalation and not (set(escalation) & set(answers))
    disagreeing = {**answers, "disagreement": True}
    assert render_problems(disagreeing)
    missing = schema_problems(disagreeing)
    for qid in escalation:
        assert any(f"'{qid}' is a required property" in m for m in missing), qid
