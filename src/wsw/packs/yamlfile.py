"""Reading a pack file as data plus the line and column of every value in it.

`yaml.safe_load` throws the positions away, and a pydantic error only knows a field path
(`learning_points.3.themes.0`), so we compose the node tree once, build the values from it in
one walk, and keep the tree in `Marks`, which follows any field path back to its line and
column when a problem has to be reported.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import yaml

from wsw.errors import Problem
from wsw.packs.marks import Loc, Marks, format_loc
from wsw.packs.problems import TOO_LONG_NUMBER, FileProblems, forbidden_values, pack_text
from wsw.text.shown import FORBIDDEN

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_WILDCARD = tuple(_SafeLoader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {
    first: (*resolvers, *_WILDCARD)
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    if first is not None
}


class _Loader(_SafeLoader):  # type: ignore[misc]
    """The safe loader, with tag resolution that skips what packs never use.

    The parser asks Python for the tag of every node (three calls per node). PyYAML's general
    resolver also supports path-based resolvers, which the safe loader has none of; answering
    the same way without them parses a large pack about a tenth faster.
    """

    def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


# Aliases let a small file stand for a huge document ("billion laughs"); a pack file that
# expands to more values than this is refused rather than built.
MAX_VALUES = 1_000_000


class _Unusual(Exception):
    """A construct the quick builder leaves to PyYAML's own (merge keys, rare tags)."""


class _Walker:
    """One walk over the node tree: duplicate keys, cycles, size, and the values.

    PyYAML's constructor would make a second walk (and is the slower of the two); this one
    builds what packs are made of (mappings, sequences, strings, numbers, booleans, nulls)
    itself. For anything else it raises `_Unusual`, and the document is walked again with
    `build=False` (checks only) and built by PyYAML's safe constructor, so the result is the
    same either way. Positions are not recorded: `Marks` finds them in the tree when needed.
    """

    def __init__(
        self, loader: Any, root: yaml.Node, file: str, source: Path, *, build: bool = True
    ) -> None:
        self.loader = loader
        self.build = build
        self.marks = Marks(file, root, partial(compose_tree, source))
        self.problems: list[Problem] = []
        self.values = 0
        self.open: set[int] = set()  # nodes being walked: meeting one again means a cycle

    def walk(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if not self.build:
                return None
            return node.value if node.tag == _STR else self.loader.construct_object(node)
        if id(node) in self.open:
            raise self._refuse(node, "this value contains an alias of itself and would never end")
        self.values += len(node.value)
        if self.values > MAX_VALUES:
            too_big = f"expands to more than {MAX_VALUES:,} values (aliases?); split it up"
            raise FileProblems([Problem(self.marks.file, None, None, "", too_big)])
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode) and (node.tag == _MAP or not self.build):
                return self._mapping(node)
            if isinstance(node, yaml.SequenceNode) and (node.tag == _SEQ or not self.build):
                items = [self.walk(item) for item in node.value]
                return items if self.build else None
            raise _Unusual
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any] | None:
        out: dict[Any, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            name = str(key_node.value)
            if self.build and (not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE):
                raise _Unusual
            if name in seen:
                self.problems.append(self._problem(key_node, f"key '{name}' appears twice"))
            seen.add(name)
            value = self.walk(value_node)
            if self.build:
                key = name if key_node.tag == _STR else self.loader.construct_object(key_node)
                out[key] = value
        return out if self.build else None

    def _problem(self, node: yaml.Node, message: str) -> Problem:
        mark = node.start_mark
        where = format_loc(_path_to(self.marks.root, node))
        return Problem(self.marks.file, mark.line + 1, mark.column + 1, where, message)

    def _refuse(self, node: yaml.Node, message: str) -> FileProblems:
        return FileProblems([*self.problems, self._problem(node, message)])


def _path_to(root: yaml.Node, target: yaml.Node) -> Loc:
    """The field path of `target` (a key node stands for its field): only for error messages."""
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if node is target:
            return loc
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key_loc = (*loc, str(key_node.value))
                if key_node is target:
                    return key_loc
                stack.append((value_node, key_loc))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, i)) for i, item in enumerate(node.value))
    return ()


def _construct(loader: Any, node: yaml.Node, name: str, source: Path) -> tuple[Any, Marks]:
    """The document's values and marks; raises FileProblems for duplicate keys and cycles."""
    walker = _Walker(loader, node, name, source)
    try:
        data = walker.walk(node)
    except _Unusual:
        walker = _Walker(loader, node, name, source, build=False)
        walker.walk(node)
        data = None if walker.problems else loader.construct_document(node)
    if walker.problems:
        raise FileProblems(walker.problems)
    return data, walker.marks


def read_yaml(path: Path, shown_as: str | None = None) -> tuple[Any, Marks]:
    """Parse one YAML file safely. Raises PackError-ready problems via `FileProblems`."""
    name = shown_as or str(path)
    text = pack_text(path, name)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FileProblems([Problem(name, 1, 1, "", "the file is empty")])
        data, marks = _construct(loader, node, name, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "could not be read"
        raise FileProblems([Problem(name, line, col, "", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise FileProblems([Problem(name, None, None, "", f"YAML error: {exc}")]) from None
    except ValueError:  # int() of a number longer than Python reads (4,300 digits)
        raise FileProblems([Problem(name, None, None, "", TOO_LONG_NUMBER)]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FileProblems(
            [Problem(name, 1, 1, "", "a pack file must be a mapping of keys to values")]
        )
    # Only an escape ("\\e", "\\u202e") or a character the YAML reader lets through can
    # put a control character in a value: most files need no walk at all. The reader refuses
    # the other C0 and C1 controls and DEL itself, so an ASCII file is searched no further
    # (a carriage return it reads as a line break).
    if "\\" in text or (not text.isascii() and FORBIDDEN.search(text)):
        problems = [marks.problem(loc, message) for loc, message in forbidden_values(data, ())]
        if problems:
            raise FileProblems(problems)
    return data, marks


def compose_tree(path: Path) -> yaml.Node | None:
    """A file's node tree again, to locate a problem found after it was set aside; None if it
    no longer reads (changed since, or gone)."""
    from wsw.errors import InputError
    from wsw.infra.reading import read_bytes

    try:
        loader = _Loader(read_bytes(path).decode("utf-8"))
    except (OSError, ValueError, InputError):  # ValueError: not UTF-8 any more
        return None
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    except (yaml.YAMLError, ValueError):
        return None
    finally:
        loader.dispose()


def duplicate_keys(path: Path, name: str) -> list[Problem]:
    """Each key written twice in a mapping, at its line: for a JSON pack, whose reader only
    says that one was (none if the file does not read as YAML)."""
    root = compose_tree(path)
    if root is None:
        return []
    walker = _Walker(None, root, name, path, build=False)
    try:
        walker.walk(root)
    except (FileProblems, RecursionError):
        return []
    return walker.problems
