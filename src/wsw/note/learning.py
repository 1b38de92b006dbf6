"""What a note says of the learning and the checks: only what this walk showed and triggered.

A supervisor reads a note to act on it. So it lists the learning the walk showed at the
themes question whose themes the practitioner confirmed, each in one line with its source,
and the checks and reminders whose condition the answers met; a check every walk shows
(one with no condition) is part of the walk, not of this case. Citations in the note are
short (publisher, year, section, page) and the documents are listed once at its end.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsw.note.summary import first_sentences
from wsw.packs.library import Library, PointRef
from wsw.packs.models import Condition, SourceRef
from wsw.text.markdown import escape
from wsw.walk.session import Session

OWN_REMINDER = "wsw's own reminder, not from the source"
OWN_SUGGESTION = "wsw suggests (not from the source):"


def point_markdown(ref: PointRef, library: Library) -> str:
    """A point in full, for handouts: the cited finding, its source, then wsw's own suggestion.

    The suggestion comes after the citation and is labelled, so nobody reads wsw's advice as
    the document's.
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


def shown_and_confirmed(session: Session) -> list[PointRef]:
    """The points the walk showed whose themes the practitioner confirmed, in shown order."""
    lib = session.library
    confirmed = session.facts().themes
    refs = [lib.point_by_id[p] for p in session.shown_learning() if p in lib.point_by_id]
    return [r for r in refs if confirmed & set(r.point.themes)]


def short_cite(ref: SourceRef, library: Library, as_of: str | None = None) -> str:
    """Publisher and year, section and page: the full title is in the note's Sources."""
    source = library.sources.get(ref.document)
    doc = f"{source.publisher} {source.year}" if source else ref.document
    page = f", p. {ref.page}" if ref.page else ""
    dated = f" (as at {as_of})" if as_of else ""
    return f"{doc}, {ref.section}{page}{dated}"


def point_line(ref: PointRef, library: Library) -> str:
    """A point in one list item: its title, its whole text, its source.

    The whole text, not its first sentence: a finding's hedge or population is often in the
    sentence after it ("The briefing offers two possible reasons ..."; "These are background
    factors, not the direct cause ..."), and a note cited to a document must keep them.
    """
    p = ref.point
    return (
        f"- **{escape(p.title)}.** {escape(p.text)} "
        f"_({escape(short_cite(p.source, library, p.as_of))})_"
    )


@dataclass(frozen=True)
class Triggered:
    """A check, reminder or escalation question that this case's answers brought up."""

    text: str
    kind: str
    source: SourceRef | None


def _conditions(session: Session) -> dict[str, tuple[Condition | None, SourceRef | None]]:
    lib = session.library
    found: dict[str, tuple[Condition | None, SourceRef | None]] = {}
    for stage in session.walk.stages:
        found.update((r.id, (r.when, r.source)) for r in stage.reminders)
    for check in [*lib.checks, *lib.escalation_questions]:
        found[check.id] = (check.when, check.source)
    return found


def triggered(session: Session, kinds: tuple[str, ...]) -> list[Triggered]:
    """The notices of these kinds whose condition holds for this case, each once, walk order."""
    conditions = _conditions(session)
    seen: set[str] = set()
    out = []
    for stage in session.walk.stages:
        for notice in session.reminders(stage.id):
            when, source = conditions.get(notice.id, (None, None))
            if notice.kind not in kinds or when is None or notice.id in seen:
                continue
            seen.add(notice.id)
            out.append(Triggered(notice.text, notice.kind, source))
    return out


def notice_line(notice: Triggered, library: Library) -> str:
    """A notice in one list item; an escalation question by its question (its first sentence).

    The escalation questions are for the practitioner to answer; the record of the answers is
    the note's escalation section, so the question is enough to see what was asked.
    """
    origin = short_cite(notice.source, library) if notice.source else OWN_REMINDER
    text = (
        first_sentences(notice.text, 1)
        if notice.kind == "escalation"
        else escape(" ".join(notice.text.split()))
    )
    return f"- {text} _({escape(origin)})_"


def sources_markdown(documents: list[str], library: Library) -> str:
    """The documents the note cites, in full, once."""
    lines = []
    for doc in dict.fromkeys(documents):
        source = library.sources.get(doc)
        if source is None:
            continue
        title = " ".join(source.title.split())
        lines.append(f"- {escape(source.publisher)} ({source.year}). _{escape(title)}_.")
    return "\n".join(lines)
