"""The JSON Schema of an answers file for one walk: each answer's shape, and which are required.

Each answer's shape comes from its question type's spec (`wsw.packs.questions`), the one
place that also checks answers. A required question with no condition is required outright; a
required question shown only when its condition holds is required under `if` (the condition,
said in JSON Schema) `then`. So an editor or a tool reports what `wsw render` would, before
running it. A condition JSON Schema cannot say (one answer differing from another) makes its
question optional here: the schema never refuses an answers file that `render` accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wsw.packs.models import AnswerTest, Condition, Question, Walk
from wsw.packs.questions import choices_for, spec_for

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NEVER: dict[str, Any] = {"not": {}}  # a condition that cannot hold (no question gives it)
# The follow-up questions `wsw.cases.review` puts in for a case reflected on before: their
# ids are made per case, so a walk with a case question allows them by pattern.
FOLLOW_UP = r"^case-(changed|pattern|action-[a-z0-9]+(-outcome)?|question-[a-z0-9]+)$"


def answers_schema(walk: Walk, theme_titles: dict[str, str]) -> dict[str, Any]:
    """The schema of `{"answers": {...}, "meta": {...}}` for `walk`."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    conditional: list[dict[str, Any]] = []
    facts = _Facts(walk)
    for stage in walk.stages:
        for q in stage.questions:
            schema = spec_for(q.type).schema(choices_for(q, theme_titles))
            properties[q.id] = {**schema, "description": q.prompt.strip()}
            if not q.required:
                continue
            if q.when is None:
                required.append(q.id)
                continue
            condition = facts.schema(q.when)
            if condition is not None:
                conditional.append({"if": condition, "then": {"required": [q.id]}})
    answers: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": required,
    }
    if conditional:
        answers["allOf"] = conditional
    if walk.case_from is not None:
        about = "A follow-up answer for a case reflected on before (see `wsw case show`)."
        answers["patternProperties"] = {FOLLOW_UP: {"type": "string", "description": about}}
    return {
        "$schema": DIALECT,
        "title": f"wsw answers for the '{walk.id}' walk",
        "type": "object",
        "required": ["answers"],
        "properties": {
            "answers": answers,
            "meta": {"type": "object", "description": "Free-form: walk id, dates, draft id."},
        },
    }


class _Facts:
    """Where a walk's conditions find their facts: which questions give themes, ages, case."""

    def __init__(self, walk: Walk) -> None:
        questions = [q for s in walk.stages for q in s.questions]
        self.theme_questions = _giving(questions, "themes")
        self.age_questions = _giving(questions, "age-bands")
        self.case_question = walk.case_type_from

    def schema(self, c: Condition) -> dict[str, Any] | None:
        """The condition as a schema of the answers object; None if it cannot be said."""
        parts: list[dict[str, Any] | None] = []
        if c.themes is not None:
            parts.append(_any_chosen(self.theme_questions, c.themes, 1))
        if c.all_themes is not None:
            parts.extend(_any_chosen(self.theme_questions, [t], 1) for t in c.all_themes)
        if c.themes_count is not None:
            count = c.themes_count
            parts.append(_any_chosen(self.theme_questions, count.of, count.count))
        if c.age_bands is not None:
            parts.append(_any_chosen(self.age_questions, c.age_bands, 1))
        if c.case_types is not None:
            parts.append(_case(self.case_question, c.case_types))
        if c.answer is not None:
            parts.append(_answer(c.answer))
        if c.all is not None:
            parts.extend(self.schema(sub) for sub in c.all)
        if c.any is not None:
            options = [self.schema(sub) for sub in c.any]
            parts.append(None if None in options else {"anyOf": options})
        if c.not_ is not None:
            inner = self.schema(c.not_)
            parts.append(None if inner is None else {"not": inner})
        if None in parts:
            return None
        return parts[0] if len(parts) == 1 else {"allOf": parts}


def _giving(questions: list[Question], source: str) -> list[str]:
    return [q.id for q in questions if q.choices_from == source]


def _any_chosen(questions: list[str], values: Sequence[str], at_least: int) -> dict[str, Any]:
    """At least `at_least` of `values` chosen in one of the questions (the walk merges them)."""
    options = [
        {
            "required": [qid],
            "properties": {
                qid: {"type": "array", "contains": {"enum": values}, "minContains": at_least}
            },
        }
        for qid in questions
    ]
    if not options:
        return NEVER
    return options[0] if len(options) == 1 else {"anyOf": options}


def _case(question: str | None, case_types: list[str]) -> dict[str, Any]:
    if question is None:
        return NEVER
    return {"required": [question], "properties": {question: {"enum": case_types}}}


def _answer(test: AnswerTest) -> dict[str, Any] | None:
    if test.differs_from is not None:
        return None  # one answer against another: JSON Schema cannot compare two values
    if test.mentions is not None:
        return None  # matched on word stems and clauses, which JSON Schema cannot read
    q = test.question
    if test.answered is False:
        return {"not": {"required": [q]}}
    checks: list[dict[str, Any]] = []
    if test.equals is not None:
        checks.append({"const": test.equals})
    if test.in_ is not None:
        chosen = {"type": "array", "contains": {"enum": test.in_}}
        checks.append({"anyOf": [{"enum": test.in_}, chosen]})
    if test.at_least is not None:
        checks.append(_count(minimum=test.at_least))
    if test.at_most is not None:
        checks.append(_count(maximum=test.at_most))
    value: dict[str, Any] = {"allOf": checks} if len(checks) > 1 else (checks or [{}])[0]
    return {"required": [q], "properties": {q: value}} if value else {"required": [q]}


def _count(**bound: int) -> dict[str, Any]:
    """A number at least or at most the bound, or a list with that many items."""
    items = {"minItems" if "minimum" in bound else "maxItems": next(iter(bound.values()))}
    return {"anyOf": [{"type": "integer", **bound}, {"type": "array", **items}]}
