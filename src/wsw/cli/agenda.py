"""`wsw agenda`: what to bring to the next supervision, grouped by the four functions."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from wsw.cli.options import JsonOpt, say, settings

FUNCTIONS = (
    ("management", "Management: decisions, safety and actions"),
    ("support", "Support: the practitioner"),
    ("development", "Development: learning"),
    ("mediation", "Mediation: other agencies and resources"),
)


def agenda(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Reflections from DATE (default: since the last supervised one).",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """What to bring to supervision: reflections since the last one, questions, actions."""
    import datetime as dt

    from wsw.cases.store import open_index
    from wsw.errors import InputError
    from wsw.records.agenda import build_agenda

    if since is not None:
        try:
            since = dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise InputError("--since takes a date as YYYY-MM-DD, such as 2026-11-01.") from None
    index = open_index(say)
    records = index.records()
    found = build_agenda(index.folder, records, settings(ctx).catalogue().library,
                         dt.date.today(), since)  # fmt: skip
    if as_json:
        typer.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
        return
    if not records:
        say(f"No notes yet: `wsw reflect` writes them to {index.folder}, and the agenda "
            "gathers what they leave for supervision.")  # fmt: skip
        return
    typer.echo(_text(found.to_json()))


def _text(data: dict[str, object]) -> str:
    since = data["since"] or "the first note"
    reflections = data["reflections"]
    assert isinstance(reflections, list)
    lines = [f"For the next supervision: {len(reflections)} reflection(s) since {since}."]
    for r in reflections:
        after = r["safety_after"]
        scores = f", safety {r['safety_before']} -> {after}" if after is not None else ""
        lines.append(f"- {r['date']} {r['case']}: {r['headline']}{scores}")
        lines.extend(f"    ? {q}" for q in r["questions"])
    for key, title in FUNCTIONS:
        items = data[key]
        assert isinstance(items, list)
        lines.append("")
        lines.append(title)
        lines.extend(f"- {item}" for item in items) if items else lines.append("- (nothing)")
    return "\n".join(lines)
