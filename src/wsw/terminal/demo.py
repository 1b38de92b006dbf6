"""Demo mode for trainers: the walk played with a scenario's example answers.

The same runner and the same screen as `wsw reflect`, driven by a DemoAsker that shows each
example answer and the trainer's teaching notes and waits for Enter (or runs straight through
with `--auto`). A demo never writes a draft: nothing in it is real.
"""

from __future__ import annotations

from typing import Any

from wsw.packs.models import Scenario
from wsw.packs.questions import Answers
from wsw.privacy.pseudonyms import Person
from wsw.terminal.asker import TerminalAsker
from wsw.terminal.commands import Control, Controls
from wsw.terminal.screen import shown_value
from wsw.walk.engine import Answer, Back, Interrupted, Reply, Skip, Stop
from wsw.walk.session import Step


class DemoAsker(TerminalAsker):
    """Shows the example answer and teaching notes; Enter goes on, :back goes back."""

    def __init__(self, scenario: Scenario, answers: Answers, auto: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.answers = answers
        self.auto = auto
        self.demo_controls: Controls[Reply | None] = Controls(
            [
                Control(":back", ":back", "the previous question", lambda _: Back()),
                Control(":quit", ":quit", "end the demo", lambda _: Stop()),
                Control(":learn", ":learn", "the learning in full", self._learn, in_line=False),
                Control(
                    ":reminders",
                    ":reminders",
                    "the stage's reminders",
                    self._reminders,
                    in_line=False,
                ),
            ]
        )

    def declare_people(self) -> list[Person]:
        return []  # a scenario is fictional: there is no one to pseudonymise

    def _notes(self, step: Step) -> None:
        notes = self.scenario.teaching_notes
        keys = [step.stage.id] if step.first_in_stage else []
        keys.append(step.question.id)
        for key in keys:
            if key in notes:
                self.screen.panel(notes[key].strip(), "Teaching note")

    def ask(self, step: Step) -> Reply:
        self._step = step  # for :learn and :reminders
        self.screen.step(step, self.demo_controls.line(), hint=None)
        example = self.answers.get(step.question.id)
        shown = shown_value(step, example) if example is not None else "(not answered)"
        self.screen.note(f"Example answer: {shown}", style="cyan")
        self._notes(step)
        if not self.auto:
            reply = self._wait(step)
            if reply is not None:
                return reply
        if example is None:
            if step.question.required:
                self.tell("This scenario has no example answer for this question; stopping.")
                return Stop()
            return Skip()
        return Answer(example)

    def _wait(self, step: Step) -> Reply | None:
        """Enter goes on (None); a control answers; Ctrl-C ends the demo."""
        while True:
            try:
                line = self.screen.read("Enter to go on > ").strip()
            except (KeyboardInterrupt, EOFError):
                raise Interrupted(step.question.id) from None
            if not line:
                return None
            if line == ":q":
                return Stop()
            if self.demo_controls.is_control(line):
                reply = self.demo_controls.run(line, self._unknown)
                if reply is not None:
                    return reply
                continue
            self.tell("Press Enter to go on, or type :back or :quit.")
