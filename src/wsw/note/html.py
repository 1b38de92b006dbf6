"""The note (or a handout) as one self-contained, printable HTML page, made from its Markdown.

The Markdown is the record; the HTML is a rendering of it for printing or attaching, so it
is made from the Markdown alone (front matter as a table, body by markdown-it), never from
the answers. It prints on A4: headings stay with what follows, table rows are never cut in
two and a table's head repeats on every page. A handout (`layout="cards"`) starts each stage
and each theme on a new page, so it can be cut into cards.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Literal

Layout = Literal["note", "cards"]

STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm; }
body { font-family: Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #111; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
table.meta { font-size: .85rem; width: auto; }
table.meta th { font-weight: normal; color: #444; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, th, td, li, blockquote { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
"""
CARDS_STYLE = """
body.cards h2:not(:first-of-type), body.cards h3.theme {
  break-before: page; page-break-before: always; }
@media screen {
  body.cards h2, body.cards h3.theme { border-top: 3px solid #333; padding-top: 1rem; } }
"""


def to_html(markdown: str, layout: Layout = "note") -> str:
    """One self-contained, printable HTML page from a note's or a handout's Markdown."""
    from markdown_it import MarkdownIt

    front, body = _split_front_matter(markdown)
    rendered = MarkdownIt("commonmark").enable("table").render(body)
    title = str(front.get("title") or _first_heading(body) or "Reflection note")
    heading_end = rendered.find("</h1>")
    meta = _meta_table(front)
    if meta and heading_end != -1:  # the title first, then what the note is
        cut = heading_end + len("</h1>")
        rendered = f"{rendered[:cut]}\n{meta}{rendered[cut:]}"
    elif meta:
        rendered = meta + rendered
    style = STYLE + (CARDS_STYLE if layout == "cards" else "")
    if layout == "cards":
        rendered = rendered.replace("<h3>Learning:", '<h3 class="theme">Learning:')
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>{style}</style>
</head>
<body class="{layout}">
{rendered}</body>
</html>
"""


LABELS = {"wsw": "wsw version", "walk": "Walk"}
META_WIDTH = 80  # characters: a longer value is an answer, shown in the body


def _meta_table(front: dict[str, Any]) -> str:
    """The front matter as a table a person reads: words for keys, Yes/No, dates in words."""
    rows = []
    for key, value in front.items():
        if key == "title" or value in (None, "", [], {}) or not _short(value):
            continue
        label = LABELS.get(key, key.replace("_", " ").capitalize())
        rows.append(f"<tr><th>{html.escape(label)}</th><td>{html.escape(_plain(value))}</td></tr>")
    return f'<table class="meta">\n{"".join(rows)}\n</table>\n' if rows else ""


def _short(value: Any) -> bool:
    """A detail a reader scans in a table: not a list of records, not a paragraph (those are
    in the note's body, where they are written for reading)."""
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return False
    return len(_plain(value)) <= META_WIDTH


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    text = str(value)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {day:%B %Y}"


def _first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].replace("\\", "").strip()
    return None


def _split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    import yaml

    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            data = yaml.safe_load(markdown[4:end]) or {}
            return (data if isinstance(data, dict) else {}), markdown[end + 5 :]
    return {}, markdown
