"""`wsw drafts`: list, show and discard reflections in progress."""

from __future__ import annotations

from typing import Annotated

import typer

from wsw.cli import app, settings

drafts_app = typer.Typer(
    help="List, show and discard saved drafts.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(drafts_app, name="drafts")


@drafts_app.command("list")
def drafts_list() -> None:
    """List saved drafts, newest first."""
    from wsw import drafts, views

    found, damaged = drafts.list_drafts()
    for path in damaged:
        typer.echo(f"A damaged draft could not be read and was moved aside to {path}.", err=True)
    if not found:
        typer.echo("No drafts. Start a reflection with `wsw reflect`.", err=True)
        return
    views.print_drafts(found)


@drafts_app.command("show")
def drafts_show(
    ctx: typer.Context,
    draft_id: Annotated[str, typer.Argument(metavar="ID", help="The draft's id (or its start).")],
) -> None:
    """Show a draft's answers so far as a note preview."""
    from wsw import drafts
    from wsw.reflect import render_note, walk_of
    from wsw.walk.session import Session

    draft = drafts.load(draft_id)
    library = settings(ctx).library()
    session = Session(walk_of(library, draft.walk), library, draft.answers, draft.skipped)
    typer.echo(render_note(session, "md"), nl=False)


@drafts_app.command("discard")
def drafts_discard(
    draft_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="The draft to delete.")
    ] = None,
    all_drafts: Annotated[bool, typer.Option("--all", help="Delete every draft.")] = False,
) -> None:
    """Delete a draft, or every draft with --all."""
    from wsw import drafts

    if all_drafts:
        count = drafts.discard_all()
        typer.echo(f"Deleted {count} draft{'s' if count != 1 else ''}.", err=True)
        return
    if draft_id is None:
        raise typer.BadParameter("give a draft ID, or --all", param_hint="ID")
    drafts.discard(draft_id)
    typer.echo(f"Deleted draft {draft_id}.", err=True)
