"""`wsw demo`: a fictional scenario played through the walk, for trainers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.completion import scenario_ids
from wsw.cli.options import ForceOpt, Format, FormatOpt, OutputOpt, finish, say, settings


def demo(
    ctx: typer.Context,
    scenario_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[SCENARIO]", help="The scenario to play.", autocompletion=scenario_ids
        ),
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", help="List the scenarios.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --list: print JSON.")] = False,
    auto: Annotated[
        bool,
        typer.Option(
            "--auto",
            help="Run straight through and print the example note (or write it with -o FILE).",
        ),
    ] = False,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", help="Fill in the scenario's information; type the rest."),
    ] = False,
    output: OutputOpt = None,
    fmt: FormatOpt = Format.md,
    force: ForceOpt = False,
) -> None:
    """Play a fictional scenario through the walk, for training.

    Pauses at each question (Enter to go on, :back to go back) to show the example answer,
    the learning wsw surfaces and the trainer's teaching notes. Never writes a draft.
    """
    from wsw.errors import InputError

    catalogue = settings(ctx).catalogue()
    library = catalogue.library
    if list_all:
        rows = [{"id": s.id, "title": s.title, "themes": list(s.themes)} for s in library.scenarios]
        if as_json:
            payload = {"version": 1, "scenarios": rows}  # as every --json (see the README)
            typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            for row in rows:
                typer.echo(f"{row['id']:<28} {row['title']}")
        return
    if scenario_id is None:
        raise typer.BadParameter("name a scenario, or use --list", param_hint="SCENARIO")
    if not auto and not sys.stdin.isatty():
        raise InputError(
            "A demo pauses for the trainer and needs a terminal; use --auto without one."
        )
    from wsw.reflection import run
    from wsw.reflection.answers import walk_of
    from wsw.reflection.notes import NoteTarget
    from wsw.reflection.scenarios import example_answers, find_scenario
    from wsw.terminal.asker import TerminalAsker
    from wsw.terminal.demo import DemoAsker
    from wsw.walk.session import Session

    scenario = find_scenario(library, scenario_id)
    walk = walk_of(library, scenario.walk)
    say(f"Demo: {scenario.title}. A fictional scenario; nothing is saved as a draft.")
    given = {"information": scenario.information} if interactive else {}
    session = Session(walk, library, given, suggester=catalogue.suggester)
    asker = (
        TerminalAsker()
        if interactive
        else DemoAsker(scenario, example_answers(session, scenario), auto)
    )
    writes = auto or output is not None
    if auto and output is None:
        # A fictional note never goes into the real notes folder: without -o it is printed.
        say("The example note goes to standard output; -o FILE saves it to a file.")
        output = Path("-")
    target = NoteTarget(output, fmt.value, force) if writes else None
    reflection = run.Reflection(session, run.NullDrafts(f"demo-{scenario.id}"), people=[])
    ending = run.Finish(target, preview=not writes, written="Example note written to {path}")
    finish(run.run_walk(reflection, asker, ending))
