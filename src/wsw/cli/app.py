"""The Typer app: the root options, and every command registered in `--help` order."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from wsw import __version__
from wsw.cli import (
    actions,
    agenda,
    cards,
    case,
    check,
    cpd,
    demo,
    drafts,
    group,
    packs,
    patterns,
    prompts,
    reflect,
    render,
    suggest,
    supervise,
)
from wsw.cli.options import Settings

HELP = (
    "What? So What? Then What? Reflect on new case information with learning from reviews "
    "of serious child safeguarding cases and Cafcass practice points."
)

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETION_FLAGS = ("--show-completion", "--install-completion")
# Typer reads this when it builds the command line: set, its completion options take a shell.
_SHELL_GIVEN = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"


class _App(typer.Typer):
    """Typer, but `--show-completion zsh` prints zsh's script.

    Typer makes its completion options plain flags whenever it can detect the shell, so a
    shell named after them was ignored and the current shell's script printed instead. When
    one is named, the options are built to take it.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        argv = kwargs.get("args")
        words = list(argv if argv is not None else sys.argv[1:])
        named = any(
            w in COMPLETION_FLAGS and n + 1 < len(words) and words[n + 1] in SHELLS
            for n, w in enumerate(words)
        ) or any(w.partition("=")[0] in COMPLETION_FLAGS and "=" in w for w in words)
        if not named or _SHELL_GIVEN in os.environ:
            return super().__call__(*args, **kwargs)
        os.environ[_SHELL_GIVEN] = "1"
        try:
            return super().__call__(*args, **kwargs)
        finally:
            del os.environ[_SHELL_GIVEN]


app = _App(
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
    cpd.cpd,
    supervise.supervise,
    patterns.patterns,
    agenda.agenda,
):
    app.command()(command)
