"""`wsw patterns`: the team's view across a folder of notes, from front matter only."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.options import ForceOpt, JsonOpt, ReportOutputOpt, say, settings


class PatternsFormat(StrEnum):
    md = "md"
    html = "html"
    jsonl = "jsonl"


def patterns(
    ctx: typer.Context,
    folders: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[FOLDER]...", help="Folders of notes (default: your notes)."),
    ] = None,
    as_json: JsonOpt = False,
    fmt: Annotated[
        PatternsFormat | None,
        typer.Option("--format", "-f", help="md, html with charts, or jsonl (one line a note)."),
    ] = None,
    output: ReportOutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Themes over time, referrals, escalations, falling safety scores, across notes.

    Only the notes' coded front matter is read (dates, themes, scores, referral, escalation,
    supervision), never an answer. Suggests themes for the next group supervision.
    """
    import json

    from wsw.errors import InputError
    from wsw.infra import paths
    from wsw.records import patterns as figures
    from wsw.records import patterns_output as out

    chosen = list(folders or [paths.notes_dir()])
    if not folders and not chosen[0].is_dir():  # a new user's: no note written yet
        chosen = []
    for folder in chosen:
        if not folder.is_dir():
            raise InputError(f"{folder} is not a folder of notes.")
    if fmt is PatternsFormat.jsonl:
        _emit("".join(f"{line}\n" for line in figures.jsonl_lines(figures.records(chosen))),
              output, force)  # fmt: skip
        return
    library = settings(ctx).catalogue().library
    themes = {t.id: t.title for t in library.themes.values()}
    found = figures.count((note for _, note in figures.records(chosen)), themes)
    if not chosen:
        say(f"No notes yet: `wsw reflect` writes them to {paths.notes_dir()}.")
    elif found.notes == 0:
        say("No notes wsw wrote were found in " + ", ".join(str(f) for f in chosen) + ".")
    if found.notes == 0 and not (as_json or fmt or output):
        return  # on screen, a report of zeros and every theme "never came up" says nothing more
    if as_json:
        text = json.dumps(found.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif fmt is PatternsFormat.html:
        text = out.to_html(found)
    elif fmt is PatternsFormat.md:
        text = out.to_markdown(found)
    else:
        text = out.to_text(found)
    _emit(text, output, force)


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=force)
    say(f"Written to {output}")
