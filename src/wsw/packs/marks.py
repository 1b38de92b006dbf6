"""Field paths and where they stand in a file: the link from a pydantic error to a YAML line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wsw.errors import Problem

Loc = tuple[str | int, ...]


class Marks:
    """Field path to (line, column), both 1-based."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._at: dict[Loc, tuple[int, int]] = {}

    def add(self, loc: Loc, node: Any) -> None:
        self._at[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def locate(self, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
        """The position of `loc`, or of its nearest ancestor that exists (for a missing field)."""
        parts = tuple(loc)
        while True:
            if parts in self._at:
                return self._at[parts]
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
