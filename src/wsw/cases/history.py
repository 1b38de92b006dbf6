"""A case worked out from its notes: the chronology, the safety trend, what is still open.

An action stays open until a later note's follow-up says it was done or is no longer needed,
or `wsw actions done` records an outcome in the note it came from; "not done" keeps it open
(with what was said of it). A question still to ask stays open until a later follow-up gives
its answer. So the notes alone decide, and rebuilding the index changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wsw.cases.record import CLOSED, NoteRecord


@dataclass
class OpenAction:
    id: str
    case: str
    action: str
    owner: str
    due: str
    status: str  # "open", or "not-done" once a follow-up said so
    note: str
    outcome: str = ""

    def overdue(self, today: dt.date) -> bool:
        return bool(self.due) and self.due < today.isoformat()

    def to_json(self) -> dict[str, Any]:
        keys = ("id", "case", "action", "owner", "due", "status", "note")
        return {k: getattr(self, k) for k in keys}


@dataclass
class OpenQuestion:
    id: str
    question: str
    note: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "question": self.question, "note": self.note}


@dataclass
class Case:
    """One case's notes, oldest first, and what they leave open."""

    ref: str
    notes: list[NoteRecord]
    actions: list[OpenAction] = field(default_factory=list)
    questions: list[OpenQuestion] = field(default_factory=list)

    @property
    def latest(self) -> NoteRecord:
        return self.notes[-1]

    def scores(self) -> list[int]:
        """The safety scale over time: the first note's "before", then each note's "after"."""
        found: list[int] = []
        for note in self.notes:
            if not found and note.safety_before is not None:
                found.append(note.safety_before)
            if note.safety_after is not None:
                found.append(note.safety_after)
        return found

    def trend(self) -> str:
        return " -> ".join(str(s) for s in self.scores())

    def last_safety(self) -> int | None:
        for note in reversed(self.notes):
            if note.safety_after is not None:
                return note.safety_after
        return None

    def summary(self) -> dict[str, Any]:
        return {
            "case": self.ref,
            "notes": len(self.notes),
            "first": self.notes[0].date,
            "last": self.latest.date,
            "safety": self.last_safety(),
            "open_actions": len(self.actions),
        }

    def entries(self) -> list[dict[str, Any]]:
        return [
            {
                "date": n.date,
                "title": n.title,
                "information": n.headline,
                "source": n.source,
                "safety_before": n.safety_before,
                "safety_after": n.safety_after,
                "decision": n.decision,
                "referral": n.referral,
                "note": n.name,
            }
            for n in self.notes
        ]


def build_case(ref: str, notes: list[NoteRecord]) -> Case:
    """The case with its open actions and questions, from its notes (oldest first)."""
    case = Case(ref, notes)
    statuses: dict[str, dict[str, str]] = {}
    answered: dict[str, str] = {}
    asked: dict[str, OpenQuestion] = {}  # by wording: the same question asked again is one
    for note in notes:
        statuses.update(note.statuses())
        answered.update(note.answered())
    for note in notes:
        for a in note.actions:
            said = statuses.get(a.id, {})
            status = said.get("status", "open")
            if status in CLOSED:
                continue
            case.actions.append(
                OpenAction(
                    a.id, ref, a.action, a.owner, a.due, status, note.name, said.get("outcome", "")
                )
            )
        for q in note.questions:
            if q.id not in answered:
                wording = " ".join(q.question.casefold().split())
                asked[wording] = OpenQuestion(q.id, q.question, note.name)
    case.questions = list(asked.values())
    return case


def all_cases(records: list[NoteRecord]) -> dict[str, Case]:
    """Every case, most recently reflected on first."""
    by_case: dict[str, list[NoteRecord]] = {}
    for record in records:
        by_case.setdefault(record.case, []).append(record)
    cases = [build_case(ref, notes) for ref, notes in by_case.items()]
    cases.sort(key=lambda c: (c.latest.date, c.latest.name), reverse=True)
    return {c.ref: c for c in cases}


def in_order(
    actions: list[OpenAction], today: dt.date, overdue_only: bool = False
) -> list[OpenAction]:
    """Open actions overdue first (oldest due first), then by due date; none due last."""
    found = [a for a in actions if a.overdue(today) or not overdue_only]
    return sorted(found, key=lambda a: (not a.overdue(today), a.due or "9999", a.case, a.id))


def actions_of(cases: list[Case], today: dt.date, overdue_only: bool = False) -> list[OpenAction]:
    """Open actions across cases, in that order."""
    return in_order([a for c in cases for a in c.actions], today, overdue_only)
