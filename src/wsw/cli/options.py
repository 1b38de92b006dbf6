"""What commands share: the root options (`--packs`), the catalogue, common flags, messages."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.completion import draft_ids

if TYPE_CHECKING:
    from wsw.catalogue.model import Catalogue
    from wsw.reflection.run import Outcome


class Settings:
    """Options given before the command, shared by every command."""

    def __init__(self, packs: list[Path]) -> None:
        self.packs = packs

    def catalogue(self) -> Catalogue:
        from wsw.catalogue.load import load_catalogue
        from wsw.infra import collector

        notices: list[str] = []
        catalogue = load_catalogue(self.packs, notices=notices)
        for notice in notices:
            say(notice)
        collector.settle()
        return catalogue


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings([])


def say(message: str) -> None:
    """A message for the person, on stderr (stdout carries only output)."""
    typer.echo(message, err=True)


def finish(outcome: Outcome) -> None:
    """Tell the person how a walk ended; an interruption exits through `main` with 130
    (Ctrl-C, end of input), 129 (SIGHUP) or 143 (SIGTERM)."""
    from wsw.errors import EXIT_INTERRUPTED, Stopped
    from wsw.infra import signals

    if outcome.status == "interrupted":
        raise Stopped(outcome.messages, signals.exit_code(EXIT_INTERRUPTED))
    for message in outcome.messages:
        say(message)


def needs_terminal(message: str) -> None:
    import sys

    from wsw.errors import InputError

    if not sys.stdin.isatty():
        raise InputError(message)


class Format(StrEnum):
    md = "md"
    html = "html"


OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the note to PATH ('-' for standard output)."),
]
ReportOutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to PATH instead of the screen.")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Markdown or printable HTML.")]
# For walks that can be resumed: not given means "as the draft was started" (else Markdown).
WalkFormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Markdown (the default) or printable HTML."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing file at PATH.")]
WalkOpt = Annotated[str, typer.Option("--walk", help="Which walk to use (see `wsw prompts`).")]
NamesOpt = Annotated[
    Path | None,
    typer.Option(
        "--names", metavar="FILE", help="People to replace by roles (YAML: people: [{name, role}])."
    ),
]
StrictOpt = Annotated[
    bool,
    typer.Option("--strict", help="Refuse to write a note that still contains identifiers."),
]
DraftIdArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[ID]", help="With --resume: the draft to resume.", autocompletion=draft_ids
    ),
]
ResumeOpt = Annotated[
    bool, typer.Option("--resume", help="Continue a draft (the latest unless ID is given).")
]
KeepDraftOpt = Annotated[
    bool, typer.Option("--keep-draft", help="Keep the draft after the note is written.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")]


def kept_output(output: Path | None) -> str | None:
    """`-o` as a draft keeps it: absolute, so `--resume` from another folder writes the same
    file (`-` stays standard output)."""
    if output is None:
        return None
    return "-" if str(output) == "-" else str(output.expanduser().absolute())


def resume_only_with_flag(draft_id: str | None, resume: bool) -> None:
    if draft_id is not None and not resume:
        raise typer.BadParameter("give --resume to continue a draft", param_hint="ID")
