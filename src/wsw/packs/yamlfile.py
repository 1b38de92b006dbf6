"""Reading a pack file as data plus the line and column of every value in it.

`yaml.safe_load` throws the positions away, and a pydantic error only knows a field path
(`learning_points.3.themes.0`), so we compose the node tree once, keep each node's start mark
under its path, and let `locate` turn any field path back into a line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from wsw.errors import Problem
from wsw.packs.marks import Loc, Marks, format_loc

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _index(node: yaml.Node, loc: Loc, marks: Marks, problems: list[Problem]) -> None:
    marks.add(loc, node)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line = key_node.start_mark.line + 1
                col = key_node.start_mark.column + 1
                problems.append(
                    Problem(
                        marks.file, line, col, format_loc((*loc, key)), f"key '{key}' appears twice"
                    )
                )
            seen.add(key)
            _index(value_node, (*loc, key), marks, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*loc, i), marks, problems)


def read_yaml(path: Path, shown_as: str | None = None) -> tuple[Any, Marks]:
    """Parse one YAML file safely. Raises PackError-ready problems via `YamlProblems`."""
    name = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblems(
            [Problem(name, None, None, "", f"not UTF-8 text ({exc.reason})")]
        ) from None
    except OSError as exc:
        raise YamlProblems(
            [Problem(name, None, None, "", f"cannot read: {exc.strerror}")]
        ) from None
    marks = Marks(name)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblems([Problem(name, 1, 1, "", "the file is empty")])
        problems: list[Problem] = []
        _index(node, (), marks, problems)
        if problems:
            raise YamlProblems(problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "could not be read"
        raise YamlProblems([Problem(name, line, col, "", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise YamlProblems([Problem(name, None, None, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise YamlProblems(
            [Problem(name, 1, 1, "", "a pack file must be a mapping of keys to values")]
        )
    return data, marks


class YamlProblems(Exception):
    """Problems found while reading one file; the loader gathers them from every file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
