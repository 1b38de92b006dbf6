"""How hard a piece of text is to read: the Flesch reading-ease score.

Pack text is read by busy practitioners, often on the phone or between visits. Flesch's score
(206.835 - 1.015 x words per sentence - 84.6 x syllables per word) is crude but well known,
needs no dictionary, and its bands have fixed meanings: below 30 is "very difficult", the
level of academic papers. Syllables are counted as groups of vowels, with a silent final e
dropped, which is close enough for a warning.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

VERY_DIFFICULT = 30.0  # Flesch's own band: 0-30 "very difficult" (graduate level)
MIN_WORDS = 20  # shorter texts give scores that swing on one long word


def syllables(word: str) -> int:
    w = word.lower().replace("'", "")
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_ease(text: str) -> float | None:
    """Flesch reading ease of `text` (higher is easier), or None when it is too short to say."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    sentences = max(len(_SENTENCE_END.findall(text.strip() + " ")), 1)
    total = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * total / len(words)
