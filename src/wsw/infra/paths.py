"""Where wsw keeps things on this computer.

platformdirs gives each platform's conventional folders; `WSW_HOME` moves everything under one
folder (for tests, and for users who keep their work on an encrypted drive).
"""

from __future__ import annotations

import os
from pathlib import Path


def _home() -> Path | None:
    value = os.environ.get("WSW_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir("wsw", appauthor=False))


def cache_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("wsw", appauthor=False))


def notes_dir() -> Path:
    """Where notes go when no `-o` is given: the documents folder, under `wsw-notes/`."""
    home = _home()
    if home is not None:
        return home / "notes"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "wsw-notes"


def user_packs_dir() -> Path:
    return data_dir() / "packs"


def builtin_packs_dir() -> Path:
    """The packs shipped with wsw: inside the installed package, or `content/` in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the wsw package
    installed = here / "content"
    if installed.is_dir():
        return installed
    return here.parent.parent / "content"


def env_pack_dirs() -> list[Path]:
    value = os.environ.get("WSW_PACKS", "")
    return [Path(p).expanduser() for p in value.split(os.pathsep) if p.strip()]
