"""Signals that end wsw: Ctrl-C (SIGINT), a closed terminal (SIGHUP) and SIGTERM.

All three become KeyboardInterrupt, so the one interruption path (save the draft with the
half-typed answer, remove temporary files, release the draft's lock) runs for each, as vim
saves its buffers when its terminal goes away. The first SIGHUP or SIGTERM is remembered so
wsw exits with the shell's code for it (128 + signal: 129, 143) rather than Ctrl-C's 130.

While a last save is being made (`held`), signals are only noted: a second Ctrl-C or a
SIGTERM from a impatient supervisor must not cut the save that keeps the answers.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

EXIT_BY_SIGNAL = 128
NAMES: dict[int, str] = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}
if hasattr(signal, "SIGHUP"):
    NAMES[signal.SIGHUP] = "SIGHUP (the terminal was closed)"

# "ended_by": the first SIGHUP or SIGTERM; "received": the first of any; "held": depth;
# "starting": set while the command line's modules load
_state: dict[str, int] = {}


def _handler(signum: int, frame: FrameType | None) -> None:
    _state.setdefault("received", signum)
    if signum != signal.SIGINT:
        _state.setdefault("ended_by", signum)
    if _state.get("held") or _state.get("starting"):
        return
    raise KeyboardInterrupt


def install() -> None:
    """Make SIGINT, SIGTERM and SIGHUP interrupt wsw the same way (main thread only)."""
    for signum in NAMES:
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or not allowed
            signal.signal(signum, _handler)


def ended_by() -> int | None:
    """The SIGHUP or SIGTERM that is ending wsw, if one is."""
    return _state.get("ended_by")


def exit_code(default: int) -> int:
    signum = ended_by()
    return EXIT_BY_SIGNAL + signum if signum is not None else default


def cause() -> str:
    """What stopped wsw, for the message: 'Ctrl-C' or the signal's name."""
    signum = ended_by()
    return NAMES.get(signum, f"signal {signum}") if signum is not None else "Ctrl-C"


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Note signals without acting on them while the answers are being saved."""
    _state["held"] = _state.get("held", 0) + 1
    try:
        yield
    finally:
        _state["held"] -= 1


def received() -> bool:
    """Whether any of the three signals has arrived since wsw started."""
    return "received" in _state


@contextlib.contextmanager
def starting() -> Iterator[None]:
    """Load modules with signals noted, then act on one that came.

    A KeyboardInterrupt raised inside Python's import machinery can surface as a
    RuntimeError, or be swallowed in a lock's clean-up with "Exception ignored" on stderr.
    Nothing has been typed yet, so waiting the few milliseconds until the imports are done
    loses nothing, and the interruption then takes the one ordinary path.
    """
    _state["starting"] = 1
    try:
        yield
    finally:
        del _state["starting"]
    if received():
        raise KeyboardInterrupt


def reset() -> None:
    """Forget a signal received (for tests that run many commands in one process)."""
    _state.clear()
