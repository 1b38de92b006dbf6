"""Cases and actions at the terminal, as plain lines.

Plain text rather than Rich tables: `wsw case list` must answer in well under a second over
a thousand notes (Rich alone costs a noticeable part of that), and lines read well in a
screen reader and at 80 columns. What the notes say is printed as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import typer

from wsw.cases.chronology import bars
from wsw.cases.history import Case, OpenAction

WIDTH = 80


def _cut(text: str, width: int) -> str:
    """One line of at most `width` characters, its indentation kept."""
    indent = text[: len(text) - len(text.lstrip())]
    line = indent + " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def _echo(lines: Iterable[str]) -> None:
    typer.echo("\n".join(lines))


def print_cases(found: list[dict[str, Any]]) -> None:
    lines = [f"{'Case':<28} {'Notes':>5}  {'First':<10}  {'Last':<10}  {'Safety':>6}  Open"]
    for c in found:
        safety = "-" if c["safety"] is None else str(c["safety"])
        lines.append(f"{_cut(c['case'], 28):<28} {c['notes']:>5}  {c['first']:<10}  "
                     f"{c['last']:<10}  {safety:>6}  {c['open_actions']}")  # fmt: skip
    _echo(lines)


def print_case(case: Case) -> None:
    lines = [f"Case {case.ref}: {len(case.notes)} reflection(s)", ""]
    for n in case.notes:
        scores = f"{n.safety_before} -> {n.safety_after}" if n.safety_after is not None else "-"
        lines.append(_cut(f"{n.date}  {n.headline or n.title}", WIDTH))
        known = ", ".join(p for p in (n.source, n.how_known) if p) or "-"
        lines.append(_cut(f"    from: {known}; safety {scores}; referral: {n.referral or '-'}",
                          WIDTH))  # fmt: skip
        if n.decision:
            lines.append(_cut(f"    decision: {n.decision}", WIDTH))
        lines.append(f"    note: {n.name}")
    chart = bars(case)
    if chart:
        lines += ["", f"Safety scale over time (0-10): {case.trend()}", *chart]
    if case.actions:
        lines += ["", "Open actions:"]
        lines += [_action_line(a) for a in case.actions]
    if case.questions:
        lines += ["", "Questions still to ask:"]
        lines += [_cut(f"  - {q.question}", WIDTH) for q in case.questions]
    _echo(lines)


def _action_line(a: OpenAction, today: dt.date | None = None) -> str:
    due = f"due {a.due}" if a.due else "no due date"
    late = " OVERDUE" if today is not None and a.overdue(today) else ""
    said = " (not done at the last follow-up)" if a.status == "not-done" else ""
    return _cut(f"  [{a.id}] {a.action} ({a.owner or 'no owner'}, {due}){late}{said}", WIDTH)


def print_actions(found: list[OpenAction], today: dt.date) -> None:
    lines = []
    for a in found:
        lines.append(_action_line(a, today))
        lines.append(f"      case: {_cut(a.case, 40)}; note {a.note}")
    lines.append("Record one with: wsw actions done ID [--outcome TEXT]")
    _echo(lines)
