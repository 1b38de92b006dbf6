"""Content packs: the pydantic models, loading with file/line errors, and the layered library."""

from wsw.packs.library import Library, PointRef, build_library, load_library
from wsw.packs.models import AGE_BANDS, SCHEMA_VERSION, AgeBand, Pack

__all__ = [
    "AGE_BANDS",
    "SCHEMA_VERSION",
    "AgeBand",
    "Library",
    "Pack",
    "PointRef",
    "build_library",
    "load_library",
]
