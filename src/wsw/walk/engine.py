"""Driving a Session with an asker: the loop shared by the terminal, scripts, group and demo.

The asker only talks to people; the engine decides what to ask and checks every answer, so a
bad value is explained and asked again whichever asker produced it. Everything the runner in
`wsw.reflection.run` needs from a person goes through the `Asker` protocol, so a scripted
asker can play any walk, interruptions and previews included, in a unit test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from wsw.packs.questions import BadValue, Value, check_value
from wsw.privacy.pseudonyms import Person
from wsw.walk.session import Session, Step

# -- what an asker replies to a question ---------------------------------------------------------


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
    """Save and stop for now (`:save`), optionally to another path, keeping any lines already
    typed for the answer (`:save` on the third line of an answer keeps the first two)."""

    path: str | None = None
    pending: Pending | None = None


Reply = Answer | Back | Skip | Stop


class Interrupted(Exception):
    """Ctrl-C or end of input at a prompt, carrying whatever was typed for this answer.

    Askers raise it (a plain KeyboardInterrupt carries nothing); the runner catches it and
    keeps the half-typed text in the draft, to be restored when the walk resumes.
    """

    def __init__(self, question_id: str = "", partial: str = "", line: str = "") -> None:
        super().__init__("interrupted")
        self.question_id = question_id
        self.partial = partial  # the lines finished with Enter
        self.line = line  # the line being typed, not yet ended

    def pending(self) -> Pending | None:
        return (
            Pending(self.question_id, self.partial, self.line)
            if self.partial or self.line
            else None
        )


@dataclass(frozen=True)
class Pending:
    """A half-typed answer kept over an interruption: its finished lines, and the one being
    typed (offered again for editing where the terminal allows)."""

    question: str
    text: str
    line: str = ""


# -- the preview before a note is written --------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """What the person sees before the note is written, and what they may do next."""

    markdown: str
    stages: list[tuple[str, str]]  # (id, title), to go back to
    privacy: list[str] = field(default_factory=list)
    can_write: bool = True  # False: the note is only shown (a demo with nowhere to write)
    can_save: bool = True  # False: there is no draft to save (a demo)


@dataclass(frozen=True)
class WriteNote:
    pass


@dataclass(frozen=True)
class SaveDraft:
    pass


@dataclass(frozen=True)
class GoToStage:
    stage_id: str


PreviewChoice = WriteNote | SaveDraft | GoToStage


class Asker(Protocol):
    """How the engine and the runner talk to a person.

    Implementations: the terminal, group and demo askers, and the scripted one for tests.
    """

    def ask(self, step: Step) -> Reply:
        """Put one question; raise Interrupted on Ctrl-C or end of input."""
        ...

    def tell(self, message: str) -> None:
        """Something went wrong with what the person did (a bad answer, an unknown command)."""
        ...

    def inform(self, message: str) -> None:
        """Plain news about the reflection: the draft's id, where the note went."""
        ...

    def declare_people(self) -> list[Person]:
        """Who the note is about, so names become roles before anything is written."""
        ...

    def preview(self, preview: Preview) -> PreviewChoice:
        """Show the note and ask what next."""
        ...


def drive(
    session: Session,
    asker: Asker,
    on_change: Callable[[Session], None],
    restored: Pending | None = None,
) -> Stop | None:
    """Ask until the walk is finished (returns None) or the person stops (returns the Stop).

    `on_change` runs after every accepted answer, skip or move, so the draft is always current.
    `restored` is a half-typed answer from before an interruption, offered once at its question.
    """
    while (step := session.step()) is not None:
        if restored is not None and restored.question == step.question.id:
            step.restored, step.restored_line, restored = restored.text, restored.line, None
        reply = asker.ask(step)
        session.mark_shown(step)
        if isinstance(reply, Stop):
            return reply
        if _apply(session, asker, step, reply):
            on_change(session)
            if isinstance(reply, Answer) and _stops(step, session.answers.get(step.question.id)):
                return Stop()
    return None


def _stops(step: Step, value: Value | None) -> bool:
    """Whether the choice made is one that saves and stops for now ("finish it later")."""
    return any(c.stops and c.value == value for c in step.choices)


def _apply(session: Session, asker: Asker, step: Step, reply: Answer | Back | Skip) -> bool:
    """Carry out one reply; False when it was refused (and the person told why)."""
    if isinstance(reply, Back):
        if not session.back():
            asker.tell("This is the first question; there is nothing to go back to.")
        return True
    if isinstance(reply, Skip):
        if step.question.required:
            asker.tell("This question needs an answer; it cannot be skipped.")
            return False
        session.skip()
        return True
    try:
        value = check_value(step.question, reply.value, step.choices)
    except BadValue as exc:
        asker.tell(f"That answer {exc}.")
        return False
    if step.question.required and value in ([], ""):
        asker.tell("This question needs at least one entry.")
        return False
    session.answer(value)
    return True
