"""Drafts and answers files: one format, `{"answers": {...}, "meta": {...}}`.

A draft is saved after every answer, so nothing typed is lost to Ctrl-C, a closed laptop
lid or kill -9. An answers file is the same shape written by hand (YAML or JSON); reading one
checks every answer against the walk and reports all problems together.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsw import __version__, paths
from wsw.errors import InputError, WswError
from wsw.packs.models import Walk
from wsw.storage import clean_temp_files, write_private
from wsw.walk.session import Session
from wsw.walk.values import BadValue, check_value, choices_for

DRAFT_SUFFIX = ".json"


class DraftError(WswError):
    """A draft that cannot be found or read."""


@dataclass
class Draft:
    """A reflection in progress, as stored."""

    id: str
    walk: str
    answers: dict[str, Any]
    skipped: list[str] = field(default_factory=list)
    pending: dict[str, str] | None = None
    people: list[dict[str, str]] = field(default_factory=list)
    created: str = ""
    updated: str = ""

    def to_json(self) -> str:
        meta: dict[str, Any] = {
            "draft": self.id,
            "walk": self.walk,
            "wsw": __version__,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
        }
        if self.pending:
            meta["pending"] = self.pending
        if self.people:
            meta["people"] = self.people
        return json.dumps({"answers": self.answers, "meta": meta}, indent=2, ensure_ascii=False)


def drafts_dir() -> Path:
    return paths.data_dir() / "drafts"


def new_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"{now:%Y%m%d-%H%M}-{secrets.token_hex(2)}"


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def save(
    session: Session,
    draft_id: str,
    created: str | None = None,
    pending: dict[str, str] | None = None,
    target: Path | None = None,
    people: list[dict[str, str]] | None = None,
) -> Draft:
    """Write the session's state as a draft, atomically and privately.

    The people declared for pseudonymisation are kept here, and nowhere else.
    """
    draft = Draft(
        id=draft_id,
        walk=session.walk.id,
        answers=dict(session.answers),
        skipped=sorted(session.skipped),
        pending=pending,
        people=list(people or []),
        created=created or _now(),
        updated=_now(),
    )
    write_private(
        target or drafts_dir() / f"{draft_id}{DRAFT_SUFFIX}", draft.to_json(), overwrite=True
    )
    return draft


def _parse(path: Path) -> Draft:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        meta = data["meta"]
        answers = data["answers"]
        if not isinstance(answers, dict) or not isinstance(meta, dict):
            raise TypeError
        return Draft(
            id=str(meta.get("draft") or path.stem),
            walk=str(meta.get("walk", "individual")),
            answers=answers,
            skipped=[str(s) for s in meta.get("skipped", [])],
            pending=meta.get("pending") if isinstance(meta.get("pending"), dict) else None,
            people=_people(meta.get("people")),
            created=str(meta.get("created", "")),
            updated=str(meta.get("updated", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise DraftError(f"The draft {path.name} is damaged and cannot be read.") from None


DAMAGED_SUFFIX = ".damaged"


def _people(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        return []
    return [
        {"name": str(p["name"]), "role": str(p["role"])}
        for p in value
        if isinstance(p, dict) and "name" in p and "role" in p
    ]


def list_drafts() -> tuple[list[Draft], list[Path]]:
    """Readable drafts, newest first, and where any damaged ones were moved aside to.

    A damaged draft (truncated by a full disk, edited by hand) is renamed with a `.damaged`
    suffix so it stops getting in the way, and is never deleted: it may still hold answers.
    """
    folder = drafts_dir()
    if not folder.is_dir():
        return [], []
    clean_temp_files(folder)
    good: list[Draft] = []
    moved: list[Path] = []
    for path in sorted(folder.glob(f"*{DRAFT_SUFFIX}")):
        try:
            good.append(_parse(path))
        except DraftError:
            aside = path.with_name(path.name + DAMAGED_SUFFIX)
            try:
                path.rename(aside)
                moved.append(aside)
            except OSError:
                moved.append(path)
    good.sort(key=lambda d: (d.updated, d.id), reverse=True)
    return good, moved


def load(draft_id: str | None) -> Draft:
    """A draft by id (or unique id prefix); the latest when no id is given."""
    drafts, moved = list_drafts()
    for path in moved:
        import sys

        print(f"A damaged draft was moved aside to {path}; the others are fine.", file=sys.stderr)
    if not drafts:
        raise DraftError(
            "There are no drafts to resume. Start a new reflection with `wsw reflect`."
        )
    if draft_id is None:
        return drafts[0]
    matches = [d for d in drafts if d.id == draft_id] or [
        d for d in drafts if d.id.startswith(draft_id)
    ]
    if len(matches) != 1:
        known = ", ".join(d.id for d in drafts[:5])
        what = "matches several drafts" if matches else "is not a draft"
        raise DraftError(f"'{draft_id}' {what}. Drafts: {known}. See `wsw drafts list`.")
    return matches[0]


def discard(draft_id: str) -> Path:
    draft = load(draft_id)
    path = drafts_dir() / f"{draft.id}{DRAFT_SUFFIX}"
    path.unlink(missing_ok=True)
    return path


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


# -- answers files ----------------------------------------------------------------------------


class AnswersError(InputError):
    """Problems in an answers file, all listed together."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source

    def lines(self) -> list[str]:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''} with the answers:"
        return [head, *(f"  {p}" for p in self.problems)]


def _parse_yaml(text: str) -> Any:
    """Safe YAML, parsed by PyYAML's C loader where it has one (ten times quicker).

    When the text is not valid, the pure-Python loader reads it again: its error marks point
    at the line with the mistake, where the C loader's may point at the end of the file.
    """
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def read_answers_file(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read a YAML or JSON answers file (or a draft) as (answers, meta)."""
    import yaml

    name = str(path)
    try:
        text = path.read_text(encoding="utf-8") if name != "-" else _stdin()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{name}: cannot read ({getattr(exc, 'strerror', None) or exc})."
        ) from None
    try:
        data = _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{name}{where}: not valid YAML or JSON.") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise InputError(f"{name}: expected a mapping with an 'answers' mapping inside it.")
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(f"{name}: 'meta' should be a mapping.")
    return {str(k): v for k, v in data["answers"].items()}, meta


def _stdin() -> str:
    import sys

    return sys.stdin.read()


def check_answers(walk: Walk, session: Session, source: str) -> None:
    """Every problem with a session built from a file: unknown ids, bad values, missing answers."""
    known = {q.id: q for s in walk.stages for q in s.questions}
    problems: list[str] = []
    for qid in session.answers:
        if qid not in known:
            problems.append(f"'{qid}' is not a question in the '{walk.id}' walk")
    checked: dict[str, Any] = {}
    for qid, value in session.answers.items():
        if qid in known:
            question = known[qid]
            choices = choices_for(question, {t: t for t in session.library.themes})
            try:
                checked[qid] = check_value(question, value, choices)
            except BadValue as exc:
                problems.append(f"'{qid}' {exc}")
    # Which questions apply is judged on the answers as given (conditions tolerate any value),
    # so a bad answer is reported once, not again as a knock-on "missing" answer.
    for _, question in session.visible():
        if question.required and question.id not in session.answers:
            problems.append(f"'{question.id}' is required but has no answer ({question.prompt})")
    session.answers = checked
    if problems:
        raise AnswersError(source, problems)
