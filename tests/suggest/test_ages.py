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
        # the forms practitioners write
        ("Boy is 6. School say", ["6-10"]),
        ("the 10 wk old's feeds", ["under-1"]),
        ("6yo with bruising", ["6-10"]),
        ("Children are 2/12 and 3", ["under-1"]),
        ("HV visit, Kai 7/52", ["under-1"]),
        ("18mo with a spiral fracture", ["1-5"]),
        ("Tyler (Y9) in twice", ["11-15"]),
        ("kids are 4 and 6", ["1-5", "6-10"]),
        ("2 CYP present (3 & 7)", ["1-5", "6-10"]),
        ("the 12 yo looks after them", ["11-15"]),
        # a name "is" an age in months or weeks: a baby, not a child of that many years
        ("Kiki is 5 months.", ["under-1"]),
        ("Baby is 7 weeks old", ["under-1"]),
        ("Leo is 10 wks and feeding well", ["under-1"]),
        ("Jay is 18 months", ["1-5"]),
        # a child, a comma and an age with no "old"; a person said to be an age
        ("Twins, 9 months, have missed their imms", ["under-1"]),
        ("Looked-after girl, 15, is pregnant", ["11-15", "under-1"]),
        ("the boy, 7, said", ["6-10"]),
        ("Unaccompanied young person says he's 16", ["16-17"]),
        ("she's 6 months and not rolling", ["under-1"]),
        ("the baby's father is 24 and says he is 24", ["under-1"]),
        ("for two years, 3 months of it in care", []),
        ("he's 5 minutes from school and she's 3 times over the limit", []),
        # numbers that are not ages
        ("Mother is 40 and lives 40 miles away; call at 10:40", []),
        ("Mum is 25 and works nights", []),
        ("seen on 14/12/2024 at 10:15", []),
        ("It is 6 miles away", []),
    ],
)
def test_ages_in_case_notes(text: str, bands: list[str]) -> None:
    assert infer_age_bands(text) == bands


def test_band_edges() -> None:
    assert [band_for_age(a) for a in (0, 1, 5, 6, 10, 11, 15, 16, 17, 18)] == [
        "under-1", "1-5", "1-5", "6-10", "6-10", "11-15", "11-15", "16-17", "16-17", None,
    ]  # fmt: skip
