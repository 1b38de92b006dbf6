"""A note wsw wrote, read back: its front matter, its sections and the answers in them.

The front matter and the `## ` sections come from the case index's reader
(wsw.cases.record), so there is one parser of notes. What this adds is the answer under a
question: the body writes each one as a bold prompt, a blank line, then the answer, so an
answer is found by its question's prompt, never by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wsw.cases.record import sections, split_note, unescape
from wsw.errors import InputError
from wsw.text.markdown import escape

HARD_BREAK = re.compile(r"\\\n")
# A learning or practice point as the note lists it: "- **Title.** text" (or, in notes written
# before the Summary, "- **Title** (Learning point).").
POINT_TITLE = re.compile(r"^- \*\*(.+?)\.?\*\*(?: \((?:Learning|Practice) point\))?[ .]", re.M)


@dataclass(frozen=True)
class ReadNote:
    """One note: where it is, its front matter and its body's sections by title."""

    path: Path
    front: dict[str, Any]
    sections: dict[str, str]

    @property
    def walk(self) -> str:
        return str(self.front.get("walk") or "")

    @property
    def date(self) -> str:
        return str(self.front.get("date") or "")

    def answer(self, section: str, prompt: str) -> str:
        """The plain text answered to `prompt` in `section`; empty when it is not there."""
        return answer_in(self.sections.get(section, ""), prompt)

    def summarised(self, label: str) -> str:
        """What the note's Summary shows under `label` (a question's summary label)."""
        return answer_in(self.sections.get("Summary", ""), f"{label}:")

    def themes(self) -> list[str]:
        listed = self.front.get("themes")
        return [str(t) for t in listed] if isinstance(listed, list) else []

    def point_titles(self, section: str = "Learning considered") -> list[str]:
        """The titles of the learning from the packs that the note shows (pack text only)."""
        return [unescape(t) for t in POINT_TITLE.findall(self.sections.get(section, ""))]


def answer_in(section_text: str, prompt: str) -> str:
    """The blocks after the bold prompt, up to the next bold prompt, as plain text."""
    wanted = f"**{escape(prompt.strip())}**"
    blocks = section_text.split("\n\n")
    for i, block in enumerate(blocks):
        if block.strip().startswith(wanted + " "):  # a short answer on the prompt's line
            return _plain(block.strip()[len(wanted) + 1 :])
        if block.strip() != wanted:
            continue
        found: list[str] = []
        for after in blocks[i + 1 :]:
            if _is_prompt(after):
                break
            found.append(after)
        text = "\n\n".join(found).strip()
        return "" if text == "_Not answered._" else _plain(text)
    return ""


def _is_prompt(block: str) -> bool:
    """A question's bold prompt, or a heading: where an answer ends."""
    block = block.strip()
    heading = block.startswith("#")
    return heading or (block.startswith("**") and block.endswith("**") and "\n" not in block)


def _plain(markdown: str) -> str:
    lines = HARD_BREAK.sub("\n", markdown).split("\n")
    return "\n".join(unescape(line) for line in lines).strip()


def read_note(path: Path) -> ReadNote:
    """A note wsw wrote; anything else is refused by name, with no word of its content."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise InputError(f"{path} cannot be read ({reason}).") from None
    front, body = split_note(text)
    if "wsw" not in front or not front.get("walk"):
        raise InputError(f"{path} is not a note wsw wrote (its front matter names no walk).")
    return ReadNote(path, front, sections(body))
