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
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from wsw.errors import InputError, Refusal

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_PREFIX = ".wsw-tmp-"


class WriteRefused(Refusal):
    """The target exists (and overwriting was not asked for) or is a symbolic link."""


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) as needed; folders wsw creates are 0700.

    Each new folder is fsynced into its parent, so after a power cut the folder (and the
    file about to be written in it) is still there.
    """
    missing = []
    current = folder
    while not current.exists():
        if current.is_symlink():  # a dangling link: mkdir would follow it
            raise WriteRefused(f"{current} is a symbolic link; wsw will not write through it.")
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=DIR_MODE)
        os.chmod(path, DIR_MODE)
        fsync_dir(path.parent)


def refuse_linked_folder(folder: Path) -> None:
    """One of wsw's own folders must not be a symbolic link: it could lead anywhere (a
    folder in /tmp that others can read), as a symlinked target could."""
    if folder.is_symlink():
        raise WriteRefused(
            f"{folder} is a symbolic link; wsw keeps answers only in a real folder. "
            "Replace the link with a folder (or set WSW_HOME to one)."
        )


Filler = Callable[[BinaryIO], None]


def write_private(target: Path, content: str | bytes | Filler, *, overwrite: bool = False) -> None:
    """Write `content` to `target` atomically with mode 0600.

    `content` may be a function that writes to the open (seekable) file: what is too large
    to hold in memory twice (the library cache) is written as it is made.
    """
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
        clean_temp_files(folder)  # what a killed write left beside this target
        data = content.encode("utf-8") if isinstance(content, str) else content
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write in {folder}: {exc.strerror}.") from None
    temp = Path(temp_name)
    try:
        _write_and_place(fd, temp, target, data, overwrite)
    except BaseException:  # Ctrl-C, SIGTERM, SIGHUP included: no copy of the text left behind
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(folder)


def _write_and_place(
    fd: int, temp: Path, target: Path, data: bytes | Filler, overwrite: bool
) -> None:
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            if callable(data):
                data(handle)
            else:
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
        raise WriteRefused(f"{target} already exists; use --force to replace it.") from None
    except OSError as exc:
        raise InputError(f"Cannot write {target}: {exc.strerror}.") from None


STALE_SECONDS = 60
EDIT_PREFIX = "wsw-edit-"  # `:edit`'s files: wsw-edit-PID-XXXX.txt, in the drafts folder


def editor_file_prefix() -> str:
    """The start of this process's editor files' names: the pid says when one is stale."""
    return f"{EDIT_PREFIX}{os.getpid()}-"


def clean_private_folders() -> None:
    """At start-up: remove what interrupted writes left in wsw's own folders."""
    from wsw.infra import paths

    drafts = paths.data_dir() / "drafts"
    for folder in (drafts, paths.cache_dir(), paths.notes_dir()):
        clean_temp_files(folder)
    clean_editor_files(drafts)


def clean_editor_files(folder: Path) -> int:
    """Remove `:edit` files whose wsw has ended (killed while the editor was open).

    A file whose name carries no pid (an older wsw's) goes once it is a minute old.
    """
    import time

    from wsw.infra.process import alive

    removed = 0
    try:
        candidates = list(folder.glob(f"{EDIT_PREFIX}*.txt"))
    except OSError:
        return 0
    for path in candidates:
        pid_text = path.name[len(EDIT_PREFIX) :].split("-", 1)[0]
        try:
            if pid_text.isdigit() and len(pid_text) < 10:
                stale = not alive(int(pid_text))
            else:
                stale = time.time() - path.lstat().st_mtime > STALE_SECONDS
            if stale and not path.is_symlink() and path.is_file():
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


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


def fsync_dir(folder: Path) -> None:
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
