"""A case's chronology for other people: JSON, a court chronology (Markdown or CSV), HTML.

The Markdown and CSV use the columns of a court chronology (date, event, source,
significance) so a practitioner can start one from it; the HTML page adds the safety scale
as an inline SVG line chart (no script, nothing fetched), and the terminal shows it as bars.
Everything comes from the notes, through the case history.
"""

from __future__ import annotations

import html
from typing import Any

from wsw.cases import JSON_VERSION
from wsw.cases.history import Case
from wsw.cases.record import NoteRecord
from wsw.text.markdown import escape

COLUMNS = ("date", "event", "source", "significance")
REFERRALS = {"s47": "referral (s47)", "s17": "referral (s17)", "none": "no referral",
             "unsure": "referral unsure"}  # fmt: skip


def case_json(case: Case) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "case": case.ref,
        "entries": case.entries(),
        "open_actions": [a.to_json() for a in case.actions],
        "open_questions": [q.to_json() for q in case.questions],
    }


def significance(note: NoteRecord) -> str:
    parts = []
    if note.safety_after is not None:
        before = f"{note.safety_before} -> " if note.safety_before is not None else ""
        parts.append(f"safety {before}{note.safety_after} (0-10)")
    if note.decision:
        parts.append(f"decision: {note.decision}")
    if note.referral:
        parts.append(REFERRALS.get(note.referral, note.referral))
    return "; ".join(parts)


def rows(case: Case) -> list[dict[str, str]]:
    """One court-chronology row per reflection, oldest first."""
    return [
        {
            "date": n.date,
            "event": n.headline or n.title,
            "source": ", ".join(p for p in (n.source, n.how_known) if p),
            "significance": significance(n),
        }
        for n in case.notes
    ]


def to_csv(case: Case) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(case):
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it.
        writer.writerow({k: ("'" + v if v[:1] in "=+-@" else v) for k, v in row.items()})
    return out.getvalue()


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", " ") or "-"


def _open_lists(case: Case) -> list[str]:
    lines = []
    if case.actions:
        lines += ["", "## Open actions", ""]
        for a in case.actions:
            who = f" ({a.owner}" + (f", due {a.due})" if a.due else ")") if a.owner else ""
            lines.append(f"- [{a.id}] {escape(a.action)}{escape(who)}")
    if case.questions:
        lines += ["", "## Questions still to ask", ""]
        lines += [f"- {escape(q.question)}" for q in case.questions]
    return lines


def to_markdown(case: Case) -> str:
    lines = [f"# Chronology: {escape(case.ref)}", ""]
    if case.scores():
        lines += [f"Safety scale over time (0-10): {case.trend()}", ""]
    lines += ["| Date | Event | Source | Significance |", "| --- | --- | --- | --- |"]
    for row in rows(case):
        lines.append("| " + " | ".join(_cell(row[c]) for c in COLUMNS) + " |")
    lines += _open_lists(case)
    return "\n".join(lines) + "\n"


def svg_chart(case: Case, width: int = 560, height: int = 200) -> str:
    """The safety scale over the reflections as an SVG line chart (0 at the bottom)."""
    points = [(n.date, n.safety_after) for n in case.notes if n.safety_after is not None]
    if not points:
        return "<p>No safety scores recorded.</p>"
    left, right, top, bottom = 40, 20, 20, 40
    inner_w, inner_h = width - left - right, height - top - bottom
    step = inner_w / max(len(points) - 1, 1)

    def xy(i: int, score: int) -> tuple[float, float]:
        return left + i * step, top + inner_h * (1 - score / 10)

    coords = [xy(i, s) for i, (_, s) in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    marks = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{html.escape(d)}: {s}</title></circle>'
        f'<text x="{x:.1f}" y="{height - 15}" text-anchor="middle" font-size="11">'
        f"{html.escape(d)}</text>"
        for (x, y), (d, s) in zip(coords, points, strict=True)
    )
    grid = "".join(
        f'<line x1="{left}" x2="{width - right}" y1="{top + inner_h * (1 - v / 10):.1f}" '
        f'y2="{top + inner_h * (1 - v / 10):.1f}" stroke="#ccc"/>'
        f'<text x="{left - 8}" y="{top + inner_h * (1 - v / 10) + 4:.1f}" text-anchor="end" '
        f'font-size="11">{v}</text>'
        for v in (0, 5, 10)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Safety scale over time: {html.escape(case.trend())}">'
        f'{grid}<polyline points="{line}" fill="none" stroke="#1f4e79" stroke-width="2"/>'
        f"{marks}</svg>"
    )


def to_html(case: Case) -> str:
    head = "".join(f"<th>{c.capitalize()}</th>" for c in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(row[c])}</td>" for c in COLUMNS) + "</tr>"
        for row in rows(case)
    )
    actions = "".join(
        f"<li>[{a.id}] {html.escape(a.action)} ({html.escape(a.owner or 'no owner')}"
        f"{', due ' + a.due if a.due else ''})</li>"
        for a in case.actions
    )
    questions = "".join(f"<li>{html.escape(q.question)}</li>" for q in case.questions)
    title = html.escape(case.ref)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Chronology: {title}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
<h1>Chronology: {title}</h1>
<h2>Safety scale over time</h2>
{svg_chart(case)}
<table><tr>{head}</tr>{body}</table>
<h2>Open actions</h2><ul>{actions or "<li>None.</li>"}</ul>
<h2>Questions still to ask</h2><ul>{questions or "<li>None.</li>"}</ul>
</body>
</html>
"""


def bars(case: Case) -> list[str]:
    """The safety trend for the terminal: one bar per reflection (screen readers read the
    number at the end of each line)."""
    lines = []
    for n in case.notes:
        if n.safety_after is None:
            continue
        lines.append(f"{n.date}  {'#' * n.safety_after}{'.' * (10 - n.safety_after)}  "
                     f"{n.safety_after}")  # fmt: skip
    return lines
