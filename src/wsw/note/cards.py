"""Handouts: the walk's prompts and the learning behind them, and a seven-minute briefing.

Cards are grouped by stage (the prompts, then the points that pack authors placed at that
stage) and, within a stage, by theme: each stage and each theme is a `##`/`###` heading that
the HTML starts on a new page. Points placed at no stage appear at the stage where the walk
picks its themes (the stage with a `choices_from: themes` question), or else the first.

A seven-minute briefing is a short one-theme format for team meetings (its layout is wsw's
own): why it matters, the key learning with its sources, questions for the team.
Everything in it comes from the packs: the theme's description, its points as cited, and
their `prompt`s, which are wsw's own and say so. Nothing is added that a pack does not hold.
"""

from __future__ import annotations

from wsw.note.learning import OWN_SUGGESTION, point_markdown
from wsw.packs.library import Library, PointRef
from wsw.packs.models import Walk
from wsw.text.markdown import escape

OWN_NOTE = (
    "Printed from wsw. Each point names the document and section it comes from; what "
    "follows \u201cwsw suggests\u201d is wsw's own, not the document's."
)


def learning_stage(walk: Walk) -> str:
    """The stage where the walk picks themes: where learning with no stage of its own goes."""
    for stage in walk.stages:
        if any(q.choices_from == "themes" for q in stage.questions):
            return stage.id
    return walk.stages[0].id


def _stage_points(library: Library, walk: Walk, stage_id: str, theme: str | None) -> list[PointRef]:
    fallback = learning_stage(walk)
    chosen = []
    for ref in library.points:
        stages = ref.point.stages or [fallback]
        if stage_id in stages and (theme is None or theme in ref.point.themes):
            chosen.append(ref)
    return chosen


def build_cards(
    library: Library, walk: Walk, stage: str | None = None, theme: str | None = None
) -> str:
    """The handout as Markdown."""
    stages = [s for s in walk.stages if stage is None or s.id == stage]
    title = f"# {escape(walk.title)}: prompts and learning"
    if theme:
        title += f" on {escape(library.themes[theme].title.lower())}"
    parts = [title, OWN_NOTE]
    for s in stages:
        parts.append(f"## {escape(s.title)}")
        if s.intro:
            parts.append(f"_{escape(s.intro.strip())}_")
        prompts = []
        for q in s.questions:
            line = f"- {escape(q.prompt.strip())}"
            if q.help:
                line += f"  \n  _{escape(q.help.strip())}_"
            prompts.append(line)
        parts.append("### Prompts\n\n" + "\n".join(prompts))
        points = _stage_points(library, walk, s.id, theme)
        for theme_id in library.themes:
            group = [r for r in points if r.point.primary_theme == theme_id]
            if group:
                heading = f"### Learning: {escape(library.themes[theme_id].title)}"
                parts.append(
                    heading + "\n\n" + "\n".join(point_markdown(r, library) for r in group)
                )
    if stage is None:
        parts.extend(_figures(library, theme))
    return "\n\n".join(parts) + "\n"


def _figures(library: Library, theme: str | None) -> list[str]:
    """The data tables (on the theme, if one is given) and what their figures are."""
    from wsw.note.figures import about_figures, table_markdown

    tables = [t for t in library.tables.values() if theme is None or theme in t.themes]
    if not tables:
        return []
    blocks = ["## Figures", *(table_markdown(t, library) for t in tables)]
    return blocks + about_figures([t.source.document for t in tables], library)


BRIEFING_POINTS = 8
BRIEFING_QUESTIONS = 6


def briefing_points(library: Library, theme: str) -> list[PointRef]:
    """The theme's own points (its primary theme), findings before practice points."""
    own = [r for r in library.points if r.point.primary_theme == theme]
    return sorted(own, key=lambda r: r.kind != "learning")[:BRIEFING_POINTS]


def build_briefing(library: Library, theme: str) -> str:
    """A seven-minute briefing on one theme, as Markdown: one or two printed pages.

    Why it matters: the theme as the core pack describes it, and the figures its points
    cite, with what those figures count. The key learning: the points, as cited. Questions
    for the team: the points' own suggestions, which are wsw's and marked so.
    """
    from wsw.note.figures import about_figures

    t = library.themes[theme]
    points = briefing_points(library, theme)
    why = [escape(" ".join(t.description.split()))]
    figures = [
        f"- {escape(figure)} _({escape(library.cite(r.point.source))})_"
        for r in points
        for figure in r.point.figures
    ]
    if figures:
        why.append("\n".join(figures))
        why.extend(about_figures([r.point.source.document for r in points if r.point.figures],
                                 library))  # fmt: skip
    parts = [
        f"# Seven-minute briefing: {escape(t.title)}",
        OWN_NOTE,
        "## Why it matters\n\n" + "\n\n".join(why),
        "## The key learning\n\n"
        + ("\n".join(_briefing_point(r, library) for r in points) or "_No points on this theme._"),
    ]
    questions = [escape(" ".join(r.point.prompt.split())) for r in points if r.point.prompt]
    if questions:
        numbered = "\n".join(f"{i}. {q}" for i, q in enumerate(questions[:BRIEFING_QUESTIONS], 1))
        parts.append(
            f"## Questions for the team\n\n_{OWN_SUGGESTION.rstrip(':')}: questions drawn from "
            f"the learning above._\n\n{numbered}"
        )
    return "\n\n".join(parts) + "\n"


def _briefing_point(ref: PointRef, library: Library) -> str:
    p = ref.point
    kind = "" if ref.kind == "learning" else " (practice point)"
    return (
        f"- **{escape(p.title)}**{kind}. {escape(' '.join(p.text.split()))} "
        f"_Source: {escape(library.cite_point(p))}._"
    )
