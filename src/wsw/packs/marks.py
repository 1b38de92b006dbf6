"""Field paths and where they stand in a file: the link from a pydantic error to a YAML line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from wsw.errors import Problem

Loc = tuple[str | int, ...]


class Marks:
    """Where each field of one file starts, found on demand from the file's YAML node tree.

    A pack has hundreds of thousands of values and only the few named in an error are ever
    looked up, so nothing is indexed up front: `locate` follows the field path down the tree.
    The tree is as large again as the values, so once a file has validated it is set aside
    and composed again (by `again`) only if a problem between packs has to be located (a
    library of 100,000 points held 1.5 GiB of trees while the packs were cross-checked). A
    library read from the cache has no tree and no source, and locates nothing.
    """

    def __init__(self, file: str, root: Any = None, again: Callable[[], Any] | None = None) -> None:
        self.file = file
        self.root = root
        self.again = again  # composes the tree again from its file (None if it no longer reads)

    def locate(self, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
        """Line and column (1-based) of `loc`, or of its nearest ancestor that exists."""
        if self.root is None and self.again is not None:
            self.root = self.again()
            self.again = None  # once: a file that no longer reads locates nothing
        node = self.root
        if node is None:
            return None, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def problem(self, loc: Sequence[str | int], message: str) -> Problem:
        line, column = self.locate(loc)
        return Problem(self.file, line, column, format_loc(loc), message)

    def set_aside(self) -> None:
        """Let the node tree go until a line is asked for (then it is composed again)."""
        self.root = None

    def release(self) -> None:
        """Let the node tree go for good once the packs are known to be sound."""
        self.root = self.again = None

    def __getstate__(self) -> dict[str, Any]:
        # The node tree is only for reporting problems while packs are read; never pickled.
        return {"file": self.file, "root": None, "again": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.file, self.root, self.again = state["file"], None, None


def _child(node: Any, part: str | int) -> Any:
    """The node for one step of a field path, or None (a scalar has no fields inside it)."""
    value = getattr(node, "value", None)
    if not isinstance(value, list) or not value:
        return None
    is_mapping = isinstance(value[0], tuple)  # a mapping node holds (key, value) pairs
    if isinstance(part, int):
        return value[part] if not is_mapping and 0 <= part < len(value) else None
    if not is_mapping:
        return None
    found = None
    for key_node, value_node in value:
        if str(key_node.value) == part:
            found = value_node  # the last one wins, as in the data
    return found


def format_loc(loc: Sequence[str | int]) -> str:
    """`('learning_points', 3, 'themes', 0)` as `learning_points[3].themes[0]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
