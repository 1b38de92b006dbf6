"""Loading the catalogue wsw should see: from the cache when no pack changed, else afresh."""

from __future__ import annotations

from pathlib import Path

from wsw.catalogue.model import Catalogue
from wsw.infra import collector
from wsw.packs.layers import build_library, pack_targets


def load_catalogue(
    extra_dirs: list[Path] | None = None,
    *,
    builtin: bool = True,
    user: bool = True,
    env: bool = True,
) -> Catalogue:
    """Every pack wsw should see, checked and indexed. Raises PackError listing all problems."""
    targets, problems = pack_targets(extra_dirs, builtin=builtin, user=user, env=env)
    if problems:
        return Catalogue.build(build_library(targets, problems))
    from wsw.catalogue import cache

    key = cache.key_for(targets)
    with collector.paused():
        cached = cache.load(key) if key else None
    if cached is not None:
        return cached
    catalogue = Catalogue.build(build_library(targets))
    if key:
        cache.store(key, catalogue)
    return catalogue
