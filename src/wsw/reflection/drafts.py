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
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsw import __version__
from wsw.errors import WswError
from wsw.infra import paths
from wsw.infra.storage import clean_temp_files, write_private
from wsw.packs.models import Walk
from wsw.packs.questions import Answers
from wsw.privacy.pseudonyms import Person
from wsw.walk.engine import Pending
from wsw.walk_ids import DEFAULT_WALK

DRAFT_SUFFIX = ".json"
DAMAGED_SUFFIX = ".damaged"


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
    return paths.data_dir() / "drafts"


def path_of(draft_id: str) -> Path:
    return drafts_dir() / f"{draft_id}{DRAFT_SUFFIX}"


def new_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{now:%Y%m%d-%H%M}-{secrets.token_hex(2)}"


def now_stamp() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def write(draft: Draft, target: Path | None = None) -> None:
    """Write a draft atomically and privately, to its own place or to `target`."""
    draft.updated = now_stamp()
    draft.created = draft.created or draft.updated
    write_private(target or path_of(draft.id), draft.to_json(), overwrite=True)


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
        text = text if isinstance(text, str) else ""
        line = line if isinstance(line, str) else ""
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


def _parse(path: Path) -> Draft:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        meta = data["meta"]
        answers = data["answers"]
        if not isinstance(answers, dict) or not isinstance(meta, dict):
            raise TypeError
        return Draft(
            id=path.stem,  # never from inside the file: an id there could name any path
            walk=str(meta.get("walk", DEFAULT_WALK)),
            answers=answers,
            skipped=[str(s) for s in meta.get("skipped", [])],
            pending=_pending(meta.get("pending")),
            people=people_of(meta.get("people")),
            created=str(meta.get("created", "")),
            updated=str(meta.get("updated", "")),
            title=str(meta.get("title", "")),
            options=_options(meta.get("options")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise DraftError(f"The draft {path.name} is damaged and cannot be read.") from None


def list_drafts() -> Listing:
    """Readable drafts, newest first, and where any damaged ones were moved aside to.

    A damaged draft (truncated by a full disk, edited by hand) is renamed with a `.damaged`
    suffix so it stops getting in the way, and is never deleted: it may still hold answers.
    """
    folder = drafts_dir()
    if not folder.is_dir():
        return Listing([], [])
    clean_temp_files(folder)
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


def remove(draft_id: str) -> None:
    """Delete a draft's file, if it is there."""
    path_of(draft_id).unlink(missing_ok=True)


def discard(draft_id: str) -> tuple[Draft, list[str]]:
    """Delete the draft with this id or prefix; returns it, and warnings about damaged ones."""
    draft, warnings = load(draft_id)
    remove(draft.id)
    return draft, warnings


def discard_all() -> int:
    """Delete every draft, damaged ones and half-written temporary files included."""
    folder = drafts_dir()
    count = 0
    if folder.is_dir():
        for pattern in (f"*{DRAFT_SUFFIX}", f"*{DRAFT_SUFFIX}{DAMAGED_SUFFIX}"):
            for path in folder.glob(pattern):
                path.unlink()
                count += 1
        clean_temp_files(folder, older_than=-1)
    return count
