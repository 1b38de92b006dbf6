"""`wsw check`: find identifiers in a note, a draft, an answers file or any text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.options import NamesOpt


def _read(source: str) -> str:
    from wsw.errors import InputError
    from wsw.infra.reading import MAX_BYTES, read_bytes

    if source == "-" and not hasattr(sys.stdin, "buffer"):
        return sys.stdin.read()  # already text (a test, or an embedding program)
    if source == "-":
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"Standard input cannot be read ({exc.strerror}).") from None
        if len(data) > MAX_BYTES:
            raise InputError("Standard input is larger than wsw reads (32 MiB).")
    else:
        data = read_bytes(Path(source))  # a regular file, within the size limit
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text.") from None


def _draft_names(text: str) -> list[str]:
    """Names declared in a draft, so checking a draft also finds them."""
    import json

    if not text.lstrip().startswith("{"):
        return []
    try:
        people = json.loads(text).get("meta", {}).get("people", [])
    except (ValueError, AttributeError):
        return []
    if not isinstance(people, list):  # {"meta": {"people": 1.5}}: no names to look for
        return []
    return [
        str(p["name"]) for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)
    ]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="A file, or - for stdin.")],
    names: NamesOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Find identifiers (NHS numbers, postcodes, names...) in a file.

    Reports NHS and National Insurance numbers, postcodes, phone numbers, email addresses,
    dates of birth, family court case numbers and declared names. Exit 0 when nothing is
    found, 1 when something is, 2 on error.
    """
    import json

    from wsw.privacy import find_identifiers
    from wsw.privacy.people import read_people

    text = _read(source)
    declared = [p.name for p in read_people(names)] if names else []
    findings = find_identifiers(text, [*declared, *_draft_names(text)])
    if as_json:
        rows = [
            {"kind": f.kind, "strength": f.strength, "note": f.note,
             "start": f.start, "end": f.end, "text": f.text}
            | dict(zip(("line", "column"), _line_column(text, f.start), strict=True))
            for f in findings
        ]  # fmt: skip
        typer.echo(json.dumps({"version": 1, "findings": rows}, indent=2, ensure_ascii=False))
    else:
        for f in findings:
            line, column = _line_column(text, f.start)
            note = f"  ({f.note})" if f.note else ""
            typer.echo(f"{line}:{column}  {f.kind:<14} {f.text}{note}")
    count = len(findings)
    if findings:
        from wsw.errors import Findings

        raise Findings(f"{count} possible identifier{'s' if count != 1 else ''} found.")
    if not as_json:
        typer.echo("No identifiers found.", err=True)
