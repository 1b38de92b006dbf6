"""Compiling triggers: the quick compiler (each word's tests read once) gives what reading
every word afresh gives, on the built-in triggers and on generated ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wsw.packs.library import Library
from wsw.text.triggers import (
    _NUMBER_WORD,
    _WHOM,
    Pattern,
    TriggerSyntaxError,
    compile_trigger,
)
from wsw.text.words import WORD, fold_keeping_case, stem


def _reference(trigger: str) -> Pattern:
    """Word by word, as compile_trigger was written before it cached each word's tests."""
    words: list[str] = []
    modes: list[str] = []
    gap: list[bool] = []
    pending_gap = False
    body = trigger.strip()
    strength = 1.0
    whom = None
    if body.startswith("~"):
        body, strength = body[1:].lstrip(), 0.5
    elif body.endswith("!"):
        body, strength = body[:-1], 2.0
    if m := _WHOM.match(body):
        whom, body = m.group(1), body[m.end() :]
    for cased in fold_keeping_case(body).replace("\u2026", " ... ").split():
        raw = cased.lower()
        if raw == "...":
            if not words:
                raise TriggerSyntaxError("a trigger cannot start with '...'")
            pending_gap = True
            continue
        is_prefix = raw.endswith("*")
        is_exact = raw.startswith("=")
        if _NUMBER_WORD.match(raw.strip("*=")):
            words.append(raw.strip("*="))
            modes.append("number")
            gap.append(pending_gap)
            pending_gap = False
            continue
        keep_case = is_exact and cased.strip("*=").isupper()
        parts = WORD.findall(raw.strip("*="))
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if keep_case:
                words.append(part.replace("'", ""))
                modes.append("upper")
            elif is_prefix and last:
                words.append(part.replace("'", ""))
                modes.append("prefix")
            elif is_exact:
                words.append(part.replace("'", ""))
                modes.append("exact")
            else:
                words.append(stem(part))
                modes.append("stem")
            gap.append(pending_gap and i == 0)
        pending_gap = False if parts else pending_gap
    if not words:
        raise TriggerSyntaxError("a trigger needs at least one word")
    if pending_gap:
        raise TriggerSyntaxError("a trigger cannot end with '...'")
    return Pattern(trigger, tuple(words), tuple(modes), tuple(gap), strength, whom)


def _outcome(compile: object, trigger: str) -> Pattern | str:
    assert callable(compile)
    try:
        result = compile(trigger)
    except TriggerSyntaxError as exc:
        return f"error: {exc}"
    assert isinstance(result, Pattern)
    return result


_PIECES = st.sampled_from(
    [
        *("mum", "Mum's", "new", "partner", "bruising", "self-harm", "exploit*", "=missing"),
        *("=SEND", "SEND", "#/40", "#yo", "2/12", "...", "\u2026", "~", "!", "child:", "carer: "),
        *("worker:", "don't", "a", "42", "*", "=", "-", "caf\u00e9", "NAN", "x*y", "=#"),
    ]
)


@given(st.lists(_PIECES, max_size=6), st.sampled_from([" ", "", "  "]))
def test_compiling_matches_reading_every_word_afresh(pieces: list[str], sep: str) -> None:
    trigger = sep.join(pieces)
    assert _outcome(compile_trigger, trigger) == _outcome(_reference, trigger)


def test_built_in_triggers_compile_as_before(library: Library) -> None:
    triggers = {t for theme in library.themes.values() for t in theme.triggers}
    triggers |= {t for ref in library.points for t in ref.point.triggers}
    assert len(triggers) > 500
    for trigger in triggers:
        assert compile_trigger(trigger) == _reference(trigger)
