"""Normalising practitioners' text and matching pack triggers against it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsw.text.triggers import TriggerSyntaxError, compile_trigger, match_at
from wsw.text.words import fold, stem, stems, tokenize


@pytest.mark.parametrize(
    "forms",
    [
        ["bruise", "bruises", "bruised", "bruising"],
        ["move", "moved", "moving", "moves"],
        ["use", "used", "using", "uses"],
        ["drink", "drinks", "drinking"],
        ["hit", "hits", "hitting"],
        ["baby", "babies"],
        ["care", "cared", "caring"],
        ["need", "needs", "needed"],
        ["allegation", "allegations"],
        ["Mum's", "mums", "mum"],
    ],
)
def test_inflected_forms_share_a_stem(forms: list[str]) -> None:
    assert len({stem(fold(w)) for w in forms}) == 1


@pytest.mark.parametrize(
    "a,b", [("note", "not"), ("noted", "not"), ("things", "th"), ("us", "use")]
)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def matches(trigger: str, text: str) -> bool:
    pattern = compile_trigger(trigger)
    tokens = tokenize(text)
    return any(match_at(pattern, tokens, i) is not None for i in range(len(tokens)))


@pytest.mark.parametrize(
    "trigger,text",
    [
        ("using again", "Mum is Using again, says dad"),
        ("the fella she's seeing", "worried about the fella she’s seeing"),
        ("off-rolled", "He was off rolled in year 10"),
        ("scared to go home", "she said she was scared to go home"),
        ("missed ... appointments", "missed her last two appointments"),
        ("exploit*", "at risk of exploitation"),
        ("bruise", "bruising to the cheek"),
        ("café", "met at the cafe"),
    ],
)
def test_triggers_match_practitioners_phrasing(trigger: str, text: str) -> None:
    assert matches(trigger, text)


@pytest.mark.parametrize(
    "trigger,text",
    [
        ("missed ... appointments", "missed the bus and then, much later, all the appointments"),
        ("=missing", "she missed school"),
        ("new partner", "partner is new"),
    ],
)
def test_triggers_do_not_overreach(trigger: str, text: str) -> None:
    assert not matches(trigger, text)


@pytest.mark.parametrize("bad", ["", "   ", "...", "... lunch", "lunch ...", "*"])
def test_bad_triggers_are_rejected(bad: str) -> None:
    with pytest.raises(TriggerSyntaxError):
        compile_trigger(bad)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè'’", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=6))
def test_a_phrase_always_matches_itself(parts: list[str]) -> None:
    phrase = " ".join(parts)
    try:
        pattern = compile_trigger(phrase)
    except TriggerSyntaxError:
        return  # nothing matchable (e.g. only apostrophes)
    tokens = tokenize(phrase)
    assert match_at(pattern, tokens, 0) is not None


@given(st.text(max_size=300))
def test_tokenize_never_fails_and_offsets_point_into_the_folded_text(text: str) -> None:
    folded = fold(text)
    for token in tokenize(text):
        assert folded[token.start : token.end] == token.word


@given(st.text(max_size=200))
def test_stems_are_the_stems_of_the_tokens(text: str) -> None:
    assert stems(text) == [t.stem for t in tokenize(text)]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_folding_ascii_quickly_changes_nothing(text: str) -> None:
    """The ASCII shortcut in `fold` must give what the full Unicode route gives."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.replace("`", "'"))
    slow = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    assert fold(text) == slow
