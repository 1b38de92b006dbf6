"""What to bring to the next supervision: the reflections since the last supervised one.

Built from the notes folder and the case index: each reflection written since the last note
that has a supervision record (or since a date), with its questions for supervision and its
safety scores; the actions now overdue; and how each case's safety score moved. Grouped by the
four functions of supervision in the integrated (4x4x4) model: that grouping is wsw's own
reading of them, not from the source documents: management (decisions, referrals, overdue
actions, safety), support (situational supervision asked for, scores that fell steeply),
development (the themes that recur) and mediation (disagreements with other agencies and
referrals still unsure).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wsw.cases.history import OpenAction, actions_of, all_cases
from wsw.cases.record import NoteRecord
from wsw.packs.library import Library
from wsw.records.frontmatter import read_fields
from wsw.records.reading import read_note

JSON_VERSION = 1
STEEP_FALL = 3
QUESTIONS_QID = "supervision-questions"
QUESTIONS_SECTION = "For supervision"


@dataclass
class Reflection:
    note: str
    date: str
    case: str
    headline: str
    safety_before: int | None
    safety_after: int | None
    questions: list[str]


@dataclass
class Agenda:
    since: str | None
    reflections: list[Reflection] = field(default_factory=list)
    overdue: list[OpenAction] = field(default_factory=list)
    management: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    development: list[str] = field(default_factory=list)
    mediation: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "since": self.since,
            "reflections": [asdict(r) for r in self.reflections],
            "overdue_actions": [a.to_json() for a in self.overdue],
            "management": self.management,
            "support": self.support,
            "development": self.development,
            "mediation": self.mediation,
        }


def last_supervised(codes: dict[str, dict[str, Any]]) -> str | None:
    """The date of the latest supervision recorded in any note."""
    dates = [str(c["supervised"])[:10] for c in codes.values() if c.get("supervised")]
    return max(dates) if dates else None


def _questions(path: Path, walk: str, library: Library) -> list[str]:
    known = library.walks.get(walk)
    question = next((q for s in (known.stages if known else []) for q in s.questions
                     if q.id == QUESTIONS_QID), None)  # fmt: skip
    if question is None:
        return []
    try:
        note = read_note(path)
    except Exception:  # a note that cannot be read has no questions to bring
        return []
    text = note.answer(QUESTIONS_SECTION, question.prompt)
    if not text and question.summary:  # the note shows them in its Summary
        text = note.summarised(question.summary)
    return [line.removeprefix("- ").strip() for line in text.splitlines() if line.strip()]


def build_agenda(
    folder: Path, records: list[NoteRecord], library: Library, today: dt.date, since: str | None
) -> Agenda:
    """The agenda from the notes in `folder` (their index records and front matter codes)."""
    codes = {r.name: read_fields(folder / r.name) or {} for r in records}
    start = since or last_supervised(codes)
    agenda = Agenda(since=start)
    # Every note not yet supervised, from the day of the last supervision (or --since) on: a
    # note written that day but not supervised still needs to be.
    chosen = [
        r for r in sorted(records, key=lambda r: (r.date, r.name))
        if not codes[r.name].get("supervised") and (start is None or r.date >= start)
    ]  # fmt: skip
    for r in chosen:
        agenda.reflections.append(Reflection(r.name, r.date, r.case, r.headline, r.safety_before,
                                             r.safety_after, _questions(folder / r.name, r.walk,
                                                                        library)))  # fmt: skip
    cases = all_cases(records)
    agenda.overdue = actions_of(list(cases.values()), today, overdue_only=True)
    _functions(agenda, chosen, codes, cases, library)
    return agenda


def _functions(
    agenda: Agenda,
    chosen: list[NoteRecord],
    codes: dict[str, dict[str, Any]],
    cases: dict[str, Any],
    library: Library,
) -> None:
    themes: Counter[str] = Counter()
    for r in chosen:
        code = codes[r.name]
        where = f"{r.case} ({r.date})"
        if r.decision:
            agenda.management.append(f"{where}: the decision to review: {r.decision}")
        trend = cases[r.case].scores() if r.case in cases else []
        if len(trend) > 1:
            agenda.management.append(f"{where}: safety over time " + " -> ".join(map(str, trend)))
        if code.get("situational_supervision") is True:
            agenda.support.append(f"{where}: situational supervision was asked for")
        before, after = r.safety_before, r.safety_after
        if before is not None and after is not None and before - after >= STEEP_FALL:
            agenda.support.append(f"{where}: the safety score fell from {before} to {after}")
        if code.get("disagreement") is True:
            stage = code.get("escalation_stage") or "not recorded"
            agenda.mediation.append(f"{where}: a disagreement with another agency "
                                    f"(escalation: {stage})")  # fmt: skip
        if r.referral == "unsure":
            agenda.mediation.append(f"{where}: unsure whether to refer to the local authority")
        listed = code.get("themes")
        themes.update(str(t) for t in listed) if isinstance(listed, list) else None
    for action in agenda.overdue:
        agenda.management.append(
            f"{action.case}: overdue since {action.due}: {action.action} ({action.owner})"
        )
    for theme, n in themes.most_common():
        title = library.themes[theme].title if theme in library.themes else theme
        agenda.development.append(f"{title}: in {n} reflection(s) since the last supervision")
