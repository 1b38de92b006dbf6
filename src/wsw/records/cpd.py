"""A CPD record from one or more notes: the fields Social Work England asks for, no case detail.

Social Work England asks each social worker to record CPD every year (at least two records,
at least one with peer reflection) with, for each: the type of CPD, a title, a short
description and why it is relevant, the date, what was learnt, the positive impact on their
practice and on the people they work with, and, for peer reflection, what they learnt from
the discussion with peers. That summary is wsw's own, not from the source documents.

A CPD record is about the learning, not the case (and, wsw's own caution, a reflective note
could be asked for in proceedings). So
the record is built only from what carries no case detail by construction: the themes and
the titles of the learning the packs brought up (pack text), and the practitioner's answers
to the closing questions about learning and practice (and a supervision's development
answers). Nothing from the What? stage, the title, the case reference or any other answer is
ever read. The result is still checked for identifiers, and declared names are replaced.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from typing import Any

from wsw.packs.library import Library
from wsw.packs.models import Walk
from wsw.privacy.pseudonyms import Person, redact
from wsw.records.reading import ReadNote
from wsw.text.markdown import date_words

LEARNING_ID = "practice-learning"
IMPACT_ID = "practice-impact"
PRACTICE_SECTION = "Learning for practice"
SUPERVISION_SECTION = "Supervision record"
SUPERVISION_DEVELOPMENT = ("sup-learning", "sup-take-forward")
THEMES_IN_TITLE = 3
NEAR_IDENTICAL = 0.9
FIELDS = ("type", "title", "description", "date", "learning", "impact", "peer_reflection")


@dataclass
class CpdRecord:
    """One CPD record; `peer_reflection` is None when no note came from peers or supervision."""

    type: str
    title: str
    description: str
    date: str
    learning: str
    impact: str
    peer_reflection: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def text(self) -> str:
        """Every field's words but the date, for comparing two records."""
        return "\n".join(str(v or "") for k, v in asdict(self).items() if k != "date")


@dataclass
class Built:
    record: CpdRecord
    warnings: list[str]


def _prompt(library: Library, walk_id: str, question_id: str) -> str | None:
    walk: Walk | None = library.walks.get(walk_id)
    if walk is None:
        return None
    for stage in walk.stages:
        for q in stage.questions:
            if q.id == question_id:
                return q.prompt
    return None


def _answer(note: ReadNote, library: Library, section: str, walk: str, qid: str) -> str:
    prompt = _prompt(library, walk, qid)
    return note.answer(section, prompt) if prompt else ""


def _peer(note: ReadNote, library: Library) -> list[str]:
    """What a note says was learnt with others: a group discussion or a supervision."""
    found = []
    if note.walk == "group":
        said = _answer(note, library, PRACTICE_SECTION, "group", LEARNING_ID)
        found.append("In a group case discussion with colleagues" + (f": {said}" if said else "."))
    if note.front.get("supervised"):
        said = " ".join(
            a
            for qid in SUPERVISION_DEVELOPMENT
            if (a := _answer(note, library, SUPERVISION_SECTION, "supervision", qid))
        )
        found.append("In reflective supervision" + (f": {said}" if said else "."))
    return found


def _kind(notes: list[ReadNote]) -> str:
    if any(n.front.get("supervised") for n in notes):
        return "Peer reflection (wsw's reading): reflective supervision"
    if any(n.walk == "group" for n in notes):
        return "Peer reflection (wsw's reading): group case discussion"
    return "Reflective practice: a structured written reflection"


def _joined(titles: list[str]) -> str:
    shown = [t[0].lower() + t[1:] if t[:2] != t[:2].upper() else t for t in titles]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _bullets(items: list[str]) -> str:
    items = [i for i in dict.fromkeys(items) if i]
    return items[0] if len(items) == 1 else "\n".join(f"- {i}" for i in items)


def build_cpd(notes: list[ReadNote], library: Library, people: list[Person]) -> Built:
    """The record from the notes, with warnings about what is missing or left to check."""
    themes = list(dict.fromkeys(t for n in notes for t in n.themes()))
    titles = [library.themes[t].title for t in themes if t in library.themes]
    points = list(dict.fromkeys(p for n in notes for p in n.point_titles()))
    learnt = [_answer(n, library, PRACTICE_SECTION, n.walk, LEARNING_ID) for n in notes]
    impact = [_answer(n, library, PRACTICE_SECTION, n.walk, IMPACT_ID) for n in notes]
    dates = sorted(d for n in notes if (d := n.date))
    record = CpdRecord(
        type=_kind(notes),
        title=_title(titles),
        description=_description(notes, titles, dates),
        date=dates[-1] if dates else "",
        learning=_learning(learnt, points),
        impact=_bullets(impact),
        peer_reflection=_bullets(peer)
        if (peer := [p for n in notes for p in _peer(n, library)])
        else None,
    )
    warnings = (
        []
        if any(learnt)
        else [
            "No note answers 'What will you take from this into other cases?': "
            "add what you learnt before you submit the record."
        ]
    )
    if not any(impact):
        warnings.append("No note says what difference it will make: add the impact yourself.")
    return Built(*_checked(record, people, warnings))


def _title(titles: list[str]) -> str:
    if not titles:
        return "Reflecting on new information in a case"
    shown = titles[:THEMES_IN_TITLE]
    return "Learning from reviews on " + _joined(shown)


def _description(notes: list[ReadNote], titles: list[str], dates: list[str]) -> str:
    count = (
        "A structured reflection"
        if len(notes) == 1
        else f"{len(notes)} structured reflections"
        + (f" ({date_words(dates[0])} to {date_words(dates[-1])})" if dates else "")
    )
    text = (
        f"{count} (What? So what? Then what?) on new information in my casework, "
        "weighing it against learning from reviews of cases where children died or were "
        "seriously harmed."
    )
    if titles:
        text += (
            f" Relevant to my practice because the information raised {_joined(titles)}, "
            "and the reviews' learning on these bears on how I assess risk to children."
        )
    return text


def _learning(learnt: list[str], points: list[str]) -> str:
    parts = [_bullets(learnt)] if any(learnt) else []
    if points:
        parts.append("Learning from reviews I considered: " + "; ".join(points) + ".")
    return "\n\n".join(parts)


def _checked(
    record: CpdRecord, people: list[Person], warnings: list[str]
) -> tuple[CpdRecord, list[str]]:
    """Declared names replaced by roles in every field; anything else identifying is named."""
    values = record.to_json()
    kinds: set[str] = set()
    for key in ("learning", "impact", "peer_reflection"):
        if values[key]:
            done = redact(values[key], people)
            values[key] = done.text
            kinds.update(f.kind for f in done.remaining)
            if done.ambiguous:
                kinds.add("name")
    if kinds:
        warnings.append(
            "The record may still identify someone (" + ", ".join(sorted(kinds)) + "): "
            "read it and remove case detail before you submit it."
        )
    return CpdRecord(**values), warnings


def words(text: str) -> list[str]:
    """The words of a record, whatever its format (Markdown escapes and dates aside)."""
    return re.findall(r"\w+", text.casefold())


def near_identical(a: str, b: str) -> bool:
    """Two records' texts a reader would take for the same record (wsw's advice is to make
    each record its own): 90% of their words in the same order."""
    ratio = difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()
    return ratio >= NEAR_IDENTICAL
