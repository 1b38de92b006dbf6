"""The one screen renderer: how a step, its reminders and its learning look in a terminal.

The terminal, group and demo askers all draw through a Screen, so a question looks the same
in every mode and a change to the layout is made once. Everything goes to stderr, keeping
stdout for output. Text that is not wsw's own (answers, pack text) is printed as Rich `Text`,
never as markup, so a `[` in it is shown as typed.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from wsw.packs.questions import Value, spec_for
from wsw.terminal.lineedit import LineCut, LineEditor
from wsw.text.markdown import strip_controls
from wsw.walk.session import Step

NOTICE_LABELS = {
    "escalation": "Escalation question",
    "check": "Check",
    "practice": "Practice point",
    "reminder": "Reminder",
}
LEARNING_SHOWN = 6


def shown_value(step: Step, value: Value) -> str:
    """A value in a line, with choices as their labels."""
    labels = {c.value: c.label for c in step.choices}
    return spec_for(step.question.type).show(value, labels)


def has_value(value: Value | None) -> bool:
    return value not in (None, "", [])


def _tolerant(stream: TextIO) -> TextIO:
    """Standard input that turns bytes that are not UTF-8 into \ufffd instead of failing.

    A stray byte (a paste from another program, a terminal in another encoding) must not end
    the walk with the answer lost.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    return stream


class Screen:
    """Draws steps and reads lines; `console` and `stdin` can be replaced for tests."""

    def __init__(self, console: Console | None = None, stdin: TextIO | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.stdin = stdin or _tolerant(sys.stdin)
        self._stage_shown: str | None = None
        # Line editing only for a person at a real terminal, never for a given stream.
        self.editor: LineEditor | None = None if stdin is not None else LineEditor.for_terminal()

    @property
    def can_edit(self) -> bool:
        """Whether a restored line can be offered for editing (else it is shown as typed)."""
        return self.editor is not None

    # -- messages -----------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        self.console.print(Text(f"! {message}", style="bold yellow"))

    def inform(self, message: str) -> None:
        self.console.print(Text(message), highlight=False)

    def note(self, message: str, style: str = "dim") -> None:
        self.console.print(Text(message, style=style))

    def panel(self, body: str | Text, title: str, *, expand: bool = False) -> None:
        text = body if isinstance(body, Text) else Text(body)
        self.console.print(Panel(text, title=title, title_align="left", expand=expand))

    # -- a step -------------------------------------------------------------------------------

    def header(self, step: Step) -> None:
        """The stage's title and introduction, once per stage."""
        if self._stage_shown == step.stage.id:
            return
        self._stage_shown = step.stage.id
        self.console.print()
        title = f"Stage {step.stage_number} of {step.stage_count}: {step.stage.title}"
        self.console.rule(Text(title, style="bold"), align="left")
        if step.stage.intro:
            self.console.print(Text(step.stage.intro.strip(), style="italic"))

    def reminders(self, step: Step) -> None:
        if not step.reminders:
            return
        lines = Text()
        for i, r in enumerate(step.reminders):
            if i:
                lines.append("\n")
            lines.append(f"• {NOTICE_LABELS[r.kind]}: ", style="bold")
            lines.append(r.text.strip())
            origin = r.source or "wsw's own reminder, not from the source"
            lines.append(f"\n  ({origin})", style="dim")
        self.panel(lines, "Reminders")

    def learning(self, step: Step) -> None:
        if not step.learning:
            return
        text = Text()
        for i, s in enumerate(step.learning[:LEARNING_SHOWN]):
            if i:
                text.append("\n")
            text.append(f"• {s.title}", style="bold")
            text.append(f"  [{s.theme}]", style="dim")
            why = ", ".join(s.matched[:3])
            text.append(f"\n  Why: {why}\n  Source: {s.source}", style="dim")
            if s.prompt:
                text.append("\n  wsw suggests (not from the source): ", style="bold")
                text.append(s.prompt)
        self.panel(text, "Learning that may bear on this")

    def question(self, step: Step, controls: str, hint: str | None) -> None:
        """The prompt, its numbered choices, the current answer, the hint and the controls."""
        q = step.question
        progress = (
            f"[{step.stage_number}/{step.stage_count} · "
            f"question {step.question_number} of {step.question_count}]"
        )
        self.console.print()
        self.note(progress)
        optional = "" if q.required else " (optional)"
        self.console.print(Text(q.prompt.strip() + optional, style="bold"))
        current = step.current if isinstance(step.current, list) else []
        for i, c in enumerate(step.choices, 1):
            box = ("[x] " if c.value in current else "[ ] ") if q.type == "multichoice" else ""
            self.console.print(Text(f"  {i:>2}. {box}{c.label}"))
        if has_value(step.current) and step.current is not None:
            self.note(f"Current answer: {shown_value(step, step.current)}", style="cyan")
        if hint is not None:
            self.note(hint)
        self.note(controls)

    def step(self, step: Step, controls: str, hint: str | None) -> None:
        """Everything before the prompt: stage, reminders, learning, the question."""
        self.header(step)
        self.reminders(step)
        self.learning(step)
        self.question(step, controls, hint)

    # -- reading ------------------------------------------------------------------------------

    def read(self, prompt: str = "> ", prefill: str = "") -> str:
        """One line; EOFError at the end of input; LineCut (with the line) on Ctrl-C.

        At a terminal the line can be edited, starting from `prefill`.
        """
        if self.editor is not None:
            self.console.file.flush()
            try:
                return strip_controls(self.editor.read(prompt, prefill))
            except LineCut as cut:
                raise LineCut(strip_controls(cut.partial)) from None
        self.console.print(prompt, end="", markup=False, highlight=False)
        self.console.file.flush()
        line = self.stdin.readline()
        if line == "":
            raise EOFError
        return strip_controls(line.rstrip("\r\n"))
