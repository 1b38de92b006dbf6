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
    installed: bool = True,
    user: bool = True,
    env: bool = True,
    notices: list[str] | None = None,
) -> Catalogue:
    """Every pack wsw should see, checked and indexed. Raises PackError listing all problems.

    `notices` collects what the person should know (a cache folder that was not safe).
    """
    targets, problems = pack_targets(
        extra_dirs, builtin=builtin, installed=installed, user=user, env=env
    )
    if problems:
        return Catalogue.build(build_library(targets, problems))
    from wsw.catalogue import cache

    stats = cache.stat_key_for(targets)
    key: str | None = None
    recorded, trusted = False, True
    try:
        key = cache.known_key(stats[0]) if stats else None
        recorded = key is not None
        key = key or cache.key_for(targets)
        with collector.paused():
            cached = cache.load(key) if key else None
    except cache.Untrusted as exc:
        trusted, cached = False, None
        if notices is not None:
            notices.append(f"The library cache was not used: {exc}.")
    if cached is None:
        cached = Catalogue.build(build_library(targets))
        if key and trusted:
            cache.store(key, cached)
    if key and trusted and stats and not recorded:
        cache.remember(*stats, key)
    return cached
