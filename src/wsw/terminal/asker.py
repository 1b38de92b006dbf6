"""The terminal asker: one question at a time, line-based, with numbered choices.

Arrow-key menus read poorly with screen readers, so every answer is typed: numbers for
choices, lines for lists, an empty line to finish. Controls work at every prompt: :back,
:skip, :edit, :help, :save. Ctrl-C or the end of input raises Interrupted with whatever was
typed for the answer, which the runner keeps in the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from rich.console import Console
from rich.text import Text

from wsw.packs.questions import BadLines, BadValue, parse_typed, spec_for, takes_lines
from wsw.privacy.pseudonyms import Person
from wsw.terminal.commands import Control, Controls
from wsw.terminal.editor import EditorError, from_editor, open_editor, with_question
from wsw.terminal.lineedit import LineCut
from wsw.terminal.screen import Screen, has_value, shown_value
from wsw.walk.engine import (
    Answer,
    Back,
    GoToStage,
    Interrupted,
    Pending,
    Preview,
    PreviewChoice,
    Reply,
    SaveDraft,
    Skip,
    Stop,
    WriteNote,
)
from wsw.walk.session import Step

PEOPLE_HELP = (
    "Declare the people involved so the note can use roles instead of names. "
    "One per line as  Name = Role  (for example: Jayden Thompson = Child A). "
    "Press Enter on an empty line when done, or straight away to skip. "
    "This list stays in your draft and never goes into the note."
)
# What a control's handler returns: a reply ends the question; None asks again.
Handled = Reply | None


def _toggled(ticked: list[str], typed: list[str]) -> list[str]:
    """The ticked choices with those typed switched: ticked ones unticked, others ticked."""
    kept = [v for v in ticked if v not in typed]
    return kept + [v for v in typed if v not in ticked]


class TerminalAsker:
    """Asks on a terminal through a Screen; the editor can be replaced for tests."""

    def __init__(
        self,
        console: Console | None = None,
        stdin: TextIO | None = None,
        editor: Callable[[str], str] | None = None,
    ) -> None:
        self.screen = Screen(console, stdin)
        self.editor = editor or open_editor
        self._step: Step | None = None
        self._kept: list[str] = []  # the good lines of an answer refused for one bad line
        self._lines: list[str] = []  # the lines typed so far for the answer being read
        self.controls: Controls[Handled] = Controls(self._controls())

    @property
    def console(self) -> Console:
        return self.screen.console

    def _controls(self) -> list[Control[Handled]]:
        return [
            Control(":back", ":back", "go back to the previous question", lambda _: Back()),
            Control(
                ":edit", ":edit", "write this answer in your editor ($VISUAL, $EDITOR)", self._edit
            ),
            Control(":help", ":help", "help for this question, and these controls", self._help),
            Control(
                ":learn",
                ":learn",
                "the learning from reviews in full, with its sources",
                self._learn,
                in_line=False,
            ),
            Control(
                ":case",
                ":case",
                "what wsw knows of this case from earlier reflections",
                self._case,
                in_line=False,
            ),
            Control(
                ":reminders",
                ":reminders",
                "every reminder and check for this stage",
                self._reminders,
                in_line=False,
            ),
            Control(
                ":save",
                ":save",
                "save the draft and stop (:save PATH: save it there)",
                self._save,
            ),
            Control(
                ":skip",
                ":skip",
                "leave this optional question unanswered",
                lambda _: Skip(),
                optional_only=True,
            ),
        ]

    # -- the Asker protocol -------------------------------------------------------------------

    def tell(self, message: str) -> None:
        self.screen.warn(message)

    def inform(self, message: str) -> None:
        self.screen.inform(message)

    def ask(self, step: Step) -> Reply:
        self._step = step
        required = step.question.required
        self.screen.step(step, self.controls.line(required), self._hint(step))
        lines, prefill = self._restore(step.restored, step.restored_line)
        while True:
            try:
                reply = self._read_answer(step, lines, prefill)
            except LineCut as cut:  # the line being typed is kept apart from the others
                raise Interrupted(step.question.id, "\n".join(lines), cut.partial) from None
            except (KeyboardInterrupt, EOFError):
                raise Interrupted(step.question.id, "\n".join(lines)) from None
            if reply is not None:
                return reply
            lines, prefill, self._kept = self._kept, "", []
            if lines:  # go on from the good lines: type the bad one again, then an empty line
                self.console.print(Text("\n".join(lines)))

    def _restore(self, restored: str | None, line: str) -> tuple[list[str], str]:
        """What was typed before an interruption: the lines kept, and the line to go on with.

        At a terminal the unfinished line comes back ready to edit; elsewhere it is shown and
        kept as typed, like the others.
        """
        if not restored and not line:
            return [], ""
        lines = (restored or "").splitlines()
        self.screen.note("Restored what you had typed before stopping:", style="cyan")
        if self.screen.can_edit:
            if lines:
                self.console.print(Text("\n".join(lines)))
            return lines, line
        lines += [line] if line else []
        self.console.print(Text("\n".join(lines)))
        return lines, ""

    def declare_people(self) -> list[Person]:
        """Ask who the note is about, so names can become roles before anything is written."""
        from wsw.privacy.people import parse_declaration

        self.screen.panel(PEOPLE_HELP, "People")
        people: list[Person] = []
        while True:
            line = self.screen.read("= " if people else "> ").strip()
            if not line:
                return people
            try:
                people.append(parse_declaration(line))
            except ValueError as exc:
                self.tell(str(exc))

    def preview(self, preview: Preview) -> PreviewChoice:
        """A short summary of the note; then write it, read it whole, go back, or save."""
        from wsw.terminal.preview import page_whole, summary_of

        summary, total = summary_of(preview.markdown)
        self.console.print()
        self.console.rule(Text("Preview of your note", style="bold"), align="left")
        self.screen.markdown(summary)
        self.screen.note(f"That is the start of the note; the whole note is {total} lines.")
        if preview.privacy:
            self.screen.panel("\n".join(preview.privacy), "Privacy check", expand=True)
        options: list[tuple[str, PreviewChoice | None]] = [
            ("Write the note" if preview.can_write else "Finish", WriteNote()),
            ("Read the whole note", None),
            ("Go back to a stage", None),
        ]
        if preview.can_save:
            options.append(("Save as a draft and stop", SaveDraft()))
        while True:
            choice = self._pick_option(options, preview.stages)
            if choice is not None:
                return choice
            page_whole(self.screen, preview.markdown)

    def _pick_option(
        self, options: list[tuple[str, PreviewChoice | None]], stages: list[tuple[str, str]]
    ) -> PreviewChoice | None:
        """The option picked; None: read the whole note (option 2)."""
        numbers = ", ".join(str(i) for i in range(1, len(options)))
        while True:
            for i, (label, _) in enumerate(options, 1):
                self.console.print(Text(f"  {i}. {label}"))
            typed = self.screen.read().strip()
            if typed == "2":
                return None
            if typed.isdigit() and 1 <= int(typed) <= len(options):
                choice = options[int(typed) - 1][1]
                if choice is not None:
                    return choice
                for i, (_, title) in enumerate(stages, 1):
                    self.console.print(Text(f"  {i}. {title}"))
                picked = self.screen.read("Stage number: ").strip()
                if picked.isdigit() and 1 <= int(picked) <= len(stages):
                    return GoToStage(stages[int(picked) - 1][0])
            self.tell(f"Type {numbers} or {len(options)}.")

    # -- reading an answer --------------------------------------------------------------------

    def _hint(self, step: Step) -> str:
        if self._toggles(step):
            return "Numbers tick or untick; Enter keeps the ticked ones."
        hint = spec_for(step.question.type).hint(step.question)
        if has_value(step.current):
            hint += " Press Enter on its own to keep the current answer."
        return hint

    def _read_answer(self, step: Step, lines: list[str], prefill: str = "") -> Reply | None:
        """Read one answer into `lines` (kept by the caller if interrupted); None: ask again.

        A control works on any line: `:help` on the third line of an answer shows the help and
        goes on with the answer; `:save` keeps the lines typed so far in the draft. After a
        resume the restored lines are already in `lines`, and one empty line finishes.
        """
        self._lines = lines
        prompt = "  " if lines or prefill else "> "
        while True:
            line = self.screen.read(prompt, prefill)
            prefill, prompt = "", "  "
            if self.controls.is_control(line):
                reply = self.controls.run(line, self._unknown)
                if isinstance(reply, Back | Skip) and lines:
                    typed = "The line" if len(lines) == 1 else f"The {len(lines)} lines"
                    self.screen.note(f"{typed} typed for this answer not kept.")
                if reply is not None or not lines:
                    return reply
                continue  # a control that answers nothing: go on with the lines typed
            if not line.strip():
                break
            lines.append(line)
            if not takes_lines(step.question):
                break
        if not lines:
            if has_value(step.current) and step.current is not None:
                return Answer(step.current)  # Enter keeps the current answer
            optional = "" if step.question.required else ", or :skip to leave it"
            self.tell(f"Type an answer{optional}.")
            return None
        return self._parsed(step, lines)

    def _parsed(self, step: Step, lines: list[str]) -> Reply | None:
        try:
            raw: str | list[str] = lines if takes_lines(step.question) else lines[0]
            value = parse_typed(step.question, raw, step.choices)
        except BadValue as exc:
            self.tell(str(exc))
            self._kept = exc.good if isinstance(exc, BadLines) else []
            return None
        if self._toggles(step) and isinstance(value, list) and isinstance(step.current, list):
            value = _toggled([str(v) for v in step.current], [str(v) for v in value])
        return Answer(value)

    @staticmethod
    def _toggles(step: Step) -> bool:
        """A multiple choice with boxes already ticked: numbers typed tick or untick them."""
        return step.question.type == "multichoice" and bool(step.current)

    def _unknown(self, message: str) -> None:
        self.tell(message)

    def _learn(self, _: str) -> None:
        assert self._step is not None
        self.screen.full_learning(self._step)

    def _case(self, _: str) -> None:
        assert self._step is not None
        if not self._step.case_more:
            self.tell("There are no earlier reflections on this case (or no case chosen yet).")
            return
        self.screen.panel(self._step.case_more, "This case so far")

    def _reminders(self, _: str) -> None:
        assert self._step is not None
        self.screen.all_reminders(self._step)

    # -- controls -----------------------------------------------------------------------------

    def _help(self, _: str) -> None:
        step = self._step
        assert step is not None
        help_text = step.question.help or "There is no more help for this question."
        self.screen.panel(help_text.strip(), "Help")
        if step.question.example:
            self.screen.note(f"Example: {step.question.example}")
        self.screen.note(self.controls.help(step.question.required))

    def _save(self, arg: str) -> Stop:
        """`:save [PATH]`, keeping the lines already typed for this answer."""
        step, typed = self._step, "\n".join(self._lines)
        pending = Pending(step.question.id, typed) if step is not None and typed else None
        return Stop(arg or None, pending)

    def _edit(self, _: str) -> Reply | None:
        """`:edit`: the answer so far in the person's editor, the question above it as comment
        lines (removed afterwards, as `git commit` does); what comes back is shown."""
        step = self._step
        assert step is not None
        current = "\n".join(self._lines)
        if not current and step.current is not None and has_value(step.current):
            text_answer = step.question.type == "text" and isinstance(step.current, str)
            current = str(step.current) if text_answer else shown_value(step, step.current)
        try:
            edited = self.editor(with_question(step, current))
        except EditorError as exc:
            self.tell(str(exc))
            return None
        lines = from_editor(edited, paragraphs=step.question.type == "text")
        if not "".join(lines).strip():
            self.tell("The editor came back empty; nothing was changed.")
            return None
        self.screen.note("From your editor:", style="cyan")
        self.console.print(Text("\n".join(lines)))
        return self._parsed(step, lines)
