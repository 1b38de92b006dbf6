"""A catalogue: the loaded library and the suggestion index built over it, kept together.

The library is pure pack data and knows nothing of suggestion; the index is built from it.
Bundling them here (above both) is what lets one cache hold both without either package
depending on the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsw.packs.library import Library
from wsw.suggest.engine import Suggester


@dataclass(frozen=True)
class Catalogue:
    library: Library
    suggester: Suggester

    @classmethod
    def build(cls, library: Library) -> Catalogue:
        """Index a library (the collector paused: the index is long-lived)."""
        from wsw.infra import collector

        with collector.paused():
            return cls(library, Suggester(library))
