"""The shape of the code: layers that depend one way only, and no import cycles.

Read from the source with `ast`, imports inside functions included (they still make one
module depend on another); only imports under `if TYPE_CHECKING:` are left out, because they
never run. Each layer may import the layers below it and itself, never one above.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

# Bottom to top. A top-level module or package of wsw is a unit; units on one line share a
# layer and must not import each other.
LAYERS = [
    ["wsw", "wsw.errors", "wsw.walk_ids"],
    ["wsw.infra"],
    ["wsw.text"],
    ["wsw.privacy"],
    ["wsw.packs"],
    ["wsw.suggest"],
    ["wsw.catalogue"],
    ["wsw.walk"],
    ["wsw.note"],
    ["wsw.cases"],
    ["wsw.records"],
    ["wsw.reflection"],
    ["wsw.terminal"],
    ["wsw.cli"],
    ["wsw.main"],
    ["wsw.__main__"],
]
LEVEL = {unit: n for n, units in enumerate(LAYERS) for unit in units}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, module: str | None = None) -> set[str]:
    """The wsw modules a file imports when it runs (at import or inside functions)."""
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "wsw")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base.split(".")[0] == "wsw":
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def module_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in (SRC / "wsw").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        # "from wsw.x import y" names module wsw.x.y when there is one, else wsw.x.
        graph[name] = {m for m in imports_of(path) if m in files and m != name}
    return graph


def unit_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else "wsw"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_module_imports_another_that_imports_it_back() -> None:
    assert cycles(module_graph()) == []


def test_no_cycle_between_packages_and_top_level_modules() -> None:
    units: dict[str, set[str]] = defaultdict(set)
    for module, imported in module_graph().items():
        units[unit_of(module)].update(unit_of(m) for m in imported if unit_of(m) != unit_of(module))
    assert cycles(units) == []


def test_every_import_points_down_the_layers() -> None:
    upward = []
    for module, imported in module_graph().items():
        here = unit_of(module)
        assert here in LEVEL, f"{here} is in no layer: add it to LAYERS"
        for target in imported:
            there = unit_of(target)
            if there != here and LEVEL[there] >= LEVEL[here]:
                upward.append(f"{module} imports {target}")
    assert upward == []


def test_no_function_is_too_complex_to_follow() -> None:
    """Cyclomatic complexity (radon's count) of 20 at most, for every function and method."""
    from radon.complexity import cc_visit

    over = [
        f"{path.relative_to(SRC)}:{block.lineno} {block.name} ({block.complexity})"
        for path in sorted((SRC / "wsw").rglob("*.py"))
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > 20
    ]
    assert over == []


def test_the_checker_sees_function_level_imports_and_skips_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from wsw.cli import app\n"
        "def f():\n    from wsw.terminal import views\n"
        "    from .drafts import Draft\n"
    )
    found = imports_of(source, "wsw.reflection.probe")
    assert found == {"wsw.terminal", "wsw.terminal.views", "wsw.reflection.drafts",
                     "wsw.reflection.drafts.Draft"}  # fmt: skip
