"""`wsw cards`: a handout of the prompts and the learning, for trainers and team leads."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.completion import stage_ids, theme_ids
from wsw.cli.options import ForceOpt, Format, FormatOpt, say, settings
from wsw.walk_ids import DEFAULT_WALK


def cards(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help="Only this stage (its id).", autocompletion=stage_ids),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option("--theme", help="Only this theme (its id).", autocompletion=theme_ids),
    ] = None,
    fmt: FormatOpt = Format.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    force: ForceOpt = False,
    walk: Annotated[str, typer.Option("--walk", help="Which walk's prompts.")] = DEFAULT_WALK,
) -> None:
    """Print a handout of the prompts and learning, by stage and theme."""
    from wsw.errors import InputError, did_you_mean
    from wsw.note.cards import build_cards
    from wsw.reflection.answers import walk_of

    library = settings(ctx).catalogue().library
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
        from wsw.note.html import to_html

        text = to_html(text)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=force)
    say(f"Handout written to {output}")
