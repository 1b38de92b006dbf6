"""Shell completion of the ids wsw commands take: packs, scenarios, drafts, stages, themes.

Each function gets what has been typed so far and returns the ids that start with it. They
run when the shell asks (the `_WSW_COMPLETE` protocol), never otherwise, and must never fail
or print: a broken pack or a missing folder just means nothing to offer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wsw.packs.library import Library


def _starting(ids: Iterable[str], incomplete: str) -> list[str]:
    return sorted({i for i in ids if i.startswith(incomplete)})


def _from_library(ids_of: Callable[[Library], Iterable[str]]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from wsw.catalogue.load import load_catalogue

        with contextlib.suppress(Exception):  # never a traceback in someone's shell
            return _starting(ids_of(load_catalogue().library), incomplete)
        return []

    return complete


pack_ids = _from_library(lambda library: (p.pack.id for p in library.packs))
scenario_ids = _from_library(lambda library: (s.id for s in library.scenarios))
theme_ids = _from_library(lambda library: library.themes)
stage_ids = _from_library(
    lambda library: (stage.id for walk in library.walks.values() for stage in walk.stages)
)


def draft_ids(incomplete: str) -> list[str]:
    """Draft ids from the file names alone (nothing is read, moved or cleaned)."""
    from wsw.reflection.drafts import DRAFT_SUFFIX, drafts_dir

    with contextlib.suppress(OSError):
        names = (p.name[: -len(DRAFT_SUFFIX)] for p in drafts_dir().glob(f"*{DRAFT_SUFFIX}"))
        return _starting(names, incomplete)
    return []
