"""The CPD record as Markdown, HTML or JSON, and the check against records already written.

Each CPD record should stand for its own learning (wsw's advice: the source documents say
nothing of CPD, and Social Work England's guidance is the authority), so before a record is
written beside others, wsw compares it with the CPD records in that folder (ones
wsw wrote: JSON with a "cpd" object, or Markdown starting "# CPD record") and warns when one
is near-identical. Only files in that one folder are read, and only their words are compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wsw import __version__
from wsw.cases.record import sections
from wsw.records.cpd import FIELDS, CpdRecord, near_identical
from wsw.text.markdown import date_words, escape, paragraphs

JSON_VERSION = 1
HEADINGS = {
    "type": "Type of CPD",
    "title": "Title",
    "description": "Description, and why it is relevant to my practice",
    "date": "Date",
    "learning": "What I learnt",
    "impact": "The impact on my practice and on the people I work with",
    "peer_reflection": "Peer reflection: what I learnt from discussion with others",
}
TOP = "# CPD record"
NOT_RECORDED = "_Not recorded: add it before you submit the record._"


def to_json(record: CpdRecord) -> str:
    return json.dumps({"version": JSON_VERSION, "cpd": record.to_json()}, ensure_ascii=False,
                      indent=2) + "\n"  # fmt: skip


def _value(key: str, value: str | None) -> str:
    if not value:
        return NOT_RECORDED
    if key == "date":
        return date_words(value)
    lines = value.split("\n")
    if all(line.startswith("- ") for line in lines if line):
        return "\n".join(f"- {paragraphs(line[2:])}" for line in lines if line)
    return paragraphs(value)


def to_markdown(record: CpdRecord, notes: int) -> str:
    """The record with one heading per field, in the order Social Work England asks for them."""
    values = record.to_json()
    parts = [
        f"{TOP}: {escape(record.title)}",
        f"_Written by wsw {__version__} from {notes} note(s), from the learning only: read it "
        "and make it your own before you submit it. The field names follow Social Work "
        "England's CPD record as wsw understands it (wsw's own summary)._",
    ]
    for key in FIELDS:
        if key == "peer_reflection" and values[key] is None:
            continue
        parts.append(f"## {HEADINGS[key]}\n\n{_value(key, values[key])}")
    return "\n\n".join(parts) + "\n"


def to_html(record: CpdRecord, notes: int) -> str:
    from wsw.note.html import to_html as html

    return html(to_markdown(record, notes))


def _words_of(path: Path) -> str | None:
    """A CPD record's field text, or None for a file that is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix == ".json":
        try:
            data: Any = json.loads(text)
        except ValueError:
            return None
        cpd = data.get("cpd") if isinstance(data, dict) else None
        if not isinstance(cpd, dict):
            return None
        return "\n".join(str(cpd.get(k) or "") for k in FIELDS if k != "date")
    if path.suffix == ".md" and text.startswith(TOP):
        found = sections(text)
        return "\n".join(found.get(HEADINGS[k], "") for k in FIELDS if k != "date")
    return None


def similar_records(record: CpdRecord, folder: Path, skip: Path | None = None) -> list[Path]:
    """CPD records in `folder` that read as the same record as this one."""
    found = []
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix in (".json", ".md"))
    except OSError:
        return []
    for path in candidates:
        if skip is not None and path.resolve() == skip.resolve():
            continue
        words = _words_of(path)
        if words is not None and near_identical(record.text(), words):
            found.append(path)
    return found
