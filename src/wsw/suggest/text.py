"""Turning free text into comparable word stems, and matching trigger phrases against it.

Practitioners write "drinking again", "drank", "bruising", "Mum's new fella"; pack authors
write triggers like "drink ... again" or "new partner". Both sides go through the same
normalisation (Unicode folding, lower case, apostrophes dropped) and the same small suffix
stripper, so inflected forms meet without a dictionary. It is deliberately simple: the same
word always gets the same stem, which is all matching needs.

Trigger syntax:
- words are matched on their stems, so "bruise" matches "bruises", "bruised", "bruising";
- a word ending in `*` matches any word starting with it (`exploit*`);
- a word starting with `=` matches only that exact word, not its other forms (`=missing`);
- `...` between words allows up to three other words in between (`missed ... appointments`);
- a trigger starting with `~` is weak (counts half: a common word that only hints at the
  theme), and one ending in `!` is strong (counts double: a word that all but names it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

MAX_GAP = 3
_COMMON_WORDS = (
    "the and for with was are been has have had its this that from she they his her their him "
    "them our you your not but than then there which who what when where how why all any each "
    "other more most some such only own same also just about into over after before again "
    "further once very one two three said says say would could should will may might can did "
    "does were being because while whom these those here"
)

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, composed Unicode, accents removed, apostrophes straightened."""
    if text.isascii():  # most text: nothing to decompose, no accents to drop
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


_VOWELS = "aeiou"


# Words repeat (a library's texts use a few thousand), so each is stemmed once.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, consistent stem: plural, past, -ing, possessive and final -e removed.

    "bruise", "bruises", "bruised", "bruising" all become "bruis"; "move", "moved", "moving"
    become "move"; "note" stays apart from "not". Only the same-stem property matters.
    """
    w = word.replace("'", "")
    if len(w) <= 3 or w.isdigit():
        return w
    cut = False
    if w.endswith(("ies", "ied")):
        w = w[:-3] + "i"
    elif w.endswith("ing") and len(w) >= 5 and _has_vowel(w[:-3]):
        w, cut = w[:-3], True
    elif w.endswith("ed") and not w.endswith("eed") and len(w) >= 4 and _has_vowel(w[:-2]):
        w, cut = w[:-2], True
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if cut and len(w) > 2 and w[-1] == w[-2] and w[-1] not in _VOWELS + "lsz":
        w = w[:-1]
    elif cut and len(w) <= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS:
        w += "e"  # "mov(ing)" -> "move", "us(ing)" -> "use", "not(ed)" -> "note"
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _has_vowel(part: str) -> bool:
    return any(ch in _VOWELS + "y" for ch in part)


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


def stems(text: str) -> list[str]:
    """Just the stems of `text`'s words: what indexing needs, without positions."""
    return [stem(word) for word in _WORD.findall(fold(text))]


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
        parts = _WORD.findall(raw.strip("*="))
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


# Words too common to say anything about a point's subject, as stems.
STOPWORDS = frozenset(stem(w) for w in _COMMON_WORDS.split())
