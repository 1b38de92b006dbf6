"""What `wsw packs test` and `wsw packs lint` print: plain lines, and their JSON.

Pack text in them (titles, ids) is someone else's: it goes through `wsw.text.shown.plain`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wsw.text.shown import plain

if TYPE_CHECKING:
    from wsw.catalogue.examples import Outcome
    from wsw.packs.lint import LintWarning

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
