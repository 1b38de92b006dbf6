"""Turning free text into comparable word stems, and matching trigger phrases against it.

Practitioners write "drinking again", "drank", "bruising", "Mum's new fella"; pack authors
write triggers like "drink ... again" or "new partner". Both sides go through the same
normalisation (Unicode folding, lower case, apostrophes dropped) and the same small suffix
stripper, so inflected forms meet without a dictionary. It is deliberately simple: the same
word always gets the same stem, which is all matching needs.

Trigger syntax:
- words are matched on their stems, so "bruise" matches "bruises", "bruised", "bruising";
- a word ending in `*` matches any word starting with it (`exploit*`);
- `...` between words allows up to three other words in between (`missed ... appointments`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_GAP = 3

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, composed Unicode, accents removed, apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def stem(word: str) -> str:
    """A crude, consistent stem: plural, past, -ing, possessive and final -e removed."""
    w = word.replace("'", "")
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") or w.endswith("ied"):
        w = w[:-3] + "i"
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


@dataclass(frozen=True)
class Token:
    stem: str
    word: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word tokens with their stems and their character offsets into the folded text."""
    folded = fold(text)
    return [Token(stem(m.group()), m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]


@dataclass(frozen=True)
class Pattern:
    """One compiled trigger: a sequence of word tests, with optional gaps between them."""

    source: str
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    gap_before: tuple[bool, ...]

    @property
    def length(self) -> int:
        return len(self.words)


class TriggerSyntaxError(ValueError):
    pass


def compile_trigger(trigger: str) -> Pattern:
    """Compile a trigger phrase; raises TriggerSyntaxError if nothing matchable is left."""
    words: list[str] = []
    prefix: list[bool] = []
    gap: list[bool] = []
    pending_gap = False
    for raw in fold(trigger).replace("\u2026", " ... ").split():
        if raw == "...":
            if not words:
                raise TriggerSyntaxError("a trigger cannot start with '...'")
            pending_gap = True
            continue
        is_prefix = raw.endswith("*")
        parts = _WORD.findall(raw.rstrip("*"))
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            words.append(part.replace("'", "") if (is_prefix and last) else stem(part))
            prefix.append(is_prefix and last)
            gap.append(pending_gap and i == 0)
        pending_gap = False if parts else pending_gap
    if not words:
        raise TriggerSyntaxError("a trigger needs at least one word")
    if pending_gap:
        raise TriggerSyntaxError("a trigger cannot end with '...'")
    return Pattern(trigger, tuple(words), tuple(prefix), tuple(gap))


def _word_matches(pattern: Pattern, i: int, token: Token) -> bool:
    if pattern.prefix[i]:
        return token.word.replace("'", "").startswith(pattern.words[i])
    return token.stem == pattern.words[i]


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
