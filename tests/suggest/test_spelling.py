"""One-edit typo tolerance against the library's own vocabulary."""

from __future__ import annotations

import pytest

from helpers import builtin
from wsw.suggest.spelling import Spelling, edit_kind
from wsw.text.words import stem, tokenize


@pytest.mark.parametrize(
    "typed,word,kind",
    [
        ("brusing", "bruising", 0),  # a letter left out
        ("recieve", "receive", 1),  # two swapped
        ("bruzing", "bruising", None),  # two edits
        ("bruksing", "bruising", 2),  # one changed
        ("bruisinng", "bruising", 3),  # one added
        ("bruising", "bruising", None),  # the same word is no edit
    ],
)
def test_edit_kinds(typed: str, word: str, kind: int | None) -> None:
    assert edit_kind(typed, word) == kind


def small() -> Spelling:
    targets = ["bruising", "exploitation", "supervision", "supervisor", "domestic", "drinking"]
    known = {stem(w) for w in [*targets, "sorted", "tired"]}
    return Spelling(targets, known, prefixes=["exploit"])


@pytest.mark.parametrize(
    "typed,fixed",
    [
        ("brusing", "bruising"),
        ("domestc", "domestic"),
        ("supervison", "supervision"),  # left out beats changed ("supervisor")
        ("exploted", "exploited"),  # through the prefix trigger exploit*
        ("sorted", None),  # a word the library knows is never a typo
        ("drinks", None),  # nor is another form of one
        ("bru", None),  # too short to tell
        ("zebra", None),  # nothing one edit away
    ],
)
def test_corrections(typed: str, fixed: str | None) -> None:
    assert small().correct(typed) == fixed


def test_a_capitalised_word_inside_a_sentence_is_a_name() -> None:
    spelling = small()
    tokens = spelling.fix(tokenize("Seen by Brusing today. Brusing on her arm"))
    assert [t.word for t in tokens] == [
        "seen",
        "by",
        "brusing",
        "today",
        "bruising",
        "on",
        "her",
        "arm",
    ]


@pytest.mark.parametrize(
    "text,theme",
    [
        ("Unexplaned brusing on a toddlers arms noticed at nursery", "physical-abuse"),
        ("worried he is being criminaly exploted, police think its county lnes",
         "adolescents-exploitation"),
        ("No supervison for 3 months and my casload is over 30", "supervision"),
    ],
)  # fmt: skip
def test_typed_in_a_hurry_still_finds_its_learning(text: str, theme: str) -> None:
    results = builtin().suggester.suggest(text, limit=20)
    assert theme in [s.theme for s in results][:6]
    # the reasons show what was written, not the correction
    assert any(word in m for s in results for m in s.matched for word in text.lower().split())


def test_a_long_text_looks_each_word_up_once_and_fixes_it_everywhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A pasted case history repeats its words thousands of times; correcting each occurrence
    # afresh made a 2.9 MB answer take a third longer to render.
    spelling = small()
    looked_up: list[str] = []
    original = spelling.correct

    def counting(word: str) -> str | None:
        looked_up.append(word)
        return original(word)

    monkeypatch.setattr(spelling, "correct", counting)
    fixed = spelling.fix(tokenize("brusing on arm. " * 500))
    assert [t.word for t in fixed].count("bruising") == 500
    assert sorted(looked_up) == ["arm", "brusing", "on"]
