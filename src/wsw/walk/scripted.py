"""An asker that answers from a script: for tests, demos and answers files."""

from __future__ import annotations

from collections.abc import Iterable

from wsw.walk.engine import Answer, Back, Reply, Skip, Stop
from wsw.walk.session import Step
from wsw.walk.values import Value


class ScriptedAsker:
    """Replies in order; a plain value is an answer. Records what it was asked and told."""

    def __init__(self, replies: Iterable[Reply | Value]) -> None:
        self.replies = list(replies)
        self.asked: list[Step] = []
        self.told: list[str] = []

    def ask(self, step: Step) -> Reply:
        self.asked.append(step)
        if not self.replies:
            return Stop()
        reply = self.replies.pop(0)
        if isinstance(reply, Answer | Back | Skip | Stop):
            return reply
        return Answer(reply)

    def tell(self, message: str) -> None:
        self.told.append(message)
