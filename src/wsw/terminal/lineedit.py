"""Line editing at a real terminal: the standard library's readline, through `input()`.

Cursor keys, word deletion (Ctrl-W, Alt-Backspace), Home/End and in-session history (Up and
Down) come from GNU readline or libedit, which read keys one by one: no escape codes reach an
answer, and a line is not cut at the terminal's 4,095-character canonical limit. Prompts stay
line-based, as screen readers need. Nothing is completed (Tab inserts nothing clever) and
no history is ever written to a file: what is typed is about children.

Why readline and not prompt_toolkit: it is already there, costs a millisecond to load, and
behaves as every other line-based terminal program does; prompt_toolkit would add a
dependency and several times the start-up time for features a prompt of this kind never uses.
"""

from __future__ import annotations

import sys
from types import ModuleType


class LineCut(KeyboardInterrupt):
    """Ctrl-C while a line was being typed, with what had been typed on it."""

    def __init__(self, partial: str) -> None:
        super().__init__("interrupted")
        self.partial = partial


def _readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # no readline (some Windows Pythons): plain lines instead
        return None
    readline.parse_and_bind("set disable-completion on")
    readline.set_auto_history(True)
    return readline


class LineEditor:
    """Reads edited lines from the terminal; used only when both ends are a terminal."""

    def __init__(self, readline: ModuleType) -> None:
        self.readline = readline

    @classmethod
    def for_terminal(cls) -> LineEditor | None:
        """An editor when standard input and output are a terminal (prompts go to stdout)."""
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return None
        module = _readline()
        return cls(module) if module is not None else None

    def read(self, prompt: str, prefill: str = "") -> str:
        """One edited line, starting as `prefill`; LineCut carries the line on Ctrl-C."""
        readline = self.readline
        if prefill:
            readline.set_startup_hook(lambda: readline.insert_text(prefill))
        history = readline.get_current_history_length()
        try:
            return input(prompt)
        except KeyboardInterrupt:
            raise LineCut(self._cut_line(history)) from None
        finally:
            readline.set_startup_hook(None)

    def _cut_line(self, history: int) -> str:
        """The line being typed at Ctrl-C.

        A Ctrl-C that lands in the instant before readline waits for keys is only raised
        once a line has been entered (Python acts on signals between its own steps); that
        line is then the newest in history, and is kept rather than lost.
        """
        readline = self.readline
        if readline.get_current_history_length() > history:
            return str(readline.get_history_item(readline.get_current_history_length()) or "")
        return str(readline.get_line_buffer())
