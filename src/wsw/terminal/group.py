"""Group mode: a team lead types a case discussion on a shared screen.

The group walk's list questions take many contributions, one per entry, each optionally with
initials ("AB: ..."), and the lead can edit or remove any of them. Each stage may have a time
box; the time left is shown at every prompt and never interrupts anyone typing. Everything
else (drafts, back, save, the note) is the same runner and the same guarantees as
`wsw reflect`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from rich.text import Text

from wsw.terminal.asker import Handled, TerminalAsker
from wsw.terminal.commands import Control, Controls
from wsw.terminal.lineedit import LineCut
from wsw.walk.engine import Answer, Back, Interrupted, Pending, Reply, Stop
from wsw.walk.session import Step

# Initials all in capitals or all in small letters ("AB:", "ab:"); a word such as "Mum:" or
# "Note:" is part of what was said.
INITIALS = re.compile(r"^([A-Z]{1,3}|[a-z]{1,3})\s*:\s+(.+)$")
GROUP_HELP = (
    "Type one contribution per line and press Enter; it is added at once. "
    "Start with initials and a colon to attribute it (AB: ... or ab: ...); "
    "otherwise it is anonymous. "
    "Press Enter on an empty line when the group has finished with this question."
)


def contribution(line: str) -> str:
    """'AB: text' as 'text (AB)'; anything else as typed."""
    match = INITIALS.match(line.strip())
    if match:
        return f"{match.group(2).strip()} ({match.group(1).upper()})"
    return line.strip()


class GroupAsker(TerminalAsker):
    """A TerminalAsker whose list questions gather contributions, with a time box per stage."""

    def __init__(
        self,
        timebox: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.timebox = timebox
        self.clock = clock
        self.stage_started: dict[str, float] = {}
        self.captured: dict[str, dict[str, list[str]]] = {}
        self._items: list[str] = []
        # Set by the runner: saves the contributions so far in the draft, one by one.
        self.checkpoint: Callable[[Pending], None] | None = None
        self.list_controls: Controls[Handled] = Controls(self._list_controls())

    def _list_controls(self) -> list[Control[Handled]]:
        return [
            Control(":edit", ":edit N", "replace contribution N", self._replace),
            Control(":del", ":del N", "remove contribution N", self._remove),
            Control(":list", ":list", "everything captured in this stage", self._list),
            Control(":back", ":back", "the previous question", lambda _: Back()),
            Control(":help", ":help", "how to capture contributions", self._group_help),
            Control(":save", ":save", "save the draft and stop", lambda arg: Stop(arg or None)),
        ]

    def _minutes(self, step: Step) -> int | None:
        """The lead's --timebox for every stage, else the stage's own, else none."""
        return self.timebox or step.stage.timebox

    def _time_left(self, step: Step) -> None:
        minutes = self._minutes(step)
        if not minutes:
            return
        started = self.stage_started.setdefault(step.stage.id, self.clock())
        left = minutes * 60 - (self.clock() - started)
        if left > 0:
            text = f"Time box: {int(left // 60)} min {int(left % 60):02d} s left of {minutes} min"
        else:
            text = f"Time box of {minutes} min reached: move on when the group is ready."
        self.screen.note(text, style="bold")

    def _show_captured(self, step: Step, items: list[str]) -> None:
        self.captured.setdefault(step.stage.id, {})[step.question.id] = items
        if not items:
            self.screen.note("Nothing captured yet for this question.")
            return
        body = Text()
        for n, item in enumerate(items, 1):
            body.append(f"{'' if n == 1 else chr(10)}{n:>2}. ", style="bold")
            body.append(item)
        self.screen.panel(body, "Captured")

    def ask(self, step: Step) -> Reply:
        if step.question.type != "list":
            self.screen.header(step)
            self._time_left(step)
            return super().ask(step)
        self._step = step
        self.screen.header(step)
        self.screen.reminders(step)
        self.screen.learning(step)
        self._time_left(step)
        self.screen.question(step, self.list_controls.line(), hint=None)
        items = [str(v) for v in step.current] if isinstance(step.current, list) else []
        restored = "\n".join(p for p in (step.restored, step.restored_line) if p)
        if restored:  # contributions captured (and one being typed) before an interruption
            items.extend(line for line in restored.splitlines() if line not in items)
        self._items = items
        self._show_captured(step, items)
        while True:
            try:  # Ctrl-C anywhere here, `:edit N` included, keeps what was captured
                reply = self._handle(step, self.screen.read("+ ").strip(), items)
            except LineCut as cut:  # a contribution half typed is kept as one
                raise Interrupted(step.question.id, "\n".join(items), cut.partial) from None
            except (KeyboardInterrupt, EOFError):
                raise Interrupted(step.question.id, "\n".join(items)) from None
            if reply is not None:
                return reply

    def _handle(self, step: Step, line: str, items: list[str]) -> Reply | None:
        if not line:
            return Answer(list(items))
        if self.list_controls.is_control(line):
            return self.list_controls.run(line, self._unknown)
        items.append(contribution(line))
        self._save_captured()
        self._time_left(step)
        self._added(len(items))
        return None

    def _added(self, number: int) -> None:
        """One line for the contribution just added or changed, not the whole list again:
        the list stays where it was on the shared screen, and :list shows it all."""
        line = Text(f"{number:>2}. ", style="bold")
        line.append(self._items[number - 1])
        self.console.print(line)

    def _save_captured(self) -> None:
        """Into the draft at once: kill -9 or a closed laptop loses no contribution."""
        if self.checkpoint is not None and self._step is not None:
            self.checkpoint(Pending(self._step.question.id, "\n".join(self._items)))

    # -- controls at a list question ----------------------------------------------------------

    def _group_help(self, _: str) -> None:
        self.screen.panel(f"{GROUP_HELP}\n{self.list_controls.help()}", "Help")

    def _list(self, _: str) -> None:
        step = self._step
        assert step is not None
        for qid, items in self.captured.get(step.stage.id, {}).items():
            prompt = next((q.prompt for q in step.stage.questions if q.id == qid), qid)
            lines = "\n".join(f"{n:>2}. {item}" for n, item in enumerate(items, 1)) or "(none)"
            self.screen.panel(lines, prompt.strip(), expand=True)

    def _index(self, arg: str) -> int | None:
        items = self._items
        if not arg.isdigit() or not 1 <= int(arg) <= len(items):
            self.tell(f"Give the number of a contribution, from 1 to {len(items)}.")
            return None
        return int(arg) - 1

    def _remove(self, arg: str) -> None:
        """`:del N`, once the lead has said yes: the numbers after it move up."""
        index = self._index(arg)
        if index is None:
            return
        later = len(self._items) - index - 1
        moves = f"; {later} after it will move up one number" if later else ""
        self.screen.note(f"Remove {index + 1}. {self._items[index]}{moves}?", style="cyan")
        if self.screen.read("Remove it? (y/n) ").strip().lower() not in ("y", "yes"):
            self.screen.note("Kept; nothing was removed.")
            return
        self.tell(f"Removed: {self._items.pop(index)}")
        self._save_captured()
        if later:
            self._refresh()

    def _replace(self, arg: str) -> None:
        index = self._index(arg)
        if index is not None:
            self.screen.note(f"Contribution {arg} was: {self._items[index]}", style="cyan")
            replacement = self.screen.read("new text: ").strip()
            if replacement:
                self._items[index] = contribution(replacement)
                self._save_captured()
                self._added(index + 1)

    def _refresh(self) -> None:
        assert self._step is not None
        self._show_captured(self._step, self._items)
