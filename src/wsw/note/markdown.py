"""The reflection note: Markdown for a supervisor to read, with front matter for machines.

A supervisor should grasp the note in one screen and act on it, so it opens with a Summary
(the answers the walk labels for it), then keeps the record of thinking: What? / So what? /
Then what?, what to bring to supervision with the checks this case triggered, the learning
the walk showed and the practitioner confirmed, the alternative explanations, the escalation
record and the questions still to ask, and the documents cited. Each answer is written once
in full; question ids and raw values stay out of the body (choices as labels, dates in words)
and headings are the questions without their typing hints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wsw import __version__
from wsw.note.learning import (
    notice_line,
    point_line,
    shown_and_confirmed,
    sources_markdown,
    triggered,
)
from wsw.note.summary import (
    INLINE_TYPES,
    first_sentences,
    shown_only_in_summary,
    summary_markdown,
)
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
    "for-practice": "Learning for practice",
}
NOT_ANSWERED = "_Not answered._"
_HINT = re.compile(r"\s*\([^()]*\)(?=\??\s*$)")


def heading(prompt: str) -> str:
    """A question as a note heading: without the typing hint at its end ("(one per line)")."""
    text = " ".join(prompt.split())
    return _HINT.sub("", text).strip() or text


@dataclass(frozen=True)
class NoteInfo:
    """What a note records about how it was made."""

    date: dt.date
    packs: dict[str, str]


class NoteBuilder:
    """Turns a finished session into Markdown (and HTML)."""

    def __init__(self, session: Session, info: NoteInfo) -> None:
        self.session = session
        self.info = info
        self.answers = session.visible_answers()
        self.visible = session.visible()
        self._labels: dict[str, dict[str, str]] = {}
        self._cited: list[str] = []

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
            front[key] = _field_value(found)
        front.update(self.session.review_record())  # a known case's follow-up (wsw.cases)
        return front

    def summary(self) -> str:
        """The Summary section's body (empty when the walk labels nothing for it)."""
        questions = [q for _, q in self.visible]
        return summary_markdown(questions, self.answers, self.render_value)

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
        parts.extend(self._title_flag())
        summary = self.summary()
        if summary:
            parts.append(f"## Summary\n\n{summary}")
        grouped = self._grouped()
        for section in self._section_order(grouped):
            body = self._section_body(section, grouped.get(section, []))
            if body:
                parts.append(f"## {self._section_title(section)}\n\n{body}")
        sources = sources_markdown(self._cited, self.session.library)
        if sources:
            parts.append(f"## Sources\n\n{sources}")
        return "\n\n".join(parts) + "\n"

    def _title_flag(self) -> list[str]:
        """The title is not repeated in the body, but a title left as the example is flagged."""
        qid = self.session.walk.title_from
        if not qid or qid not in self.answers:
            return []
        rendered = self.render_value(self.session.question(qid))
        flag = rendered.rfind(" _(Flag:")
        return [rendered[flag + 1 :]] if flag != -1 else []

    def _grouped(self) -> dict[str, list[Question]]:
        grouped: dict[str, list[Question]] = {}
        title_from = self.session.walk.title_from
        for stage, question in self.visible:
            if question.choices_from == "themes" or question.id == title_from:
                continue  # the themes go with their learning; the title is the heading
            if shown_only_in_summary(question, self.answers.get(question.id)):
                continue
            grouped.setdefault(self.section_of(stage.id, question), []).append(question)
        if "learning" not in grouped and any(q.choices_from == "themes" for _, q in self.visible):
            grouped["learning"] = []
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
            return self._learning(questions)
        if section == "actions":
            return "\n\n".join(self.render_value(q) for q in questions)
        if section == "supervision":
            return _joined(self._qa(questions), self._notices(("reminder", "check"),
                           "Checks and reminders this case brought up"))  # fmt: skip
        if section == "escalation":
            return _joined(self._qa(questions), self._escalation_questions())
        if section == "unknowns":
            return "\n\n".join(self.render_value(q) for q in questions if q.id in self.answers)
        if section == "for-practice":  # optional closing questions: only what was answered
            return self._qa(q for q in questions if q.id in self.answers)
        return self._qa(questions)

    def _qa(self, questions: Iterable[Question]) -> str:
        """Each question and its answer; a short answer on the same line as its question."""
        blocks = []
        for q in questions:
            value = self.render_value(q)
            short = q.type in INLINE_TYPES or (q.type == "text" and not q.multiline)
            if short and "\n" not in value:
                blocks.append(f"**{escape(heading(q.prompt))}** {value}")
            else:
                blocks.append(f"**{escape(heading(q.prompt))}**\n\n{value}")
        return "\n\n".join(blocks)

    def _notices(self, kinds: tuple[str, ...], title: str) -> str:
        lib = self.session.library
        found = triggered(self.session, kinds)
        if not found:
            return ""
        self._cited.extend(n.source.document for n in found if n.source)
        return f"**{title}**\n\n" + "\n".join(notice_line(n, lib) for n in found)

    def _escalation_questions(self) -> str:
        """The escalation questions the walk asked, by their question only.

        They were put beside the questions of the escalation record, whose answers are above;
        the full text of each, with its source, is one command away.
        """
        found = triggered(self.session, ("escalation",))
        if not found:
            return ""
        texts = {n.text for n in found}
        packs = [
            p.pack.id
            for p in self.session.library.packs
            if any(q.text in texts for q in p.pack.escalation_questions)
        ]
        where = ", ".join(f"`wsw packs show {escape(pack)}`" for pack in packs)
        lines = "\n".join(f"- {first_sentences(n.text, 1)}" for n in found)
        return (
            f"**Escalation questions the walk asked** _(in full, with their sources: {where})_"
            f"\n\n{lines}"
        )

    def _learning(self, questions: list[Question]) -> str:
        lib = self.session.library
        chosen = sorted(self.session.facts().themes, key=list(lib.themes).index)
        blocks = []
        if chosen:
            titles = ", ".join(escape(lib.themes[t].title) for t in chosen)
            blocks.append(f"Themes confirmed: {titles}.")
        refs = shown_and_confirmed(self.session)
        if refs:
            blocks.append("\n".join(point_line(ref, lib) for ref in refs))
            self._cited.extend(ref.point.source.document for ref in refs)
        else:
            blocks.append("_No learning shown in the walk was confirmed for this case._")
        blocks.extend(self._figures([ref.point for ref in refs]))
        blocks.append(self._qa(q for q in questions if q.id in self.answers))
        return "\n\n".join(b for b in blocks if b)

    def _figures(self, points: list[Point]) -> list[str]:
        """What the figures in the learning are, and where their tables are shown whole."""
        from wsw.note.figures import about_figures, figure_documents, where_whole

        lib = self.session.library
        cites = [c.table for p in points for c in p.table_cites]
        tables = [lib.tables[t] for t in dict.fromkeys(cites) if t in lib.tables]
        blocks = about_figures(figure_documents(points), lib, brief=True)
        if tables:
            blocks.append(where_whole(tables, lib))
        return blocks


def _joined(*blocks: str) -> str:
    return "\n\n".join(b for b in blocks if b)


def build_markdown(session: Session, info: NoteInfo) -> str:
    return NoteBuilder(session, info).markdown()


def summary_of(session: Session) -> str:
    """The note's Summary as Markdown, for a preview that shows it first (no date needed)."""
    return NoteBuilder(session, NoteInfo(dt.date.today(), {})).summary()


def _field_value(found: list[Any]) -> Any:
    """A front-matter field drawn from several questions: the first answer given, except that
    lists are joined, so today's actions on the safety-first path and the Then what? actions
    are all tracked by the case index."""
    if not found:
        return None
    if len(found) > 1 and all(isinstance(value, list) for value in found):
        return [item for value in found for item in value]
    return found[0]
