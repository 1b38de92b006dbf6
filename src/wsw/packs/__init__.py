"""Content packs: the pack records, loading with file/line errors, and the layered library.

Nothing is imported here eagerly: a cached library is unpickled through `wsw.packs.library`
alone, and start-up should not pay for the YAML loader it does not use.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "Library": "wsw.packs.library",
    "PointRef": "wsw.packs.library",
    "load_library": "wsw.packs.layers",
    "build_library": "wsw.packs.layers",
    "SCHEMA_VERSION": "wsw.packs.models",
    "AGE_BANDS": "wsw.packs.models",
    "AgeBand": "wsw.packs.models",
    "Pack": "wsw.packs.models",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)


__all__ = list(_EXPORTS)
