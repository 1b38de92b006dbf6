"""Opening the case index for a command, and finding a case or an action by what was typed.

Messages never repeat the reference typed (it is an answer about a child): they say what
matched, or point at `wsw case list`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wsw.cases.index import Index
from wsw.errors import InputError

if TYPE_CHECKING:
    from wsw.cases.history import Case, OpenAction


def open_index(say: Callable[[str], None] | None = None) -> Index:
    """The index, up to date with the notes folder; `say` hears about any rebuild."""
    import sqlite3

    try:
        index = Index.open()
    except (sqlite3.Error, OSError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise InputError(f"The case index cannot be opened ({reason}).") from None
    for notice in index.notices:
        if say is not None:
            say(notice)
    return index


def find_ref(known: list[str], typed: str) -> str:
    """A case reference by what was typed: exactly, ignoring case, or by a unique start."""
    if typed in known:
        return typed
    folded = typed.casefold().strip()
    same = [ref for ref in known if ref.casefold() == folded]
    if len(same) == 1:
        return same[0]
    starts = [ref for ref in known if folded and ref.casefold().startswith(folded)]
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        raise InputError(f"That reference starts {len(starts)} cases; type more of it.")
    raise InputError("No case has that reference; `wsw case list` shows the cases.")


def load_case(index: Index, typed: str) -> Case:
    """One case, worked out from its own notes only."""
    from wsw.cases.history import build_case

    ref = find_ref(index.cases(), typed)
    return build_case(ref, index.records(ref))


def action_rows(index: Index, case: str | None = None) -> list[dict[str, str]]:
    """Open actions across cases (or of one case), as stored in the index's per-case rows."""
    ref = find_ref(index.cases(), case) if case is not None else None
    return [a for a in index.open_actions() if ref is None or a["case"] == ref]


def ordered(
    rows: list[dict[str, str]], today: str, overdue_only: bool = False
) -> list[dict[str, str]]:
    """Overdue first (oldest due first), then by due date, undated last (as `in_order`).

    Plain dictionaries: `wsw actions --json` over thousands of actions builds no objects.
    """
    found = [a for a in rows if not overdue_only or (a["due"] and a["due"] < today)]
    return sorted(found, key=lambda a: (not (a["due"] and a["due"] < today), a["due"] or "9999",
                                        a["case"], a["id"]))  # fmt: skip


def open_actions(index: Index, case: str | None = None) -> list[OpenAction]:
    from wsw.cases.history import OpenAction

    return [OpenAction(**a) for a in action_rows(index, case)]


def find_action(actions: list[OpenAction], typed: str) -> OpenAction:
    """An open action by its id or a unique start of it."""
    matches = [a for a in actions if a.id.startswith(typed.strip().lower())] if typed else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise InputError(f"{len(matches)} open actions start that way; type more of the id.")
    raise InputError("No open action has that id; `wsw actions` lists them.")
