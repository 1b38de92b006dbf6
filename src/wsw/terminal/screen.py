"""The one screen renderer: how a step, its reminders and its learning look in a terminal.

The terminal, group and demo askers all draw through a Screen, so a question looks the same
in every mode and a change to the layout is made once. Everything goes to stderr, keeping
stdout for output. Text that is not wsw's own (answers, pack text) is printed as Rich `Text`,
never as markup, so a `[` in it is shown as typed.
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from wsw.packs.questions import Value, spec_for
from wsw.terminal.lineedit import LineCut, LineEditor
from wsw.text.markdown import strip_controls
from wsw.text.shown import plain
from wsw.walk.session import LEARNING_SHOWN, Notice, Step

NOTICE_LABELS = {
    "escalation": "Escalation question",
    "check": "Check",
    "practice": "Practice point",
    "reminder": "Reminder",
}
LEARNING_BRIEF = LEARNING_SHOWN  # lines of learning at the Learning stage; :learn shows all
FLOW_FROM = 10  # a longer list of choices is shown several to a line


def _flowed(items: list[str], width: int) -> list[str]:
    """Items joined into lines of at most `width`, never breaking one across lines."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return lines


_CITATION = re.compile(r"^.* \(([^()]+, \d{4})\): (.+)$")


def brief_source(source: str) -> str:
    """A citation cut to publisher, year and section, for a reminder beside its question
    (`:reminders` gives the document's title too)."""
    match = _CITATION.match(source)
    return f"{match.group(1)}: {match.group(2)}" if match else source


def notices_text(notices: list[Notice], brief: bool = False) -> Text:
    """Reminders as paragraphs, each with its kind and where it comes from."""
    text = Text()
    for i, r in enumerate(notices):
        if i:
            text.append("\n")
        text.append(f"• {NOTICE_LABELS[r.kind]}: ", style="bold")
        text.append(plain(r.text.strip()))
        if r.source:
            origin = brief_source(r.source) if brief else r.source
        else:
            origin = "wsw's own reminder, not from the source"
        text.append(f" ({plain(origin)})", style="dim")
    return text


def _theme(step: Step, theme_id: str) -> str:
    """A theme's title: at the themes question the choices are the themes."""
    return next((c.label for c in step.choices if c.value == theme_id), theme_id)


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
        self._progress_shown: str | None = None  # the question the stage heading came with
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

    def markdown(self, text: str) -> None:
        """Markdown (a note wsw wrote), rendered."""
        from rich.markdown import Markdown  # markdown-it and friends: only for the preview

        self.console.print(Markdown(text))

    def panel(self, body: str | Text, title: str, *, expand: bool = False) -> None:
        text = body if isinstance(body, Text) else Text(body)
        self.console.print(Panel(text, title=title, title_align="left", expand=expand))

    # -- a step -------------------------------------------------------------------------------

    def header(self, step: Step) -> None:
        """The stage's title and introduction, once per stage."""
        if self._stage_shown == step.stage.id:
            return
        self._stage_shown = step.stage.id
        self._progress_shown = step.question.id
        self.console.print()
        count = step.question_count
        title = (
            f"Stage {step.stage_number} of {step.stage_count}: {plain(step.stage.title)} "
            f"({count} question{'s' if count != 1 else ''})"
        )
        self.console.rule(Text(title, style="bold"), align="left")
        if step.stage.intro:
            self.console.print(Text(step.stage.intro.strip(), style="italic"))

    def reminders(self, step: Step) -> None:
        """The reminders due at this question (at most three), each one paragraph."""
        if not step.reminders:
            return
        title = "Reminders"
        if len(step.stage_reminders) > len(step.reminders):
            title += f" (:reminders lists all {len(step.stage_reminders)} for this stage)"
        self.panel(notices_text(step.reminders, brief=True), title)

    def all_reminders(self, step: Step) -> None:
        """`:reminders`: every reminder and check that applies at this stage."""
        if not step.stage_reminders:
            self.note("No reminders apply at this stage so far.")
            return
        title = f"Reminders: {plain(step.stage.title)}"
        self.page(Panel(notices_text(step.stage_reminders), title=title, title_align="left"))

    def learning(self, step: Step) -> None:
        """The learning in brief: the first points, each as its title, then its theme and the
        words that brought it up, in at most eight lines, so that the question and its choices
        stay on the screen. `:learn` shows every point in full."""
        if not step.learning:
            return
        width = max(self.console.width - 2, 20)
        shown = step.learning[:LEARNING_BRIEF]
        title = f"Learning that may bear on this ({len(step.learning)} points; :learn in full)"
        self.console.rule(Text(title, style="bold"), align="left")
        for s in shown:
            head = Text("• " + plain(s.title), style="bold")
            why = Text(f"  {plain(_theme(step, s.theme))}", style="italic")
            if s.matched:
                why.append("; found: " + ", ".join(plain(m) for m in s.matched[:3]), style="dim")
            for line in (head, why):
                line.truncate(width, overflow="ellipsis")
                self.console.print(line, no_wrap=True, overflow="ellipsis")

    def full_learning(self, step: Step) -> None:
        """`:learn`: each point in full, with its source and wsw's suggestion marked as its own."""
        if not step.learning:
            self.note(
                "The learning is shown at the Learning stage, once the information is described."
            )
            return
        text = Text()
        for i, s in enumerate(step.learning):
            if i:
                text.append("\n\n")
            text.append(f"• {plain(s.title)}", style="bold")
            text.append(f"  ({plain(_theme(step, s.theme))})", style="dim")
            if s.text:
                text.append("\n  " + plain(s.text))
            why = ", ".join(plain(m) for m in s.matched[:6])
            text.append(f"\n  Why: {why}\n  Source: {plain(s.source)}", style="dim")
            if s.prompt:
                text.append("\n  wsw suggests (not from the source): ", style="bold")
                text.append(plain(s.prompt))
        self.page(Panel(text, title="Learning that may bear on this", title_align="left"))

    def page(self, renderable: Any) -> None:
        """Something longer than a screen: through the pager at a terminal, else printed."""
        if self.editor is None:
            self.console.print(renderable)
            return
        with self.console.pager(styles=not self.console.no_color):
            self.console.print(renderable)

    def question(self, step: Step, controls: str, hint: str | None) -> None:
        """The prompt, its numbered choices, the current answer, the hint and the controls."""
        q = step.question
        progress = (
            f"[{step.stage_number}/{step.stage_count} · "
            f"question {step.question_number} of {step.question_count}]"
        )
        if self._progress_shown != q.id:  # the stage's heading has just said where we are
            self.console.print()
            self.note(progress)
        self._progress_shown = None
        optional = "" if q.required else " (optional)"
        self.console.print(Text(plain(q.prompt.strip()) + optional, style="bold"))
        self.choices(step)
        if has_value(step.current) and step.current is not None and q.type != "multichoice":
            self.note(f"Current answer: {shown_value(step, step.current)}", style="cyan")
        if hint is not None and len(hint) + len(controls) + 2 <= self.console.width:
            self.note(f"{hint}  {controls}")  # one line where both fit
            return
        if hint is not None:
            self.note(hint)
        self.note(controls)

    def choices(self, step: Step) -> None:
        """Numbered choices, one a line; a long list (the themes) flows several to a line, in
        number order, so that it stays on one screen."""
        q = step.question
        current = step.current if isinstance(step.current, list) else []
        items = []
        for i, c in enumerate(step.choices, 1):
            box = ("[x] " if c.value in current else "[ ] ") if q.type == "multichoice" else ""
            items.append(f"{i}. {box}{plain(c.label)}")
        if len(items) <= FLOW_FROM:
            for item in items:
                self.console.print(Text(f"  {item}"))
            return
        for line in _flowed(items, self.console.width - 2):
            self.console.print(Text(f"  {line}"))

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
