"""The controls typed at a prompt (`:back`, `:save`, ...): one table, which each mode extends.

A control is a word starting with a colon, optionally followed by an argument. Each asker
keeps a table of the controls it offers, built from the shared entries here plus its own,
so `:help`, the controls line under each question and the "unknown command" message all
come from the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

R = TypeVar("R")


@dataclass(frozen=True)
class Control(Generic[R]):
    """One control: what to type, what it does, and the handler (given the argument)."""

    name: str
    usage: str
    does: str
    run: Callable[[str], R]
    optional_only: bool = False  # offered only at optional questions (:skip)
    in_line: bool = True  # False: listed by :help only (the screen says where it helps)


class Controls(Generic[R]):
    """The controls of one mode, in the order they are listed."""

    def __init__(self, controls: Iterable[Control[R]]) -> None:
        self.table = {c.name: c for c in controls}

    def line(self, required: bool = True) -> str:
        """The controls line shown under a question."""
        return "  ".join(c.usage for c in self._offered(required) if c.in_line)

    def help(self, required: bool = True) -> str:
        width = max(len(c.usage) for c in self.table.values())
        return "\n".join(f"{c.usage:<{width}}  {c.does}" for c in self._offered(required))

    def _offered(self, required: bool) -> list[Control[R]]:
        return [c for c in self.table.values() if not (c.optional_only and required)]

    @staticmethod
    def is_control(line: str) -> bool:
        return line.strip().startswith(":")

    def run(self, line: str, unknown: Callable[[str], R]) -> R:
        """Run the control typed on `line`, or `unknown` with a message naming the others."""
        name, _, arg = line.strip().partition(" ")
        control = self.table.get(name)
        if control is None:
            names = ", ".join(self.table)
            return unknown(f"Unknown command {name[:20]}. Commands: {names}.")
        return control.run(arg.strip())
