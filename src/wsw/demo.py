"""Demo mode for trainers: the walk played with a scenario's example answers.

The same engine and the same screens as `wsw reflect`, driven by a DemoAsker that shows each
example answer and the trainer's teaching notes and waits for Enter (or runs straight through
with `--auto`). A demo never writes a draft: nothing in it is real.
"""

from __future__ import annotations

from typing import Any

from rich.panel import Panel
from rich.text import Text

from wsw.ask import TerminalAsker, _show_value
from wsw.packs.library import Library
from wsw.packs.models import Scenario
from wsw.walk.engine import Answer, Back, Reply, Stop
from wsw.walk.session import Session, Step
from wsw.walk.values import check_value


def find_scenario(library: Library, scenario_id: str) -> Scenario:
    from wsw.errors import InputError, did_you_mean

    for s in library.scenarios:
        if s.id == scenario_id:
            return s
    ids = [s.id for s in library.scenarios]
    raise InputError(
        f"No scenario '{scenario_id}'{did_you_mean(scenario_id, ids)}. "
        f"See `wsw demo --list` ({len(ids)} scenarios)."
    )


def example_answers(session: Session, scenario: Scenario) -> dict[str, Any]:
    """The scenario's answers as checked values (dates as ISO strings, and so on)."""
    out: dict[str, Any] = {}
    for qid, value in scenario.answers.items():
        question = session.question(qid)
        out[qid] = check_value(question, value, session.choices(question))
    return out


class DemoAsker(TerminalAsker):
    """Shows the example answer and teaching notes; Enter goes on, :back goes back."""

    def __init__(self, scenario: Scenario, answers: dict[str, Any], auto: bool, **kwargs: Any):
        super().__init__(**kwargs)
        self.scenario = scenario
        self.answers = answers
        self.auto = auto

    def _notes(self, step: Step) -> None:
        notes = self.scenario.teaching_notes
        keys = [step.stage.id] if step.first_in_stage else []
        keys.append(step.question.id)
        for key in keys:
            if key in notes:
                note = Panel(Text(notes[key].strip()), title="Teaching note", expand=False)
                self.console.print(note)

    def ask(self, step: Step) -> Reply:
        self._header(step)
        self._reminders(step)
        self._learning(step)
        self._question(step, controls=":back  :quit")
        example = self.answers.get(step.question.id)
        shown = _show_value(step, example) if example is not None else "(not answered)"
        self.console.print(Text(f"Example answer: {shown}", style="cyan"), markup=False)
        self._notes(step)
        if not self.auto:
            while True:
                try:
                    line = self._read("Enter to go on > ").strip()
                except (KeyboardInterrupt, EOFError):
                    return Stop()
                if line == ":back":
                    return Back()
                if line in (":quit", ":q"):
                    return Stop()
                if not line:
                    break
                self.tell("Press Enter to go on, or type :back or :quit.")
        if example is None:
            from wsw.walk.engine import Skip

            if step.question.required:
                self.tell("This scenario has no example answer for this question; stopping.")
                return Stop()
            return Skip()
        return Answer(example)
