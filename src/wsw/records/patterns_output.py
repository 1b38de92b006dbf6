"""The team's view as terminal bars, Markdown, or an HTML page with inline SVG charts.

Every bar has its number written beside it, so the figures read the same to a screen reader
and on paper; the charts are drawn as SVG inside the page (no script, nothing fetched).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from wsw.records.patterns import Patterns

BAR = 30
LABEL = 34
NEVER_SHOWN = 6  # in the terminal and Markdown; JSON and HTML list them all
REFERRALS = {"s47": "s47 (significant harm)", "s17": "s17 (child in need)", "none": "none",
             "unsure": "unsure"}  # fmt: skip


def bar_lines(pairs: Iterable[tuple[str, int]], width: int = BAR) -> list[str]:
    items = list(pairs)
    top = max((n for _, n in items), default=0) or 1
    lines = []
    for label, n in items:
        shown = label if len(label) <= LABEL else label[: LABEL - 1] + "\u2026"
        drawn = "█" * max(1 if n else 0, round(n * width / top))
        lines.append(f"  {shown:<{LABEL}} {drawn:<{width}} {n}")
    return lines


def _sections(p: Patterns) -> list[tuple[str, list[str]]]:
    span = f"{p.first} to {p.last}" if p.first else "no dates"
    walks = ", ".join(f"{n} {w}" for w, n in p.walks.most_common())
    overview = [f"{p.notes} notes ({walks}), {span}; {p.supervised} supervised."]
    themes = bar_lines((t.title, t.count) for t in p.themes)
    months = bar_lines(sorted(p.months.items()))
    referrals = bar_lines((REFERRALS.get(k, k), n) for k, n in p.referrals.most_common())
    escalation = [f"  Disagreements with another agency's decision: {p.disagreements}"]
    escalation += bar_lines(p.escalation_stages.most_common())
    safety = [f"  Notes where the safety score fell: {p.safety_fell} of {p.notes}"]
    safety += bar_lines((f"fell by {k}", n) for k, n in sorted(p.safety_fell_by.items()))
    situational = [f"  Situational supervision asked for: {p.situational} of {p.notes}"]
    never = [f"  {title}" for _, title in p.never[:NEVER_SHOWN]] or ["  (every theme came up)"]
    if len(p.never) > NEVER_SHOWN:
        never.append(f"  and {len(p.never) - NEVER_SHOWN} more (--json lists them all)")
    suggest = [f"  - {s}" for s in p.suggestions] or ["  (not enough notes yet)"]
    return [
        ("Notes", overview),
        ("Themes", themes or ["  (no themes recorded)"]),
        ("Notes by month", months),
        ("Referrals", referrals or ["  (none recorded)"]),
        ("Escalations", escalation),
        ("Safety", safety),
        ("Supervision", situational),
        ("Learning that never came up", never),
        ("For the next group supervision or seven-minute briefing (wsw's suggestion)", suggest),
    ]


def to_text(p: Patterns) -> str:
    parts = []
    for title, lines in _sections(p):
        parts.append(title + "\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


def to_markdown(p: Patterns) -> str:
    from wsw.text.markdown import escape

    parts = ["# The team's view", "_From the notes' front matter only; no answers were read._"]
    for title, lines in _sections(p):
        body = "\n".join(lines)
        parts.append(f"## {escape(title)}\n\n```\n{body}\n```")
    return "\n\n".join(parts) + "\n"


def svg_bars(pairs: list[tuple[str, int]], width: int = 640) -> str:
    """A horizontal bar chart: one labelled bar per item, its count at the end."""
    row, label_w = 22, 260
    top = max((n for _, n in pairs), default=0) or 1
    height = row * len(pairs) + 10
    bars = []
    for i, (label, n) in enumerate(pairs):
        y = 5 + i * row
        w = round(n * (width - label_w - 50) / top)
        bars.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{html.escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row - 6}" fill="#3465a4">'
            f"<title>{html.escape(label)}: {n}</title></rect>"
            f'<text x="{label_w + w + 6}" y="{y + 15}">{n}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" font-family="Helvetica, Arial, sans-serif" font-size="13">'
        + "".join(bars) + "</svg>"
    )  # fmt: skip


def to_html(p: Patterns) -> str:
    charts = [
        ("Themes", [(t.title, t.count) for t in p.themes]),
        ("Notes by month", sorted(p.months.items())),
        ("Referrals", [(REFERRALS.get(k, k), n) for k, n in p.referrals.most_common()]),
    ]
    body = [f"<h1>The team's view</h1><p>{html.escape(_sections(p)[0][1][0])} From the "
            "notes' front matter only; no answers were read.</p>"]  # fmt: skip
    for title, pairs in charts:
        body.append(f"<h2>{html.escape(title)}</h2>")
        body.append(svg_bars(pairs) if pairs else "<p>None recorded.</p>")
    full = [(title, lines) for title, lines in _sections(p)[4:]]
    full[3] = (full[3][0], [title for _, title in p.never] or ["(every theme came up)"])
    for title, lines in full:
        items = "".join(f"<li>{html.escape(line.strip().lstrip('- '))}</li>" for line in lines)
        body.append(f"<h2>{html.escape(title)}</h2><ul>{items}</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        "<title>The team's view</title><style>body{font-family:Georgia,serif;max-width:46rem;"
        "margin:2rem auto;padding:0 1rem}h1,h2{font-family:Helvetica,Arial,sans-serif}"
        "</style></head><body>" + "".join(body) + "</body></html>\n"
    )
