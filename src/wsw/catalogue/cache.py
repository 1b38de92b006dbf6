"""A cache of the catalogue (the library and its suggestion index), keyed on the packs.

Reading and validating every pack takes most of a command's time; the result only changes
when a pack file changes. The key hashes every pack file's bytes (not their times), the
order and origin of the packs, the versions of wsw and of the pack schema, and the source of
the modules whose classes are pickled, so a changed, added or removed pack always misses, and
so does a cache written by other code (an edited checkout, another build of the same
version). A cache that cannot be read is ignored and rebuilt.
The cache lives in the user's own cache folder (0700), written like every other file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from pathlib import Path
from typing import BinaryIO

from wsw import __version__
from wsw.catalogue.model import Catalogue
from wsw.infra import paths

PREFIX = "library-"
SUFFIX = ".pickle"
# The modules that define what a cached library is made of (add any new one here), as paths
# inside the wsw package.
PICKLED = (
    "catalogue/model.py",
    "packs/library.py",
    "packs/marks.py",
    "packs/models.py",
    "suggest/engine.py",
    "text/triggers.py",
    "text/words.py",
)
_PACKAGE = Path(__file__).resolve().parent.parent


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def key_for(targets: list[tuple[Path, str]]) -> str | None:
    """The cache key for these pack paths, or None if any cannot be read (no caching then)."""
    from wsw.packs.models import SCHEMA_VERSION

    digest = hashlib.sha256(f"wsw {__version__} schema {SCHEMA_VERSION}\n".encode())
    try:
        for name in PICKLED:
            digest.update((_PACKAGE / name).read_bytes())
        for path, origin in targets:
            for file in _files(path):
                digest.update(f"{file.resolve()}\0{origin}\0".encode())
                digest.update(hashlib.sha256(file.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _path(key: str) -> Path:
    return paths.cache_dir() / f"{PREFIX}{key}{SUFFIX}"


class Untrusted(Exception):
    """The cache could have been written by someone else; the message says why."""


def _check_folder(folder: Path) -> None:
    """The cache folder must be this user's and theirs alone (git's safe.directory rule).

    A folder of ours that others can write to is made private again; one that is not ours,
    or is a symbolic link, is not used at all.
    """
    if _owner() is None:
        return  # Windows: no owners or mode bits to check; folders follow the user's ACLs
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise Untrusted(f"{folder} cannot be checked ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise Untrusted(f"{folder} is not a plain folder")
    if info.st_uid != _owner():
        raise Untrusted(f"{folder} belongs to another user")
    if info.st_mode & 0o022:
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            raise Untrusted(f"{folder} could be written by other users ({exc.strerror})") from None
        for leftover in folder.glob(f"{PREFIX}*{SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()  # anyone could have written these while it was open
        raise Untrusted(f"{folder} could be written by other users; it is now private again")


def _owner() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _open_trusted(path: Path) -> BinaryIO:
    """Open a cache file only if it is this user's own, writable by no one else.

    The checks are made on the open file, so it cannot be swapped between check and read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    info = os.fstat(fd)
    owner = _owner()
    if owner is not None and (info.st_uid != owner or info.st_mode & 0o022):
        os.close(fd)
        raise Untrusted(f"{path} was not written by you alone")
    return os.fdopen(fd, "rb")


def load(key: str) -> Catalogue | None:
    """The cached catalogue, or None: missing, damaged, from other code, or not trusted.

    Unpickling runs code named in the file, so only a file this user wrote, in a folder only
    they can write, is ever read. Raises Untrusted (after refusing) so the caller can say so.
    """
    path = _path(key)
    _check_folder(path.parent)
    try:
        with _open_trusted(path) as handle:
            catalogue = pickle.load(handle)
    except (FileNotFoundError, Untrusted) as exc:
        if isinstance(exc, Untrusted):
            raise
        return None
    except Exception:  # a damaged or incompatible cache is never fatal: rebuild it
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return catalogue if isinstance(catalogue, Catalogue) else None


def store(key: str, catalogue: Catalogue) -> None:
    """Save the catalogue. Marks pickle without their YAML trees: they only report problems."""
    from wsw.infra.storage import write_private

    try:
        data = pickle.dumps(catalogue, protocol=pickle.HIGHEST_PROTOCOL)
        write_private(_path(key), data, overwrite=True)
    except Exception:  # a full disk or read-only cache folder only costs speed
        return
    for old in paths.cache_dir().glob(f"{PREFIX}*{SUFFIX}"):
        if old != _path(key):
            with contextlib.suppress(OSError):
                old.unlink()
