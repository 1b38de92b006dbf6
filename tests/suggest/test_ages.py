"""Reading children's ages from case information."""

from __future__ import annotations

import pytest

from wsw.suggest.ages import band_for_age, infer_age_bands


@pytest.mark.parametrize(
    "text,bands",
    [
        ("a bruise on the cheek of a four month old baby", ["under-1"]),
        ("baby Lola (6 wks) was found", ["under-1"]),
        ("Noah (4 months) brought to A&E", ["under-1"]),
        ("The school called: Jayden (7) has arrived hungry", ["6-10"]),
        ("Josh (8, autistic, non-verbal)", ["6-10"]),
        ("A 15 year old has been reported missing", ["11-15"]),
        ("her 17-year-old brother", ["16-17"]),
        ("mum is 32 weeks pregnant", ["under-1"]),
        ("a 3 year old and a 14-year-old", ["1-5", "11-15"]),
        ("the third injury in eight months", []),
        ("she is 25 years old", []),
    ],
)
def test_ages_in_case_notes(text: str, bands: list[str]) -> None:
    assert infer_age_bands(text) == bands


def test_band_edges() -> None:
    assert [band_for_age(a) for a in (0, 1, 5, 6, 10, 11, 15, 16, 17, 18)] == [
        "under-1", "1-5", "1-5", "6-10", "6-10", "11-15", "11-15", "16-17", "16-17", None,
    ]  # fmt: skip
