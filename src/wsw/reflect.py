"""Running a reflection: from a terminal, a draft or an answers file, to a written note.

The CLI parses flags and calls these; they own the order of things that must not go wrong:
the draft saved after every answer and on every interruption, the note previewed before it
is written, the draft removed only once the note is safely on disk.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wsw import drafts, paths
from wsw.errors import InputError
from wsw.note import NoteInfo, build_markdown, to_html
from wsw.packs.library import Library
from wsw.packs.models import Walk
from wsw.storage import write_private
from wsw.walk.session import Session

if TYPE_CHECKING:
    from wsw.note_privacy import PrivacyReport
    from wsw.privacy import Person

EXIT_INTERRUPTED = 130


@dataclass
class NoteTarget:
    output: Path | None
    fmt: str
    force: bool


def walk_of(library: Library, walk_id: str) -> Walk:
    if walk_id not in library.walks:
        known = ", ".join(library.walks) or "none"
        raise InputError(f"There is no walk '{walk_id}' in the loaded packs (walks: {known}).")
    return library.walks[walk_id]


def note_info(library: Library, today: dt.date | None = None) -> NoteInfo:
    return NoteInfo(
        date=today or dt.date.today(),
        packs={p.pack.id: p.pack.version for p in library.packs},
    )


def render_note(session: Session, fmt: str, today: dt.date | None = None) -> str:
    markdown = build_markdown(session, note_info(session.library, today))
    return to_html(markdown) if fmt == "html" else markdown


def prepare_note(
    session: Session, fmt: str, people: list[Person], today: dt.date | None = None
) -> tuple[str, PrivacyReport]:
    """The note with declared names replaced by roles, and what is left that could identify."""
    from wsw.note_privacy import redacted, scan_note

    safe, report = redacted(session, people)
    markdown = build_markdown(safe, note_info(session.library, today))
    scan_note(markdown, people, report)
    return (to_html(markdown) if fmt == "html" else markdown), report


def default_note_path(fmt: str, label: str, today: dt.date | None = None) -> Path:
    day = (today or dt.date.today()).isoformat()
    return paths.notes_dir() / f"{day}-reflection-{label}.{'html' if fmt == 'html' else 'md'}"


def write_note(content: str, target: NoteTarget, label: str | None = None) -> Path | None:
    """Write the note privately; None means it went to stdout (`-o -`)."""
    if target.output is not None and str(target.output) == "-":
        import sys

        sys.stdout.write(content)
        return None
    path = target.output or default_note_path(target.fmt, label or secrets.token_hex(3))
    write_private(path, content, overwrite=target.force)
    return path


def session_from_answers(library: Library, walk_id: str | None, source: Path) -> Session:
    return answers_and_people(library, walk_id, source)[0]


def answers_and_people(
    library: Library, walk_id: str | None, source: Path
) -> tuple[Session, list[Person]]:
    """A checked session from an answers file or draft, and the people declared in it."""
    from wsw.note_privacy import people_from

    answers, meta = drafts.read_answers_file(source)
    people = people_from(meta.get("people", []), str(source)) if meta.get("people") else []
    walk = walk_of(library, walk_id or str(meta.get("walk") or "individual"))
    skipped = (
        [str(s) for s in meta.get("skipped", [])] if isinstance(meta.get("skipped"), list) else []
    )
    session = Session(walk, library, answers, skipped)
    drafts.check_answers(walk, session, str(source))
    return session, people
