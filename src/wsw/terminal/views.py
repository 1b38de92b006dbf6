"""Rich renderings of library content for the terminal.

Nothing here needs colour to be understood: headings are words, lists are bulleted, and
Rich drops the styling when NO_COLOR is set or output is not a terminal.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wsw.packs.library import Library, LoadedPack
from wsw.packs.models import DataTable, Point, Walk
from wsw.suggest import Suggestion, distinct_themes
from wsw.text.shown import plain

if TYPE_CHECKING:  # a command that lists no drafts need not load the reflection code
    from wsw.reflection.drafts import Draft

_TRAILING_SPACE = re.compile(r"[ ]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


@contextmanager
def stdout() -> Iterator[Console]:
    """A console for stdout whose output carries no trailing padding (tidy when piped)."""
    console = Console(highlight=False)
    with console.capture() as captured:
        yield console
    sys.stdout.write(_TRAILING_SPACE.sub(r"\1", captured.get()))
    sys.stdout.flush()


def _indent(renderable: Any, below: int = 0) -> Padding:
    return Padding(renderable, (0, 0, below, 2), expand=False)


def _text(text: str, style: str = "") -> Text:
    """Text from a pack (not wsw's own): never markup, never control characters."""
    return Text(plain(text), style=style)


def _theme_title(library: Library, theme_id: str) -> str:
    theme = library.themes.get(theme_id)
    return theme.title if theme else theme_id


def print_suggestions(results: list[Suggestion], library: Library) -> None:
    with stdout() as console:
        _print_suggestions(console, results, library)


def _print_suggestions(console: Console, results: list[Suggestion], library: Library) -> None:
    if not results:
        console.print(
            "No learning matched this information. Try describing what happened in more "
            "behavioural detail, or browse the packs with `wsw packs show cspr-2020`."
        )
        return
    console.print(
        _text(f"Learning that may bear on this information ({len(results)} points)", style="bold")
    )
    for theme in distinct_themes(results):
        console.print()
        console.rule(_text(_theme_title(library, theme), style="bold"), align="left")
        for s in (r for r in results if r.theme == theme):
            console.print(_suggestion_block(s, library))
    shown = [library.point_by_id[s.id].point for s in results if s.id in library.point_by_id]
    for doc in dict.fromkeys(p.source.document for p in shown if p.figures or p.tables):
        source = library.sources.get(doc)
        if source is not None and source.about_figures:
            name = source.short_title or source.title
            console.print(_text(f"About the figures from {name}: {source.about_figures}"))


def _suggestion_block(s: Suggestion, library: Library) -> Padding:
    kind = "Practice point" if s.kind == "practice" else "Learning point"
    head = Text.assemble(("• ", "bold"), (plain(s.title), "bold"), (f"  ({kind})", "dim"))
    parts: list[Any] = [head, _indent(_text(s.text))]
    for figure in s.figures:
        parts.append(_indent(_text(f"Figure: {figure}", style="italic")))
    why = ", ".join(f"“{m}”" for m in s.matched[:6])
    parts.append(_indent(_text(f"Why: {why}", style="dim")))
    parts.append(_indent(_text(f"Source: {s.source}", style="dim")))
    if s.prompt:
        parts.append(_indent(_own_suggestion(s.prompt)))
    return Padding(Group(*parts), (0, 0, 1, 0), expand=False)


OWN = "wsw suggests (not from the source): "


def _own_suggestion(prompt: str) -> Text:
    return Text.assemble((OWN, "bold"), plain(prompt))


def _counts(loaded: LoadedPack) -> dict[str, int]:
    p = loaded.pack
    counts = {
        "themes": len(p.themes),
        "learning points": len(p.learning_points),
        "practice points": len(p.practice_points),
        "escalation questions": len(p.escalation_questions),
        "checks": len(p.checks),
        "resources": len(p.resources),
        "case studies": len(p.case_studies),
        "walks": len(p.walks),
    }
    return {k: v for k, v in counts.items() if v}


_SINGULAR = {"case studies": "case study"}


def _count_label(kind: str, count: int) -> str:
    if count == 1:
        kind = _SINGULAR.get(kind, kind.removesuffix("s"))
    return f"{count} {kind}"


def _sources_of(loaded: LoadedPack, library: Library) -> list[str]:
    """The documents a pack cites: its own declared sources, else those its points refer to."""
    if loaded.pack.sources:
        return [f"{s.publisher} {s.year}" for s in loaded.pack.sources]
    docs: list[str] = []
    for point in [*loaded.pack.learning_points, *loaded.pack.practice_points]:
        source = library.sources.get(point.source.document)
        label = f"{source.publisher} {source.year}" if source else point.source.document
        if label not in docs:
            docs.append(label)
    return docs


def print_pack_table(library: Library) -> None:
    table = Table(title="Loaded content packs", show_lines=False, expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    table.add_column("version", no_wrap=True)
    table.add_column("contents")
    table.add_column("source")
    table.add_column("from")
    for loaded in library.packs:
        counts = "\n".join(_count_label(k, v) for k, v in _counts(loaded).items())
        cells = (
            loaded.pack.id,
            loaded.pack.title,
            loaded.pack.version,
            counts,
            "\n".join(_sources_of(loaded, library)) or "-",
            loaded.origin,
        )
        # Text, not markup: a title or source from a shared pack is shown as written.
        table.add_row(*(_text(c) for c in cells))
    with stdout() as console:
        console.print(table)


def _point_lines(points: Iterable[tuple[str, Point]], library: Library) -> list[Any]:
    out: list[Any] = []
    for kind, p in points:
        label = "Practice point" if kind == "practice" else "Learning point"
        out.append(
            Text.assemble(("• ", "bold"), (plain(p.title), "bold"), (f"  ({label}, {p.id})", "dim"))
        )
        out.append(_indent(_text(p.text)))
        for figure in p.figures:
            out.append(_indent(_text(f"Figure: {figure}", style="italic")))
        if len(p.themes) > 1:
            also = ", ".join(_theme_title(library, t) for t in p.themes[1:])
            out.append(_indent(_text(f"Also: {also}", style="dim")))
        source = _text(f"Source: {library.cite_point(p)}", style="dim")
        if p.prompt:
            out.append(_indent(source))
            out.append(Padding(_own_suggestion(p.prompt), (0, 0, 1, 2), expand=False))
        else:
            out.append(Padding(source, (0, 0, 1, 2), expand=False))
    return out


def print_pack(loaded: LoadedPack, library: Library) -> None:
    with stdout() as console:
        _print_pack(console, loaded, library)


def _print_pack(console: Console, loaded: LoadedPack, library: Library) -> None:
    p = loaded.pack
    head = [_text(f"{p.title}  (id {p.id}, version {p.version})", style="bold")]
    if p.description:
        head.append(_text(p.description))
    head.append(_text(f"From: {loaded.path} ({loaded.origin})", style="dim"))
    console.print(Panel(Group(*head), expand=False))
    for source in p.sources:
        url = f" {source.url}" if source.url else ""
        console.print(_text(f"Source: {source.title}. {source.publisher}, {source.year}.{url}"))
        if source.about_figures:
            console.print(_indent(_text(f"About its figures: {source.about_figures}", style="dim")))
    if p.themes:
        console.rule(_text("Themes", style="bold"), align="left")
        for theme in p.themes:
            console.print(
                Text.assemble(
                    ("• ", "bold"), (plain(theme.title), "bold"), (f" ({theme.id})", "dim")
                )
            )
            console.print(_indent(_text(theme.description)))
    points = [("learning", pt) for pt in p.learning_points] + [
        ("practice", pt) for pt in p.practice_points
    ]
    by_theme: dict[str, list[tuple[str, Point]]] = {}
    for kind, pt in points:
        by_theme.setdefault(pt.primary_theme, []).append((kind, pt))
    for theme_id in [t for t in library.themes if t in by_theme]:
        console.print()
        console.rule(_text(_theme_title(library, theme_id), style="bold"), align="left")
        console.print(*_point_lines(by_theme[theme_id], library))
    _print_tables(p.tables, library, console)
    _print_rest(loaded, library, console)


def _print_tables(tables: Iterable[DataTable], library: Library, console: Console) -> None:
    """Each data table as a table, with its notes and source."""
    for t in tables:
        console.print()
        console.print(_text(t.title, style="bold"))  # above, not as the title: it would wrap
        table = Table(expand=False)
        for column in t.columns:
            table.add_column(_text(column))
        for row in t.rows:
            table.add_row(*(_text(c) for c in row.cells))
        console.print(table)
        for note in t.notes:
            console.print(_indent(_text(note, style="italic")))
        console.print(_indent(_text(f"Source: {library.cite(t.source)}", style="dim")))


def _print_rest(loaded: LoadedPack, library: Library, console: Console) -> None:
    p = loaded.pack
    if p.case_studies:
        console.rule(
            _text("Case studies (published reviews, summarised as learning)", style="bold"),
            align="left",
        )
        for case in p.case_studies:
            console.print(_text(case.title, style="bold"))
            console.print(_indent(_text(f"{case.review}\n{case.summary}")))
            for item in case.learning:
                console.print(_indent(_text(f"- {item}")))
            console.print(
                Padding(
                    _text(f"Source: {library.cite(case.source)}", style="dim"),
                    (0, 0, 1, 2),
                    expand=False,
                )
            )
    checks = [("Escalation question", c) for c in p.escalation_questions] + [
        ("Check", c) for c in p.checks
    ]
    if checks:
        console.rule(_text("Escalation questions and checks", style="bold"), align="left")
        for label, check in checks:
            console.print(Text.assemble(("• ", "bold"), plain(check.text), (f"  ({label})", "dim")))
    if p.resources:
        console.rule(_text("Resources", style="bold"), align="left")
        for res in p.resources:
            url = f" {res.url}" if res.url else ""
            console.print(
                Text.assemble(
                    ("• ", "bold"), (plain(res.title), "bold"), plain(f" ({res.kind}){url}")
                )
            )
            console.print(_indent(_text(res.description)))
    for walk in p.walks:
        console.rule(_text(f"Walk: {walk.title} ({walk.id})", style="bold"), align="left")
        for n, stage in enumerate(walk.stages, 1):
            console.print(_text(f"{n}. {stage.title}: {len(stage.questions)} questions"))


def print_walk(walk: Walk, theme_titles: dict[str, str]) -> None:
    """The walk as a readable outline: stages, questions, types and choices."""
    from wsw.packs.questions import choices_for

    with stdout() as console:
        console.print(_text(walk.title, style="bold"))
        if walk.description:
            console.print(_text(walk.description.strip()))
        for n, stage in enumerate(walk.stages, 1):
            console.print()
            console.rule(Text(f"{n}. {stage.title}  ({stage.id})", style="bold"), align="left")
            for q in stage.questions:
                need = "" if q.required else ", optional"
                when = ", conditional" if q.when else ""
                console.print(
                    Text.assemble(
                        ("• ", "bold"),
                        plain(q.prompt.strip()),
                        (f"  [{q.id}: {q.type}{need}{when}]", "dim"),
                    )
                )
                choices = choices_for(q, theme_titles)
                if choices:
                    listed = ", ".join(f"{c.value}" for c in choices)
                    console.print(_indent(Text(f"choices: {listed}", style="dim")))


def print_drafts(found: list[Draft]) -> None:
    table = Table(title="Saved drafts", expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("last saved", no_wrap=True)
    table.add_column("title")
    table.add_column("answers", justify="right")
    for d in found:
        # Text, not markup: ids and titles come from files and from what people typed.
        cells = (d.id, d.updated.replace("T", " "), d.title or "-", str(len(d.answers)))
        table.add_row(*(Text(c) for c in cells))
    with stdout() as console:
        console.print(table)
