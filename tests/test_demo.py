"""Trainers' demo mode: scenarios are valid, play through, write the example note, no drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import MINIMAL_PACK, Runner, builtin_library, load_library, write
from wsw.errors import PackError

SCENARIOS = [s.id for s in builtin_library().scenarios]


def test_at_least_five_fictional_scenarios_ship() -> None:
    library = builtin_library()
    assert len(library.scenarios) >= 5
    assert all(s.fictional and "fictional" in s.title.lower() for s in library.scenarios)
    assert len({frozenset(s.themes) for s in library.scenarios}) == len(library.scenarios)


def test_list_json_is_exact(wsw: Runner) -> None:
    payload = json.loads(wsw("demo", "--list", "--json").out)
    assert list(payload) == ["version", "scenarios"]
    for row in payload["scenarios"]:
        assert list(row) == ["id", "title", "themes"]
    assert [r["id"] for r in payload["scenarios"]] == SCENARIOS


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_scenario_plays_through_and_writes_its_note(
    scenario_id: str, tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = tmp_path / "example.md"
    result = wsw("demo", scenario_id, "--auto", "-o", str(note))
    assert result.code == 0, result.err
    text = note.read_text(encoding="utf-8")
    MarkdownIt("commonmark").enable("table").parse(text)
    library = builtin_library()
    scenario = next(s for s in library.scenarios if s.id == scenario_id)
    rendered = MarkdownIt("commonmark").render(text)
    import html
    import re

    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    assert " ".join(scenario.information.split()) in plain
    assert "## So what?" in text
    assert not list((wsw_home / "data" / "drafts").glob("*"))
    checked = wsw("check", str(note))
    assert checked.code == 0, checked.out  # a note wsw wrote has no identifiers of its own


def test_unknown_scenario(wsw: Runner) -> None:
    result = wsw("demo", "new-partner", "--auto")
    assert result.code == 2 and "wsw demo --list" in result.err


def test_demo_without_a_terminal_needs_auto(wsw: Runner) -> None:
    result = wsw("demo", SCENARIOS[0], stdin="")
    assert result.code == 2 and "--auto" in result.err


SCENARIO = """
scenarios:
  - id: team-scenario
    title: A team scenario (fictional)
    fictional: true
    information: A fictional piece of information.
    themes: [neglect]
    answers: {case-ref: Child Z, lunch-box: yes}
    teaching_notes: {so-wat: Ask the room.}
"""


def test_a_scenario_naming_an_unknown_question_or_theme_is_a_pack_error(tmp_path: Path) -> None:
    text = MINIMAL_PACK + SCENARIO.replace("[neglect]", "[neglet]")
    write(tmp_path / "packs" / "team.yaml", text)
    with pytest.raises(PackError) as info:
        load_library([tmp_path / "packs"], user=False, env=False)
    messages = [str(p) for p in info.value.problems]
    assert any(
        "scenarios[0].answers.lunch-box: unknown question 'lunch-box'" in m for m in messages
    )
    assert any("scenarios[0].themes[0]: unknown theme 'neglet'" in m for m in messages)
    assert any("'so-wat' is not a question or stage" in m for m in messages)


def test_a_scenario_answer_of_the_wrong_type_is_a_pack_error(tmp_path: Path) -> None:
    text = MINIMAL_PACK + SCENARIO.replace("lunch-box: yes", "scale-after: 12").replace(
        "so-wat", "so-what"
    )
    write(tmp_path / "packs" / "team.yaml", text)
    with pytest.raises(PackError, match="the example answer should be a whole number"):
        load_library([tmp_path / "packs"], user=False, env=False)


def test_a_demo_shows_the_learning_in_full_on_request(wsw_home: Path) -> None:
    """The brief learning says :learn; in a demo it works too."""
    import io

    from rich.console import Console

    from helpers import builtin, session
    from wsw.terminal.demo import DemoAsker

    library = builtin().library
    scenario = next(s for s in library.scenarios if s.walk == "individual")
    walk = session("individual", dict(scenario.answers))
    walk.answers.pop("themes", None)
    walk.cursor = "themes"
    step = walk.step()
    assert step is not None and step.question.id == "themes" and step.learning
    screen = io.StringIO()
    typed = io.StringIO(":learn\n\n")
    console = Console(file=screen, width=80)
    asker = DemoAsker(scenario, dict(scenario.answers), auto=False, console=console, stdin=typed)
    asker.ask(step)
    assert "Source:" in screen.getvalue() and "Unknown command" not in screen.getvalue()


def test_auto_without_o_prints_the_note_and_writes_nothing(wsw_home: Path, wsw: Runner) -> None:
    result = wsw("demo", SCENARIOS[0], "--auto")
    assert result.code == 0, result.err
    assert result.out.startswith("---\ntitle:") and "## Summary" in result.out
    assert "standard output" in result.err  # it says where the note went
    assert not (wsw_home / "notes").exists() or not list((wsw_home / "notes").iterdir())


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_each_demo_note_opens_with_a_summary_and_stays_short(
    scenario_id: str, tmp_path: Path, wsw: Runner
) -> None:
    note = tmp_path / "note.md"
    assert wsw("demo", scenario_id, "--auto", "-o", str(note)).code == 0
    text = note.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Summary"
    # as `wc -w` counts, front matter too: under half the 3,500-4,200 words of the notes
    # before the Summary, with every learning point whole (its hedges are in its later
    # sentences)
    assert len(text.split()) < 2400, len(text.split())
    assert wsw("check", str(note)).code == 0


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_each_demo_answers_the_safety_question_and_names_its_case(
    tmp_path: Path, wsw: Runner, scenario_id: str
) -> None:
    # A demo models good practice: no "Not answered" where a practitioner should answer.
    note = tmp_path / "note.md"
    assert wsw("demo", scenario_id, "--auto", "-o", str(note)).code == 0
    text = note.read_text(encoding="utf-8")
    assert "case: null" not in text
    assert "Does a child need protecting today?** _Not answered._" not in text


def test_the_bruised_baby_demo_takes_the_safety_first_path(tmp_path: Path, wsw: Runner) -> None:
    # The referral for a bruised baby who cannot roll is made first, not after an hour's typing.
    note = tmp_path / "note.md"
    assert wsw("demo", "injured-infant", "--auto", "-o", str(note)).code == 0
    summary = note.read_text(encoding="utf-8").split("## Summary", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in summary.splitlines() if line.strip()]
    assert lines[0] == "**A child needs protecting today:** Yes"
    assert "**Referral today:** Risk of significant harm (s47)" in summary
