"""Figures as a supervisor should read them: data tables whole, and what the figures are.

A figure from a review is a count of reviewed cases, not a rate of harm; read without that,
it misleads. So wherever wsw shows a document's figures it also shows the document's
`about_figures` note, and a table is shown whole, as published, with its notes.
"""

from __future__ import annotations

from collections.abc import Iterable

from wsw.packs.library import Library
from wsw.packs.models import DataTable, Point, TableRow
from wsw.text.markdown import escape


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ") or "-"


def table_markdown(
    table: DataTable,
    library: Library,
    age_bands: Iterable[str] = (),
    rows: Iterable[str] | None = None,
) -> str:
    """The table as a Markdown pipe table with its title, notes and source.

    `rows` (first cells) limits it to the rows a point speaks of, with those for the case's
    ages, and keeps the notes to the first, which says what the table counts, so a note for
    supervision stays short (`where_whole` says where the rest is). Rows tagged with an age
    band the case has are marked, so a 1-5 case finds its figures.
    """
    ages = set(age_bands)
    wanted = None if rows is None else set(rows)

    def for_case(row: TableRow) -> bool:
        return bool(row.age_bands and ages & set(row.age_bands))

    shown = [r for r in table.rows if wanted is None or r.cells[0] in wanted or for_case(r)]
    marked = any(for_case(row) for row in shown)
    columns = [*table.columns, *(["This case"] if marked else [])]
    lines = [f"**{escape(table.title)}**", ""]
    lines.append("| " + " | ".join(_cell(c) for c in columns) + " |")
    lines.append("| " + " | ".join("---" for _ in columns) + " |")
    for row in shown:
        cells = [_cell(c) for c in row.cells] + (["yes" if for_case(row) else ""] if marked else [])
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    notes = table.notes if wanted is None else table.notes[:1]
    lines.extend(f"- _{escape(note)}_" for note in notes)
    lines.append(f"- _Source: {escape(library.cite(table.source))}._")
    return "\n".join(lines)


def where_whole(tables: Iterable[DataTable], library: Library) -> str:
    """One line for a note: where the tables behind its figures are shown whole."""
    packs = dict.fromkeys(p.pack.id for t in tables for p in library.packs if t in p.pack.tables)
    commands = ", ".join(f"`wsw packs show {pack}`" for pack in packs)
    return f"_The data tables behind these figures, whole and with their notes: {commands}._"


def tables_of(
    points: Iterable[Point], library: Library
) -> list[tuple[DataTable, list[str] | None]]:
    """The tables the points cite, each once, with the rows cited (None: the whole table)."""
    cited: dict[str, list[str] | None] = {}
    for point in points:
        for cite in point.table_cites:
            if cite.table not in library.tables:
                continue
            if not cite.rows or cited.get(cite.table, []) is None:
                cited[cite.table] = None
            else:
                known = cited.setdefault(cite.table, [])
                assert known is not None
                known.extend(r for r in cite.rows if r not in known)
    return [(library.tables[t], rows) for t, rows in cited.items()]


def about_figures(documents: Iterable[str], library: Library, brief: bool = False) -> list[str]:
    """For each document with figures shown, what its figures are (Markdown lines).

    `brief`: the one-sentence form where the pack gives one (for notes).
    """
    lines = []
    for doc in dict.fromkeys(documents):
        source = library.sources.get(doc)
        if source is None:
            continue
        about = (source.about_figures_brief if brief else None) or source.about_figures
        if about:
            name = source.short_title or source.title
            lines.append(f"_About the figures from {escape(name)}:_ {escape(about)}")
    return lines


def figure_documents(points: Iterable[Point]) -> list[str]:
    """The documents whose figures these points show."""
    return [p.source.document for p in points if p.figures or p.tables]
