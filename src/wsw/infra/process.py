"""Whether a process on this computer is still running: for locks and editor files that a
killed wsw left behind, which may be removed only once their process is gone."""

from __future__ import annotations

import os
import socket


def host() -> str:
    return socket.gethostname()


def alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True
