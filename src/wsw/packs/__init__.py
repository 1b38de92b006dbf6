"""Content packs: the pack records, loading with file/line errors, and the layered library.

Nothing is imported here at run time: a cached catalogue is unpickled through
`wsw.packs.library` alone, and start-up should not pay for the YAML loader it does not use.
Import from the modules themselves; the names below are for readers and type checkers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wsw.packs.layers import build_library, pack_targets
    from wsw.packs.library import Library, LoadedPack, PointRef
    from wsw.packs.models import AGE_BANDS, SCHEMA_VERSION, AgeBand, Pack

__all__ = [
    "AGE_BANDS",
    "SCHEMA_VERSION",
    "AgeBand",
    "Library",
    "LoadedPack",
    "Pack",
    "PointRef",
    "build_library",
    "pack_targets",
]
