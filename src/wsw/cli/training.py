"""`wsw demo` and `wsw cards`: for trainers and team leads."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli import app, settings
from wsw.cli.reflect import ForceOpt, Format, FormatOpt, OutputOpt

if TYPE_CHECKING:
    from wsw.packs.library import Library


@app.command()
def demo(
    ctx: typer.Context,
    scenario_id: Annotated[
        str | None, typer.Argument(metavar="[SCENARIO]", help="The scenario to play.")
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", help="List the scenarios.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --list: print JSON.")] = False,
    auto: Annotated[
        bool, typer.Option("--auto", help="Run straight through and write the example note.")
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

    library = settings(ctx).library()
    if list_all:
        rows = [{"id": s.id, "title": s.title, "themes": list(s.themes)} for s in library.scenarios]
        if as_json:
            typer.echo(json.dumps({"scenarios": rows}, indent=2, ensure_ascii=False))
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
    _play(library, scenario_id, auto, interactive, output, fmt.value, force)


def _play(
    library: Library,
    scenario_id: str,
    auto: bool,
    interactive: bool,
    output: Path | None,
    fmt: str,
    force: bool,
) -> None:
    from wsw.ask import Interrupted, TerminalAsker
    from wsw.demo import DemoAsker, example_answers, find_scenario
    from wsw.reflect import NoteTarget, render_note, walk_of, write_note
    from wsw.walk.engine import drive
    from wsw.walk.session import Session

    scenario = find_scenario(library, scenario_id)
    walk = walk_of(library, scenario.walk)
    typer.echo(
        f"Demo: {scenario.title}. A fictional scenario; nothing is saved as a draft.", err=True
    )
    if interactive:
        session = Session(walk, library, {"information": scenario.information})
        asker: TerminalAsker = TerminalAsker()
    else:
        session = Session(walk, library)
        asker = DemoAsker(scenario, example_answers(session, scenario), auto)
    try:
        stopped = drive(session, asker, lambda _: None)
    except (Interrupted, KeyboardInterrupt, EOFError):
        typer.echo("\nDemo stopped. Nothing was saved.", err=True)
        raise typer.Exit(130) from None
    if stopped is not None:
        typer.echo("Demo stopped. Nothing was saved.", err=True)
        return
    if auto or output is not None:
        label = f"demo-{scenario.id}"
        path = write_note(render_note(session, fmt), NoteTarget(output, fmt, force), label=label)
        if path:
            typer.echo(f"Example note written to {path}", err=True)
    else:
        asker.preview(render_note(session, "md"), [])


@app.command()
def cards(
    ctx: typer.Context,
    stage: Annotated[str | None, typer.Option("--stage", help="Only this stage (its id).")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Only this theme (its id).")] = None,
    fmt: FormatOpt = Format.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    force: ForceOpt = False,
    walk: Annotated[str, typer.Option("--walk", help="Which walk's prompts.")] = "individual",
) -> None:
    """Print a handout of the prompts and learning, by stage and theme."""
    from wsw.cards import build_cards
    from wsw.errors import InputError, did_you_mean
    from wsw.note import to_html
    from wsw.reflect import walk_of

    library = settings(ctx).library()
    chosen = walk_of(library, walk)
    stage_ids = [s.id for s in chosen.stages]
    if stage is not None and stage not in stage_ids:
        raise InputError(
            f"No stage '{stage}'{did_you_mean(stage, stage_ids)}. Stages: {', '.join(stage_ids)}."
        )
    if theme is not None and theme not in library.themes:
        raise InputError(
            f"No theme '{theme}'{did_you_mean(theme, library.themes)}. "
            "See `wsw packs show core` for the themes."
        )
    text = build_cards(library, chosen, stage, theme)
    if fmt is Format.html:
        text = to_html(text)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.storage import write_private

    write_private(output, text, overwrite=force)
    typer.echo(f"Handout written to {output}", err=True)
