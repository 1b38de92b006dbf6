"""The reflection note: Markdown for a supervisor to read, with front matter for machines.

The body reads as a record of thinking, not a form: What? / So what? / Then what?, the actions
as a table, what to bring to supervision, the learning considered with its sources, the
alternative explanations, the escalation record and the questions still to ask. Question ids
and raw values stay out of the body; choices appear as their labels, dates in words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wsw import __version__
from wsw.packs.models import Question
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


def escape(text: str) -> str:
    """User text as Markdown that shows exactly what was typed and cannot add structure."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*_\[\]<>#|~])", r"\\\1", text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^(\s*)([-+=])", r"\1\\\2", line)
        line = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", line)
        lines.append(line.rstrip())
    return "\n".join(lines)


def _paragraphs(text: str) -> str:
    """Keep the practitioner's line breaks: blank lines split paragraphs, others break lines."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join("\\\n".join(escape(line) for line in b.splitlines()) for b in blocks if b)


def _date_words(value: str) -> str:
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        return escape(value)
    return f"{d.day} {d:%B %Y}"


class NoteBuilder:
    """Turns a finished session into Markdown (and HTML)."""

    def __init__(self, session: Session, info: NoteInfo) -> None:
        self.session = session
        self.info = info
        self.answers = session.visible_answers()
        self.visible = session.visible()
        self._labels: dict[str, dict[str, str]] = {}

    # -- values -----------------------------------------------------------------------------

    def label(self, question: Question, value: str) -> str:
        if question.id not in self._labels:
            self._labels[question.id] = {c.value: c.label for c in self.session.choices(question)}
        return self._labels[question.id].get(value, value)

    def _flag(self, question: Question, text: str) -> str:
        samples = [s for s in (question.example, question.help) if s]
        if any(text.strip().casefold() == s.strip().casefold() for s in samples):
            return " _(Flag: this is the example text, not an answer.)_"
        return ""

    def render_value(self, question: Question) -> str:
        if question.id not in self.answers:
            return NOT_ANSWERED
        value = self.answers[question.id]
        kind = question.type
        if kind == "text":
            return _paragraphs(str(value)) + self._flag(question, str(value))
        if kind == "choice":
            return escape(self.label(question, str(value)))
        if kind == "multichoice":
            labels = [escape(self.label(question, str(v))) for v in value]
            return ", ".join(labels) if labels else "_None chosen._"
        if kind == "yesno":
            return "Yes" if value else "No"
        if kind == "scale":
            return f"{value} out of 10"
        if kind == "date":
            return _date_words(str(value))
        if kind == "list":
            return "\n".join(f"- {escape(item)}" for item in value) if value else "_None._"
        if kind == "actions":
            return self._actions_table(value)
        return escape(str(value))  # pragma: no cover - every type is handled above

    def _actions_table(self, actions: list[dict[str, str]]) -> str:
        if not actions:
            return "_No actions recorded._"
        rows = ["| Action | Owner | Due |", "| --- | --- | --- |"]
        for a in actions:
            cells = [
                escape(a.get("action", "")),
                escape(a.get("owner", "")) or "-",
                _date_words(a["due"]) if a.get("due") else "-",
            ]
            rows.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
        return "\n".join(rows)

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
        for key, qid in self.session.walk.front_matter.items():
            front[key] = self.answers.get(qid)
        return front

    def section_of(self, stage_id: str, question: Question) -> str:
        return question.section or stage_id

    def markdown(self) -> str:
        import yaml

        head = yaml.safe_dump(self.front_matter(), sort_keys=False, allow_unicode=True).strip()
        parts = [f"---\n{head}\n---", f"# {escape(self.title())}"]
        parts.append(
            f"Reflection note written on {_date_words(self.info.date.isoformat())} with wsw "
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
                lines.append(f"- {escape(r.text)}")
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
        for ref in points[:LEARNING_LIMIT]:
            p = ref.point
            kind = "Practice point" if ref.kind == "practice" else "Learning point"
            lines.append(
                f"- **{escape(p.title)}** ({kind}). {escape(p.text)} "
                f"_Source: {escape(lib.cite(p.source))}._"
            )
        if len(lines) <= 1:
            lines.append("_No learning from the packs was matched to this information._")
        return "\n\n".join(lines[:1]) + ("\n\n" + "\n".join(lines[1:]) if lines[1:] else "")


def build_markdown(session: Session, info: NoteInfo) -> str:
    return NoteBuilder(session, info).markdown()


def to_html(markdown: str) -> str:
    """One self-contained, printable HTML page from the note's Markdown."""
    import html

    from markdown_it import MarkdownIt

    front, body = _split_front_matter(markdown)
    rendered = MarkdownIt("commonmark").enable("table").render(body)
    title = html.escape(str(front.get("title", "Reflection note")))
    rows = "".join(
        f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(_plain(v))}</td></tr>"
        for k, v in front.items()
        if k != "title"
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #111; }}
h1, h2 {{ font-family: Helvetica, Arial, sans-serif; }}
h2 {{ border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; }}
th, td {{ border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
table.meta {{ font-size: .85rem; }}
@media print {{ body {{ margin: 0; max-width: none; }} h2 {{ page-break-after: avoid; }} }}
</style>
</head>
<body>
<table class="meta">{rows}</table>
{rendered}</body>
</html>
"""


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    import yaml

    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            data = yaml.safe_load(markdown[4:end]) or {}
            return (data if isinstance(data, dict) else {}), markdown[end + 5 :]
    return {}, markdown
