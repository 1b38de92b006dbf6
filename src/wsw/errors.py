"""The one family of errors the core raises, each carrying the exit code the CLI should use.

Messages are written for the person at the keyboard. They never contain answer text: callers
pass locations, field names and ids, not what a practitioner typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class WswError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = EXIT_USAGE

    def lines(self) -> list[str]:
        """The message as lines for stderr."""
        return [str(self)]


class Problem(NamedTuple):
    """One thing wrong with a pack, located as precisely as the YAML allows.

    A named tuple rather than a dataclass: every command imports this module, and the
    dataclasses module (with `inspect`) would be most of `wsw --help`'s own import time.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class PackError(WswError):
    """One or more problems in the content packs; all are reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def lines(self) -> list[str]:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content packs:"
        return [head, *(f"  {p}" for p in self.problems)]


class InputError(WswError):
    """Something the user gave us (a flag, a file, a value) cannot be used."""


class Refusal(WswError):
    """wsw declined to do something unsafe (exit 1), with the reasons as separate lines."""

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = list(details or [])

    def lines(self) -> list[str]:
        return [str(self), *(f"  {d}" for d in self.details)]


class Findings(WswError):
    """A check found something (exit 1): the findings were the command's output."""

    exit_code = EXIT_FINDINGS

    def __init__(self, summary: str) -> None:
        super().__init__(summary)


class Stopped(WswError):
    """The person stopped wsw (Ctrl-C, end of input) after what they typed was kept (exit 130).

    The lines say where it was kept and how to go on.
    """

    exit_code = EXIT_INTERRUPTED

    def __init__(self, lines: list[str], exit_code: int = EXIT_INTERRUPTED) -> None:
        super().__init__("\n".join(lines))
        self._lines = lines
        self.exit_code = exit_code  # 128 + the signal for SIGHUP (129) and SIGTERM (143)

    def lines(self) -> list[str]:
        return list(self._lines)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    import difflib  # only needed when something is wrong

    options = [c for c in candidates if c != word]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


class InternalError(WswError):
    """A mistake in wsw itself (exit 1). The message names the kind of error and where it
    happened in wsw's code, never its text, which could hold an answer."""

    exit_code = 1

    def __init__(self, exc: BaseException) -> None:
        import traceback

        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "wsw" in f.filename]
        where = ""
        if frames:
            last = frames[-1]
            module = last.filename.replace("\\", "/").rsplit("/wsw/", 1)[-1]
            where = f" in wsw/{module} line {last.lineno}"
        super().__init__(
            f"wsw stopped on an internal error ({type(exc).__name__}{where}). Nothing you "
            "typed is shown here, and drafts are as last saved. Please report it; WSW_DEBUG=1 "
            "shows the full traceback."
        )


class OutputFailed(WswError):
    """Standard output could not be written (exit 2)."""
