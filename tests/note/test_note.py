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

GOLDEN = Path(__file__).parent.parent / "golden" / "full-note.md"
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
    assert headings[:3] == ["Child A - mother's new partner", "Summary", "Context"]
    for section in ("What?", "So what?", "Then what?", "For supervision",
                    "Learning considered", "Alternative explanations considered",
                    "Escalation record", "Questions still to ask", "Sources"):  # fmt: skip
        assert section in headings
    assert headings.count("Child A - mother's new partner") == 1  # the title once
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
    # The escalation questions the walk asked, each by its question, and where they are whole.
    asked = record.split("**Escalation questions the walk asked**", 1)[1]
    assert "- What exactly was decided, by whom and when, and what reasons were given? …" in asked
    assert "`wsw packs show core`" in asked
    assert "The 2017-19 analysis found" not in asked


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


def section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_note_opens_with_a_summary_a_supervisor_can_act_on(small_library: Library) -> None:
    text = note(small_library)
    summary = section(text, "Summary")
    assert "**New information:** At the first hearing the mother said" in summary
    assert "**Safety before:** 7 out of 10 · **Safety now:** 4 out of 10" in summary
    assert "**Why the score changed:** A history of violence" in summary
    assert "**Decision:** Refer to the local authority" in summary
    assert "| Refer to children's services | FCA | 25 November 2026 |" in summary
    assert "**Referral:** Yes: a child in need (s17)" in summary
    assert "- Is a referral proportionate" in summary
    assert len(summary.strip().splitlines()) <= 24  # one screen
    # Each answer once in full: the actions and the referral are not repeated below it.
    body = text.split("\n---\n", 1)[1]
    assert body.count("Refer to children's services") == 1
    assert body.count("Yes: a child in need (s17)") == 1


def test_a_long_answer_is_summarised_by_its_first_sentences(small_library: Library) -> None:
    long = (
        "Mr X stays most nights. He was convicted in 2022 of assault. Nursery say Child A is "
        "quiet on Mondays. Mother says e.g. that he is kind."
    )
    summary = section(note(small_library, information=long), "Summary")
    first_two = "Mr X stays most nights. He was convicted in 2022 of assault. …"
    assert f"**New information:** {first_two}" in summary
    assert "quiet on Mondays" not in summary
    assert "quiet on Mondays" in section(note(small_library, information=long), "What?")


def test_a_no_is_left_out_of_the_summary_and_kept_in_its_section(small_library: Library) -> None:
    text = note(small_library, **{"situational-supervision": False})
    assert "Situational supervision" not in section(text, "Summary")
    assert "**Do you need situational supervision before you go further?** No" in section(
        text, "For supervision"
    )


def test_headings_carry_no_typing_hints(small_library: Library) -> None:
    text = note(small_library)
    for hint in ("(one per line)", "(0 = not safe", "(by role", "(one question per line)"):
        assert hint not in text.split("\n---\n", 1)[1]
    assert "**Who did it come from?** police check, and the mother at court" in text


def test_wrapped_lines_from_an_editor_read_as_paragraphs(small_library: Library) -> None:
    typed = "Nursery say she is\nquiet on Mondays.\n\nShe sleeps\nin Mother's room.\n- one\n- two"
    body = section(note(small_library, before=typed), "So what?")
    assert "Nursery say she is quiet on Mondays.\n\nShe sleeps in Mother's room.\\\n\\- one" in (
        body
    )


def test_only_learning_shown_and_confirmed_is_listed_each_whole_in_one_line(
    small_library: Library,
) -> None:
    session = full_session(small_library)
    from wsw.note.learning import shown_and_confirmed

    shown = session.shown_learning()
    refs = shown_and_confirmed(session)
    listed = [r.point.id for r in refs]
    assert listed and set(listed) <= set(shown)
    learning = section(note(small_library), "Learning considered")
    items = [line for line in learning.splitlines() if line.startswith("- **")]
    assert len(items) == len(listed)
    assert all(line.endswith(")_") for line in items)  # title, one line, then the source
    assert all(escape(r.point.text) in item for r, item in zip(refs, items, strict=True))
    assert "wsw suggests" not in learning  # wsw's own advice is for the walk and handouts
    assert "**What does this learning mean for this case?**\n\nFind out who he is" in learning
    # With the themes unconfirmed, none of it was confirmed for this case.
    none = section(note(small_library, themes=[]), "Learning considered")
    assert "No learning shown in the walk was confirmed" in none and "- **" not in none


def test_a_finding_is_listed_whole_with_the_hedge_in_its_later_sentences(
    library: Library,
) -> None:
    """The first sentence alone dropped caveats: 'Table 4 gives lower numbers for fathers'
    without the briefing's two possible reasons (little information about fathers, reviews
    not treating their role as relevant)."""
    from wsw.note.learning import shown_and_confirmed

    point = "scr-2017-19.male-carers.find-out-about-the-men"
    session = full_session(library)
    assert point in [r.point.id for r in shown_and_confirmed(session)]
    learning = section(note(library), "Learning considered")
    assert "The briefing offers two possible reasons" in learning


def test_only_checks_the_answers_triggered_are_listed(small_library: Library) -> None:
    text = section(note(small_library), "For supervision")
    assert "The child has not been seen alone" in text  # seen-alone: no
    assert "You have not confirmed that it was passed on" in text  # already-shared: unknown
    assert "behavioural detail" not in text  # a check every walk shows is not this case's
    assert "revised the risk assessment" not in text
    seen = section(note(small_library, **{"seen-alone": True}), "For supervision")
    assert "The child has not been seen alone" not in seen


def test_the_documents_cited_are_listed_once_at_the_end(small_library: Library) -> None:
    text = note(small_library)
    sources = section(text, "Sources")
    assert "- Cafcass (2021). _Knowledge Bite: Key messages" in sources
    assert "_(Cafcass 2021, Learning theme: responding to changing risk)_" in text
    assert text.count("Knowledge Bite: Key messages") == 1


def test_summary_of_a_session_is_what_the_note_opens_with(small_library: Library) -> None:
    from wsw.note.markdown import summary_of

    session = full_session(small_library)
    assert summary_of(session) in build_markdown(session, NoteInfo(DAY, {}))
