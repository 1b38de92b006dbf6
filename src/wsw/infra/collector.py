"""When Python's cyclic garbage collector runs.

Start-up (imports, the unpickled library) and pack loading create hundreds of thousands of
objects that all live until wsw exits. Left alone, the collector scans them again and again
as they pile up: on a 10,000-point library that was most of the load time, and on every run
it was about a tenth of `wsw render`. Reference counting frees everything else whatever the
collector does, so wsw pauses it while building long-lived data, then freezes that data (moves
it where the collector never looks again) and lets the collector run for the rest, so a walk
lasting an hour still has its cycles collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's state is restored after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Everything alive now is long-lived: freeze it, then let the collector run again."""
    gc.freeze()
    gc.enable()
