"""`wsw agenda`: the reflections since the last supervised one, by the four functions."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Runner, backdate, case_answers, notes_in, supervision_answers


def render(tmp_path: Path, home: Path, wsw: Runner, name: str, day: str, **changes: object) -> Path:
    before = set(notes_in(home))
    answers = case_answers(tmp_path, name, "Child A", **changes)
    assert wsw("render", str(answers)).code == 0
    (new,) = set(notes_in(home)) - before
    backdate(new, day)
    return new


def test_reflections_since_the_last_supervised_one(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    old = render(tmp_path, wsw_home, wsw, "1.yaml", "2026-10-01")
    assert wsw("supervise", str(old), "--answers", str(supervision_answers(tmp_path))).code == 0
    backdate_supervised(old, "2026-10-02")
    new = render(tmp_path, wsw_home, wsw, "2.yaml", "2026-11-20", **{
        "scale-before": 4, "scale-after": 1, "scale-reason": "A new injury.",
        "supervision-questions": ["Should this go to a strategy meeting?"],
        "referral": "unsure"})  # fmt: skip
    result = wsw("agenda", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["since"] == "2026-10-02"
    (only,) = data["reflections"]
    assert only["note"] == new.name and only["questions"] == [
        "Should this go to a strategy meeting?"
    ]
    assert (only["safety_before"], only["safety_after"]) == (4, 1)
    assert any("safety over time 7 -> 4 -> 1" in m for m in data["management"])
    assert any("fell from 4 to 1" in s for s in data["support"])
    assert any("situational supervision" in s for s in data["support"])
    assert any("unsure whether to refer" in m for m in data["mediation"])
    assert any(d.startswith("Domestic abuse: in 1") for d in data["development"])
    overdue = {a["action"] for a in data["overdue_actions"]}
    assert "Refer to children's services" in overdue  # due in 2026-11, still open
    assert any("overdue since" in m for m in data["management"])


def test_since_a_date_and_the_terminal_view(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    render(tmp_path, wsw_home, wsw, "1.yaml", "2026-10-01")
    render(tmp_path, wsw_home, wsw, "2.yaml", "2026-11-20")
    data = json.loads(wsw("agenda", "--since", "2026-11-01", "--json").out)
    assert [r["date"] for r in data["reflections"]] == ["2026-11-20"]
    text = wsw("agenda").out
    assert "2 reflection(s) since the first note" in text
    assert "Management:" in text and "Support:" in text and "Mediation:" in text
    assert "    ? Is a referral proportionate" in text
    bad = wsw("agenda", "--since", "last week")
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err


def backdate_supervised(note: Path, day: str) -> None:
    """As if the supervision had been on `day` (its front matter line edited by hand)."""
    import re

    text = note.read_text(encoding="utf-8")
    note.write_text(re.sub(r"\nsupervised: '[0-9-]+'", f"\nsupervised: '{day}'", text, count=1),
                    encoding="utf-8")  # fmt: skip


def test_before_any_note_the_agenda_says_so_instead_of_empty_headings(wsw: Runner) -> None:
    empty = wsw("agenda")
    assert empty.code == 0 and empty.out == "" and "No notes yet" in empty.err
    assert json.loads(wsw("agenda", "--json").out)["reflections"] == []
