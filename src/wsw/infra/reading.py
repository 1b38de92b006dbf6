"""Reading what people give wsw, within limits: regular files only, and not too big.

A pipe would hang the read and a device (/dev/zero) never ends, so only regular files are
read (opened without blocking, then checked); standard input and files are cut off at a
size no real answers file, draft or pack comes near, with a message instead of filling the
memory.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from wsw.errors import InputError

MAX_BYTES = 32 * 1024 * 1024  # 32 MiB: a long reflection is tens of kilobytes


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`; InputError for anything else or too much."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}).") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise InputError(f"{path}: not a regular file (a folder, device or pipe).")
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror}).") from None
    if len(data) > limit:
        raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MiB; wsw reads no more.")
    return data


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """UTF-8 text of a regular file, or `-` for standard input, within `limit` bytes."""
    if str(path) == "-":
        return read_stdin(limit)
    try:
        return read_bytes(path, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot read (not UTF-8 text).") from None


def read_stdin(limit: int = MAX_BYTES) -> str:
    try:
        text = sys.stdin.read(limit + 1)
    except (OSError, UnicodeDecodeError):
        raise InputError("Standard input cannot be read (not UTF-8 text).") from None
    if len(text) > limit:
        raise InputError(f"Standard input is larger than {limit // (1024 * 1024)} MiB; "
                         "wsw reads no more.")  # fmt: skip
    return text
