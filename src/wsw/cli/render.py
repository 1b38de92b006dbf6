"""`wsw render`: a note from an answers file or a draft, asking nothing."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.options import (
    ForceOpt,
    NamesOpt,
    OutputOpt,
    StrictOpt,
    say,
    settings,
)

if TYPE_CHECKING:
    from wsw.reflection.notes import NoteTarget


class RenderFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


RenderFormatOpt = Annotated[
    RenderFormat,
    typer.Option("--format", "-f", help='Markdown, printable HTML, or Word (needs "wsw[docx]").'),
]


def render(
    ctx: typer.Context,
    answers: Annotated[Path, typer.Argument(metavar="ANSWERS", help="An answers file or a draft.")],
    output: OutputOpt = None,
    fmt: RenderFormatOpt = RenderFormat.md,
    force: ForceOpt = False,
    walk: Annotated[
        str | None, typer.Option("--walk", help="Which walk (default: the file's, or individual).")
    ] = None,
    names: NamesOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Write a note from an answers file, asking nothing."""
    from wsw.reflection.notes import NoteTarget

    if fmt is RenderFormat.docx:
        from wsw.note.docx import require_docx

        require_docx()  # before any work, so a missing extra costs nothing
        render_file(ctx, walk, answers, NoteTarget(output, "md", force), names, strict, docx=True)
        return
    html = fmt is RenderFormat.html
    target = NoteTarget(output, "html", force) if html else NoteTarget(output, "md", force)
    render_file(ctx, walk, answers, target, names, strict)


def render_file(
    ctx: typer.Context,
    walk: str | None,
    answers: Path,
    target: NoteTarget,
    names: Path | None,
    strict: bool,
    docx: bool = False,
) -> None:
    """Render an answers file, replacing declared names; with strict, refuse if anything is left."""
    from wsw.errors import Refusal
    from wsw.privacy.people import read_people
    from wsw.reflection.answers import session_from_file
    from wsw.reflection.notes import case_notice, note_kind, render_note, write_note

    session, people = session_from_file(settings(ctx).catalogue(), walk, answers)
    if names is not None:
        people = [*people, *read_people(names)]
    content, report = render_note(session, target.fmt, people)
    if strict and not report.clean:
        message = "The note still contains identifiers, so it was not written:"
        raise Refusal(message, report.summary(show_text=False))
    if docx:
        from wsw.reflection.notes import write_docx_note

        path = write_docx_note(content, target)
    else:
        path = write_note(content, target, kind=note_kind(session))
    if path:
        say(f"Note written to {path}")
    for line in case_notice(session, path):
        say(line)
    if not report.clean:  # written anyway: say so, naming kinds and lines, never the text
        where = f"`wsw check {path}`" if path else "`wsw check`"
        say("Warning: the note still contains what could identify someone:")
        for line in report.summary(show_text=False):
            say(f"  {line}")
        say(f"Look at it with {where}; --strict refuses to write such a note.")
