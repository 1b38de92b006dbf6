"""The library: everything the loaded packs define, looked up by id.

It holds only data (no loading code), so a cached library can be unpickled without
importing the YAML loader. Pickled, its points are kept one by one and its packs apart (see
`wsw.infra.frozen`): a command reading a cached library of 100,000 points unpickles only the
points it uses, and the packs only if it asks for them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from wsw.infra.frozen import FrozenIndex, FrozenList, Shared
from wsw.packs.marks import Marks
from wsw.packs.models import (
    CaseStudy,
    Check,
    Content,
    DataTable,
    Example,
    Pack,
    Point,
    Resource,
    Scenario,
    Source,
    SourceRef,
    Theme,
    Walk,
)

PointKind = Literal["learning", "practice"]


@dataclass(frozen=True)
class Part:
    """One file of a pack, with the marks needed to point at any field in it."""

    file: str
    marks: Marks
    content: Content


@dataclass
class LoadedPack:
    """A pack that validated on its own, with where each of its parts came from."""

    pack: Pack
    path: Path
    parts: list[Part] = field(default_factory=list)
    origin: str = "built-in"

    @property
    def file(self) -> str:
        return self.parts[0].file


@dataclass(frozen=True, slots=True)
class PointRef:
    """A point with what kind it is and which pack holds it."""

    kind: PointKind
    point: Point
    pack: str


class Library:
    """Everything the loaded packs define, looked up by id."""

    def __init__(self, packs: list[LoadedPack]) -> None:
        self._packs: list[LoadedPack] | Shared[list[LoadedPack]] = packs
        self.themes: dict[str, Theme] = {}
        self.sources: dict[str, Source] = {}
        points: list[PointRef] = []
        self.escalation_questions: list[Check] = []
        self.checks: list[Check] = []
        self.resources: dict[str, Resource] = {}
        self.case_studies: list[CaseStudy] = []
        self.tables: dict[str, DataTable] = {}
        self.walks: dict[str, Walk] = {}
        self.scenarios: list[Scenario] = []
        self.examples: list[tuple[str, Example]] = []  # (pack id, example)
        for loaded in packs:
            pack = loaded.pack
            self.themes.update((t.id, t) for t in pack.themes)
            self.sources.update((s.id, s) for s in pack.sources)
            points.extend(PointRef("learning", p, pack.id) for p in pack.learning_points)
            points.extend(PointRef("practice", p, pack.id) for p in pack.practice_points)
            self.escalation_questions.extend(pack.escalation_questions)
            self.checks.extend(pack.checks)
            self.resources.update((r.id, r) for r in pack.resources)
            self.case_studies.extend(pack.case_studies)
            self.tables.update((t.id, t) for t in pack.tables)
            self.walks.update((w.id, w) for w in pack.walks)
            self.scenarios.extend(pack.scenarios)
            self.examples.extend((pack.id, e) for e in pack.examples)
        self.points: Sequence[PointRef] = points
        self.point_by_id: Mapping[str, PointRef] = {ref.point.id: ref for ref in points}

    @property
    def packs(self) -> list[LoadedPack]:
        if isinstance(self._packs, Shared):
            self._packs = self._packs.get()
        return self._packs

    def __getstate__(self) -> dict[str, Any]:
        state = dict(vars(self))
        points = self.points if isinstance(self.points, FrozenList) else FrozenList(self.points)
        state["points"] = points
        ids = self.point_by_id
        keys = ids.keys_in_order() if isinstance(ids, FrozenIndex) else list(ids)
        state["point_by_id"] = FrozenIndex(keys, points)
        packs = self._packs
        state["_packs"] = packs if isinstance(packs, Shared) else Shared(packs, points, _point_of)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)

    def pack(self, pack_id: str) -> LoadedPack | None:
        return next((p for p in self.packs if p.pack.id == pack_id), None)

    def cite_point(self, point: Point) -> str:
        """A point's citation, with the date of the policy it states where it gives one."""
        as_of = f" (as at {point.as_of})" if point.as_of else ""
        return self.cite(point.source) + as_of

    def cite(self, ref: SourceRef) -> str:
        """A short human citation: document, year, section and page."""
        source = self.sources.get(ref.document)
        if source is None:
            doc = ref.document
        else:
            doc = f"{source.short_title or source.title} ({source.publisher}, {source.year})"
        page = f", p. {ref.page}" if ref.page else ""
        return f"{doc}: {ref.section}{page}"


def _point_of(ref: PointRef) -> Point:
    """What a pack holds of a point reference (see `Library.__getstate__`)."""
    return ref.point
