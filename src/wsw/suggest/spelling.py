"""One-edit typo tolerance against the library's own vocabulary.

"unexplaned brusing" and "criminaly exploted ... county lnes" are how notes get typed in a
hurry; without this they match nothing at all. A word of the text that the library does not
know (no word of any trigger, point or theme has its stem) is read as the trigger word one
edit away (a letter missing, added, changed, or two swapped), when there is exactly one such
word. Only trigger words are targets, so a correction can only ever help a trigger match, and
the `matched` words still show what was written.

Why a small index of our own rather than rapidfuzz: the vocabulary is fixed when the library
is built, so a deletion index (every word with each letter removed, as SymSpell does) finds
the candidates in a few dictionary look-ups per unknown word, pickles with the rest of the
suggestion index, and adds no dependency; rapidfuzz would compare each unknown word with
every trigger word on every query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from wsw.text.words import Token, stem

MIN_TARGET = 5  # trigger words shorter than this are too easily one edit from another word
MIN_WORD = 4  # nor is a typed word shorter than this corrected


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_kind(typed: str, word: str) -> int | None:
    """How `typed` is one edit from `word`, most likely first: 0 a letter left out, 1 two
    letters swapped, 2 one letter changed, 3 one letter added; None if it is not one edit."""
    if len(typed) == len(word) - 1:
        return 0 if any(word[:i] + word[i + 1 :] == typed for i in range(len(word))) else None
    if len(typed) == len(word) + 1:
        return 3 if edit_kind(word, typed) == 0 else None
    if len(typed) != len(word) or typed == word:
        return None
    diff = [i for i in range(len(word)) if typed[i] != word[i]]
    if len(diff) == 1:
        return 2
    i = diff[0]
    swapped = len(diff) == 2 and diff[1] == i + 1
    return 1 if swapped and typed[i] == word[i + 1] and typed[i + 1] == word[i] else None


class Spelling:
    """Trigger words by their one-letter deletions, and the stems the library knows."""

    def __init__(
        self, targets: Iterable[str], known: Iterable[str], prefixes: Iterable[str] = ()
    ) -> None:
        self.known = frozenset(known)
        # Trigger words ending in * ("exploit*"): "exploted" is "exploit" + "ed" one edit off.
        self.prefixes = tuple(sorted({p for p in prefixes if len(p) >= MIN_TARGET}))
        self.index: dict[str, list[str]] = defaultdict(list)
        for word in sorted(set(targets)):
            if len(word) >= MIN_TARGET and word.isalpha():
                for key in {word, *_deletions(word)}:
                    self.index[key].append(word)
        self.index = dict(self.index)

    def correct(self, word: str) -> str | None:
        """The trigger word `word` is a typo of, or None (known, ambiguous or too far).

        Of the words one edit away, those reached by the likeliest kind of edit count, and
        they must share a stem: "supervison" is "supervision" (a letter left out), not
        "supervisor" (one changed).
        """
        if len(word) < MIN_WORD or not word.isalpha() or stem(word) in self.known:
            return None
        by_kind: dict[int, set[str]] = defaultdict(set)
        for key in {word, *_deletions(word)}:
            for target in self.index.get(key, ()):
                kind = edit_kind(word, target)
                if kind is not None:
                    by_kind[kind].add(target)
        if not by_kind:
            return self._prefixed(word)
        likeliest = by_kind[min(by_kind)]
        return min(likeliest) if len({stem(w) for w in likeliest}) == 1 else None

    def _prefixed(self, word: str) -> str | None:
        found = set()
        for prefix in self.prefixes:
            for cut in (len(prefix) - 1, len(prefix), len(prefix) + 1):
                head = word[:cut]
                if cut < len(word) and (head == prefix or edit_kind(head, prefix) is not None):
                    found.add(prefix + word[cut:])
        return found.pop() if len(found) == 1 else None

    def fix(self, tokens: list[Token]) -> list[Token]:
        """The tokens, with each correctable typo given the stem of the word it stands for.

        A capitalised word inside a sentence is a name, never a typo.
        """
        out: list[Token] = []
        previous: Token | None = None
        seen: dict[str, str | None] = {}  # a long text repeats its words: look each up once
        for t in tokens:
            inside = previous is not None and previous.sentence == t.sentence
            name = t.upper or (inside and t.capital)
            if name:
                fixed = None
            elif t.word in seen:
                fixed = seen[t.word]
            else:
                fixed = seen[t.word] = self.correct(t.word)
            out.append(t._replace(stem=stem(fixed), word=fixed) if fixed else t)
            previous = t
        return out
