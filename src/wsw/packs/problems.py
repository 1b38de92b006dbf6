"""What reading one pack file can find wrong, whatever its format (YAML or JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wsw.errors import Problem
from wsw.packs.marks import Loc
from wsw.text.shown import describe_forbidden

TOO_LONG_NUMBER = "a number longer than 4,300 digits, which wsw does not read"


class FileProblems(Exception):
    """Problems found while reading one file; the loader gathers them from every file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def forbidden_values(value: Any, loc: Loc) -> list[tuple[Loc, str]]:
    """Each string (key or value) holding a control or bidi character, with where it is.

    Pack text reaches terminals and notes; such a character there can recolour or clear the
    screen, write to the clipboard, or make a line read differently from what it holds.
    """
    found: list[tuple[Loc, str]] = []
    if isinstance(value, str):
        what = describe_forbidden(value)
        if what:
            found.append((loc, f"{what}: pack text may not hold control characters"))
    elif isinstance(value, dict):
        for key, item in value.items():
            found.extend(forbidden_values(key, loc) if isinstance(key, str) else [])
            found.extend(forbidden_values(item, (*loc, str(key))))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(forbidden_values(item, (*loc, i)))
    return found


def pack_text(path: Path, name: str) -> str:
    """A pack file's text: a regular file, within the size limit, in UTF-8."""
    from wsw.errors import InputError
    from wsw.infra.reading import read_bytes

    try:
        return read_bytes(path).decode("utf-8")
    except InputError as exc:
        reason = str(exc).removeprefix(f"{path}: ")
        raise FileProblems([Problem(name, None, None, "", reason)]) from None
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text ({exc.reason})"
        raise FileProblems([Problem(name, None, None, "", reason)]) from None
    except OSError as exc:
        reason = f"cannot read: {exc.strerror}"
        raise FileProblems([Problem(name, None, None, "", reason)]) from None
