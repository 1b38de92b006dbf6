"""Figures as a supervisor should read them: data tables whole, and what the figures are.

A figure from a review is a count of reviewed cases, not a rate of harm; read without that,
it misleads. So wherever wsw shows a document's figures it also shows the document's
`about_figures` note, and a table is shown whole, as published, with its notes.
"""

from __future__ import annotations

from collections.abc import Iterable

from wsw.packs.library import Library
from wsw.packs.models import DataTable, Point
from wsw.text.markdown import escape


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ") or "-"


def table_markdown(table: DataTable, library: Library, age_bands: Iterable[str] = ()) -> str:
    """The table as a Markdown pipe table with its title, notes and source.

    Rows tagged with an age band the case has are marked, so a 1-5 case finds its figures.
    """
    ages = set(age_bands)
    marked = any(row.age_bands and ages & set(row.age_bands) for row in table.rows)
    columns = [*table.columns, *(["This case"] if marked else [])]
    lines = [f"**{escape(table.title)}**", ""]
    lines.append("| " + " | ".join(_cell(c) for c in columns) + " |")
    lines.append("| " + " | ".join("---" for _ in columns) + " |")
    for row in table.rows:
        cells = [_cell(c) for c in row.cells]
        if marked:
            cells.append("yes" if row.age_bands and ages & set(row.age_bands) else "")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.extend(f"_{escape(note)}_" for note in table.notes)
    lines.append(f"_Source: {escape(library.cite(table.source))}._")
    return "\n".join(line for line in lines if line is not None)


def tables_of(points: Iterable[Point], library: Library) -> list[DataTable]:
    """The tables the points cite, in order, each once."""
    ids = dict.fromkeys(t for p in points for t in p.tables)
    return [library.tables[t] for t in ids if t in library.tables]


def about_figures(documents: Iterable[str], library: Library) -> list[str]:
    """For each document with figures shown, what its figures are (Markdown lines)."""
    lines = []
    for doc in dict.fromkeys(documents):
        source = library.sources.get(doc)
        if source is not None and source.about_figures:
            name = source.short_title or source.title
            lines.append(f"_About the figures from {escape(name)}:_ {escape(source.about_figures)}")
    return lines


def figure_documents(points: Iterable[Point]) -> list[str]:
    """The documents whose figures these points show."""
    return [p.source.document for p in points if p.figures or p.tables]
