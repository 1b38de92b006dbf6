"""A note read back: its front matter (for machines) and its sections (for the headline).

Everything the case index knows comes from here, so the index never holds anything the
notes do not. Front matter is the reliable part: wsw writes the case, safety scores,
actions (and a supervision's agreed actions, `supervision_actions`, after the note's own),
questions still to ask and follow-up answers there. The one thing taken from the body is the
headline: the first line of the first answer after the Context section, which in every walk
is the new information.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HEADING = re.compile(r"^## (.+)$", re.M)
HEADLINE_MAX = 90
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
CLOSED = ("done", "no-longer-needed")


def short_id(*parts: str) -> str:
    """A short, stable id for an action or a question: from the note's name and its text.

    It always starts with a letter, so YAML never reads it as a number (`123456`, `1e5000`).
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:6]
    return "ghijklmnop"[int(digest[0])] + digest[1:] if digest[0].isdigit() else digest


@dataclass
class Action:
    id: str
    action: str
    owner: str
    due: str


@dataclass
class Question:
    id: str
    question: str


@dataclass
class NoteRecord:
    """What one note says about its case, as plain data (stored as JSON in the index)."""

    name: str  # the file's name in the notes folder
    case: str
    date: str
    title: str
    walk: str = ""
    headline: str = ""
    source: str = ""
    how_known: str = ""
    safety_before: int | None = None
    safety_after: int | None = None
    safety_reason: str = ""
    decision: str = ""
    referral: str = ""
    change_mind: str = ""
    actions: list[Action] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    follow_up: dict[str, Any] = field(default_factory=dict)
    outcomes: list[dict[str, str]] = field(default_factory=list)  # `wsw actions done`

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoteRecord:
        values = dict(data)
        values["actions"] = [Action(**a) for a in values.get("actions", [])]
        values["questions"] = [Question(**q) for q in values.get("questions", [])]
        return cls(**values)

    def statuses(self) -> dict[str, dict[str, str]]:
        """What this note says of earlier actions: follow-up answers, then outcomes recorded."""
        found: dict[str, dict[str, str]] = {}
        for item in self.follow_up.get("actions") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found[item["id"]] = {k: str(v) for k, v in item.items() if v is not None}
        for item in self.outcomes:
            found[item.get("id", "")] = item
        return found

    def answered(self) -> dict[str, str]:
        """Questions from earlier notes that this note's follow-up says are answered."""
        found: dict[str, str] = {}
        for item in self.follow_up.get("questions") or []:
            if isinstance(item, dict) and item.get("answered") and isinstance(item.get("id"), str):
                found[item["id"]] = str(item.get("answer") or "")
        return found


def split_note(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping (empty when there is none or it is not YAML) and the body."""
    match = FRONT.match(text)
    if match is None:
        return {}, text
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        front = yaml.load(match.group(1), Loader=loader)
    except yaml.YAMLError:
        return {}, text
    return (front if isinstance(front, dict) else {}), text[match.end() :]


def sections(body: str) -> dict[str, str]:
    """The note's `## ` sections by title, in order."""
    parts = HEADING.split(body)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def unescape(text: str) -> str:
    """Markdown as plain text: a hard line break's backslash and escaped characters undone."""
    return MD_ESCAPE.sub(r"\1", text.rstrip().removesuffix("\\"))


def headline(body: str) -> str:
    """The first sentence of the first answer after the Summary and Context: the new
    information, in one line (a note joins an answer's wrapped lines into paragraphs)."""
    from wsw.note.summary import sentences

    for title, text in sections(body).items():
        if title in ("Summary", "Context"):
            continue
        for block in text.split("\n\n"):
            block = block.strip()
            if block and not (block.startswith("**") and block.endswith("**")):
                first = sentences(unescape(block.splitlines()[0]))
                line = first[0] if first else ""
                return line if len(line) <= HEADLINE_MAX else line[: HEADLINE_MAX - 1] + "\u2026"
        return ""
    return ""


def _text(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else ("yes" if value else "no")
    return str(value).strip()


def _score(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return ""


def _listed(front: dict[str, Any], key: str) -> list[Any]:
    value = front.get(key)
    return value if isinstance(value, list) else []


def parse_note(name: str, text: str) -> NoteRecord | None:
    """The record of a note about a case; None for a note with no case (or not wsw's)."""
    front, body = split_note(text)
    case = _text(front.get("case"))
    date = _date(front.get("date"))
    if not case or not date:
        return None
    actions = [
        Action(
            short_id(name, str(i), _text(a.get("action"))),
            _text(a.get("action")),
            _text(a.get("owner")),
            _date(a.get("due")) if a.get("due") else "",
        )
        for i, a in enumerate(_listed(front, "actions") + _listed(front, "supervision_actions"))
        if isinstance(a, dict) and _text(a.get("action"))
    ]
    questions = [
        Question(short_id(name, "q", str(i), _text(q)), _text(q))
        for i, q in enumerate(front.get("open_questions") or [])
        if _text(q)
    ]
    follow_up = front.get("follow_up")
    outcomes = front.get("action_outcomes")
    return NoteRecord(
        name=name,
        case=case,
        date=date,
        title=_text(front.get("title")),
        walk=_text(front.get("walk")),
        headline=headline(body),
        source=_text(front.get("source")),
        how_known=_text(front.get("how_known")),
        safety_before=_score(front.get("safety_before")),
        safety_after=_score(front.get("safety_after")),
        safety_reason=_text(front.get("safety_reason") or front.get("safety_same_reason")),
        decision=_text(front.get("decision")),
        referral=_text(front.get("referral")),
        change_mind=_text(front.get("change_mind")),
        actions=actions,
        questions=questions,
        follow_up=follow_up if isinstance(follow_up, dict) else {},
        outcomes=[
            {str(k): _text(v) for k, v in o.items()}
            for o in (outcomes if isinstance(outcomes, list) else [])
            if isinstance(o, dict)
        ],
    )
