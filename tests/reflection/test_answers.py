"""Answers files: JSON is read as JSON (quickly), YAML as YAML, to the same answers; problems
named by question id and field, never by what was typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpers import DATA, Runner, write
from wsw.errors import InputError
from wsw.reflection import answers
from wsw.reflection.answers import read_answers_file


def test_a_json_answers_file_is_read_without_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    as_json = write(tmp_path / "answers.json", json.dumps(data, default=str))

    def no_yaml(text: str) -> None:
        raise AssertionError("JSON went through the YAML parser")

    monkeypatch.setattr(answers, "_parse_yaml", no_yaml)
    found = read_answers_file(as_json)
    assert found.answers == json.loads(as_json.read_text())["answers"]


def test_broken_json_is_located_by_line_and_column(tmp_path: Path) -> None:
    broken = write(tmp_path / "answers.json", '{"answers": {\n  "case-ref": "x",,\n}}')
    with pytest.raises(InputError, match=r"answers\.json:2:\d+: not valid YAML or JSON"):
        read_answers_file(broken)


def test_a_yaml_slip_or_a_strange_walk_never_echoes_the_text(tmp_path: Path, wsw: Runner) -> None:
    slip = write(tmp_path / "a.yaml", (
        "answers:\n  case-ref: Child A\n  information: Mother\n"
        "  said she was scared of him: true\n"
    ))  # fmt: skip
    result = wsw("render", str(slip), "-o", "-")
    assert result.code == 2
    assert "an answer under a key (26 characters, not shown: not an id)" in result.err
    assert "scared" not in result.err
    walk = write(tmp_path / "b.yaml", "answers: {}\nmeta:\n  walk: Mother said the baby fell\n")
    result = wsw("render", str(walk), "-o", "-")
    assert result.code == 2 and "There is no walk with that name" in result.err
    assert "baby" not in result.err
    short = write(tmp_path / "c.yaml", "answers: {}\nmeta:\n  walk: no-such-walk\n")
    assert "There is no walk 'no-such-walk'" in wsw("render", str(short), "-o", "-").err


def test_check_on_a_draft_with_people_of_the_wrong_shape(tmp_path: Path, wsw: Runner) -> None:
    odd = write(tmp_path / "d.json", '{"meta": {"people": 1.5}}')
    result = wsw("check", str(odd))
    assert result.code == 0 and "No identifiers found" in result.err
