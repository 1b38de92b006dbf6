"""The reflection note: CommonMark structure, a pinned golden rendering, HTML, edge cases."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from helpers import DATA, load_library, session_from_answers
from wsw.infra.paths import builtin_packs_dir
from wsw.note.html import to_html
from wsw.note.markdown import NoteInfo, build_markdown
from wsw.packs.library import Library
from wsw.text.markdown import escape
from wsw.walk.session import Session

GOLDEN = Path(__file__).parent / "golden" / "full-note.md"
DAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def small_library() -> Library:
    core = builtin_packs_dir() / "core.yaml"
    return load_library([core, DATA / "golden-points.yaml"], builtin=False, user=False, env=False)


def full_session(library: Library, **changes: Any) -> Session:
    session = session_from_answers(library, None, DATA / "answers-full.yaml")
    session.answers.update(changes)
    return session


def note(library: Library, **changes: object) -> str:
    session = full_session(library, **changes)
    return build_markdown(
        session, NoteInfo(DAY, {p.pack.id: p.pack.version for p in library.packs})
    )


def test_golden_note(small_library: Library) -> None:
    text = note(small_library)
    if os.environ.get("WSW_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_note_is_commonmark_with_the_sections_a_supervisor_needs(small_library: Library) -> None:
    text = note(small_library)
    tokens = MarkdownIt("commonmark").enable("table").parse(text.split("\n---\n", 1)[1])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Child A - mother's new partner"
    for section in ("What?", "So what?", "Then what?", "Actions", "For supervision",
                    "Learning considered", "Alternative explanations considered",
                    "Escalation record", "Questions still to ask"):  # fmt: skip
        assert section in headings
    assert any(t.type == "table_open" for t in tokens)


def test_front_matter(small_library: Library) -> None:
    front = yaml.safe_load(note(small_library).split("---\n")[1])
    assert front["title"] == "Child A - mother's new partner"
    assert front["date"] == "2026-11-24"
    assert front["walk"] == "individual"
    assert front["packs"] == {"core": "1.0.0", "golden-points": "1.0.0"}
    assert front["themes"] == ["male-carers", "domestic-abuse"]
    assert (front["safety_before"], front["safety_after"]) == (7, 4)
    assert front["referral"] == "s17"
    assert front["disagreement"] is False


def test_no_ids_or_raw_values_in_the_body(small_library: Library) -> None:
    body = note(small_library).split("\n---\n", 1)[1]
    for raw in ("case-ref", "scale-before", "private-law", "male-carers", "true", "already-shared"):
        assert raw not in body
    assert "Private law" in body and "4 out of 10" in body and "1 December 2026" in body


def test_skipped_and_example_answers_are_marked(small_library: Library) -> None:
    session = full_session(
        small_library, **{"case-ref": "Child A - police check on mother's new partner"}
    )
    del session.answers["supervision-date"]
    text = build_markdown(session, NoteInfo(DAY, {}))
    assert "_Not answered._" in text
    assert "this is the example text" in text


def test_typed_markdown_cannot_add_structure(small_library: Library) -> None:
    text = note(small_library, **{"before": "# Heading\n- list\n| a | b |\n<script>x</script>"})
    tokens = MarkdownIt("commonmark").enable("table").parse(text.split("\n---\n", 1)[1])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Heading" not in headings
    assert "<script>" not in to_html(text)


def test_escalation_record_when_disagreeing(small_library: Library) -> None:
    text = note(small_library, disagreement=True, **{
        "escalation-stage": "manager", "escalation-with": "Service manager",
        "escalation-by": "2026-12-05",
    })  # fmt: skip
    record = text.split("## Escalation record", 1)[1].split("## ", 1)[0]
    assert "Raised with my manager" in record and "5 December 2026" in record
    assert "What exactly was decided" in text  # the escalation questions that applied


def test_html_is_one_printable_page(small_library: Library) -> None:
    html = to_html(note(small_library))
    assert html.startswith("<!DOCTYPE html>")
    assert "<table" in html and "@media print" in html
    assert "http" not in html.split("<body>")[0]  # nothing fetched from elsewhere


def test_escape_round_trip_keeps_the_words() -> None:
    html = MarkdownIt("commonmark").render(escape("5. *not* a list [or link](x) #tag"))
    assert "<ol" not in html and "<em>" not in html and "<a " not in html
    assert "#tag" in html


def test_every_section_a_pack_can_name_has_a_heading() -> None:
    from typing import get_args

    from wsw.note.markdown import SECTION_TITLES
    from wsw.packs.models import NoteSection

    assert list(SECTION_TITLES) == list(get_args(NoteSection))
