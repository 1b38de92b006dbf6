"""A draft's lock: only one wsw at a time writes a draft.

Two `--resume`s of one draft would each save their own answers over the other's, so opening
a draft takes a lock file beside it, created exclusively (O_EXCL, as git's `index.lock` and
vim's swap files are) and holding the process id, host and time. Another wsw that finds it
says who holds it; a holder on this computer whose process is gone (killed, or the machine
restarted) can be taken over. The lock is removed on every way out that Python sees; after
kill -9 it stays, and the next open finds its process gone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from wsw.errors import Refusal
from wsw.infra.process import alive, host
from wsw.infra.storage import FILE_MODE, ensure_private_dir, fsync_dir

LOCK_SUFFIX = ".lock"
UNREADABLE_STALE_SECONDS = 60  # a lock with nothing readable in it (a write cut short)


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says (pid None: the file could not be read)."""

    pid: int | None
    host: str
    since: str
    age: float = 0.0

    def describe(self) -> str:
        if self.pid is None:
            return "another wsw (its lock file cannot be read)"
        here = "this computer" if self.host == host() else self.host
        since = f" since {self.since}" if self.since else ""
        return f"wsw process {self.pid} on {here}{since}"

    def gone(self) -> bool:
        """Whether the holder has certainly ended: only knowable for a process on this host."""
        if self.pid is None:
            return self.age > UNREADABLE_STALE_SECONDS
        if self.host != host():
            return False
        return not alive(self.pid)


class DraftLocked(Refusal):
    """The draft is open in another wsw."""

    def __init__(self, draft_id: str, path: Path, holder: Holder) -> None:
        super().__init__(f"Draft {draft_id} is open in {holder.describe()}.")
        self.draft_id = draft_id
        self.path = path
        self.holder = holder


@dataclass
class Lock:
    """A lock this process holds (path None: none could be made, and the walk goes on)."""

    path: Path | None
    warning: str = ""

    def release(self) -> None:
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.path = None


def read_holder(path: Path) -> Holder | None:
    """Who holds the lock at `path`; None when there is no lock."""
    try:
        stat = path.lstat()
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    except FileNotFoundError:
        return None
    except OSError:
        return Holder(None, "", "", 0.0)
    age = time.time() - stat.st_mtime
    try:
        data = json.loads(text)
        pid, where, since = data["pid"], data["host"], data.get("since", "")
        if isinstance(pid, int) and not isinstance(pid, bool) and isinstance(where, str):
            return Holder(pid, where, str(since)[:40], age)
    except (ValueError, KeyError, TypeError):
        pass
    return Holder(None, "", "", age)


def acquire(path: Path, draft_id: str) -> Lock:
    """Take the lock at `path` or raise DraftLocked naming its holder.

    A lock that cannot be made at all (a read-only or full disk) does not stop the walk:
    the answers are still kept in memory, and the warning says so.
    """
    record = json.dumps(
        {"pid": os.getpid(), "host": host(), "since": dt.datetime.now().isoformat("T", "seconds")}
    ).encode()
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        holder = read_holder(path) or Holder(None, "", "")
        raise DraftLocked(draft_id, path, holder) from None
    except OSError as exc:
        return Lock(None, f"Draft {draft_id} could not be locked ({exc.strerror}); "
                          "do not open it in another wsw meanwhile.")  # fmt: skip
    try:
        os.write(fd, record)
        os.fsync(fd)
    except OSError:
        pass  # an empty lock still excludes; it counts as gone after a minute
    finally:
        os.close(fd)
    fsync_dir(path.parent)
    return Lock(path)


def take_over(path: Path, draft_id: str, holder: Holder) -> Lock:
    """Remove a lock whose holder is gone, and take it; refused if the holder is alive."""
    current = read_holder(path)
    if current is not None and (current.pid != holder.pid or not current.gone()):
        raise DraftLocked(draft_id, path, current)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return acquire(path, draft_id)


def wait_for(path: Path, poll: float = 1.0) -> None:
    """Wait until the lock at `path` is released (or its holder is gone); Ctrl-C stops."""
    while True:
        holder = read_holder(path)
        if holder is None or holder.gone():
            return
        time.sleep(poll)
