"""Handouts a trainer prints: a card per stage and per theme, and a seven-minute briefing."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from helpers import Runner, builtin_library
from wsw.note.cards import briefing_points, build_briefing


def test_cards_in_html_start_each_stage_and_theme_on_a_new_page(
    tmp_path: Path, wsw: Runner
) -> None:
    out = tmp_path / "cards.html"
    assert wsw("cards", "--format", "html", "-o", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>What? So what? Then what?: prompts and learning</title>" in page
    assert 'class="meta"' not in page
    stages = len(builtin_library().walks["individual"].stages)
    assert page.count("<h2>") == stages + 1  # each stage, and the figures
    assert page.count('<h3 class="theme">Learning: ') >= 10  # each theme's points
    assert "body.cards h2:not(:first-of-type), body.cards h3.theme" in page


def test_a_seven_minute_briefing_on_one_theme(wsw: Runner) -> None:
    result = wsw("cards", "--briefing", "infants")
    assert result.code == 0, result.err
    tokens = MarkdownIt("commonmark").parse(result.out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    title = builtin_library().themes["infants"].title
    assert headings == [
        f"Seven-minute briefing: {title}",
        "Why it matters",
        "The key learning",
        "Questions for the team",
    ]
    library = builtin_library()
    for ref in briefing_points(library, "infants"):
        assert library.cite_point(ref.point) in result.out  # every point with its source
    questions = result.out.split("## Questions for the team", 1)[1]
    assert "wsw suggests (not from the source)" in questions  # the questions are wsw's own


def test_a_briefing_says_only_what_the_packs_hold() -> None:
    library = builtin_library()
    text = build_briefing(library, "neglect")
    for ref in briefing_points(library, "neglect"):
        assert " ".join(ref.point.text.split()) in text
    assert " ".join(library.themes["neglect"].description.split()) in text
    assert "About the figures from" in text  # figures come with what they count


def test_a_briefing_is_one_theme_and_names_a_real_one(wsw: Runner) -> None:
    bad = wsw("cards", "--briefing", "neglet")
    assert bad.code == 2 and "did you mean 'neglect'" in bad.err
    both = wsw("cards", "--briefing", "neglect", "--stage", "what")
    assert both.code == 2 and "--briefing" in both.err
    page = wsw("cards", "--briefing", "neglect", "--format", "html")
    assert "<title>Seven-minute briefing: " in page.out
