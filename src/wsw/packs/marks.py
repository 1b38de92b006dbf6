"""Field paths and where they stand in a file: the link from a pydantic error to a YAML line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wsw.errors import Problem

Loc = tuple[str | int, ...]


class Marks:
    """Field path to where its value starts in the file.

    `positions` holds the YAML reader's own marks (0-based `line` and `column` attributes),
    stored as they come because a pack has hundreds of thousands of values and only the few
    named in an error are ever looked up.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: dict[Loc, Any] = {}

    def locate(self, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
        """Line and column (1-based) of `loc`, or of its nearest ancestor that exists."""
        parts = tuple(loc)
        while True:
            mark = self.positions.get(parts)
            if mark is not None:
                return mark.line + 1, mark.column + 1
            if not parts:
                return None, None
            parts = parts[:-1]

    def problem(self, loc: Sequence[str | int], message: str) -> Problem:
        line, column = self.locate(loc)
        return Problem(self.file, line, column, format_loc(loc), message)


def format_loc(loc: Sequence[str | int]) -> str:
    """`('learning_points', 3, 'themes', 0)` as `learning_points[3].themes[0]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
