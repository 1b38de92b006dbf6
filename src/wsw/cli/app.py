"""The Typer app: the root options, and every command registered in `--help` order."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wsw import __version__
from wsw.cli import (
    actions,
    cards,
    case,
    check,
    demo,
    drafts,
    group,
    packs,
    prompts,
    reflect,
    render,
    suggest,
)
from wsw.cli.options import Settings

HELP = (
    "What? So What? Then What? Reflect on new case information with the learning from "
    "child safeguarding practice reviews."
)

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wsw {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    packs: Annotated[
        list[Path] | None,
        typer.Option(
            "--packs",
            metavar="DIR",
            help="Also load the packs in DIR (after built-in, user, WSW_PACKS). Repeatable.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """What? So What? Then What? Reflect on new case information with review learning."""
    ctx.obj = Settings(list(packs or []))


app.add_typer(drafts.drafts_app, name="drafts")
app.add_typer(packs.packs_app, name="packs")
app.add_typer(case.case_app, name="case")
app.add_typer(actions.actions_app, name="actions")
for command in (
    check.check,
    reflect.reflect,
    group.group,
    render.render,
    prompts.prompts,
    suggest.suggest,
    demo.demo,
    cards.cards,
):
    app.command()(command)
