"""The case index: what the notes folder's notes say, in one SQLite file that can be rebuilt.

Why SQLite (the standard library's `sqlite3`): two wsw processes may write notes at once, a
process may be killed mid-write, and `case list` must answer quickly over a thousand notes.
SQLite gives transactions (all of a change or none), WAL mode (readers never wait for a
writer) and a busy timeout (a second writer waits its turn instead of failing).

The index is a copy, never the record: each row is one note's `NoteRecord` with the file's
size, modification time and hash. Every command that reads it first brings it up to date
with the notes folder (a note added, edited or deleted by hand is picked up; an unchanged
note is not read again). A missing file is rebuilt; a damaged one (or one from a newer
wsw) is moved aside, said so, and rebuilt: nothing is lost, because the notes are the record.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wsw.infra import paths

FILE_MODE = 0o600  # as wsw.infra.storage (imported only when a folder must be made)

if TYPE_CHECKING:
    from wsw.cases.record import NoteRecord

BUSY_TIMEOUT_MS = 10_000
INDEX_NAME = "cases.sqlite3"
NOTE_GLOB = "*.md"

# Each entry moves the schema up one `user_version`; never edit one that has shipped.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE notes (
        name TEXT PRIMARY KEY,
        mtime_ns INTEGER NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        case_ref TEXT,
        date TEXT,
        record TEXT
    );
    CREATE INDEX notes_by_case ON notes (case_ref, date);
    """,
    # Each case worked out once when its notes change, so listing cases and actions reads
    # one small row per case; the notes are read again to fill it.
    """
    CREATE TABLE cases (
        case_ref TEXT PRIMARY KEY,
        last TEXT NOT NULL,
        last_name TEXT NOT NULL,
        summary TEXT NOT NULL,
        actions TEXT NOT NULL
    );
    -- The files' stamps on their own, so checking for changes never reads the records.
    CREATE INDEX notes_stamps ON notes (name, mtime_ns, size);
    DELETE FROM notes;
    """,
]


def index_path() -> Path:
    return paths.data_dir() / INDEX_NAME


class Sync:
    """What bringing the index up to date did (for messages and tests).

    A plain class: `case list` must not pay for importing `dataclasses`.
    """

    def __init__(self) -> None:
        self.added = self.updated = self.removed = 0


class Index:
    """An open case index over one notes folder."""

    def __init__(self, db: sqlite3.Connection, folder: Path, path: Path) -> None:
        self.db = db
        self.folder = folder
        self.path = path
        self.notices: list[str] = []

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def open(
        cls, folder: Path | None = None, path: Path | None = None, *, sync: bool = True
    ) -> Index:
        """Open (creating, migrating or rebuilding as needed) and bring up to date.

        `sync` False leaves the folder unread: for adding the one note just written.
        """
        folder = folder or paths.notes_dir()
        path = path or index_path()
        notices: list[str] = []
        try:
            db = _connect(path, check=sync)
            _migrate(db)
            index = cls(db, folder, path)
            index.notices = notices
            if sync:
                index.sync()
        except sqlite3.DatabaseError as exc:
            notices.append(_move_aside(path, exc))
            db = _connect(path)
            _migrate(db)
            index = cls(db, folder, path)
            index.notices = notices
            index.sync()
        return index

    def close(self) -> None:
        self.db.close()

    # -- keeping up with the notes folder -------------------------------------------------

    def sync(self) -> Sync:
        """Bring the index in line with the notes folder: new, changed and deleted notes."""
        result = Sync()
        on_disk = dict(_note_files(self.folder))
        known = {
            name: (mtime, size)
            for name, mtime, size in self.db.execute("SELECT name, mtime_ns, size FROM notes")
        }
        changed = [n for n, st in on_disk.items() if known.get(n) != (st.st_mtime_ns, st.st_size)]
        gone = [n for n in known if n not in on_disk]
        if not changed and not gone:
            return result
        touched: set[str] = set()
        with self._write() as db:
            for name in gone:
                touched.add(self._case_of(db, name))
                db.execute("DELETE FROM notes WHERE name = ?", (name,))
                result.removed += 1
            for name in changed:
                cases = self._store(db, name, on_disk[name], name in known)
                if cases:
                    touched.update(cases)
                    result.updated += name in known
                    result.added += name not in known
            self._refresh(db, touched)
        return result

    def add(self, note: Path) -> bool:
        """Index one note just written into the notes folder (quicker than a whole sync)."""
        if note.parent.resolve() != self.folder.resolve() or note.suffix != ".md":
            return False
        stat = note.stat()
        with self._write() as db:
            cases = self._store(db, note.name, stat, True)
            self._refresh(db, cases)
        return bool(cases)

    @staticmethod
    def _case_of(db: sqlite3.Connection, name: str) -> str:
        row = db.execute("SELECT case_ref FROM notes WHERE name = ?", (name,)).fetchone()
        return row[0] if row and row[0] else ""

    def _store(
        self, db: sqlite3.Connection, name: str, stat: os.stat_result, known: bool
    ) -> set[str]:
        """Read a note and store its record (an unreadable note is stored as no case);
        returns the cases it was and is about, empty when nothing changed."""
        from wsw.cases.record import parse_note

        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return set()
        digest = hashlib.sha256(data).hexdigest()
        before = self._case_of(db, name) if known else ""
        if known:
            row = db.execute("SELECT sha256 FROM notes WHERE name = ?", (name,)).fetchone()
            if row is not None and row[0] == digest:  # touched, not changed
                db.execute(
                    "UPDATE notes SET mtime_ns = ?, size = ? WHERE name = ?",
                    (stat.st_mtime_ns, stat.st_size, name),
                )
                return set()
        try:
            record = parse_note(name, data.decode("utf-8"))
        except UnicodeDecodeError:
            record = None
        db.execute(
            "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                stat.st_mtime_ns,
                stat.st_size,
                digest,
                record.case if record else None,
                record.date if record else None,
                json.dumps(record.to_json()) if record else None,
            ),
        )
        return {before, record.case if record else ""}

    def _refresh(self, db: sqlite3.Connection, cases: set[str]) -> None:
        """Work out again the cases whose notes changed (inside the same transaction)."""
        from wsw.cases.history import build_case

        for ref in sorted(c for c in cases if c):
            notes = self.records(ref)
            if not notes:
                db.execute("DELETE FROM cases WHERE case_ref = ?", (ref,))
                continue
            case = build_case(ref, notes)
            actions = [{**a.to_json(), "outcome": a.outcome} for a in case.actions]
            db.execute(
                "INSERT OR REPLACE INTO cases VALUES (?, ?, ?, ?, ?)",
                (ref, case.latest.date, case.latest.name, json.dumps(case.summary()),
                 json.dumps(actions)),
            )

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so two writers queue rather than deadlock."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- reading ----------------------------------------------------------------------------

    def records(self, case: str | None = None) -> list[NoteRecord]:
        """Every note about a case (or about `case`), oldest first."""
        from wsw.cases.record import NoteRecord

        if case is None:
            rows = self.db.execute(
                "SELECT record FROM notes WHERE record IS NOT NULL ORDER BY date, name"
            )
        else:
            rows = self.db.execute(
                "SELECT record FROM notes WHERE case_ref = ? ORDER BY date, name", (case,)
            )
        return [NoteRecord.from_json(json.loads(row[0])) for row in rows]

    def cases(self) -> list[str]:
        """The case references, most recently reflected on first."""
        rows = self.db.execute("SELECT case_ref FROM cases ORDER BY last DESC, last_name DESC")
        return [row[0] for row in rows]

    def summaries(self) -> list[dict[str, Any]]:
        """Each case's summary (`wsw case list`), most recent first, without reading notes."""
        rows = self.db.execute("SELECT summary FROM cases ORDER BY last DESC, last_name DESC")
        return [json.loads(row[0]) for row in rows]

    def open_actions(self) -> list[dict[str, Any]]:
        """Every case's open actions, as stored when its notes last changed."""
        rows = self.db.execute("SELECT actions FROM cases ORDER BY last DESC, last_name DESC")
        return [a for row in rows for a in json.loads(row[0])]

    def remove(self, names: list[str]) -> None:
        with self._write() as db:
            touched = {self._case_of(db, n) for n in names}
            db.executemany("DELETE FROM notes WHERE name = ?", [(n,) for n in names])
            self._refresh(db, touched)

    def compact(self) -> None:
        """Rewrite the file and empty the log, so deleted rows leave nothing behind."""
        self.db.execute("VACUUM")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _note_files(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """The notes folder's Markdown files (regular files only, never links)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name.startswith("."):
            continue
        try:  # a plain try: this runs once per note on every command
            if entry.is_file(follow_symlinks=False):
                yield entry.name, entry.stat(follow_symlinks=False)
        except OSError:
            continue


def _connect(path: Path, check: bool = True) -> sqlite3.Connection:
    """Open the database, creating it 0600 in a 0700 folder first if it is not there."""
    if not path.parent.is_dir():
        from wsw.infra.storage import ensure_private_dir

        ensure_private_dir(path.parent)
    if path.is_symlink():
        raise sqlite3.DatabaseError("the index is a symbolic link")
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    # isolation_level None: transactions are begun and ended explicitly (`_write`).
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
    db.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not left in pages
    if check:  # a damaged file is found here, on opening, and rebuilt (not for one quick add)
        row = db.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError("the index failed its integrity check")
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the schema up to this wsw's `user_version`, one migration per transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError("the index was made by a newer wsw")
    for number in range(version, len(MIGRATIONS)):
        db.execute("BEGIN IMMEDIATE")
        current = db.execute("PRAGMA user_version").fetchone()[0]
        if current > number:  # another process migrated it while we waited
            db.execute("COMMIT")
            continue
        for statement in MIGRATIONS[number].split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {number + 1}")
        db.execute("COMMIT")


def _move_aside(path: Path, exc: sqlite3.DatabaseError) -> str:
    """A damaged index is kept (renamed) for inspection, never deleted; a new one is built."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        with contextlib.suppress(OSError):
            if source.exists():
                os.replace(source, Path(f"{aside}{suffix}"))
    reason = str(exc).split("\n")[0]
    return (
        f"The case index could not be used ({reason}); it was moved aside to {aside} "
        "and rebuilt from the notes."
    )
