"""`wsw suggest`: the learning that bears on a piece of new case information."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from wsw.cli.options import settings


class AgeBandChoice(StrEnum):
    under_1 = "under-1"
    age_1_5 = "1-5"
    age_6_10 = "6-10"
    age_11_15 = "11-15"
    age_16_17 = "16-17"


def _read_text(text: str | None) -> str:
    from wsw.errors import InputError

    if text is not None and text != "-":
        return text
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(
            'Give the new information as an argument, e.g. wsw suggest "...", '
            "or pipe it in on standard input."
        )
    return sys.stdin.read()


def suggest(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            help="The new case information. Omit it (or give -) to read standard input."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N points.")] = 10,
    age_band: Annotated[
        list[AgeBandChoice] | None,
        typer.Option(
            "--age-band", "-a", help="Age band of the child; repeat for several children."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """Show learning relevant to new case information.

    Matches the information against the packs' triggers and themes and lists the most
    relevant learning and practice points, grouped by theme, each with the words that
    brought it up and its source.
    """
    from wsw.errors import InputError

    info = _read_text(text)
    if not info.strip():
        raise InputError("There is no text to suggest from: the information given is empty.")
    catalogue = settings(ctx).catalogue()
    library = catalogue.library
    bands = [b.value for b in age_band or []]
    results = catalogue.suggester.suggest(info, age_bands=bands, limit=limit)
    if as_json:
        import json

        from wsw.cli.pack_reports import JSON_VERSION, source_json

        fields = ("id", "theme", "themes", "kind", "title", "score", "matched", "pack", "prompt")
        rows = []
        for s in results:
            point = library.point_by_id[s.id].point
            source = source_json(library, point.source, point.as_of)
            rows.append({**{k: getattr(s, k) for k in fields}, "source": source})
        payload = {"version": JSON_VERSION, "suggestions": rows}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    from wsw.terminal import views

    views.print_suggestions(results, library)
