"""Text that is not wsw's own, made safe to show at a terminal.

A shared pack or a draft title is written by someone else. Printed as it is, an escape
sequence in it can recolour the screen, clear it or write to the clipboard (OSC 52), and a
`[/]` in a string Rich reads as markup ends the command with an error. `plain` removes escape
sequences and control characters (tabs and line breaks kept); `markup` also escapes Rich
markup, for the places that hand Rich a string rather than a `Text`.
"""

from __future__ import annotations

import re

from wsw.text.markdown import strip_controls

# Characters a pack may not hold (validation reports them; display removes them): C0 controls
# but tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates, which
# can make a line read differently from what it holds ("Trojan Source").
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_NAMES = {
    "\x1b": "ESC",
    "\x07": "BEL",
    "\x08": "BS",
    "\r": "CR",
    "\x00": "NUL",
    "\x7f": "DEL",
    "\x9b": "CSI",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
}


def plain(text: str) -> str:
    """Text without escape sequences or control characters: what a terminal may be sent."""
    return strip_controls(text)


def markup(text: str) -> str:
    """`plain(text)` with Rich markup escaped, for a string Rich will read as markup."""
    from rich.markup import escape

    return escape(plain(text))


def describe_forbidden(text: str) -> str | None:
    """Which forbidden character `text` holds first, and where, or None if it holds none."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    name = _NAMES.get(char)
    code = f"U+{ord(char):04X}" + (f" {name}" if name else "")
    return f"a control character ({code}) at character {found.start() + 1}"
