"""The note is what was typed: entities literal, indentation kept, control characters gone."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from helpers import DATA, Runner, write
from wsw.text.markdown import escape, paragraphs

TYPED = (
    "Copyright &copy; and &#x41; stay\n"
    "    an indented line\n"
    "NUL\x00 BEL\x07 BS\x08 \u202eRTL\u202c \u2066isolate\u2069 end"
)


def test_entities_stay_literal_and_leading_spaces_are_kept() -> None:
    text = paragraphs(TYPED)
    assert "\\&copy;" in text and "\\&\\#x41;" in text
    assert "\u00a0" * 4 + "an indented line" in text
    assert escape("\tx") == "\u00a0" * 4 + "x"


def test_control_and_bidi_characters_never_reach_the_note(tmp_path: Path, wsw: Runner) -> None:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["answers"]["information"] = TYPED
    answers = write(tmp_path / "a.json", json.dumps(data))
    for fmt in ("md", "html"):
        result = wsw("render", str(answers), "-f", fmt, "-o", "-")
        assert result.code == 0, result.err
        note = result.out
        assert not any(c in note for c in "\x00\x07\x08\u202a\u202b\u202c\u202d\u202e\u2066\u2069")
        assert "NUL BEL BS RTL isolate end" in note
        assert "©" not in note
        shown = "&amp;copy;" if fmt == "html" else "\\&copy;"
        assert shown in note
