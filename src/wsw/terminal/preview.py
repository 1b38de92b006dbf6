"""The note before it is written: a screen's worth first, the whole of it on request.

A note runs to a few hundred lines; printed whole at the end of a walk it scrolls past before
it can be read. So the preview shows the note's opening (its Summary, where the note has one,
else its first section) and offers the rest through the pager (`$PAGER`, else `less`), the
way `git log` does, or printed where there is no terminal.
"""

from __future__ import annotations

from wsw.terminal.screen import Screen

SUMMARY_LINES = 14  # at most, of the opening shown; the rest of 80x24 is the menu


def body_of(markdown: str) -> str:
    """The note without its front matter."""
    return markdown.split("\n---\n", 1)[-1] if markdown.startswith("---\n") else markdown


def summary_of(markdown: str) -> tuple[str, int]:
    """The note's opening (title, first line and first section, cut to fit) and its length.

    Its first section is the Summary in notes that have one.
    """
    body = body_of(markdown).strip()
    total = len(body.splitlines())
    first, sep, rest = body.partition("\n## ")
    section, _, _ = rest.partition("\n## ")
    if sep:  # the title and the first section: how the note was made can wait for the whole
        first = first.strip().split("\n\n", 1)[0] + "\n"
    opening = (first + sep + section) if sep else first
    lines = opening.strip().splitlines()
    if len(lines) > SUMMARY_LINES:
        lines = [*lines[: SUMMARY_LINES - 1], "", "..."]
    return "\n".join(lines), total


def page_whole(screen: Screen, markdown: str) -> None:
    """The whole note, through the pager at a terminal."""
    from rich.markdown import Markdown  # markdown-it and friends: only for the preview

    screen.page(Markdown(body_of(markdown)))
