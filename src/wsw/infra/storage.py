"""The one way wsw writes a file: private, atomic, and never over something by surprise.

What practitioners type is about children at risk, so every file is created 0600 inside
folders made 0700, whatever the umask; written to a temporary file in the same folder,
flushed and fsynced, then renamed over the target, and the folder fsynced, so a crash leaves
either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wsw.errors import InputError, Refusal

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_PREFIX = ".wsw-tmp-"


class WriteRefused(Refusal):
    """The target exists (and overwriting was not asked for) or is a symbolic link."""


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) as needed; folders wsw creates are 0700."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=DIR_MODE)
        os.chmod(path, DIR_MODE)


def write_private(target: Path, content: str | bytes, *, overwrite: bool = False) -> None:
    """Write `content` to `target` atomically with mode 0600."""
    if target.is_symlink():
        raise WriteRefused(f"{target} is a symbolic link; wsw will not write through it.")
    if target.exists() and not target.is_file():
        raise WriteRefused(f"{target} is not a regular file (a folder, device or pipe); choose "
                           "another path.")  # fmt: skip
    if target.exists() and not overwrite:
        raise WriteRefused(f"{target} already exists; use --force to replace it.")
    folder = target.parent
    try:
        ensure_private_dir(folder)
        data = content.encode("utf-8") if isinstance(content, str) else content
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write in {folder}: {exc.strerror}.") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, target)
        else:
            # link() fails if the target appeared since we looked: no silent overwrite.
            os.link(temp, target)
            temp.unlink()
    except FileExistsError:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise WriteRefused(f"{target} already exists; use --force to replace it.") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InputError(f"Cannot write {target}: {exc.strerror}.") from None
    _fsync_dir(folder)


STALE_SECONDS = 60


def clean_private_folders() -> None:
    """At start-up: remove what interrupted writes left in wsw's own folders."""
    from wsw.infra import paths

    for folder in (paths.data_dir() / "drafts", paths.cache_dir(), paths.notes_dir()):
        clean_temp_files(folder)


def clean_temp_files(folder: Path, older_than: float = STALE_SECONDS) -> int:
    """Remove temporary files left by a write that was killed part-way.

    Only files older than a minute go, so a write in progress in another wsw is left alone.
    """
    import time

    removed = 0
    try:
        candidates = list(folder.glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return 0
    now = time.time()
    for path in candidates:
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
