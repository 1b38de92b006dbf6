"""`wsw cpd`: a Social Work England CPD record from one or more notes, with no case detail."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.options import ForceOpt, JsonOpt, NamesOpt, say, settings


class CpdFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


def cpd(
    ctx: typer.Context,
    notes: Annotated[
        list[Path], typer.Argument(metavar="NOTE...", help="Notes wsw wrote (Markdown).")
    ],
    as_json: JsonOpt = False,
    fmt: Annotated[
        CpdFormat,
        typer.Option("--format", "-f", help='Markdown, HTML, or Word (needs "wsw[docx]").'),
    ] = CpdFormat.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the record to PATH.")
    ] = None,
    force: ForceOpt = False,
    names: NamesOpt = None,
) -> None:
    """A CPD record from notes: the learning and its impact, never the case."""
    from wsw.records.cpd import build_cpd
    from wsw.records.cpd_output import similar_records, to_html, to_json, to_markdown
    from wsw.records.reading import read_note

    if fmt is CpdFormat.docx and not as_json:
        from wsw.note.docx import require_docx

        require_docx()
    people = []
    if names is not None:
        from wsw.privacy.people import read_people

        people = read_people(names)
    read = [read_note(path) for path in notes]
    built = build_cpd(read, settings(ctx).catalogue().library, people)
    for warning in built.warnings:
        say(f"Warning: {warning}")
    target = None if output is None or str(output) == "-" else output
    if target is not None:
        for other in similar_records(built.record, target.parent, skip=target):
            say(f"Warning: this record is near-identical to {other}. Make each record "
                "its own learning (wsw's advice; see Social Work England's guidance).")  # fmt: skip
    if as_json:
        content: str | bytes = to_json(built.record)
    elif fmt is CpdFormat.html:
        content = to_html(built.record, len(read))
    elif fmt is CpdFormat.docx:
        from wsw.note.docx import to_docx

        content = to_docx(to_markdown(built.record, len(read)), title="CPD record")
    else:
        content = to_markdown(built.record, len(read))
    _emit(content, target, force)


def _emit(content: str | bytes, target: Path | None, force: bool) -> None:
    if target is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            sys.stdout.write(content)
        return
    from wsw.infra.storage import write_private

    write_private(target, content, overwrite=force)
    say(f"CPD record written to {target}")
