"""Trigger syntax: compiling the phrases pack authors write, and matching them against tokens.

Trigger syntax:
- words are matched on their stems, so "bruise" matches "bruises", "bruised", "bruising";
- a word ending in `*` matches any word starting with it (`exploit*`);
- a word starting with `=` matches only that exact word, not its other forms (`=missing`);
- `...` between words allows up to three other words in between (`missed ... appointments`);
- a trigger starting with `~` is weak (counts half: a common word that only hints at the
  theme), and one ending in `!` is strong (counts double: a word that all but names it).

It sits below the packs: validating a pack compiles its triggers, and the suggestion index
matches them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from wsw.text.words import WORD, Token, fold, stem

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

    @property
    def length(self) -> int:
        return len(self.words)


class TriggerSyntaxError(ValueError):
    pass


# Validation compiles every trigger to check it, and the suggestion index needs them all again:
# patterns are immutable, so both (and any trigger used twice) share one.
@lru_cache(maxsize=1 << 17)
def compile_trigger(trigger: str) -> Pattern:
    """Compile a trigger phrase; raises TriggerSyntaxError if nothing matchable is left."""
    words: list[str] = []
    modes: list[str] = []
    gap: list[bool] = []
    pending_gap = False
    body = trigger.strip()
    strength = 1.0
    if body.startswith("~"):
        body, strength = body[1:], 0.5
    elif body.endswith("!"):
        body, strength = body[:-1], 2.0
    for raw in fold(body).replace("\u2026", " ... ").split():
        if raw == "...":
            if not words:
                raise TriggerSyntaxError("a trigger cannot start with '...'")
            pending_gap = True
            continue
        is_prefix = raw.endswith("*")
        is_exact = raw.startswith("=")
        parts = WORD.findall(raw.strip("*="))
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if is_prefix and last:
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
    return Pattern(trigger, tuple(words), tuple(modes), tuple(gap), strength)


def _word_matches(pattern: Pattern, i: int, token: Token) -> bool:
    mode = pattern.modes[i]
    if mode == "stem":
        return token.stem == pattern.words[i]
    bare = token.word.replace("'", "")
    return bare.startswith(pattern.words[i]) if mode == "prefix" else bare == pattern.words[i]


def match_at(pattern: Pattern, tokens: list[Token], start: int) -> int | None:
    """If `pattern` matches beginning at token `start`, the index just past the match."""
    if not _word_matches(pattern, 0, tokens[start]):
        return None
    return _match_rest(pattern, tokens, 1, start + 1)


def _match_rest(pattern: Pattern, tokens: list[Token], i: int, pos: int) -> int | None:
    if i == pattern.length:
        return pos
    reach = MAX_GAP + 1 if pattern.gap_before[i] else 1
    for offset in range(reach):
        j = pos + offset
        if j >= len(tokens):
            return None
        if _word_matches(pattern, i, tokens[j]):
            end = _match_rest(pattern, tokens, i + 1, j + 1)
            if end is not None:
                return end
    return None
