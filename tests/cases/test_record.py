"""Reading a note back: the case, the scores, actions and questions, and the headline."""

from __future__ import annotations

from pathlib import Path

from helpers import Runner, case_answers, notes_in
from wsw.cases.record import headline, parse_note


def test_a_rendered_note_reads_back_as_its_record(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    info = "Nursery saw a *bruise* [left arm].\nA second line."
    assert (
        wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A", information=info))).code == 0
    )
    (note,) = notes_in(wsw_home)
    record = parse_note(note.name, note.read_text(encoding="utf-8"))
    assert record is not None
    assert (record.case, record.safety_before, record.safety_after) == ("Child A", 7, 4)
    assert record.headline == "Nursery saw a *bruise* [left arm]."  # Markdown escapes undone
    assert [(a.action, a.owner, a.due) for a in record.actions] == [
        ("Refer to children's services", "FCA", "2026-11-25"),
        ("Ask nursery for their observations", "FCA", "2026-11-27"),
    ]
    assert next(q.question for q in record.questions) == "Does he look after Child A on his own?"
    assert record.change_mind.startswith("Evidence of recent incidents")
    assert record.source == "police check, and the mother at court"
    assert record.referral == "s17"


def test_ids_are_stable_and_differ_between_notes() -> None:
    text = "---\ncase: C\ndate: 2026-11-01\nactions:\n- {action: Ring school, owner: FCA}\n---\n"
    one, again, other = (parse_note(n, text) for n in ("a.md", "a.md", "b.md"))
    assert one and again and other
    assert one.actions[0].id == again.actions[0].id != other.actions[0].id


def test_notes_without_a_case_or_front_matter_are_not_records() -> None:
    assert parse_note("a.md", "# Just a note\n") is None
    assert parse_note("a.md", "---\ntitle: T\ndate: 2026-11-01\n---\n# T\n") is None
    assert parse_note("a.md", "---\n: : not yaml [\n---\n") is None


def test_the_headline_is_the_first_answer_after_context() -> None:
    body = (
        "# T\n\n## Context\n\n**Q**\n\nRef\n\n## What?\n\n**What is new?**\n\nIt is this.\\\nMore."
    )
    assert headline(body) == "It is this."
    assert len(headline("## What?\n\n" + "x" * 200)) == 90
