"""The reflection note: Markdown for a supervisor to read, with front matter for machines.

The body reads as a record of thinking, not a form: What? / So what? / Then what?, the actions
as a table, what to bring to supervision, the learning considered with its sources, the
alternative explanations, the escalation record and the questions still to ask. Question ids
and raw values stay out of the body; choices appear as their labels, dates in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wsw import __version__
from wsw.packs.library import Library, PointRef
from wsw.packs.models import Point, Question
from wsw.packs.questions import spec_for
from wsw.text.markdown import date_words, escape
from wsw.walk.session import Session

SECTION_TITLES = {
    "context": "Context",
    "what": "What?",
    "so-what": "So what?",
    "then-what": "Then what?",
    "actions": "Actions",
    "supervision": "For supervision",
    "learning": "Learning considered",
    "alternatives": "Alternative explanations considered",
    "escalation": "Escalation record",
    "unknowns": "Questions still to ask",
}
NOT_ANSWERED = "_Not answered._"
LEARNING_LIMIT = 8


@dataclass(frozen=True)
class NoteInfo:
    """What a note records about how it was made."""

    date: dt.date
    packs: dict[str, str]


OWN_SUGGESTION = "wsw suggests (not from the source):"
OWN_REMINDER = "wsw's own reminder, not from the source"


def point_markdown(ref: PointRef, library: Library) -> str:
    """A point as one list item: the cited finding, its source, then wsw's own suggestion.

    The suggestion comes after the citation and is labelled, so a supervisor never reads
    wsw's advice as the document's.
    """
    p = ref.point
    kind = "Practice point" if ref.kind == "practice" else "Learning point"
    line = (
        f"- **{escape(p.title)}** ({kind}). {escape(p.text)} "
        f"_Source: {escape(library.cite_point(p))}._"
    )
    if p.prompt:
        line += f" **{OWN_SUGGESTION}** {escape(p.prompt)}"
    return line


class NoteBuilder:
    """Turns a finished session into Markdown (and HTML)."""

    def __init__(self, session: Session, info: NoteInfo) -> None:
        self.session = session
        self.info = info
        self.answers = session.visible_answers()
        self.visible = session.visible()
        self._labels: dict[str, dict[str, str]] = {}

    # -- values -----------------------------------------------------------------------------

    def render_value(self, question: Question) -> str:
        if question.id not in self.answers:
            return NOT_ANSWERED
        if question.id not in self._labels:
            self._labels[question.id] = {c.value: c.label for c in self.session.choices(question)}
        value = self.answers[question.id]
        return spec_for(question.type).render(question, value, self._labels[question.id])

    # -- the note ---------------------------------------------------------------------------

    def title(self) -> str:
        walk = self.session.walk
        raw = self.answers.get(walk.title_from) if walk.title_from else None
        return str(raw).strip().splitlines()[0] if raw else walk.title

    def front_matter(self) -> dict[str, Any]:
        front: dict[str, Any] = {
            "title": self.title(),
            "date": self.info.date.isoformat(),
            "wsw": __version__,
            "walk": self.session.walk.id,
            "packs": dict(self.info.packs),
        }
        walk = self.session.walk
        for key in walk.front_matter:
            found = [self.answers[q] for q in walk.sources_of(key) if q in self.answers]
            front[key] = found[0] if found else None
        front.update(self.session.review_record())  # a known case's follow-up (wsw.cases)
        return front

    def section_of(self, stage_id: str, question: Question) -> str:
        return question.section or stage_id

    def markdown(self) -> str:
        import yaml

        head = yaml.safe_dump(self.front_matter(), sort_keys=False, allow_unicode=True).strip()
        parts = [f"---\n{head}\n---", f"# {escape(self.title())}"]
        parts.append(
            f"Reflection note written on {date_words(self.info.date.isoformat())} with wsw "
            f"{__version__} (\u201c{escape(self.session.walk.title)}\u201d)."
        )
        grouped = self._grouped()
        for section in self._section_order(grouped):
            body = self._section_body(section, grouped.get(section, []))
            if body:
                parts.append(f"## {self._section_title(section)}\n\n{body}")
        return "\n\n".join(parts) + "\n"

    def _grouped(self) -> dict[str, list[Question]]:
        grouped: dict[str, list[Question]] = {}
        for stage, question in self.visible:
            if question.choices_from == "themes":
                continue  # shown with the learning it brought up
            grouped.setdefault(self.section_of(stage.id, question), []).append(question)
        return grouped

    def _section_order(self, grouped: dict[str, list[Question]]) -> list[str]:
        """The fixed sections in order, with a custom walk's own stages after Then what?."""
        fixed = list(SECTION_TITLES)
        extra = [s for s in grouped if s not in fixed]
        split = fixed.index("then-what") + 1
        return [*fixed[:split], *extra, *fixed[split:]]

    def _section_title(self, section: str) -> str:
        if section in SECTION_TITLES:
            return SECTION_TITLES[section]
        stage = next((s for s in self.session.walk.stages if s.id == section), None)
        return escape(stage.title) if stage else escape(section)

    def _section_body(self, section: str, questions: list[Question]) -> str:
        if section == "learning":
            return self._learning()
        if section == "actions":
            return "\n\n".join(self.render_value(q) for q in questions)
        if section == "supervision":
            return self._qa(questions) + self._checks()
        if section == "unknowns":
            return "\n\n".join(self.render_value(q) for q in questions if q.id in self.answers)
        return self._qa(questions)

    def _qa(self, questions: Iterable[Question]) -> str:
        blocks = []
        for q in questions:
            blocks.append(f"**{escape(q.prompt.strip())}**\n\n{self.render_value(q)}")
        return "\n\n".join(blocks)

    def _checks(self) -> str:
        seen: list[str] = []
        lines = []
        for stage in self.session.walk.stages:
            for r in self.session.reminders(stage.id):
                if r.kind == "practice" or r.id in seen:
                    continue
                seen.append(r.id)
                origin = f"Source: {r.source}" if r.source else OWN_REMINDER
                lines.append(f"- {escape(r.text)} _({escape(origin)})_")
        if not lines:
            return ""
        return "\n\n**Checks and reminders that applied**\n\n" + "\n".join(lines)

    def _learning(self) -> str:
        lib = self.session.library
        chosen = sorted(self.session.facts().themes, key=list(lib.themes).index)
        lines = []
        if chosen:
            titles = ", ".join(escape(lib.themes[t].title) for t in chosen)
            lines.append(f"Themes confirmed: {titles}.")
        points = [lib.point_by_id[p] for p in self.session.learning() if p in lib.point_by_id]
        if chosen:
            points = [p for p in points if set(p.point.themes) & set(chosen)]
        shown = points[:LEARNING_LIMIT]
        lines.extend(point_markdown(ref, lib) for ref in shown)
        if len(lines) <= 1:
            lines.append("_No learning from the packs was matched to this information._")
        body = "\n\n".join(lines[:1]) + ("\n\n" + "\n".join(lines[1:]) if lines[1:] else "")
        return body + self._figures([ref.point for ref in shown])

    def _figures(self, points: list[Point]) -> str:
        """The tables the learning's figures come from, and what those figures are."""
        from wsw.note.figures import (
            about_figures,
            figure_documents,
            table_markdown,
            tables_of,
            where_whole,
        )

        lib = self.session.library
        ages = self.session.facts().age_bands
        cited = tables_of(points, lib)
        blocks = [table_markdown(t, lib, ages, rows) for t, rows in cited]
        if any(rows is not None for _, rows in cited):
            blocks.append(where_whole([t for t, rows in cited if rows is not None], lib))
        blocks += about_figures(figure_documents(points), lib)
        return "".join(f"\n\n{block}" for block in blocks)


def build_markdown(session: Session, info: NoteInfo) -> str:
    return NoteBuilder(session, info).markdown()
