"""`wsw drafts`: list, show and discard reflections in progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.completion import draft_ids
from wsw.cli.options import say, settings

if TYPE_CHECKING:
    from wsw.reflection.drafts import Draft

drafts_app = typer.Typer(
    help="List, show and discard saved drafts.", no_args_is_help=True, rich_markup_mode=None
)


@drafts_app.command("list")
def drafts_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """List saved drafts, newest first."""
    from wsw.reflection import drafts
    from wsw.terminal import views

    listing = drafts.list_drafts()
    for warning in listing.warnings():
        say(warning)
    if not listing.drafts:
        if as_json:
            _print_drafts_json([])
            return
        say("No drafts. Start a reflection with `wsw reflect`.")
        return
    if any(not d.title for d in listing.drafts):
        # Drafts written by hand (or by an older wsw) carry no title: the walk says which
        # answer is the title, so the packs are needed, and only then. Packs with problems
        # must not stop anyone seeing their drafts.
        from wsw.errors import PackError

        try:
            library = settings(ctx).catalogue().library
        except PackError:
            say("The packs have problems (see `wsw packs validate`); some titles are not shown.")
        else:
            for d in listing.drafts:
                d.title = d.title or drafts.title_from(library.walks.get(d.walk), d.answers)
    if as_json:
        _print_drafts_json(listing.drafts)
        return
    views.print_drafts(listing.drafts)


def _print_drafts_json(found: list[Draft]) -> None:
    """What a tool needs to pick a draft: never the answers themselves."""
    import json

    rows = [
        {
            "id": d.id,
            "walk": d.walk,
            "title": d.title,
            "created": d.created,
            "updated": d.updated,
            "answers": len(d.answers),
        }
        for d in found
    ]
    typer.echo(json.dumps({"version": 1, "drafts": rows}, indent=2, ensure_ascii=False))


@drafts_app.command("show")
def drafts_show(
    ctx: typer.Context,
    draft_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The draft's id (or its start).", autocompletion=draft_ids
        ),
    ],
) -> None:
    """Show a draft's answers so far as a note preview."""
    show_draft(ctx, draft_id)


def show_draft(ctx: typer.Context, draft_id: str) -> None:
    """A draft's answers as a note preview on stdout (also the read-only view of a draft
    that another wsw has open)."""
    from wsw.reflection import drafts
    from wsw.reflection.answers import checked_answers, walk_of
    from wsw.reflection.notes import render_unredacted
    from wsw.walk.session import Session

    draft, warnings = drafts.load(draft_id)
    for warning in warnings:
        say(warning)
    catalogue = settings(ctx).catalogue()
    library = catalogue.library
    walk = walk_of(library, draft.walk)
    answers, problems = checked_answers(walk, library, draft.answers)
    if problems:
        say(f"{len(problems)} saved answer(s) no longer fit their questions and are left out.")
    session = Session(walk, library, answers, draft.skipped, suggester=catalogue.suggester)
    typer.echo(render_unredacted(session, "md"), nl=False)


@drafts_app.command("discard")
def drafts_discard(
    draft_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="The draft to delete.", autocompletion=draft_ids),
    ] = None,
    all_drafts: Annotated[bool, typer.Option("--all", help="Delete every draft.")] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Delete a draft named by the start of its id unasked.")
    ] = False,
) -> None:
    """Delete a draft, or every draft with --all.

    A draft named by its whole id is deleted at once; by the start of its id (at least six
    characters, matching one draft only), wsw asks first, or needs --yes without a terminal.
    """
    from wsw.reflection import drafts

    if all_drafts:
        count = drafts.discard_all()
        say(f"Deleted {count} draft{'s' if count != 1 else ''}.")
        return
    if draft_id is None:
        raise typer.BadParameter("give a draft ID, or --all", param_hint="ID")
    draft, warnings = drafts.load(draft_id)
    for warning in warnings:
        say(warning)
    if draft.id != draft_id and not yes:
        _confirm_prefix(draft_id, draft)
    drafts.discard(draft.id)
    say(f"Deleted draft {draft.id}.")


def _confirm_prefix(prefix: str, draft: Draft) -> None:
    """Ask before deleting a draft named only by the start of its id."""
    import sys

    from wsw.errors import InputError, Refusal

    if not sys.stdin.isatty():
        raise InputError(
            f"'{prefix}' is the start of draft {draft.id}; give its whole id, or add --yes, "
            "to delete it."
        )
    title = f" ({escape_title(draft.title)})" if draft.title else ""
    typer.echo(f"Delete draft {draft.id}{title}? Type y to delete it: ", err=True, nl=False)
    if sys.stdin.readline().strip().casefold() not in ("y", "yes"):
        raise Refusal(f"Nothing was deleted; draft {draft.id} is kept.")


def escape_title(title: str) -> str:
    """A title as typed, cut to a line: it is shown plainly, so nothing in it is markup."""
    return title if len(title) <= 60 else title[:57] + "..."
