"""The note as one self-contained, printable HTML page, made from its Markdown.

The Markdown is the record; the HTML is a rendering of it for printing or attaching, so it
is made from the Markdown alone (front matter as a table, body by markdown-it), never from
the answers.
"""

from __future__ import annotations

from typing import Any


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
