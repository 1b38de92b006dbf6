"""Trigger syntax: compiling the phrases pack authors write, and matching them against tokens.

Trigger syntax:
- words are matched on their stems, so "bruise" matches "bruises", "bruised", "bruising";
- a word ending in `*` matches any word starting with it (`exploit*`);
- a word starting with `=` matches only that exact word, not its other forms (`=missing`);
- `...` between words allows up to three other words in between (`missed ... appointments`);
- a trigger starting with `~` is weak (counts half: a common word that only hints at the
  theme), and one ending in `!` is strong (counts double: a word that all but names it);
- `=` before a word in capitals keeps its case: `=SEND` matches "SEND", never the verb "send";
- `#` in a word stands for a number of one or two digits: `#/40` matches the gestation "32/40"
  (never "10:40" or "40 miles"), `#yo` matches "6yo";
- a trigger starting with `child:`, `carer:`, `worker:` or `professional:` applies only to what
  is said about that person ("worker: haven't slept" is not the mother who hasn't slept);
  a clause naming no one is taken to be about anyone.

A trigger matches within one clause, and a `...` gap never runs past the end of a sentence (or
a "but"), so "her. Mum" is not "her mum". A match inside a reassurance ("no DV concerns") does
not count, unless the trigger's own words are the reassurance.

It sits below the packs: validating a pack compiles its triggers, and the suggestion index
matches them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, NamedTuple

from wsw.text.words import TURNS, WORD, Token, fold_keeping_case, stem

MAX_GAP = 3


class Pattern(NamedTuple):
    """One compiled trigger: a sequence of word tests, with optional gaps between them.

    A named tuple, not a dataclass: a large library's suggestion index holds tens of thousands,
    and every command unpickles them; tuples load about twice as fast.
    """

    source: str
    words: tuple[str, ...]
    modes: tuple[str, ...]  # "stem", "prefix" or "exact", one per word
    gap_before: tuple[bool, ...]
    strength: float = 1.0
    whom: str | None = None  # "child", "carer", "worker" or "professional"

    @property
    def length(self) -> int:
        return len(self.words)


class TriggerSyntaxError(ValueError):
    pass


WHOM = ("child", "carer", "worker", "professional")
_WHOM = re.compile(rf"^({'|'.join(WHOM)}):\s*")
_NUMBER_WORD = re.compile(r"^[a-z0-9/]*#[a-z0-9/#]*$")


def read_trigger(trigger: str) -> Pattern:
    """Compile a trigger phrase; raises TriggerSyntaxError if nothing matchable is left.

    Not cached: the suggestion index compiles each distinct trigger once and keeps it.
    """
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
        parts = _word_tests(cased)
        if parts is None:  # "..."
            if not words:
                raise TriggerSyntaxError("a trigger cannot start with '...'")
            pending_gap = True
            continue
        for i, (word, mode) in enumerate(parts):
            words.append(word)
            modes.append(mode)
            gap.append(pending_gap and i == 0)
        pending_gap = False if parts else pending_gap
    if not words:
        raise TriggerSyntaxError("a trigger needs at least one word")
    if pending_gap:
        raise TriggerSyntaxError("a trigger cannot end with '...'")
    modes_, gaps = _shared(tuple(modes)), _shared(tuple(gap))
    return Pattern(trigger, tuple(words), modes_, gaps, strength, whom)


# Validation compiles the triggers whose syntax could be wrong, and conditions and lint
# compile those they test; patterns are immutable, so each is compiled once. Unbounded: a
# bounded cache smaller than the triggers in use compiled each of them twice.
compile_trigger = cache(read_trigger)


_SHAPES: dict[tuple[Any, ...], tuple[Any, ...]] = {}


def _shared(shape: tuple[Any, ...]) -> tuple[Any, ...]:
    """One object for equal tuples of modes or gaps: there are a few dozen, in hundreds of
    thousands of patterns (at 100,000 points, 30 MiB of copies)."""
    return _SHAPES.setdefault(shape, shape)


# Triggers are made of a few thousand distinct words, each written many times over a large
# library: each is read once (that made compiling several times quicker).
@lru_cache(maxsize=1 << 16)
def _word_tests(cased: str) -> tuple[tuple[str, str], ...] | None:
    """One written word's tests, as (word, mode): none for punctuation, None for a `...` gap.

    "self-harm" is two tests, both stems; `exploit*` is a prefix; `=SEND` keeps its case.
    """
    raw = cased.lower()
    if raw == "...":
        return None
    is_prefix = raw.endswith("*")
    is_exact = raw.startswith("=")
    if _NUMBER_WORD.match(raw.strip("*=")):
        return ((raw.strip("*="), "number"),)
    keep_case = is_exact and cased.strip("*=").isupper()
    parts = WORD.findall(raw.strip("*="))
    tests: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if keep_case:
            tests.append((part.replace("'", ""), "upper"))
        elif is_prefix and last:
            tests.append((part.replace("'", ""), "prefix"))
        elif is_exact:
            tests.append((part.replace("'", ""), "exact"))
        else:
            tests.append((stem(part), "stem"))
    return tuple(tests)


@lru_cache(maxsize=256)
def _number_pattern(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word).replace("\\#", r"\d{1,2}"))


def _word_matches(pattern: Pattern, i: int, token: Token) -> bool:
    mode = pattern.modes[i]
    if mode == "stem":
        return token.stem == pattern.words[i]
    if mode == "number":
        return _number_pattern(pattern.words[i]).fullmatch(token.word) is not None
    bare = token.word.replace("'", "")
    if mode == "prefix":
        return bare.startswith(pattern.words[i])
    return bare == pattern.words[i] and (mode == "exact" or token.upper)


def match_at(pattern: Pattern, tokens: list[Token], start: int) -> int | None:
    """If `pattern` matches beginning at token `start`, the index just past the match.

    Not inside a reassurance ("no DV concerns"), nor in a clause about someone other than
    the trigger's person.
    """
    first = tokens[start]
    if not _word_matches(pattern, 0, first) or first.negated:
        return None
    if pattern.whom and first.who and first.who != pattern.whom:
        return None
    return _match_rest(pattern, tokens, 1, start + 1)


def _match_rest(pattern: Pattern, tokens: list[Token], i: int, pos: int) -> int | None:
    if i == pattern.length:
        return pos
    gapped = pattern.gap_before[i]
    reach = MAX_GAP + 1 if gapped else 1
    previous = tokens[pos - 1]
    for offset in range(reach):
        j = pos + offset
        if j >= len(tokens):
            return None
        token = tokens[j]
        if _crosses(previous, token, gapped) and not _own_turn(pattern, i, token, offset):
            return None
        if _word_matches(pattern, i, token):
            end = _match_rest(pattern, tokens, i + 1, j + 1)
            if end is not None:
                return end
    return None


def _crosses(previous: Token, token: Token, gapped: bool) -> bool:
    """Whether `token` lies past the end of `previous`'s sentence (or clause, unless gapped)."""
    return token.sentence != previous.sentence or (not gapped and token.clause != previous.clause)


def _own_turn(pattern: Pattern, i: int, token: Token, offset: int) -> bool:
    """A turning word ("yet", "but") that the trigger itself spells, right where it stands.

    Such a word starts a new sentence for matching, so without this a trigger such as
    "not yet seen" could never match its own words.
    """
    return offset == 0 and token.word in TURNS and _word_matches(pattern, i, token)
