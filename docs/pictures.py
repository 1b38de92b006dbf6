"""Regenerate the terminal pictures in the README from real runs.

Each picture is the real engine and the real asker (terminal, group or demo) driven by typed
input, recorded by Rich and saved as SVG. Nothing is drawn by hand:

    python docs/pictures.py            # writes docs/img/*.svg
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console

OUT = Path(__file__).parent / "img"
WIDTH = 80


class EchoingInput(io.StringIO):
    """Typed lines, echoed into the recording as a person would see them on screen."""

    def __init__(self, lines: list[str], console: Console) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.console = console

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line = super().readline()
        self.console.print(line.rstrip("\n"), markup=False, highlight=False)
        return line


def _record(name: str, title: str, run: Any) -> None:
    console = Console(
        record=True, width=WIDTH, force_terminal=True, color_system="truecolor", file=io.StringIO()
    )
    run(console)
    OUT.mkdir(exist_ok=True)
    console.save_svg(str(OUT / f"{name}.svg"), title=title)
    print(f"wrote {OUT / name}.svg")


def _catalogue() -> Any:
    from wsw.catalogue.load import load_catalogue

    return load_catalogue(user=False, env=False)


def reflect_picture(console: Console) -> None:
    from wsw.terminal.asker import TerminalAsker
    from wsw.walk.engine import drive
    from wsw.walk.session import Session

    catalogue = _catalogue()
    library = catalogue.library
    lines = [
        "Jayden Thompson = Child A",  # the People step that opens the walk
        "",
        "Child A - mother's new partner",
        "n",  # no child needs protecting today
        "2026-12-01",
        "1",
        "2",
        ":skip",
        "Mum said her new partner moved in last month.",
        "The police check shows he assaulted a previous partner.",
        "",
        ":save",
    ]
    asker = TerminalAsker(console=console, stdin=EchoingInput(lines, console))
    session = Session(library.walks["individual"], library, suggester=catalogue.suggester)
    asker.declare_people()
    drive(session, asker, lambda _: None)


def group_picture(console: Console) -> None:
    from wsw.terminal.group import GroupAsker
    from wsw.walk.engine import drive
    from wsw.walk.session import Session

    catalogue = _catalogue()
    library = catalogue.library
    answers = {
        "case-ref": "Child B - a declined referral",
        "age-bands": ["6-10"],
        "information": "The LA declined our referral about bruises on Child B's arms.",
    }
    lines = [
        "AB: When and where were the bruises seen?",
        "How does mum explain them?",
        "CD: Has Child B been seen alone?",
        ":save",
    ]
    asker = GroupAsker(timebox=10, console=console, stdin=EchoingInput(lines, console))
    session = Session(library.walks["group"], library, answers, suggester=catalogue.suggester)
    drive(session, asker, lambda _: None)


def demo_picture(console: Console) -> None:
    from wsw.reflection.scenarios import example_answers
    from wsw.terminal.demo import DemoAsker
    from wsw.walk.engine import drive
    from wsw.walk.session import Session

    catalogue = _catalogue()
    library = catalogue.library
    if not library.scenarios:
        return
    scenario = library.scenarios[0]
    session = Session(library.walks[scenario.walk], library, suggester=catalogue.suggester)
    lines = ["", "", "", "", "", ":quit"]
    asker = DemoAsker(
        scenario,
        example_answers(session, scenario),
        auto=False,
        console=console,
        stdin=EchoingInput(lines, console),
    )
    drive(session, asker, lambda _: None)


def note_picture(console: Console) -> None:
    """The opening of the first scenario's example note: its title and Summary."""
    from rich.markdown import Markdown

    from wsw.reflection.notes import render_summary
    from wsw.reflection.scenarios import example_answers
    from wsw.walk.session import Session

    catalogue = _catalogue()
    library = catalogue.library
    if not library.scenarios:
        return
    scenario = library.scenarios[0]
    session = Session(library.walks[scenario.walk], library, suggester=catalogue.suggester)
    session.answers.update(example_answers(session, scenario))
    title = str(session.answers.get("case-ref", scenario.title))
    console.print(Markdown(f"# {title}\n\n## Summary\n\n{render_summary(session, [])}"))


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["WSW_HOME"] = home
        os.environ.pop("NO_COLOR", None)
        _record("reflect", "wsw reflect", reflect_picture)
        _record("group", "wsw group", group_picture)
        _record("demo", "wsw demo", demo_picture)
        _record("note", "The note's Summary", note_picture)


if __name__ == "__main__":
    main()
