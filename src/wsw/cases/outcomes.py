"""`wsw actions done`: the outcome written into the note the action came from.

The note is the record, so the outcome goes there and nowhere else: an `action_outcomes`
entry in the front matter (what the case history reads) and a line under "Action outcomes"
at the end of the body (what a supervisor reads). Nothing the practitioner wrote is changed:
the body is kept byte for byte and only added to; the front matter gains one entry. The
note is replaced atomically through the one writer, so a crash leaves the old note or the
new one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wsw.cases.history import OpenAction
from wsw.cases.record import FRONT, split_note
from wsw.errors import InputError
from wsw.infra.storage import write_private
from wsw.text.markdown import date_words, escape

SECTION = "## Action outcomes"
LABELS = {"done": "done", "no-longer-needed": "no longer needed"}


def with_outcome(text: str, action: OpenAction, status: str, outcome: str, today: dt.date) -> str:
    """The note's text with the outcome added to its front matter and its body."""
    import yaml

    front, body = split_note(text)
    match = FRONT.match(text)
    if match is None or not front:
        raise InputError(f"{action.note} has no front matter that wsw can read; not changed.")
    entry = {"id": action.id, "action": action.action, "status": status, "date": today.isoformat()}
    if outcome:
        entry["outcome"] = outcome
    listed = front.get("action_outcomes")
    front["action_outcomes"] = [*(listed if isinstance(listed, list) else []), entry]
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True).strip()
    line = f"- {date_words(today.isoformat())}: {escape(action.action)}: {LABELS[status]}."
    if outcome:
        line += f" Outcome: {escape(outcome)}"
    last_section = ("\n" + body).rsplit("\n## ", 1)[-1]
    if last_section.startswith(SECTION[3:]):  # add to the outcomes already at the end
        body = body.rstrip("\n") + f"\n{line}\n"
    else:
        body = body.rstrip("\n") + f"\n\n{SECTION}\n\n{line}\n"
    return f"---\n{head}\n---\n{body}"


def record_outcome(
    folder: Path, action: OpenAction, status: str, outcome: str, today: dt.date
) -> Path:
    """Write the outcome into the action's note; returns the note's path."""
    path = folder / action.note
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InputError(f"{path} cannot be read, so the outcome was not recorded.") from None
    write_private(path, with_outcome(text, action, status, outcome, today), overwrite=True)
    return path
