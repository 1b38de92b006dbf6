"""The command line: parse arguments, call the core, show the result.

Only Typer is imported at start-up; pydantic, PyYAML, the pack loader and Rich rendering are
imported inside the commands that need them, so `wsw --help` stays as quick as a bare Typer app.
Each command group lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw import __version__

if TYPE_CHECKING:
    from wsw.packs import Library

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


class Settings:
    """Options given before the command, shared by every command."""

    def __init__(self, packs: list[Path]) -> None:
        self.packs = packs

    def library(self) -> Library:
        from wsw import collector
        from wsw.packs import load_library

        library = load_library(self.packs)
        collector.settle()
        return library


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


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings([])


def _register() -> None:
    # Imported for their side effect of adding commands to `app`, in --help order.
    from wsw.cli import drafts, packs, privacy, reflect, suggest, training  # noqa: F401


_register()
