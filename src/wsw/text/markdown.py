"""Practitioners' text as Markdown that shows exactly what was typed and adds no structure.

Every part of a note or handout that someone typed (an answer, a pack's sentence) goes
through `escape`, so a `#`, a `|` or a `<script>` in an answer stays text in the note and in
its HTML.
"""

from __future__ import annotations

import datetime as dt
import re

_SPECIAL = re.compile(r"([`*_\[\]<>#|~&])")  # `&`: "&copy;" stays five characters
_LEADING_SPACE = re.compile(r"^[ \t]+")
_LEADING_MARK = re.compile(r"^(\s*)([-+=])")
_LEADING_NUMBER = re.compile(r"^(\s*\d+)([.)])")


_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI sequences: arrow keys, colours, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC sequences (titles, clipboard writes)
    r"|\x1b[@-_]?"  # any other escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"  # controls, bidi overrides
)


def strip_controls(text: str) -> str:
    """Text without terminal escape sequences, control or bidirectional-override characters.

    What someone types is stored as text: an arrow key's escape code or a pasted control
    character would otherwise be saved, and later replayed to a terminal or hidden in a note.
    Tabs and line breaks are kept.
    """
    return _CONTROL.sub("", text)


def escape(text: str) -> str:
    """User text as Markdown that shows exactly what was typed and cannot add structure.

    An entity (`&copy;`) stays as typed; leading spaces (an indented line) are kept as
    no-break spaces, which Markdown neither drops nor reads as a code block; control and
    bidi-override characters are removed.
    """
    text = _SPECIAL.sub(r"\\\1", strip_controls(text).replace("\\", "\\\\"))
    lines = []
    for line in text.splitlines():
        line = _LEADING_MARK.sub(r"\1\\\2", line)
        line = _LEADING_NUMBER.sub(r"\1\\\2", line)
        line = _LEADING_SPACE.sub(_no_break, line)
        lines.append(line.rstrip())
    return "\n".join(lines)


def _no_break(match: re.Match[str]) -> str:
    return "\u00a0" * len(match.group(0).expandtabs(4))


_ITEM = re.compile(r"^\s*(?:[-*\u2022+]|\d+[.)])\s")


def paragraphs(text: str) -> str:
    """Typed or edited text as paragraphs: blank lines split them, wrapped lines are joined.

    Text from an editor or a long answer typed over several lines is wrapped where the person
    pressed Enter, not where a sentence ends, so lines are joined into one paragraph; a line
    that starts a list item (`- `, `1. `) or is indented keeps its own line.
    """
    out = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\n").rstrip()):
        lines: list[str] = []
        for line in block.splitlines():
            if not line.strip():
                continue
            if lines and not _ITEM.match(line) and not line[:1].isspace():
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            else:
                lines.append(line.rstrip())
        if lines:
            out.append("\\\n".join(escape(line) for line in lines))
    return "\n\n".join(out)


def date_words(value: str) -> str:
    """An ISO date as a supervisor reads it ("1 December 2026"); anything else as typed."""
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        return escape(value)
    return f"{d.day} {d:%B %Y}"
