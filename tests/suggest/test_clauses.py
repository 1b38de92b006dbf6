"""Negation scope and whom a clause is about, as read from practitioners' text."""

from __future__ import annotations

import pytest

from wsw.suggest.clauses import read_clauses
from wsw.text.words import tokenize


def negated_words(text: str) -> list[str]:
    return [t.word for t in read_clauses(tokenize(text)) if t.negated]


@pytest.mark.parametrize(
    "text,negated",
    [
        ("No DV concerns this time, but mum is drinking", ["dv", "concerns", "this", "time"]),
        ("no concerns about drinking.", ["concerns", "about", "drinking"]),
        ("There is no evidence of drug use", ["evidence", "of", "drug", "use"]),
        ("NAI ruled out by the paediatrician", ["nai"]),
        ("Drinking is not a concern", ["drinking", "is"]),
    ],
)
def test_reassurances_negate_what_they_are_about(text: str, negated: list[str]) -> None:
    assert negated_words(text) == negated


@pytest.mark.parametrize(
    "text",
    [
        "There was no food in the fridge",  # plain "no" states the concern
        "I haven't had supervision since August",
        "Not seen by anyone since March",
        "Father denies it and says she is inventing things",  # a denial is not a reassurance
    ],
)
def test_an_absence_that_is_the_concern_is_not_negated(text: str) -> None:
    assert negated_words(text) == []


@pytest.mark.parametrize(
    "text,word,who",
    [
        ("I was shaken after the visit", "shaken", "worker"),
        ("Mum hasn't slept for weeks", "slept", "carer"),
        ("Dad rang me in tears, said he cant cope", "cope", "carer"),
        ("The boy won't speak at school", "speak", "child"),
        ("Police attended at 2am", "attended", "professional"),
        ("M says F goes through her phone", "phone", "carer"),
        ("Was very flat today", "flat", None),
        # a clause opening with "he" or "she" is never about the writer
        ("Mum rang, she hasn't slept", "slept", "carer"),
        ("I rang, she said it was fine", "fine", None),
    ],
)
def test_a_clause_is_about_the_first_person_it_names(text: str, word: str, who: str | None) -> None:
    tokens = {t.word: t for t in read_clauses(tokenize(text))}
    assert tokens[word].who == who
