"""`wsw actions`: open actions across cases, overdue first; `wsw actions done` records one."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated

import typer

from wsw.cli.case import complete_case
from wsw.cli.options import JsonOpt, say

actions_app = typer.Typer(
    help="Open actions from your notes, and recording them done.",
    invoke_without_command=True,
    rich_markup_mode=None,
)


def complete_action(incomplete: str) -> list[str]:
    """Shell completion: the ids of open actions that start with what was typed."""
    from wsw.cases.store import open_actions, open_index

    try:
        found = open_actions(open_index())
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [a.id for a in found if a.id.startswith(incomplete)]


@actions_app.callback()
def actions(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    case: Annotated[
        str | None,
        typer.Option(
            "--case", metavar="REF", help="Only this case's actions.", autocompletion=complete_case
        ),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue actions.")] = False,
) -> None:
    """Open actions across all cases with owner and due date, overdue first."""
    if ctx.invoked_subcommand is not None:
        return
    from wsw.cases import JSON_VERSION
    from wsw.cases.store import action_rows, open_index, ordered

    today = dt.date.today()
    found = ordered(action_rows(open_index(say), case), today.isoformat(), overdue)
    if as_json:
        keys = ("id", "case", "action", "owner", "due", "status", "note")
        rows = [{k: a[k] for k in keys} for a in found]
        typer.echo(json.dumps({"version": JSON_VERSION, "actions": rows}, ensure_ascii=False))
        return
    if not found:
        say("No open actions." if not overdue else "No overdue actions.")
        return
    from wsw.cases.history import OpenAction
    from wsw.terminal.cases import print_actions

    print_actions([OpenAction(**a) for a in found], today)


class Status(StrEnum):
    done = "done"
    dropped = "no-longer-needed"


@actions_app.command("done")
def actions_done(
    action_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The action's id (see `wsw actions`).",
            autocompletion=complete_action,
        ),
    ],
    outcome: Annotated[
        str | None, typer.Option("--outcome", metavar="TEXT", help="What came of it.")
    ] = None,
    status: Annotated[
        Status, typer.Option("--status", help="done, or no-longer-needed.")
    ] = Status.done,
) -> None:
    """Record an action as done: the outcome is written into the note it came from."""
    from wsw.cases.outcomes import record_outcome
    from wsw.cases.store import find_action, open_actions, open_index

    index = open_index(say)
    today = dt.date.today()
    action = find_action(open_actions(index), action_id)
    path = record_outcome(index.folder, action, status.value, (outcome or "").strip(), today)
    index.add(path)
    say(f"Recorded action {action.id} as {status.value.replace('-', ' ')} in {path}")
