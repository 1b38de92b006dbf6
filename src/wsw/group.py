"""Group mode: a team lead types a case discussion on a shared screen.

The group walk's list questions take many contributions, one per entry, each optionally with
initials ("AB: ..."), and the lead can edit or remove any of them. Each stage may have a time
box; the time left is shown at every prompt and never interrupts anyone typing. Everything
else (drafts, back, save, the note) is the same engine and the same guarantees as
`wsw reflect`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from rich.panel import Panel
from rich.text import Text

from wsw.ask import Interrupted, TerminalAsker
from wsw.walk.engine import Answer, Back, Reply, Stop
from wsw.walk.session import Step

INITIALS = re.compile(r"^([A-Z]{1,3})\s*:\s+(.+)$")
GROUP_HELP = (
    "Type one contribution per line and press Enter; it is added at once. "
    "Start with initials in capitals and a colon to attribute it (AB: ...); "
    "otherwise it is anonymous. "
    "Press Enter on an empty line when the group has finished with this question.\n"
    ":edit N  replace contribution N      :del N  remove contribution N\n"
    ":list    everything captured in this stage   :back  the previous question\n"
    ":save    save the draft and stop"
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
            self.console.print(Text(text, style="bold"))
        else:
            reached = f"Time box of {minutes} min reached: move on when the group is ready."
            self.console.print(Text(reached, style="bold"))

    def _show_captured(self, step: Step, items: list[str]) -> None:
        stage_items = self.captured.setdefault(step.stage.id, {})
        stage_items[step.question.id] = items
        if not items:
            self.console.print(Text("Nothing captured yet for this question.", style="dim"))
            return
        body = Text()
        for n, item in enumerate(items, 1):
            body.append(f"{'' if n == 1 else chr(10)}{n:>2}. ", style="bold")
            body.append(item)
        self.console.print(Panel(body, title="Captured", title_align="left", expand=False))

    def _show_stage(self, step: Step) -> None:
        for qid, items in self.captured.get(step.stage.id, {}).items():
            prompt = next((q.prompt for q in step.stage.questions if q.id == qid), qid)
            lines = "\n".join(f"{n:>2}. {item}" for n, item in enumerate(items, 1)) or "(none)"
            self.console.print(Panel(Text(lines), title=prompt.strip(), title_align="left"))

    def ask(self, step: Step) -> Reply:
        if step.question.type != "list":
            self._header(step)
            self._time_left(step)
            return super().ask(step)
        self._header(step)
        self._reminders(step)
        self._learning(step)
        self._time_left(step)
        self._question(step, controls=":edit N  :del N  :list  :back  :help  :save")
        items = [str(v) for v in step.current] if isinstance(step.current, list) else []
        self._show_captured(step, items)
        while True:
            try:
                line = self._read("+ ")
            except (KeyboardInterrupt, EOFError):
                raise Interrupted(step.question.id, "\n".join(items)) from None
            reply = self._handle(step, line.strip(), items)
            if reply is not None:
                return reply

    def _handle(self, step: Step, line: str, items: list[str]) -> Reply | None:
        if not line:
            return Answer(list(items))
        name, _, arg = line.partition(" ")
        if name == ":back":
            return Back()
        if name == ":save":
            return Stop(arg.strip() or None)
        if name == ":help":
            self.console.print(Panel(Text(GROUP_HELP), title="Help", expand=False))
            return None
        if name == ":list":
            self._show_stage(step)
            return None
        if name in (":edit", ":del"):
            self._change(step, name, arg.strip(), items)
            return None
        if name.startswith(":"):
            self.tell("Unknown command; type :help for the list.")
            return None
        items.append(contribution(line))
        self._time_left(step)
        self._show_captured(step, items)
        return None

    def _change(self, step: Step, name: str, arg: str, items: list[str]) -> None:
        if not arg.isdigit() or not 1 <= int(arg) <= len(items):
            self.tell(f"Give the number of a contribution, from 1 to {len(items)}.")
            return
        index = int(arg) - 1
        if name == ":del":
            removed = items.pop(index)
            self.tell(f"Removed: {removed}")
        else:
            self.console.print(Text(f"Contribution {arg} was: {items[index]}", style="cyan"))
            replacement = self._read("new text: ").strip()
            if replacement:
                items[index] = contribution(replacement)
        self._show_captured(step, items)
