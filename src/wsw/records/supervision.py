"""The supervision record, written into the note it is about.

The note is the practitioner's record, so supervision adds to it and changes none of it:
every line the note had stays as it was, byte for byte, in order. The front matter gains
lines (inserted before its closing `---`, never re-dumped, so nothing already there is
rewritten): when it was supervised, by whom (a role), the review date and the agreed
actions (`supervision_actions`, which the case index reads with the note's own actions).
The body gains a "Supervision record" section at the end, its parts one heading down.

The previous version stays beside the note (`NAME.before-supervision`) until the new one is
safely in place, and both go through the one private, atomic writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wsw import __version__
from wsw.cases.record import FRONT, split_note
from wsw.errors import InputError
from wsw.infra.storage import write_private
from wsw.text.markdown import date_words, escape

SECTION = "## Supervision record"
BACKUP_SUFFIX = ".before-supervision"
# Parts of a walk's note that belong to a reflection, not to its supervision record: the
# reminders were shown during the walk, and there is no learning from packs to consider.
LEFT_OUT = ("For supervision", "Learning considered")


@dataclass(frozen=True)
class Supervision:
    """What the supervision adds to the front matter, and its Markdown (already redacted)."""

    date: str
    role: str
    review: str | None
    actions: list[dict[str, Any]]
    markdown: str  # the supervision walk's note, as wsw.note renders it


def supervision_from(markdown: str) -> Supervision:
    """The record from the supervision walk's note (front matter written by its walk)."""
    front, _ = split_note(markdown)
    actions = front.get("supervision_actions")
    review = front.get("supervision_review")
    return Supervision(
        date=str(front.get("date") or ""),
        role=str(front.get("supervisor") or "supervisor").strip(),
        review=str(review) if review else None,
        actions=[a for a in actions if isinstance(a, dict)] if isinstance(actions, list) else [],
        markdown=markdown,
    )


def record_section(supervision: Supervision) -> str:
    """The walk's note as one section: its front matter, title and opening line dropped."""
    _, body = split_note(supervision.markdown)
    kept = [
        "### " + part.strip("\n")
        for part in body.split("\n## ")[1:]
        if part.split("\n", 1)[0].strip() not in LEFT_OUT
    ]
    inner = "\n\n".join(kept)
    role = supervision.role
    if role[:2] != role[:2].upper():  # "Practice supervisor", not an acronym such as "SM"
        role = role[0].lower() + role[1:]
    opening = (
        f"Recorded on {date_words(supervision.date)} by the {escape(role)} with "
        f"wsw {__version__}. The questions follow the four functions of supervision "
        "(management, support, development, mediation) in the integrated 4x4x4 model; they "
        "are wsw's own, not from the source documents."
    )
    return f"{SECTION}\n\n{opening}\n\n{inner}\n"


def with_supervision(text: str, supervision: Supervision) -> str:
    """The note's text with the record added: every original line kept, only added to."""
    import yaml

    front, _ = split_note(text)
    match = FRONT.match(text)
    if match is None or not front or "wsw" not in front:
        raise InputError("That file is not a note wsw wrote (no front matter); not changed.")
    if front.get("supervised"):
        raise InputError(
            "That note already has a supervision record; supervise the next reflection on "
            "the case instead (its actions carry on in `wsw actions`)."
        )
    added: dict[str, Any] = {"supervised": supervision.date, "supervisor": supervision.role}
    if supervision.review:
        added["supervision_review"] = supervision.review
    if supervision.actions:
        added["supervision_actions"] = supervision.actions
    lines = yaml.safe_dump(added, sort_keys=False, allow_unicode=True)
    head_end = match.end(1) + 1  # just after the front matter's last line and its newline
    body = text[match.end() :]
    tail = "" if body.endswith("\n") or not body else "\n"
    return (
        text[:head_end] + lines + text[head_end : match.end()] + body + tail + "\n"
        + record_section(supervision)
    )  # fmt: skip


def supervise_note(path: Path, supervision: Supervision) -> Path:
    """Write the record into the note at `path`, the old version beside it until done."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise InputError(f"{path} cannot be read ({reason}); nothing was written.") from None
    new = with_supervision(text, supervision)
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    write_private(backup, text, overwrite=True)
    write_private(path, new, overwrite=True)
    backup.unlink(missing_ok=True)
    return path
