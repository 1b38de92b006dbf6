"""`wsw supervise`: the record added to the note, every line the note had left as it was."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
import yaml

from helpers import Runner, case_answers, notes_in, supervision_answers, write
from wsw.infra.storage import WriteRefused
from wsw.records import supervision


def a_note(tmp_path: Path, home: Path, wsw: Runner) -> Path:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    (note,) = notes_in(home)
    return note


def only_added(before: str, after: str) -> list[list[str]]:
    """The runs of lines added; fails if any line the note had was changed or removed."""
    old, new = before.splitlines(), after.splitlines()
    added = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), (op, old[i1:i2])
        if op == "insert":
            added.append(new[j1:j2])
    return added


def test_the_record_is_added_and_every_original_line_is_unchanged(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    before = note.read_text(encoding="utf-8")
    result = wsw("supervise", str(note), "--answers", str(supervision_answers(tmp_path)))
    assert result.code == 0, result.err
    assert "Supervision record added to" in result.err
    after = note.read_text(encoding="utf-8")
    front_lines, body_lines = only_added(before, after)
    assert after.startswith(before.split("\n---\n", 1)[0])  # the front matter's lines, in place
    assert "supervised: '" in front_lines[0] and "supervisor: Practice supervisor" in front_lines
    assert "## Supervision record" in body_lines
    for heading in ("### Management: the decision", "### Support: the practitioner",
                    "### Development: the learning", "### Mediation: resources and escalation",
                    "### Actions"):  # fmt: skip
        assert heading in body_lines
    assert "| Arrange a joint visit | SM | 4 December 2026 |" in body_lines
    front = yaml.safe_load(after.split("---\n")[1])
    assert front["supervision_review"] == "2026-12-15" and front["case"] == "Child A"
    assert (note.stat().st_mode & 0o777) == 0o600
    assert not list(note.parent.glob("*.before-supervision"))


def test_its_actions_join_the_cases_actions(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    assert len(json.loads(wsw("actions", "--json").out)["actions"]) == 2
    assert wsw("supervise", str(note), "--answers", str(supervision_answers(tmp_path))).code == 0
    actions = json.loads(wsw("actions", "--json").out)["actions"]
    joint = next(a for a in actions if a["action"] == "Arrange a joint visit")
    assert joint["case"] == "Child A" and joint["owner"] == "SM" and joint["due"] == "2026-12-04"
    assert len(actions) == 3


def test_a_supervised_note_gives_a_cpd_record_with_peer_reflection(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    assert wsw("supervise", str(note), "--answers", str(supervision_answers(tmp_path))).code == 0
    record = json.loads(wsw("cpd", str(note), "--json").out)["cpd"]
    assert record["type"] == "Peer reflection (wsw's reading): reflective supervision"
    peer = record["peer_reflection"]
    assert "partner's history at the first contact" in peer and "every adult" in peer
    assert "Mediation" not in peer and "second worker" not in peer  # development answers only


def test_a_second_supervision_of_one_note_is_refused(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    answers = str(supervision_answers(tmp_path))
    assert wsw("supervise", str(note), "--answers", answers).code == 0
    once = note.read_text(encoding="utf-8")
    again = wsw("supervise", str(note), "--answers", answers)
    assert again.code == 2 and "already has a supervision record" in again.err
    assert note.read_text(encoding="utf-8") == once


def test_declared_names_become_roles_in_the_record(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    answers = supervision_answers(tmp_path, **{"sup-impact": "Jordan Reeve finds this hard."})
    names = write(tmp_path / "names.yaml", "people:\n  - {name: Jordan Reeve, role: the FCA}\n")
    result = wsw("supervise", str(note), "--answers", str(answers), "--names", str(names))
    assert result.code == 0
    text = note.read_text(encoding="utf-8")
    assert "Jordan" not in text and "the FCA finds this hard." in text


def test_a_file_that_is_not_a_note_is_refused_before_anything(tmp_path: Path, wsw: Runner) -> None:
    other = write(tmp_path / "plain.md", "# Shopping\n")
    result = wsw("supervise", str(other), "--answers", str(supervision_answers(tmp_path)))
    assert result.code == 2 and "not a note wsw wrote" in result.err
    assert other.read_text() == "# Shopping\n"
    missing = wsw("supervise", str(tmp_path / "nope.md"), "--answers", "x.yaml")
    assert missing.code == 2 and "is not a file" in missing.err


def test_the_previous_version_stays_beside_the_note_until_the_write_succeeds(
    tmp_path: Path, wsw_home: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = a_note(tmp_path, wsw_home, wsw)
    before = note.read_text(encoding="utf-8")
    from wsw.infra.storage import write_private as real

    def fail_on_the_note(target: Path, content: str | bytes, *, overwrite: bool = False) -> None:
        if target == note:
            raise WriteRefused(f"{target} could not be written (disk full).")
        real(target, content, overwrite=overwrite)

    monkeypatch.setattr(supervision, "write_private", fail_on_the_note)
    result = wsw("supervise", str(note), "--answers", str(supervision_answers(tmp_path)))
    assert result.code == 1 and "could not be written" in result.err
    assert note.read_text(encoding="utf-8") == before
    (kept,) = note.parent.glob("*.before-supervision")
    assert kept.read_text(encoding="utf-8") == before and (kept.stat().st_mode & 0o777) == 0o600


def test_a_note_without_a_final_newline_keeps_its_last_line() -> None:
    text = "---\nwsw: 0.1.0\nwalk: individual\n---\n\n# A note\n\nLast line"
    record = supervision.Supervision("2026-12-01", "SM", None, [], "---\n---\n\n# x\n\n## A\n\nb\n")
    added = supervision.with_supervision(text, record)
    assert "\nLast line\n" in added and only_added(text, added)
