"""`wsw case list/show/forget/reindex`, from notes rendered from answers files."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Runner, backdate, case_answers, notes_in


def two_notes(tmp_path: Path, home: Path, wsw: Runner) -> list[Path]:
    """Two notes on Child A, a month apart (the first backdated), and one on Child B."""
    first = case_answers(tmp_path, "1.yaml", "Child A")
    assert wsw("render", str(first)).code == 0
    (note,) = notes_in(home)
    backdate(note, "2026-10-01")
    later = case_answers(
        tmp_path,
        "2.yaml",
        "Child A",
        **{"scale-before": 4, "scale-after": 3, "information": "Nursery saw a bruise."},
    )
    assert wsw("render", str(later)).code == 0
    other = case_answers(tmp_path, "3.yaml", "Child B")
    assert wsw("render", str(other)).code == 0
    return notes_in(home)


def test_two_notes_on_a_case_in_date_order_with_their_scores(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    two_notes(tmp_path, wsw_home, wsw)
    listed = json.loads(wsw("case", "list", "--json").out)
    assert listed["version"] == 1
    child_a = next(c for c in listed["cases"] if c["case"] == "Child A")
    assert child_a["notes"] == 2 and child_a["first"] == "2026-10-01" and child_a["safety"] == 3
    assert set(child_a) == {"case", "notes", "first", "last", "safety", "open_actions"}
    shown = json.loads(wsw("case", "show", "Child A", "--json").out)
    assert next(e["date"] for e in shown["entries"]) == "2026-10-01"
    assert [(e["safety_before"], e["safety_after"]) for e in shown["entries"]] == [(7, 4), (4, 3)]
    assert shown["entries"][1]["information"] == "Nursery saw a bruise."
    assert set(shown) == {"version", "case", "entries", "open_actions", "open_questions"}
    assert set(shown["entries"][0]) == {
        "date",
        "title",
        "information",
        "source",
        "safety_before",
        "safety_after",
        "decision",
        "referral",
        "note",
    }


def test_deleting_the_database_changes_nothing(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    two_notes(tmp_path, wsw_home, wsw)
    before = wsw("case", "list", "--json").out
    for path in (wsw_home / "data").glob("cases.sqlite3*"):
        path.unlink()
    assert wsw("case", "list", "--json").out == before
    result = wsw("case", "reindex")
    assert result.code == 0 and "3 note(s) on 2 case(s)" in result.err
    assert wsw("case", "list", "--json").out == before


def test_show_formats_a_court_chronology(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    two_notes(tmp_path, wsw_home, wsw)
    csv = wsw("case", "show", "child a", "--format", "csv").out  # any case, any unique start
    assert csv.splitlines()[0] == "date,event,source,significance"
    assert "2026-10-01" in csv.splitlines()[1] and "safety 7 -> 4" in csv
    md = wsw("case", "show", "Child A", "--format", "md").out
    assert "| Date | Event | Source | Significance |" in md and "7 -> 4 -> 3" in md
    out = tmp_path / "c.html"
    assert wsw("case", "show", "Child A", "-f", "html", "-o", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<polyline" in page and "<script" not in page
    screen = wsw("case", "show", "Child A").out
    assert "Safety scale over time (0-10): 7 -> 4 -> 3" in screen and "###...." in screen


def test_an_unknown_or_ambiguous_reference_is_explained_without_echoing_it(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    two_notes(tmp_path, wsw_home, wsw)
    missing = wsw("case", "show", "Zebedee")
    assert missing.code == 2 and "Zebedee" not in missing.err and "case list" in missing.err
    assert "type more" in wsw("case", "show", "Child").err


def test_forget_removes_the_notes_drafts_and_index_entries(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    notes = two_notes(tmp_path, wsw_home, wsw)
    drafts = wsw_home / "data" / "drafts"
    drafts.mkdir(mode=0o700)
    (drafts / "20261201-1000-abcd.json").write_text(
        json.dumps({"answers": {"case": "Child A"}, "meta": {"walk": "individual"}})
    )
    refused = wsw("case", "forget", "Child A", stdin="")
    assert refused.code == 2 and "--yes" in refused.err and all(p.exists() for p in notes)
    result = wsw("case", "forget", "Child A", "--yes")
    assert result.code == 0
    assert (
        result.err.count("Deleted note") == 2 and "Deleted draft 20261201-1000-abcd" in result.err
    )
    assert [c["case"] for c in json.loads(wsw("case", "list", "--json").out)["cases"]] == [
        "Child B"
    ]
    assert len(notes_in(wsw_home)) == 1 and not list(drafts.glob("*.json"))
    stored = b"".join(p.read_bytes() for p in (wsw_home / "data").glob("cases.sqlite3*"))
    assert b"Nursery saw a bruise" not in stored  # nothing of it left in the file or its log


def test_completion_offers_case_references(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    from wsw.cli.case import complete_case

    two_notes(tmp_path, wsw_home, wsw)
    assert sorted(complete_case("child")) == ["Child A", "Child B"]
    assert complete_case("Child A") == ["Child A"]


def test_a_case_note_written_elsewhere_is_said_not_to_count(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    result = wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A")), "-o",
                 str(tmp_path / "elsewhere.md"))  # fmt: skip
    assert result.code == 0 and "will not count it" in result.err
    assert json.loads(wsw("case", "list", "--json").out)["cases"] == []
    plain = wsw("render", str(case_answers(tmp_path, "b.yaml", "Child A")))
    assert "will not count" not in plain.err
