"""Packs installed as Python packages: the `wsw.packs` entry point group.

An organisation ships its packs as a package on its own index; `pip install` puts them in
place. The package declares, in its metadata,

    [project.entry-points."wsw.packs"]
    acme = "acme_packs:content"        # the folder `content` inside the package acme_packs

and wsw reads the packs in that folder (a folder of packs, or one pack folder). The entry point
is never loaded: its package is found on `sys.path` without being imported, so installing a
pack can never make wsw run its code.

Asking `importlib.metadata` costs more than the rest of a warm command (importing it alone
takes tens of milliseconds), so what it found is remembered in the cache folder beside the
times of the folders on `sys.path` (one memo per `sys.path`); installing or removing a
distribution changes its folder's time, and only then is it asked again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from pathlib import Path
from typing import NamedTuple

from wsw.errors import Problem
from wsw.infra import paths

GROUP = "wsw.packs"
MEMO_PREFIX = "installed-packs-"
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


class Installed(NamedTuple):
    """One entry point of the group: where its packs are, and what to call their origin."""

    folder: str
    origin: str


def installed_packs() -> tuple[list[Installed], list[Problem]]:
    """The pack folders installed packages declare, in a stable order, and any problems."""
    stamp = _path_stamp()
    found = _recalled(stamp)
    if found is not None:
        return found, []
    folders, problems = _discover()
    if not problems:
        _remember(stamp, folders)
    return folders, problems


def _path_stamp() -> list[list[str | int]]:
    """The folders on `sys.path` with their modification times (installs change them)."""
    stamp: list[list[str | int]] = []
    for entry in sys.path:
        if not entry:
            continue  # the current folder (python -m): it changes all the time
        with contextlib.suppress(OSError):
            stamp.append([entry, os.stat(entry).st_mtime_ns])
    return stamp


def _memo() -> Path:
    """One memo per `sys.path` (each install has its own), so two installs never take
    turns overwriting it."""
    import hashlib

    key = hashlib.sha256("\0".join(sys.path).encode()).hexdigest()[:12]
    return paths.cache_dir() / f"{MEMO_PREFIX}{key}.json"


def _yours_alone(path: Path) -> bool:
    """Written by this user, and writable by no one else (nor is its folder).

    The memo says which folders packs are read from: one planted by another local user would
    put their text in this user's notes.
    """
    if not hasattr(os, "getuid"):
        return True  # Windows: no owners or mode bits; folders follow the user's ACLs
    for each in (path, path.parent):
        info = os.lstat(each)
        if info.st_uid != os.getuid() or info.st_mode & 0o022 or os.path.islink(each):
            return False
    return True


def _recalled(stamp: list[list[str | int]]) -> list[Installed] | None:
    memo = _memo()
    try:
        if not _yours_alone(memo):
            return None
        recorded = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("stamp") != stamp:
        return None
    packs = recorded.get("packs")
    if not isinstance(packs, list):
        return None
    try:
        return [Installed(str(folder), str(origin)) for folder, origin in packs]
    except (TypeError, ValueError):
        return None


def _remember(stamp: list[list[str | int]], folders: list[Installed]) -> None:
    from wsw.infra.storage import write_private

    text = json.dumps({"stamp": stamp, "packs": [list(f) for f in folders]})
    with contextlib.suppress(Exception):  # only costs speed
        write_private(_memo(), text, overwrite=True)


def _discover() -> tuple[list[Installed], list[Problem]]:
    from importlib.metadata import entry_points

    folders: list[Installed] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for point in sorted(entry_points(group=GROUP), key=lambda p: (p.name, p.value)):
        dist = point.dist
        label = f"{dist.name} {dist.version}" if dist is not None else point.name
        where = f"entry point '{point.name}' of {label} ({GROUP})"
        try:
            folder = locate(point.value)
        except LookupError as exc:
            problems.append(Problem(where, None, None, "", str(exc)))
            continue
        if str(folder) not in seen:
            seen.add(str(folder))
            folders.append(Installed(str(folder), f"package {label}"))
    return folders, problems


def locate(value: str) -> Path:
    """The folder an entry point names (`package.sub:folder`), found without importing it.

    Raises LookupError saying what is wrong.
    """
    from importlib.util import find_spec

    module, _, folder = value.partition(":")
    parts = module.strip().split(".")
    if not all(part.isidentifier() for part in parts):
        raise LookupError(f"'{value}' should be a package, then ':' and a folder inside it")
    if folder and not all(_FOLDER_NAME.match(p) for p in folder.strip().split("/")):
        raise LookupError(f"'{folder}' is not a folder name inside the package")
    spec = find_spec(parts[0])  # a top-level name: found on sys.path, never imported
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"no installed package '{parts[0]}' (is it installed?)")
    root = Path(next(iter(spec.submodule_search_locations)))
    target = root.joinpath(*parts[1:], *(folder.strip().split("/") if folder else []))
    if not target.is_dir():
        raise LookupError(f"'{value}' names {target}, which is not a folder")
    return target
