"""`wsw patterns`: a folder's themes, referrals, escalations and scores, from front matter."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Runner, backdate, case_answers, notes_in


def team_folder(tmp_path: Path, home: Path, wsw: Runner) -> Path:
    """Three notes: two in November on domestic abuse (one s47, one escalated), one in
    December on neglect whose safety score held."""
    specs: list[tuple[str, dict[str, object]]] = [
        ("2026-11-03", {"themes": ["domestic-abuse", "male-carers"], "referral": "s47"}),
        ("2026-11-20", {"themes": ["domestic-abuse"], "referral": "s17", "disagreement": True,
                        "escalation-decision": "Closed.", "escalation-whose": "LA team manager",
                        "escalation-why": "It ignores the new partner.",
                        "escalation-stage": "manager", "escalation-with": "My manager",
                        "escalation-by": "2026-12-10", "situational-supervision": False}),
        ("2026-12-01", {"themes": ["neglect"], "referral": "none", "scale-before": 5,
                        "scale-after": 5, "scale-same-reason": "Nothing new in the risk.",
                        "information": "SECRET-WHAT-ANSWER: the home was cold."}),
    ]  # fmt: skip
    for i, (day, changes) in enumerate(specs):
        answers = case_answers(tmp_path, f"{i}.yaml", f"Child {i}", **changes)
        before = set(notes_in(home))
        result = wsw("render", str(answers))
        assert result.code == 0, result.err
        (new,) = set(notes_in(home)) - before
        backdate(new, day)
    return home / "notes"


def test_themes_and_referrals_are_counted_across_the_notes(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    folder = team_folder(tmp_path, wsw_home, wsw)
    result = wsw("patterns", str(folder), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert next(iter(data)) == "version" and data["version"] == 1
    assert data["notes"] == 3 and data["first"] == "2026-11-03" and data["last"] == "2026-12-01"
    themes = {t["theme"]: t for t in data["themes"]}
    assert themes["domestic-abuse"]["count"] == 2
    assert themes["domestic-abuse"]["by_month"] == {"2026-11": 2}
    assert themes["neglect"]["by_month"] == {"2026-12": 1}
    assert data["themes"][0]["theme"] == "domestic-abuse"  # most often first
    assert data["referrals"] == {"s47": 1, "s17": 1, "none": 1}
    assert data["escalations"] == {"disagreements": 1, "stages": {"manager": 1}}
    assert data["safety_fell"]["notes"] == 2 and data["safety_fell"]["by_points"] == {"3": 2}
    assert data["situational_supervision"] == 2
    never = {t["theme"] for t in data["never_came_up"]}
    assert "infants" in never and "neglect" not in never
    assert any("Domestic abuse" in s for s in data["suggestions"])


def test_answers_are_never_read(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    folder = team_folder(tmp_path, wsw_home, wsw)
    for args in (["--json"], ["--format", "html"], ["--format", "md"], ["--format", "jsonl"], []):
        out = wsw("patterns", str(folder), *args).out
        assert "SECRET-WHAT-ANSWER" not in out and "Child 0" not in out
        assert "new partner" not in out and "Nothing new in the risk" not in out


def test_jsonl_is_one_record_per_note_for_duckdb(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    folder = team_folder(tmp_path, wsw_home, wsw)
    lines = wsw("patterns", str(folder), "--format", "jsonl").out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3 and {r["note"] for r in records} == {
        n.name for n in notes_in(wsw_home)
    }
    first = min(records, key=lambda r: r["date"])
    assert first["themes"] == ["domestic-abuse", "male-carers"] and first["referral"] == "s47"
    assert set(first) <= {"note", "date", "walk", "case_type", "age_bands", "themes",
                          "safety_before", "safety_after", "referral", "disagreement",
                          "escalation_stage", "situational_supervision", "supervised"}  # fmt: skip


def test_terminal_bars_and_html_charts(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    folder = team_folder(tmp_path, wsw_home, wsw)
    text = wsw("patterns", str(folder)).out
    line = next(row for row in text.splitlines() if row.strip().startswith("Domestic abuse"))
    assert "█" in line and line.rstrip().endswith(" 2")
    assert max(len(row) for row in text.splitlines()) <= 80
    page = wsw("patterns", str(folder), "--format", "html").out
    assert page.count("<svg") == 3 and "<script" not in page and "Domestic abuse: 2" in page


def test_not_a_folder_and_an_empty_folder(tmp_path: Path, wsw: Runner) -> None:
    missing = wsw("patterns", str(tmp_path / "nowhere"))
    assert missing.code == 2 and "is not a folder" in missing.err
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "shopping.md").write_text("# Milk\n")
    empty = wsw("patterns", str(tmp_path / "empty"), "--json")
    assert empty.code == 0 and json.loads(empty.out)["notes"] == 0 and "No notes" in empty.err


def test_a_new_user_without_notes_is_told_where_they_will_be(wsw: Runner) -> None:
    """Before any note there is no notes folder: not an error, and no report of zeros."""
    first = wsw("patterns")
    assert first.code == 0 and first.out == ""
    assert "No notes yet: `wsw reflect` writes them to" in first.err
    assert json.loads(wsw("patterns", "--json").out)["notes"] == 0  # scripts still get JSON
