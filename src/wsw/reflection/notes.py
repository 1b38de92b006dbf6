"""Making and writing the note: redacted, checked for identifiers, written privately.

`render_note` is what every command writes: declared names replaced by roles, then the
finished note scanned for anything that could still identify someone. `render_unredacted`
is only for showing a draft to the person who typed it.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wsw.infra import paths
from wsw.infra.storage import write_private
from wsw.note.markdown import NoteInfo, build_markdown
from wsw.privacy.pseudonyms import Person
from wsw.walk.session import Session
from wsw.walk_ids import GROUP_WALK

if TYPE_CHECKING:
    from wsw.note.redaction import PrivacyReport

NoteFormat = Literal["md", "html"]


@dataclass(frozen=True)
class NoteTarget:
    """Where a note goes: a path, `-` for standard output, or None for the notes folder."""

    output: Path | None
    fmt: NoteFormat = "md"
    force: bool = False

    @property
    def to_stdout(self) -> bool:
        return self.output is not None and str(self.output) == "-"


def note_info(session: Session, today: dt.date | None = None) -> NoteInfo:
    return NoteInfo(
        date=today or dt.date.today(),
        packs={p.pack.id: p.pack.version for p in session.library.packs},
    )


def _formatted(markdown: str, fmt: NoteFormat) -> str:
    if fmt == "html":
        from wsw.note.html import to_html

        return to_html(markdown)
    return markdown


def render_unredacted(
    session: Session, fmt: NoteFormat = "md", today: dt.date | None = None
) -> str:
    """The note exactly as typed, names and all: for the practitioner's own screen only."""
    return _formatted(build_markdown(session, note_info(session, today)), fmt)


def render_note(
    session: Session, fmt: NoteFormat, people: list[Person], today: dt.date | None = None
) -> tuple[str, PrivacyReport]:
    """The note with declared names replaced by roles, and what is left that could identify."""
    from wsw.note.redaction import redacted, scan_note

    safe, report = redacted(session, people)
    markdown = build_markdown(safe, note_info(session, today))
    scan_note(markdown, people, report)
    return _formatted(markdown, fmt), report


def render_summary(session: Session, people: list[Person]) -> str:
    """The note's Summary section (Markdown, names replaced by roles): a preview shows it first."""
    from wsw.note.markdown import summary_of
    from wsw.note.redaction import redacted

    safe, _ = redacted(session, people)
    return summary_of(safe)


def note_kind(session: Session) -> str:
    """What the note is, for its file name: a group discussion's name says so."""
    return "group-discussion" if session.walk.id == GROUP_WALK else "reflection"


def default_note_path(
    fmt: NoteFormat, label: str, today: dt.date | None = None, kind: str = "reflection"
) -> Path:
    day = (today or dt.date.today()).isoformat()
    return paths.notes_dir() / f"{day}-{kind}-{label}.{'html' if fmt == 'html' else 'md'}"


def write_note(
    content: str, target: NoteTarget, label: str | None = None, kind: str = "reflection"
) -> Path | None:
    """Write the note privately; None means it went to stdout (`-o -`)."""
    if target.to_stdout:
        sys.stdout.write(content)
        return None
    path = target.output or default_note_path(target.fmt, label or secrets.token_hex(3), kind=kind)
    write_private(path, content, overwrite=target.force)
    remember(path)
    return path


def in_notes_folder(path: Path) -> bool:
    return path.suffix == ".md" and path.parent.resolve() == paths.notes_dir().resolve()


def case_notice(session: Session, path: Path | None) -> list[str]:
    """A note about a case written elsewhere is not in the case index: say so."""
    walk = session.walk
    case = session.answers.get(walk.case_from) if walk.case_from else None
    if path is None or not case or in_notes_folder(path):
        return []
    where = "in the notes folder" if path.suffix == ".md" else "a Markdown note in the notes folder"
    return [f"This note is not {where} ({paths.notes_dir()}), so `wsw case` will not "
            "count it in the case's history."]  # fmt: skip


def write_docx_note(markdown: str, target: NoteTarget) -> Path | None:
    """The note as a Word document, written privately; None means it went to stdout.

    The Markdown is what the case index reads, so a .docx note is never indexed: it is a
    copy to attach, and the practitioner keeps the Markdown note as the record.
    """
    from wsw.note.docx import to_docx

    data = to_docx(markdown)
    if target.to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    path = target.output or default_note_path("md", secrets.token_hex(3)).with_suffix(".docx")
    write_private(path, data, overwrite=target.force)
    return path


def remember(path: Path) -> None:
    """Add a note written into the notes folder to the case index.

    A failure here must not undo a note that is safely written: the next `wsw case` command
    finds the note anyway, because the index is brought up to date from the folder.
    """
    import sqlite3

    from wsw.cases.index import Index

    if not in_notes_folder(path):
        return
    try:
        index = Index.open(sync=False)
    except (sqlite3.Error, OSError):
        return
    try:
        index.add(path)
    except (sqlite3.Error, OSError):
        pass
    finally:
        index.close()
