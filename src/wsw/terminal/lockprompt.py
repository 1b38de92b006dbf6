"""What to do about a draft that is open in another wsw: view it, wait, or take it over.

Line-based with numbered choices, like every prompt. Taking over is offered only when the
holder is certainly gone (its process ended on this computer): two wsw writing one draft is
how answers were lost.
"""

from __future__ import annotations

import sys
from typing import Literal

from wsw.reflection.lock import Holder

LockChoice = Literal["view", "wait", "take", "stop"]


def ask_about_lock(draft_id: str, holder: Holder) -> LockChoice:
    """Ask on the terminal (stderr for the question, stdin for the answer)."""
    options: list[tuple[str, LockChoice]] = [("Show it, read-only", "view")]
    if holder.gone():
        say(f"Draft {draft_id} was open in {holder.describe()}, which has ended "
            "(it was probably closed or killed).")  # fmt: skip
        options.append(("Take it over and go on with it", "take"))
    else:
        say(f"Draft {draft_id} is open in {holder.describe()}. "
            "Only one wsw at a time may write a draft.")  # fmt: skip
        options.append(("Wait until it is closed, then go on with it (Ctrl-C stops)", "wait"))
    options.append(("Stop", "stop"))
    for n, (label, _) in enumerate(options, 1):
        say(f"  {n}. {label}")
    while True:
        say("> ", end="")
        # Bytes, not the text stream: the walk's screen sets how stdin decodes, before it
        # is first read as text.
        line = sys.stdin.buffer.readline().decode("utf-8", errors="replace")
        if not line:
            return "stop"
        typed = line.strip()
        if typed.isdigit() and 1 <= int(typed) <= len(options):
            return options[int(typed) - 1][1]
        say(f"Type a number from 1 to {len(options)}.")


def say(text: str, end: str = "\n") -> None:
    print(text, end=end, file=sys.stderr, flush=True)
