"""An asker that answers from a script: for tests, answers files and pictures.

It plays the whole Asker protocol, interruptions included, so the runner's lifecycle (drafts,
Ctrl-C, resume, `:save`, the preview) is tested in-process in milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wsw.packs.questions import Value
from wsw.privacy.pseudonyms import Person
from wsw.walk.engine import (
    Answer,
    Back,
    Interrupted,
    Preview,
    PreviewChoice,
    Reply,
    Skip,
    Stop,
    WriteNote,
)
from wsw.walk.session import Step


@dataclass(frozen=True)
class Interrupt:
    """In a script: Ctrl-C at this prompt, with `partial` typed so far."""

    partial: str = ""


ScriptItem = Reply | Interrupt | Value


class ScriptedAsker:
    """Replies in order; a plain value is an answer. Records what it was asked and told.

    When the script runs out it stops (`:save`). Previews take `choices` in order (then write
    the note); `people` is what `declare_people` returns, or an Interrupt to stop there.
    """

    def __init__(
        self,
        replies: Iterable[ScriptItem],
        *,
        people: list[Person] | Interrupt | None = None,
        choices: Iterable[PreviewChoice | Interrupt] = (),
    ) -> None:
        self.replies = list(replies)
        self.people = people
        self.choices = list(choices)
        self.asked: list[Step] = []
        self.told: list[str] = []
        self.informed: list[str] = []
        self.previews: list[Preview] = []

    def ask(self, step: Step) -> Reply:
        self.asked.append(step)
        if not self.replies:
            return Stop()
        reply = self.replies.pop(0)
        if isinstance(reply, Interrupt):
            raise Interrupted(step.question.id, reply.partial)
        if isinstance(reply, Answer | Back | Skip | Stop):
            return reply
        return Answer(reply)

    def tell(self, message: str) -> None:
        self.told.append(message)

    def inform(self, message: str) -> None:
        self.informed.append(message)

    def declare_people(self) -> list[Person]:
        if isinstance(self.people, Interrupt):
            raise Interrupted()
        return list(self.people or [])

    def preview(self, preview: Preview) -> PreviewChoice:
        self.previews.append(preview)
        choice = self.choices.pop(0) if self.choices else WriteNote()
        if isinstance(choice, Interrupt):
            raise Interrupted()
        return choice
