"""Turning free text into comparable word stems.

Practitioners write "drinking again", "drank", "bruising", "Mum's new fella"; pack authors
write triggers like "drink ... again" or "new partner". Both sides go through the same
normalisation (Unicode folding, lower case, apostrophes dropped) and the same small suffix
stripper, so inflected forms meet without a dictionary. It is deliberately simple: the same
word always gets the same stem, which is all matching needs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_COMMON_WORDS = (
    "the and for with was are been has have had its this that from she they his her their him "
    "them our you your not but than then there which who what when where how why all any each "
    "other more most some such only own same also just about into over after before again "
    "further once very one two three said says say would could should will may might can did "
    "does were being because while whom these those here"
)

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
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
    w, cut = _strip_ending(w)
    if cut:
        w = _mend_cut(w)
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _strip_ending(w: str) -> tuple[str, bool]:
    """The word without a plural, past or -ing ending; True when -ing or -ed was cut."""
    if w.endswith(("ies", "ied")):
        return w[:-3] + "i", False
    if w.endswith("ing") and len(w) >= 5 and _has_vowel(w[:-3]):
        return w[:-3], True
    if w.endswith("ed") and not w.endswith("eed") and len(w) >= 4 and _has_vowel(w[:-2]):
        return w[:-2], True
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1], False
    return w, False


def _mend_cut(w: str) -> str:
    """After -ing or -ed: "stopp" -> "stop", "mov" -> "move", "not" -> "note"."""
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in _VOWELS + "lsz":
        return w[:-1]
    if len(w) <= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS:
        return w + "e"
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
    return [Token(stem(m.group()), m.group(), m.start(), m.end()) for m in WORD.finditer(folded)]


def stems(text: str) -> list[str]:
    """Just the stems of `text`'s words: what indexing needs, without positions."""
    return [stem(word) for word in WORD.findall(fold(text))]


# Words too common to say anything about a point's subject, as stems.
STOPWORDS = frozenset(stem(w) for w in _COMMON_WORDS.split())
