"""`wsw prompts`: the walk's questions, for people writing answers files and for tools."""

from __future__ import annotations

from typing import Annotated

import typer

from wsw.cli.options import WalkOpt, settings
from wsw.walk_ids import DEFAULT_WALK


def prompts(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the walk as JSON.")] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of an answers file.")
    ] = False,
    walk: WalkOpt = DEFAULT_WALK,
) -> None:
    """Show the walk's questions (for answers files)."""
    import json

    from wsw.packs.questions import choices_for
    from wsw.reflection.answers import walk_of

    library = settings(ctx).catalogue().library
    chosen = walk_of(library, walk)
    titles = {t.id: t.title for t in library.themes.values()}
    if schema:
        from wsw.packs.answers_schema import answers_schema

        typer.echo(json.dumps(answers_schema(chosen, titles), indent=2))
        return
    if not as_json:
        from wsw.terminal import views

        views.print_walk(chosen, titles)
        return
    from wsw.cli.pack_reports import JSON_VERSION, question_json

    stages = [
        {
            "id": s.id,
            "title": s.title,
            "questions": [
                question_json(q, [c.value for c in choices_for(q, titles)]) for q in s.questions
            ],
        }
        for s in chosen.stages
    ]
    payload = {"version": JSON_VERSION, "walk": chosen.id, "stages": stages}
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
