"""What each screen of the walk looks like at 80 columns: it fits 80x24 and keeps its place.

A whole walk is typed into the real runner and asker; the screen is cut at every prompt, so
each piece is exactly what a practitioner sees before typing. Line counts are measured, not
guessed: the learning in at most eight lines, at most three reminders at once, the preview a
screen's worth with the whole note behind an option.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise
from pathlib import Path

from rich.console import Console

from helpers import builtin
from wsw.reflection import run
from wsw.terminal.asker import TerminalAsker

SCREEN = 24
# A walk with two interacting risks, a disagreement and the preview, so that every kind of
# screen comes up: stage openings, learning, reminders, escalation questions, the preview.
WALK = ["", "Child A - new partner", "n", "2026-12-01", "1", "2",
        "Mum's new partner moved in last month, and he drinks; she is depressed.",
        "The police check shows a conviction for assaulting an ex-partner.", "",
        "police", "5", "2019 conviction; moved in October.", "", "1", "PNC record", "", "n",
        "Does he care for her alone?", "", "", ":skip",
        *[line for text in ("before", "meaning", "other children", "safety now", "future risk",
                            "daily life", "child's voice") for line in (text, "")],
        "n", "A one-off", "He is hurting mum now", "", "Police call-outs; see mum alone", "",
        "Recent incidents", "", "7", "4", "Violence in the home", "",
        "Letter", "Referral", "", "Refer and tell the court", "",
        "Refer to LA | FCA | 2026-11-25", "", "2", "The conviction and its meaning", "", "4",
        "y", "The referral was screened out on Monday.", "", "The front door team manager",
        "Nobody has seen the child.", "", "1", "Team manager", "2026-12-20", ":skip", "1,2",
        "y", "Is a referral proportionate?", "", ":skip", ":skip"]  # fmt: skip


class CutAtPrompts(io.StringIO):
    """Standard input that notes where the screen had got to each time a line is read."""

    def __init__(self, lines: list[str], screen: io.StringIO) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.screen = screen
        self.marks: list[int] = []

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        self.marks.append(len(self.screen.getvalue()))
        return super().readline(-1 if size is None else size)


def screens(lines: list[str], wsw_home: Path) -> list[str]:
    """What is on the screen before each line is typed, from a new reflection at 80 columns."""
    screen = io.StringIO()
    stdin = CutAtPrompts(lines, screen)
    asker = TerminalAsker(console=Console(file=screen, width=80), stdin=stdin)
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    run.run_walk(reflection, asker, run.Finish(None))
    text = screen.getvalue()
    marks = [0, *stdin.marks, len(text)]
    return [text[a:b] for a, b in pairwise(marks)]


def height(screen: str) -> int:
    return len(screen.rstrip("\n").splitlines())


def test_every_screen_of_a_walk_fits_80_by_24(wsw_home: Path) -> None:
    shown = screens([*WALK, "2", "1"], wsw_home)  # at the preview: read it all, then finish
    learning = next(s for s in shown if "Which themes apply" in s)
    preview = next(s for s in shown if "Preview of your note" in s)
    whole = next(s for s in shown if "Actions" in s and "Preview of your note" not in s
                 and "Refer to LA" in s)  # fmt: skip
    for screen in shown:
        if screen not in (learning, whole):
            assert height(screen) <= SCREEN, screen
    assert height(learning) <= SCREEN + 1  # the 24 theme choices: the blank line scrolls off
    assert height(preview) <= SCREEN and "the whole note is" in preview
    assert height(whole) > 100  # option 2: the whole note


def test_the_learning_is_brief_and_in_full_on_request(wsw_home: Path) -> None:
    at_themes = WALK.index("Does he care for her alone?") + 2
    shown = screens([*WALK[:at_themes], ":learn", ":save"], wsw_home)
    learning = next(s for s in shown if "Which themes apply" in s)
    brief = learning[learning.index("Learning that may bear") : learning.index("Which themes")]
    assert height(brief) <= 8
    assert "found:" in brief and "Fathers and male carers" in brief  # title, theme, why
    assert "Source:" not in brief
    full = shown[-2]
    assert full.count("Source:") > 3 and "wsw suggests (not from the source)" in full


def test_at_most_three_reminders_at_once_and_all_on_request(wsw_home: Path) -> None:
    at_decision = WALK.index("Refer and tell the court")
    shown = screens([*WALK, "1"], wsw_home)
    panels = [s for s in shown if "Reminders" in s]
    assert len(panels) >= 4  # spread over the questions they concern
    for screen in panels:
        assert len(re.findall(r"│ • ", screen)) <= 3
    why = next(s for s in shown if "Why do you disagree" in s)
    assert "Escalation question: What is the evidence of risk" in " ".join(why.split())
    listed = screens([*WALK[:at_decision], ":reminders", ":save"], wsw_home)[-2]
    assert len(re.findall(r"│ • ", listed)) > 3
