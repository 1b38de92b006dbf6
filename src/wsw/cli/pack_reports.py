"""What the packs commands print: plain lines, and the JSON of every `--json` about packs.

Pack text in the lines (titles, ids) is someone else's: it goes through
`wsw.text.shown.plain`. Every JSON document carries `"version": JSON_VERSION`, raised when a
key changes meaning or goes away (new keys may be added without it).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from wsw.text.shown import plain

if TYPE_CHECKING:
    from wsw.catalogue.examples import Outcome
    from wsw.packs.library import Library, LoadedPack
    from wsw.packs.lint import LintWarning
    from wsw.packs.models import Question, SourceRef

JSON_VERSION = 1

CAME_UP_SHOWN = 5


def example_lines(outcome: Outcome) -> list[str]:
    """PASS or MISS with the example's id; for a miss, what was missed and what came up."""
    example = outcome.example
    if outcome.passed:
        return [f"PASS {example.id} ({outcome.pack})"]
    missed = [f"theme {t}" for t in outcome.missed_themes]
    missed += [f"point {p}" for p in outcome.missed_points]
    lines = [f"MISS {example.id} ({outcome.pack})", f"  not brought up: {', '.join(missed)}"]
    if outcome.came_up:
        lines.append(f"  themes that came up: {', '.join(outcome.themes_up)}")
        lines.append("  points that came up:")
        for s in outcome.came_up[:CAME_UP_SHOWN]:
            why = ", ".join(f"“{m}”" for m in s.matched[:3])
            lines.append(f"    {s.id} ({s.score}): {why}")
    else:
        lines.append("  nothing came up: no trigger or theme word matched")
    return [plain(line) for line in lines]


def example_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "id": outcome.example.id,
        "pack": outcome.pack,
        "passed": outcome.passed,
        "missed_themes": outcome.missed_themes,
        "missed_points": outcome.missed_points,
        "themes": outcome.themes_up,
        "points": [{"id": s.id, "score": s.score, "matched": s.matched} for s in outcome.came_up],
    }


def lint_json(warning: LintWarning) -> dict[str, Any]:
    p = warning.problem
    return {
        "rule": warning.rule,
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "field": p.path,
        "message": p.message,
    }


def source_json(library: Library, ref: SourceRef, as_of: str | None = None) -> dict[str, Any]:
    """Where a point comes from, as data: document id and title, section, page, and the
    citation as wsw prints it."""
    source = library.sources.get(ref.document)
    return {
        "document": ref.document,
        "title": source.title if source else None,
        "section": ref.section,
        "page": ref.page,
        "as_of": as_of,
        "citation": library.cite(ref) + (f" (as at {as_of})" if as_of else ""),
    }


COUNTED = (
    "themes",
    "learning_points",
    "practice_points",
    "escalation_questions",
    "checks",
    "resources",
    "case_studies",
    "tables",
    "walks",
    "scenarios",
    "examples",
)


def pack_json(loaded: LoadedPack) -> dict[str, Any]:
    p = loaded.pack
    return {
        "id": p.id,
        "title": p.title,
        "version": p.version,
        "origin": loaded.origin,
        "path": str(loaded.path),
        "requires": list(p.requires),
        "counts": {name: len(getattr(p, name)) for name in COUNTED},
        "sources": [
            {"id": s.id, "title": s.title, "publisher": s.publisher, "year": s.year}
            for s in p.sources
        ],
    }


def record_data(record: Any) -> Any:
    """A pack record (a condition, say) as the data it was written as, YAML keys and all."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        out = {}
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if value is not None and value not in ([], (), {}):
                out[f.name.rstrip("_")] = record_data(value)
        return out
    if isinstance(record, list | tuple):
        return [record_data(item) for item in record]
    return record


def question_json(question: Question, choices: list[str]) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type,
        "prompt": question.prompt,
        "required": question.required,
        "conditional": question.when is not None,
        "when": record_data(question.when) if question.when is not None else None,
        "choices": choices,
    }
