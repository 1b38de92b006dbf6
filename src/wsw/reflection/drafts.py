"""Drafts: a reflection in progress, saved after every answer.

A draft is `{"answers": {...}, "meta": {...}}`, the same shape as an answers file, so any
draft can be rendered or checked like one. It is saved after every answer, so nothing typed
is lost to Ctrl-C, a closed laptop lid or kill -9. The people declared for pseudonymisation
are kept here, and nowhere else. Reading a draft never prints: problems come back as values
or errors, and the command decides what to say.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsw import __version__
from wsw.errors import InputError, WswError
from wsw.infra import paths
from wsw.infra.reading import read_text
from wsw.infra.storage import (
    clean_editor_files,
    clean_temp_files,
    refuse_linked_folder,
    write_private,
)
from wsw.packs.models import Walk
from wsw.packs.questions import Answers
from wsw.privacy.pseudonyms import Person
from wsw.text.markdown import strip_controls
from wsw.walk.engine import Pending
from wsw.walk_ids import DEFAULT_WALK

DRAFT_SUFFIX = ".json"
DAMAGED_SUFFIX = ".damaged"
LOCK_SUFFIX = ".lock"
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


class DraftError(WswError):
    """A draft that cannot be found or read."""


@dataclass
class Draft:
    """A reflection in progress, as stored."""

    id: str
    walk: str
    answers: Answers
    skipped: list[str] = field(default_factory=list)
    pending: Pending | None = None
    people: list[Person] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    title: str = ""  # the first line of the walk's title answer, for `wsw drafts list`
    options: dict[str, str | int] = field(default_factory=dict)  # -o, --format, --timebox

    def to_json(self) -> str:
        meta: dict[str, Any] = {
            "draft": self.id,
            "walk": self.walk,
            "wsw": __version__,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
        }
        if self.title:
            meta["title"] = self.title
        if self.options:
            meta["options"] = dict(self.options)
        if self.pending:
            meta["pending"] = {"question": self.pending.question, "text": self.pending.text}
            if self.pending.line:
                meta["pending"]["line"] = self.pending.line
        if self.people:
            meta["people"] = [{"name": p.name, "role": p.role} for p in self.people]
        return json.dumps({"answers": self.answers, "meta": meta}, indent=2, ensure_ascii=False)


@dataclass
class Listing:
    """The readable drafts, newest first, and where damaged ones were moved aside to."""

    drafts: list[Draft]
    moved: list[Path]

    def warnings(self) -> list[str]:
        return [
            f"A damaged draft could not be read and was moved aside to {p}." for p in self.moved
        ]


def drafts_dir() -> Path:
    """The drafts folder; refused if it (or the data folder) is a symbolic link."""
    data = paths.data_dir()
    folder = data / "drafts"
    refuse_linked_folder(data)
    refuse_linked_folder(folder)
    return folder


def path_of(draft_id: str, suffix: str = DRAFT_SUFFIX) -> Path:
    """A draft's file (or its lock), checked to be a plain name inside the drafts folder."""
    if not ID_PATTERN.fullmatch(draft_id) or ".." in draft_id:
        raise DraftError("That is not a draft id (see `wsw drafts list`).")
    folder = drafts_dir()
    path = folder / f"{draft_id}{suffix}"
    if path.parent != folder:
        raise DraftError("That is not a draft id (see `wsw drafts list`).")
    return path


def lock_path(draft_id: str) -> Path:
    return path_of(draft_id, LOCK_SUFFIX)


def new_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{now:%Y%m%d-%H%M}-{secrets.token_hex(2)}"


def now_stamp() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def write(draft: Draft, target: Path | None = None) -> None:
    """Write a draft atomically and privately, to its own place or to `target`.

    Its own place is rewritten after every answer; `target` (`:save PATH`) is never
    overwritten: an existing file there may be another reflection.
    """
    draft.updated = now_stamp()
    draft.created = draft.created or draft.updated
    write_private(target or path_of(draft.id), draft.to_json(), overwrite=target is None)


def title_from(walk: Walk | None, answers: Mapping[str, Any]) -> str:
    """The first line of the answer the walk takes its title from ("" when there is none)."""
    question = walk.title_from if walk is not None else None
    value = answers.get(question) if question else None
    return value.strip().splitlines()[0] if isinstance(value, str) and value.strip() else ""


def _options(value: Any) -> dict[str, str | int]:
    """The command-line options a draft was started with; anything else is left out."""
    if not isinstance(value, dict):
        return {}
    return {
        str(k): v
        for k, v in value.items()
        if isinstance(v, str | int) and not isinstance(v, bool) and k in OPTION_KEYS
    }


OPTION_KEYS = ("output", "format", "timebox")


def _pending(value: Any) -> Pending | None:
    if isinstance(value, dict) and isinstance(value.get("question"), str):
        text, line = value.get("text"), value.get("line")
        text = strip_controls(text) if isinstance(text, str) else ""
        line = strip_controls(line) if isinstance(line, str) else ""
        if text or line:
            return Pending(value["question"], text, line)
    return None


def people_of(value: Any) -> list[Person]:
    """The people stored in a draft's meta; entries of any other shape are left out."""
    if not isinstance(value, list):
        return []
    return [
        Person(str(p["name"]), str(p["role"]))
        for p in value
        if isinstance(p, dict) and "name" in p and "role" in p
    ]


def _parse(path: Path, draft_id: str | None = None) -> Draft:
    try:
        data = json.loads(read_text(path))
        meta = data["meta"]
        answers = data["answers"]
        if not isinstance(answers, dict) or not isinstance(meta, dict):
            raise TypeError
        return Draft(
            id=draft_id or path.stem,  # never from inside the file: it could name any path
            walk=str(meta.get("walk", DEFAULT_WALK)),
            answers=answers,
            skipped=[str(s) for s in meta.get("skipped", [])],
            pending=_pending(meta.get("pending")),
            people=people_of(meta.get("people")),
            created=str(meta.get("created", "")),
            updated=str(meta.get("updated", "")),
            title=strip_controls(str(meta.get("title", ""))),
            options=_options(meta.get("options")),
        )
    except (InputError, OSError, ValueError, KeyError, TypeError, AttributeError):
        raise DraftError(f"The draft {path.name} is damaged and cannot be read.") from None


def read_copy(path: Path) -> Draft:
    """A draft saved elsewhere (`:save PATH`), to be resumed as a new draft of wsw's own."""
    if not path.is_file():
        raise DraftError(f"{path} is not a file; give the path of a draft saved with :save.")
    try:
        return _parse(path, new_id())
    except DraftError:
        raise DraftError(f"{path} is not a draft wsw can read.") from None


def list_drafts() -> Listing:
    """Readable drafts, newest first, and where any damaged ones were moved aside to.

    A damaged draft (truncated by a full disk, edited by hand) is renamed with a `.damaged`
    suffix so it stops getting in the way, and is never deleted: it may still hold answers.
    """
    folder = drafts_dir()
    if not folder.is_dir():
        return Listing([], [])
    clean_temp_files(folder)
    clean_editor_files(folder)
    good: list[Draft] = []
    moved: list[Path] = []
    for path in sorted(folder.glob(f"*{DRAFT_SUFFIX}")):
        if path.is_symlink() or not path.is_file():
            continue  # a pipe would hang the read; a link could lead anywhere
        try:
            good.append(_parse(path))
        except DraftError:
            aside = _free_name(path.with_name(path.name + DAMAGED_SUFFIX))
            try:
                path.rename(aside)
                moved.append(aside)
            except OSError:
                moved.append(path)
    good.sort(key=lambda d: (d.updated, d.id), reverse=True)
    return Listing(good, moved)


def _free_name(path: Path) -> Path:
    """`path`, or `path.1`, `path.2` ...: a damaged draft never replaces an earlier one."""
    candidate, n = path, 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate


MIN_PREFIX = 6


def find(listing: Listing, draft_id: str | None) -> Draft:
    """A draft by id (or unique id prefix); the latest when no id is given."""
    drafts = listing.drafts
    if not drafts:
        raise DraftError(
            "There are no drafts to resume. Start a new reflection with `wsw reflect`."
        )
    if draft_id is None:
        return drafts[0]
    if len(draft_id) < MIN_PREFIX and draft_id not in {d.id for d in drafts}:
        raise DraftError(
            f"Give a draft's id, or at least its first {MIN_PREFIX} characters "
            "(see `wsw drafts list`)."
        )
    matches = [d for d in drafts if d.id == draft_id] or [
        d for d in drafts if d.id.startswith(draft_id)
    ]
    if len(matches) != 1:
        known = ", ".join(d.id for d in drafts[:5])
        what = "matches several drafts" if matches else "is not a draft"
        raise DraftError(f"'{draft_id}' {what}. Drafts: {known}. See `wsw drafts list`.")
    return matches[0]


def load(draft_id: str | None) -> tuple[Draft, list[str]]:
    """A draft by id or prefix (the latest without one), with warnings about damaged ones."""
    listing = list_drafts()
    return find(listing, draft_id), listing.warnings()


def load_exact(draft_id: str) -> Draft:
    """The draft with exactly this id, read afresh from its file."""
    path = path_of(draft_id)
    if path.is_symlink() or not path.is_file():
        raise DraftError(f"There is no draft {draft_id} (see `wsw drafts list`).")
    return _parse(path)


def remove(draft_id: str) -> None:
    """Delete a draft's file, if it is there."""
    _unlink(path_of(draft_id))


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot delete {path}: {exc.strerror}.") from None


def refuse_if_open(draft: Draft) -> None:
    """A draft open in another wsw is not deleted under it."""
    from wsw.reflection.lock import DraftLocked, read_holder

    path = lock_path(draft.id)
    holder = read_holder(path)
    if holder is not None and not holder.gone():
        raise DraftLocked(draft.id, path, holder)


def discard(draft_id: str) -> tuple[Draft, list[str]]:
    """Delete the draft with this id or prefix; returns it, and warnings about damaged ones."""
    draft, warnings = load(draft_id)
    refuse_if_open(draft)
    remove(draft.id)
    _unlink(lock_path(draft.id))  # a lock its holder left behind when it was killed
    return draft, warnings


def discard_all() -> int:
    """Delete every draft not open in another wsw, damaged ones and half-written temporary
    files and editor files included."""
    folder = drafts_dir()
    count = 0
    if not folder.is_dir():
        return count
    for listed in list_drafts().drafts:
        refuse_if_open(listed)
    for pattern in (f"*{DRAFT_SUFFIX}", f"*{DRAFT_SUFFIX}{DAMAGED_SUFFIX}*", f"*{LOCK_SUFFIX}"):
        for path in folder.glob(pattern):
            if path.is_symlink() or not path.is_file():
                continue  # a folder or pipe that happens to have the name is not wsw's
            _unlink(path)
            count += not path.name.endswith(LOCK_SUFFIX)
    clean_temp_files(folder, older_than=-1)
    clean_editor_files(folder)
    return count
