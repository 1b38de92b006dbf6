"""Driving a Session with an asker: the loop shared by the terminal, scripts, group and demo.

The asker only talks to people; the engine decides what to ask and checks every answer, so a
bad value is explained and asked again whichever asker produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from wsw.walk.session import Session, Step
from wsw.walk.values import BadValue, Value, check_value


@dataclass(frozen=True)
class Answer:
    value: Value


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class Stop:
    """Save and stop for now (`:save`), optionally to another path."""

    path: str | None = None


Reply = Answer | Back | Skip | Stop


class Asker(Protocol):
    """How the engine talks to a person. Implementations: terminal, scripted, group, demo."""

    def ask(self, step: Step) -> Reply: ...

    def tell(self, message: str) -> None: ...


def drive(session: Session, asker: Asker, on_change: Callable[[Session], None]) -> Stop | None:
    """Ask until the walk is finished (returns None) or the person stops (returns the Stop).

    `on_change` runs after every accepted answer, skip or move, so the draft is always current.
    """
    while (step := session.step()) is not None:
        reply = asker.ask(step)
        if isinstance(reply, Stop):
            return reply
        if isinstance(reply, Back):
            if not session.back():
                asker.tell("This is the first question; there is nothing to go back to.")
        elif isinstance(reply, Skip):
            if step.question.required:
                asker.tell("This question needs an answer; it cannot be skipped.")
                continue
            session.skip()
        else:
            try:
                value = check_value(step.question, reply.value, step.choices)
            except BadValue as exc:
                asker.tell(f"That answer {exc}.")
                continue
            if step.question.required and value in ([], ""):
                asker.tell("This question needs at least one entry.")
                continue
            session.answer(value)
        on_change(session)
    return None
