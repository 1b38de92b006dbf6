"""Running a pack's examples through the suggestion engine (`wsw packs test`).

An example is fictional information and the themes and points it should bring up. It is run
as `wsw suggest` runs (the same limit, the same age bands), and a theme counts as brought up
when it is among the themes the walk would tick, so what passes here is what a practitioner
would see.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsw.catalogue.model import Catalogue
from wsw.packs.models import Example
from wsw.suggest.engine import Suggestion, distinct_themes

# As `wsw suggest` shows by default, and as many themes as the walk ticks.
POINTS_SHOWN = 10
THEMES_TICKED = 6


@dataclass(frozen=True)
class Outcome:
    """One example's result: what it should have brought up and did not, and what came up."""

    pack: str
    example: Example
    missed_themes: list[str]
    missed_points: list[str]
    came_up: list[Suggestion]

    @property
    def passed(self) -> bool:
        return not self.missed_themes and not self.missed_points

    @property
    def themes_up(self) -> list[str]:
        return distinct_themes(self.came_up)[:THEMES_TICKED]


def run_example(catalogue: Catalogue, pack: str, example: Example) -> Outcome:
    results = catalogue.suggester.suggest(
        example.information, age_bands=example.age_bands, limit=POINTS_SHOWN
    )
    themes = set(distinct_themes(results)[:THEMES_TICKED])
    points = {s.id for s in results}
    return Outcome(
        pack,
        example,
        [t for t in example.themes if t not in themes],
        [p for p in example.points if p not in points],
        results,
    )


def run_examples(catalogue: Catalogue, packs: list[str] | None = None) -> list[Outcome]:
    """Every example in the catalogue's packs (or only in `packs`), in pack order."""
    return [
        run_example(catalogue, pack, example)
        for pack, example in catalogue.library.examples
        if packs is None or pack in packs
    ]
