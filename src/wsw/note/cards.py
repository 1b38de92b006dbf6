"""Handouts: the walk's prompts and the learning behind them, for printing or projecting.

Grouped by stage (the prompts, then the points that pack authors placed at that stage) and,
within a stage, by theme. Points placed at no stage appear at the stage where the walk picks
its themes (the stage with a `choices_from: themes` question), or else the first.
"""

from __future__ import annotations

from wsw.note.markdown import point_markdown
from wsw.packs.library import Library, PointRef
from wsw.packs.models import Walk
from wsw.text.markdown import escape


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
    parts = [
        title,
        "Printed from wsw. Each point names the document and section it comes from; what "
        "follows \u201cwsw suggests\u201d is wsw's own, not the document's.",
    ]
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
        if points:
            parts.append("### Learning and practice points")
            for theme_id in library.themes:
                group = [r for r in points if r.point.primary_theme == theme_id]
                if not group:
                    continue
                lines = [f"#### {escape(library.themes[theme_id].title)}"]
                lines.extend(point_markdown(ref, library) for ref in group)
                parts.append("\n\n".join(lines[:1]) + "\n\n" + "\n".join(lines[1:]))
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
