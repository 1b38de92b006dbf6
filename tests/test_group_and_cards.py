"""Group mode in a pseudo-terminal, the group note, and handouts for every stage and theme."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest
from markdown_it import MarkdownIt

from helpers import (
    WSW,
    Runner,
    builtin_library,
    default_interrupts,
    interrupt,
    session,
    terminal_env,
)
from wsw.terminal.group import GroupAsker, contribution

PROMPT, MORE, ADD = r"\r\n> $", r"\r\n  $", r"\+ $"


def spawn(home: Path, *args: str) -> pexpect.spawn[str]:
    env = terminal_env(home)
    child = pexpect.spawn(WSW, ["group", *args], env=env, encoding="utf-8",
                          dimensions=(24, 80), timeout=60,
                          preexec_fn=default_interrupts)  # fmt: skip
    child.expect("Declare the people involved")
    child.expect(PROMPT)
    child.sendline("")
    return child


def send(child: pexpect.spawn[str], text: str, prompt: str = PROMPT) -> None:
    child.expect(prompt)
    child.sendline(text)


def test_group_discussion_end_to_end(tmp_path: Path) -> None:
    home, note = tmp_path / "home", tmp_path / "group.md"
    child = spawn(home, "--timebox", "3", "-o", str(note))
    send(child, "Child B - referral declined")
    send(child, "Child B")
    send(child, "3")
    child.expect("does everyone agree that what is said stays in")
    send(child, "y")  # the confidentiality agreement
    child.expect(PROMPT)
    child.sendline("The LA declined our referral about bruises on Child B's arms.")
    child.expect(MORE)
    child.sendline("")
    child.expect("Time box: 2 min")  # the stage's own box (10 min) or the --timebox, shown live
    send(child, "AB: When were the bruises seen?", ADD)
    send(child, "How does the mother explain them?", ADD)
    send(child, "A question to remove", ADD)
    send(child, ":del 3", ADD)
    child.expect(r"Remove 3\. A question to remove\?")
    child.expect(r"Remove it\? \(y/n\) $")
    child.sendline("y")
    child.expect("Removed: A question to remove")
    send(child, ":edit 2", ADD)
    child.expect("new text: ")
    child.sendline("CD: What does the mother say happened?")
    send(child, ":list", ADD)
    child.expect("Clarifying questions and what the presenter answered")
    send(child, "", ADD)
    send(child, "4")  # has anyone else passed it on: not known
    send(child, "y")  # a decision the presenter disagrees with
    child.expect("What is the decision the presenter disagrees with")
    child.expect(PROMPT)
    child.sendline("The referral was declined on Monday as below threshold.")
    child.expect(MORE)
    child.sendline("")
    send(child, "The local authority's front door team manager")
    send(child, "Nobody has seen Child B's arms", ADD)
    send(child, "", ADD)
    child.expect("Learning that may bear on this")
    send(child, "")  # keep the suggested themes
    send(child, "", ADD)  # what the learning means for this case (optional)
    send(child, "He may be hit at home", ADD)
    send(child, "", ADD)
    send(child, ":back", ADD)
    child.expect("He may be hit at home")  # contributions kept when going back
    send(child, "", ADD)
    for contributions in (["Plays out after school"],
                          ["Not known tonight"],
                          ["Likely to be hit again"],
                          ["An accident at school", "Someone at home hurts him"]):  # fmt: skip
        for item in contributions:
            send(child, item, ADD)
        send(child, "", ADD)
    child.expect("Map the case with Signs of Safety now?")
    send(child, "y")
    for contributions in (["Bruises nobody explains"], ["School noticed and acted"],
                          ["Child B seen alone this week"]):  # fmt: skip
        for item in contributions:
            send(child, item, ADD)
        send(child, "", ADD)
    send(child, "3")  # the Signs of Safety scale
    send(child, "Escalate to the service manager", ADD)
    send(child, "", ADD)
    child.expect(PROMPT)
    child.sendline("We will escalate today.")
    child.expect(MORE)
    child.sendline("")
    send(child, "1")  # referral: s47
    send(child, "The presenter, with the SM, today")
    child.expect(PROMPT)
    child.sendline("Escalate to SM | FCA | 2026-12-01")
    child.expect(MORE)
    child.sendline("")
    send(child, "Is escalation the right route?", ADD)
    send(child, "", ADD)
    child.expect("What will you take from this into other cases?")
    child.expect(PROMPT)
    child.sendline("Ask for the school's own account before the first meeting.")
    child.expect(MORE)
    child.sendline("")
    child.expect("What difference will that make")
    send(child, ":skip")
    child.expect("A short summary for the child's file")
    child.expect(PROMPT)
    child.sendline("Discussed in group supervision; escalating the declined referral today.")
    child.expect(MORE)
    child.sendline("")
    child.expect("Preview of your note")
    send(child, "1")
    child.expect(pexpect.EOF)
    text = note.read_text(encoding="utf-8")
    assert "## Learning for practice" in text and "own account before the first" in text
    assert "## Signs of Safety mapping" in text and "- School noticed and acted" in text
    assert "## Summary for the child's file" in text and "escalating the declined" in text
    assert "confidentiality: " not in text and "stays in the room" in text
    assert "- When were the bruises seen? (AB)" in text
    assert "- What does the mother say happened? (CD)" in text
    assert "A question to remove" not in text
    assert "## Alternative explanations considered" in text and "Someone at home hurts him" in text
    assert "| Escalate to SM | FCA | 1 December 2026 |" in text
    assert "walk: group" in text
    assert "The referral was declined on Monday as below threshold." in text
    assert not list((home / "data" / "drafts").glob("*.json"))


def test_group_ctrl_c_keeps_contributions_for_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    send(child, "Child C")
    send(child, "Child C")
    send(child, "2")
    send(child, "y")  # the confidentiality agreement
    child.expect(PROMPT)
    child.sendline("Information")
    child.expect(MORE)
    child.sendline("")
    send(child, "First question", ADD)
    child.expect(ADD)
    interrupt(child)
    child.expect("Resume with")
    child.expect(pexpect.EOF)
    (draft,) = [json.loads(p.read_text()) for p in (home / "data" / "drafts").glob("*.json")]
    assert draft["meta"]["walk"] == "group"
    assert draft["meta"]["pending"]["text"] == "First question"


def test_contribution_initials() -> None:
    assert contribution("AB: Ask the school") == "Ask the school (AB)"
    assert contribution("ab: initials in small letters") == "initials in small letters (AB)"
    assert contribution("Mum: a word, not initials") == "Mum: a word, not initials"
    assert contribution("Note: not initials?") == "Note: not initials?"
    assert contribution("plain") == "plain"


def test_contributions_are_added_a_line_at_a_time_and_a_removal_asks_first(
    wsw_home: Path,
) -> None:
    """The captured list is drawn once, each new contribution adds one line; :del asks
    before the numbers after it move."""
    from io import StringIO

    from rich.console import Console

    from wsw.walk.engine import Answer

    screen = StringIO()
    typed = "ab: first\nsecond\nCD: third\n:del 1\nn\n:del 1\ny\n\n"
    asker = GroupAsker(console=Console(file=screen, width=80), stdin=StringIO(typed))
    walk = session("group")
    while (step := walk.step()) is not None and step.question.type != "list":
        first = step.choices[0].value if step.choices else "Child B"
        walk.answer([first] if step.question.type == "multichoice" else first)
    assert step is not None and step.question.id == "clarifying"
    reply = asker.ask(step)
    assert reply == Answer(["second", "third (CD)"])
    shown = screen.getvalue()
    assert shown.count("Captured") + shown.count("Nothing captured yet") == 2  # start, renumber
    assert " 3. third (CD)" in shown
    assert "Remove 1. first (AB); 2 after it will move up one number?" in shown
    assert "Kept; nothing was removed." in shown


def test_time_box_counts_down_and_never_blocks() -> None:
    from io import StringIO

    from rich.console import Console

    now = [0.0]
    out = StringIO()
    asker = GroupAsker(timebox=2, clock=lambda: now[0], console=Console(file=out, width=80))
    library = builtin_library()
    from wsw.walk.session import Session

    step = Session(library.walks["group"], library).step()
    assert step is not None
    asker._time_left(step)
    now[0] = 90.0
    asker._time_left(step)
    now[0] = 1000.0
    asker._time_left(step)
    text = out.getvalue()
    assert "2 min 00 s left of 2 min" in text and "0 min 30 s left" in text
    assert "reached: move on when the group is ready" in text


def test_group_needs_a_terminal(wsw: Runner) -> None:
    result = wsw("group", stdin="")
    assert result.code == 2 and "terminal" in result.err


STAGES = [s.id for s in builtin_library().walks["individual"].stages]
THEMES = list(builtin_library().themes)


@pytest.mark.parametrize("stage", STAGES)
def test_cards_for_every_stage(stage: str, wsw: Runner) -> None:
    result = wsw("cards", "--stage", stage)
    assert result.code == 0
    tokens = MarkdownIt("commonmark").parse(result.out)
    assert sum(t.type == "heading_open" and t.tag == "h2" for t in tokens) == 1


@pytest.mark.parametrize("theme", THEMES)
def test_cards_for_every_theme(theme: str, wsw: Runner) -> None:
    result = wsw("cards", "--theme", theme)
    assert result.code == 0
    assert "Source:" in result.out, f"no learning for {theme} in any stage"


def test_cards_html_and_bad_names(tmp_path: Path, wsw: Runner) -> None:
    assert wsw("cards", "-f", "html", "-o", str(tmp_path / "h.html")).code == 0
    assert (tmp_path / "h.html").read_text().startswith("<!DOCTYPE html>")
    bad = wsw("cards", "--theme", "neglet")
    assert bad.code == 2 and "did you mean 'neglect'" in bad.err
    assert "Stages: context" in wsw("cards", "--stage", "nope").err


def test_group_resume_keeps_the_time_box_and_where_the_note_goes(tmp_path: Path) -> None:
    home, note = tmp_path / "home", tmp_path / "team.md"
    child = spawn(home, "--timebox", "1", "-o", str(note))
    send(child, "Child E")
    child.expect(PROMPT)
    interrupt(child)
    child.expect(pexpect.EOF)
    env = terminal_env(home)
    resumed = pexpect.spawn(WSW, ["group", "--resume"], env=env, encoding="utf-8",
                            dimensions=(24, 80), timeout=60,
                            preexec_fn=default_interrupts)  # fmt: skip
    resumed.expect("of 1 min")  # the --timebox given when the discussion started
    resumed.expect(PROMPT)
    interrupt(resumed)
    resumed.expect("wsw group --resume")
    resumed.expect(pexpect.EOF)
    (draft,) = [json.loads(p.read_text()) for p in (home / "data" / "drafts").glob("*.json")]
    assert draft["meta"]["options"] == {"output": str(note), "timebox": 1}
