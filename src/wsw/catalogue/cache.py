"""A cache of the catalogue (the library and its suggestion index), keyed on the packs.

Reading and validating every pack takes most of a command's time; the result only changes
when a pack file changes. The key hashes every pack file's bytes (not their times), the
order and origin of the packs, the versions of wsw and of the pack schema, and the source of
the modules whose classes are pickled, so a changed, added or removed pack always misses, and
so does a cache written by other code (an edited checkout, another build of the same
version). A cache that cannot be read is ignored and rebuilt.

Each install (an editable checkout, a pipx install) keeps its own cache, named after where its
code lives, so two installs on one machine both stay warm; a cache no install has used for
`MAX_AGE_DAYS` is removed. Reading every pack to hash it is most of a warm command's work on
a large library, so each install also remembers the key beside the packs' sizes and times
(`stats-*.json`): while no pack file's size or time has changed, the key is taken from there
and nothing is hashed. (A file changed within a second of being recorded could keep its size
and time: such stats are not recorded, as git does with a "racily clean" index.)
The cache lives in the user's own cache folder (0700), written like every other file, in the
format of `wsw.infra.frozen`: it is mapped into memory and only the points and index entries a
command uses are unpickled (a warm command on 100,000 points reads a few MB of 130).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import stat
import time
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
    "infra/frozen.py",
    "packs/library.py",
    "packs/marks.py",
    "packs/models.py",
    "suggest/engine.py",
    "suggest/learned.py",
    "suggest/spelling.py",
    "text/triggers.py",
    "text/words.py",
)
_PACKAGE = Path(__file__).resolve().parent.parent
MAX_AGE_DAYS = 30
RACY_SECONDS = 2.0  # a file changed this recently may change again within its time's tick


def _install() -> str:
    """A short name for this install: where its code is (two installs, two caches)."""
    return hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:12]


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


def stat_key_for(targets: list[tuple[Path, str]]) -> tuple[str, float] | None:
    """A key from the sizes and times of the code and pack files (nothing is read), and the
    newest time among them; None if any cannot be looked at."""
    digest = hashlib.sha256(f"wsw {__version__}\n".encode())
    newest = 0.0
    try:
        files = [(_PACKAGE / name, "code") for name in PICKLED]
        files += [(file, origin) for path, origin in targets for file in _files(path)]
        for file, origin in files:
            info = os.stat(file)
            digest.update(
                f"{file}\0{origin}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0"
                f"{info.st_ctime_ns}\n".encode()
            )
            newest = max(newest, info.st_mtime)
    except OSError:
        return None
    return digest.hexdigest()[:32], newest


def _stats_path() -> Path:
    return paths.cache_dir() / f"stats-{_install()}.json"


def known_key(stat_key: str) -> str | None:
    """The content key recorded for these stats by this install, if they are unchanged.

    Raises Untrusted, as `load` does, when the cache folder or the file is not safe.
    """
    import json

    _check_folder(_stats_path().parent)
    try:
        with _open_trusted(_stats_path()) as handle:
            recorded = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("stats") != stat_key:
        return None
    key = recorded.get("key")
    return key if isinstance(key, str) and key.isalnum() else None


def remember(stat_key: str, newest: float, key: str) -> None:
    """Record the key beside the stats, unless a file changed too recently to trust them."""
    import json

    from wsw.infra.storage import write_private

    if time.time() - newest < RACY_SECONDS:
        return
    with contextlib.suppress(Exception):  # only costs speed
        text = json.dumps({"stats": stat_key, "key": key})
        write_private(_stats_path(), text, overwrite=True)


def _path(key: str) -> Path:
    return paths.cache_dir() / f"{PREFIX}{_install()}-{key}{SUFFIX}"


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
    from wsw.infra import frozen

    path = _path(key)
    _check_folder(path.parent)
    try:
        with _open_trusted(path) as handle:
            # Mapped, not read: the points and index entries a command never asks for stay
            # on the disk (the checks above were made on this same open file).
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        catalogue = frozen.loads(memoryview(mapped))
    except (FileNotFoundError, Untrusted) as exc:
        if isinstance(exc, Untrusted):
            raise
        return None
    except Exception:  # a damaged or incompatible cache is never fatal: rebuild it
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    if not isinstance(catalogue, Catalogue):
        return None
    _mark_used(path)
    return catalogue


def _mark_used(path: Path) -> None:
    """A cache in use is never pruned: its time is brought forward (once a day at most)."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)


def store(key: str, catalogue: Catalogue) -> None:
    """Save the catalogue. Marks pickle without their YAML trees: they only report problems."""
    from wsw.infra import frozen
    from wsw.infra.storage import write_private

    try:
        write_private(_path(key), lambda out: frozen.dump(catalogue, out), overwrite=True)
    except Exception:  # a full disk or read-only cache folder only costs speed
        return
    prune(keep=_path(key))


def prune(keep: Path) -> None:
    """Remove this install's other caches, and any install's that has gone unused too long.

    Another install's current cache is left alone: removing it would make that install
    (and then this one) start cold every time.
    """
    mine = f"{PREFIX}{_install()}-"
    too_old = time.time() - MAX_AGE_DAYS * 86400
    for old in paths.cache_dir().glob(f"{PREFIX}*{SUFFIX}"):
        if old == keep:
            continue
        with contextlib.suppress(OSError):
            if old.name.startswith(mine) or old.stat().st_mtime < too_old:
                old.unlink()
    for stats in [
        *paths.cache_dir().glob("stats-*.json"),
        *paths.cache_dir().glob("installed-*.json"),
    ]:
        with contextlib.suppress(OSError):
            if stats.stat().st_mtime < too_old:
                stats.unlink()
