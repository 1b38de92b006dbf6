"""Answers files: JSON is read as JSON (quickly), YAML as YAML, to the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpers import DATA, write
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
