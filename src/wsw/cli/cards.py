"""`wsw cards`: a handout of the prompts and the learning, for trainers and team leads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.completion import stage_ids, theme_ids
from wsw.cli.options import ForceOpt, Format, FormatOpt, say, settings
from wsw.walk_ids import DEFAULT_WALK

if TYPE_CHECKING:
    from wsw.note.html import Layout


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
    briefing: Annotated[
        str | None,
        typer.Option(
            "--briefing",
            metavar="THEME",
            help="A seven-minute briefing on one theme: why it matters, the key learning with "
            "sources, questions for the team.",
        ),
    ] = None,
) -> None:
    """Print a handout of the prompts and learning, by stage and theme, or a briefing."""
    from wsw.errors import InputError, did_you_mean
    from wsw.note.cards import build_briefing, build_cards
    from wsw.reflection.answers import walk_of

    library = settings(ctx).catalogue().library
    for name in (theme, briefing):
        if name is not None and name not in library.themes:
            raise InputError(
                f"No theme '{name}'{did_you_mean(name, library.themes)}. "
                "See `wsw packs show core` for the themes."
            )
    if briefing is not None:
        if stage is not None or theme is not None:
            raise InputError("--briefing is one theme on its own; leave out --stage and --theme.")
        _emit(build_briefing(library, briefing), fmt, output, force, "note")
        return
    chosen = walk_of(library, walk)
    stage_ids = [s.id for s in chosen.stages]
    if stage is not None and stage not in stage_ids:
        raise InputError(
            f"No stage '{stage}'{did_you_mean(stage, stage_ids)}. Stages: {', '.join(stage_ids)}."
        )
    _emit(build_cards(library, chosen, stage, theme), fmt, output, force, "cards")


def _emit(text: str, fmt: Format, output: Path | None, force: bool, layout: Layout) -> None:
    if fmt is Format.html:
        from wsw.note.html import to_html

        text = to_html(text, layout)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=force)
    say(f"Handout written to {output}")
