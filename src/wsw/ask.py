"""The terminal asker: one question at a time, line-based, with numbered choices.

Arrow-key menus read poorly with screen readers, so every answer is typed: numbers for
choices, lines for lists, an empty line to finish. Everything shown goes to stderr, keeping
stdout for output. Controls work at every prompt: :back, :skip, :edit, :help, :save.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from wsw.walk.engine import Answer, Back, Reply, Skip, Stop
from wsw.walk.session import Step
from wsw.walk.values import BadValue, Value, parse_typed


def _multiline(step: Step) -> bool:
    q = step.question
    return q.type in ("list", "actions") or (q.type == "text" and q.multiline)


COMMANDS = (":back", ":skip", ":edit", ":help", ":save")


class Interrupted(Exception):
    """Ctrl-C or end of input at a prompt, carrying whatever was typed for this answer."""

    def __init__(self, question_id: str, partial: str) -> None:
        super().__init__("interrupted")
        self.question_id = question_id
        self.partial = partial


def _hint(step: Step) -> str:
    q = step.question
    hints = {
        "text": "Type your answer" + ("; finish with an empty line." if q.multiline else "."),
        "list": "One item per line; finish with an empty line.",
        "actions": "One action per line as: action | owner | due date. Finish with an empty line.",
        "choice": "Type the number of your choice.",
        "multichoice": "Type the numbers that apply, separated by commas.",
        "yesno": "Type y or n.",
        "scale": "Type a number from 0 to 10.",
        "date": "Type a date, e.g. 2026-12-01 or 1/12/2026.",
    }
    hint = hints[q.type]
    if step.current not in (None, "", []):
        hint += " Press Enter on its own to keep the current answer."
    return hint


def _show_value(step: Step, value: Value) -> str:
    labels = {c.value: c.label for c in step.choices}
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        parts = [
            " | ".join(v for v in item.values() if v)
            if isinstance(item, dict)
            else labels.get(item, item)
            for item in value
        ]
        return "; ".join(parts) if parts else "(none)"
    return labels.get(str(value), str(value))


class TerminalAsker:
    """Asks on a terminal; `read` and `console` can be replaced for tests."""

    def __init__(
        self,
        console: Console | None = None,
        stdin: TextIO | None = None,
        editor: Callable[[str], str] | None = None,
        prefill: dict[str, str] | None = None,
    ) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.stdin = stdin or sys.stdin
        self.editor = editor or open_editor
        self.prefill = dict(prefill or {})
        self._stage_shown: str | None = None

    @classmethod
    def with_prefill(cls, prefill: dict[str, str]) -> TerminalAsker:
        return cls(prefill=prefill)

    # -- output -----------------------------------------------------------------------------

    def tell(self, message: str) -> None:
        self.console.print(Text(f"! {message}", style="bold yellow"))

    def _header(self, step: Step) -> None:
        if self._stage_shown == step.stage.id:
            return
        self._stage_shown = step.stage.id
        self.console.print()
        title = f"Stage {step.stage_number} of {step.stage_count}: {step.stage.title}"
        self.console.rule(Text(title, style="bold"), align="left")
        if step.stage.intro:
            self.console.print(Text(step.stage.intro.strip(), style="italic"))

    def _reminders(self, step: Step) -> None:
        if not step.reminders:
            return
        lines = Text()
        for i, r in enumerate(step.reminders):
            if i:
                lines.append("\n")
            label = {"escalation": "Escalation question", "check": "Check",
                     "practice": "Practice point", "reminder": "Reminder"}[r.kind]  # fmt: skip
            lines.append(f"• {label}: ", style="bold")
            lines.append(r.text.strip())
            if r.source:
                lines.append(f"\n  ({r.source})", style="dim")
        self.console.print(Panel(lines, title="Reminders", title_align="left", expand=False))

    def _learning(self, step: Step) -> None:
        if not step.learning:
            return
        text = Text()
        for i, s in enumerate(step.learning[:6]):
            if i:
                text.append("\n")
            text.append(f"• {s.title}", style="bold")
            text.append(f"  [{s.theme}]", style="dim")
            why = ", ".join(s.matched[:3])
            text.append(f"\n  Why: {why}\n  Source: {s.source}", style="dim")
        self.console.print(
            Panel(text, title="Learning that may bear on this", title_align="left", expand=False)
        )

    def _question(self, step: Step, controls: str | None = None) -> None:
        q = step.question
        progress = (
            f"[{step.stage_number}/{step.stage_count} · "
            f"question {step.question_number} of {step.question_count}]"
        )
        self.console.print()
        self.console.print(Text(progress, style="dim"))
        optional = "" if q.required else " (optional)"
        self.console.print(Text(q.prompt.strip() + optional, style="bold"))
        for i, c in enumerate(step.choices, 1):
            ticked = ""
            if q.type == "multichoice":
                ticked = (
                    "[x] " if isinstance(step.current, list) and c.value in step.current else "[ ] "
                )
            self.console.print(f"  {i:>2}. {ticked}{c.label}", highlight=False, markup=False)
        if step.current not in (None, "", []):
            self.console.print(
                Text(f"Current answer: {_show_value(step, step.current)}", style="cyan")
            )
        if controls is None:
            self.console.print(Text(_hint(step), style="dim"))
            controls = ":back  :edit  :help  :save" + ("" if q.required else "  :skip")
        self.console.print(Text(controls, style="dim"))

    # -- input ------------------------------------------------------------------------------

    def _read(self, prompt: str = "> ") -> str:
        self.console.print(prompt, end="", markup=False, highlight=False)
        self.console.file.flush()
        line = self.stdin.readline()
        if line == "":
            raise EOFError
        return line.rstrip("\r\n")

    def ask(self, step: Step) -> Reply:
        self._header(step)
        self._reminders(step)
        self._learning(step)
        self._question(step)
        q = step.question
        pending = self.prefill.pop(q.id, None)
        if pending:
            self.console.print(Text("Restored what you had typed before stopping:", style="cyan"))
            self.console.print(Text(pending), markup=False)
        while True:
            lines: list[str] = pending.splitlines() if pending else []
            try:
                first = self._read("  ") if lines else self._read()
                command = first.strip()
                if not lines and command.startswith(":"):
                    reply = self._command(step, command)
                    if reply is not None:
                        return reply
                    continue
                if command:
                    lines.append(first)
                if _multiline(step) and (command or lines):
                    while True:
                        more = self._read("  ")
                        if not more.strip():
                            break
                        lines.append(more)
            except (KeyboardInterrupt, EOFError):
                raise Interrupted(q.id, "\n".join(lines)) from None
            pending = None
            if not lines:
                if step.current not in (None, "", []):
                    return Answer(step.current)  # Enter keeps the current answer
                self.tell("Type an answer" + ("" if q.required else ", or :skip to leave it") + ".")
                continue
            try:
                raw: str | list[str] = lines if _multiline(step) else lines[0]
                return Answer(parse_typed(q, raw, step.choices))
            except BadValue as exc:
                self.tell(str(exc))

    def _command(self, step: Step, command: str) -> Reply | None:
        name, _, arg = command.partition(" ")
        if name == ":back":
            return Back()
        if name == ":skip":
            return Skip()
        if name == ":save":
            return Stop(arg.strip() or None)
        if name == ":help":
            help_text = step.question.help or "There is no more help for this question."
            self.console.print(Panel(Text(help_text.strip()), title="Help", expand=False))
            if step.question.example:
                self.console.print(Text(f"Example: {step.question.example}", style="dim"))
            return None
        if name == ":edit":
            current = _show_value(step, step.current) if step.current not in (None, []) else ""
            if step.question.type == "text" and isinstance(step.current, str):
                current = step.current
            try:
                edited = self.editor(current)
            except EditorError as exc:
                self.tell(str(exc))
                return None
            lines = [line for line in edited.splitlines()]
            if not "".join(lines).strip():
                self.tell("The editor came back empty; nothing was changed.")
                return None
            try:
                raw: str | list[str] = lines if _multiline(step) else lines[0]
                return Answer(parse_typed(step.question, raw, step.choices))
            except BadValue as exc:
                self.tell(str(exc))
                return None
        self.tell(f"Unknown command {name}. Commands: {', '.join(COMMANDS)}.")
        return None

    # -- preview ----------------------------------------------------------------------------

    def declare_people(self) -> list[tuple[str, str]]:
        """Ask who the note is about, so names can become roles before anything is written."""
        from wsw.note_privacy import parse_declaration

        self.console.print(
            Panel(
                Text(
                    "Declare the people involved so the note can use roles instead of names. "
                    "One per line as  Name = Role  (for example: Jayden Thompson = Child A). "
                    "Press Enter on an empty line when done, or straight away to skip. "
                    "This list stays in your draft and never goes into the note."
                ),
                title="People",
                title_align="left",
                expand=False,
            )
        )
        people: list[tuple[str, str]] = []
        while True:
            line = self._read("= " if people else "> ").strip()
            if not line:
                return people
            try:
                person = parse_declaration(line)
            except ValueError as exc:
                self.tell(str(exc))
                continue
            people.append((person.name, person.role))

    def preview(
        self, markdown: str, stages: list[tuple[str, str]], privacy: list[str] | None = None
    ) -> str:
        """Show the note; return 'write', 'save' or a stage id to go back to."""
        from rich.markdown import Markdown  # markdown-it and friends: only for the preview

        body = markdown.split("\n---\n", 1)[-1] if markdown.startswith("---\n") else markdown
        self.console.print()
        self.console.rule(Text("Preview of your note", style="bold"), align="left")
        self.console.print(Markdown(body))
        self.console.rule()
        if privacy:
            self.console.print(
                Panel(Text("\n".join(privacy)), title="Privacy check", title_align="left")
            )
        options = ["Write the note", "Go back to a stage", "Save as a draft and stop"]
        while True:
            for i, label in enumerate(options, 1):
                self.console.print(f"  {i}. {label}", markup=False, highlight=False)
            choice = self._read().strip()
            if choice == "1":
                return "write"
            if choice == "3":
                return "save"
            if choice == "2":
                for i, (_, title) in enumerate(stages, 1):
                    self.console.print(f"  {i}. {title}", markup=False, highlight=False)
                picked = self._read("Stage number: ").strip()
                if picked.isdigit() and 1 <= int(picked) <= len(stages):
                    return stages[int(picked) - 1][0]
            self.tell("Type 1, 2 or 3.")


class EditorError(Exception):
    pass


def open_editor(initial: str) -> str:
    """Edit text in $VISUAL or $EDITOR (as git commit does), via a private temporary file."""
    import shlex
    import subprocess
    import tempfile

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise EditorError("Set EDITOR (for example EDITOR=nano) to use :edit.")
    from wsw.drafts import drafts_dir
    from wsw.storage import ensure_private_dir

    # In wsw's own private folder rather than the shared temporary folder: it holds an answer.
    folder = drafts_dir()
    ensure_private_dir(folder)
    fd, name = tempfile.mkstemp(prefix="wsw-edit-", suffix=".txt", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError:
            raise EditorError(f"Could not start the editor '{command}'.") from None
        if result.returncode != 0:
            raise EditorError("The editor exited with an error; nothing was changed.")
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
