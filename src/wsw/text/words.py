"""Turning free text into comparable word stems, with where each word sits.

Practitioners write "drinking again", "drank", "bruising", "Mum's new fella"; pack authors
write triggers like "drink ... again" or "new partner". Both sides go through the same
normalisation (Unicode folding, lower case, apostrophes dropped) and the same small suffix
stripper, so inflected forms meet without a dictionary. It is deliberately simple: the same
word always gets the same stem, which is all matching needs.

A token also keeps what matching needs to stay within what the writer said together: the
clause and sentence it is in (a phrase never runs across "her. mum"), whether it was written
in capitals (SEND, not "send"), and the numbers practitioners use as one word ("32/40" for a
gestation, "2/12" for an age) stay one token, so "10:40" or "40 miles" never look like them.
Negation and whom a clause is about are read in `wsw.suggest.clauses`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_COMMON_WORDS = (
    "the and for with was are been has have had its this that from she they his her their him "
    "them our you your not but than then there which who what when where how why all any each "
    "other more most some such only own same also just about into over after before again "
    "further once very one two three said says say would could should will may might can did "
    "does were being because while whom these those here"
)

# "32/40", "2/12", "7/52": a number over a number is one word (a gestation, an age); a date's
# third part ("12/03/2024") is left apart.
WORD = re.compile(r"\d{1,2}/\d{1,2}(?![\d/])|[a-z0-9]+(?:'[a-z]+)*", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, composed Unicode, accents removed, apostrophes straightened."""
    return fold_keeping_case(text).lower()


def fold_keeping_case(text: str) -> str:
    """`fold` without the lower-casing: same characters at the same offsets, capitals kept."""
    if text.isascii():  # most text: nothing to decompose, no accents to drop
        return text.replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


class Token(NamedTuple):
    """One word of the text. A named tuple: a long input has thousands, made per query."""

    stem: str
    word: str  # folded: lower case, apostrophes straight
    start: int  # offsets into the folded text
    end: int
    clause: int = 0  # commas, colons, brackets and dashes separate clauses
    sentence: int = 0  # full stops, ?, !, ; and line breaks, and "but", separate sentences
    upper: bool = False  # written in capitals (an acronym): "SEND", "MS"
    capital: bool = False  # starts with a capital: a name, inside a sentence
    negated: bool = False  # inside the scope of "no concerns about ...", set by suggest/clauses.py
    who: str | None = None  # whom the clause is about, set by suggest/clauses.py


# What lies between two words and ends a sentence or a clause. A full stop only ends a
# sentence before a space or a closing quote ("1.5kg" does not); a line break always does.
_SENTENCE_END = re.compile(r"[.!?;]+[\s\"')\]]|\n")
_CLAUSE_END = re.compile(r"[,:()\[\]]|\s[-\u2013\u2014]+\s|\u2013|\u2014")
# Words that turn what follows against what went before: a new sentence for matching.
TURNS = frozenset({"but", "however", "although", "though", "whereas", "except", "yet"})


def tokenize(text: str) -> list[Token]:
    """Word tokens with their stems, offsets into the folded text, clause and sentence."""
    cased = fold_keeping_case(text)
    tokens: list[Token] = []
    clause = sentence = 0
    last = 0
    for m in WORD.finditer(cased):
        raw = m.group()
        word = raw.lower()
        between = cased[last : m.start()]
        if tokens and (_SENTENCE_END.search(between) or word in TURNS):
            sentence += 1
            clause += 1
        elif tokens and _CLAUSE_END.search(between):
            clause += 1
        upper, capital = raw.isupper(), raw[0].isupper()
        tokens.append(Token(stem(word), word, m.start(), m.end(), clause, sentence, upper, capital))
        last = m.end()
    return tokens


def stems(text: str) -> list[str]:
    """Just the stems of `text`'s words: what indexing needs, without positions."""
    return [stem(word) for word in WORD.findall(fold(text))]


# Words too common to say anything about a point's subject, as stems.
STOPWORDS = frozenset(stem(w) for w in _COMMON_WORDS.split())
