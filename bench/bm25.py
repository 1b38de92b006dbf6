"""A plain BM25 ranking over the learning points' own words: the floor `wsw suggest` must beat.

It knows nothing of triggers, themes' vocabulary, ages or negation: each point is a document
made of its title and text, each piece of case information a query. It shares wsw's word
normalisation (folding and stems) so the comparison is about ranking, not tokenising.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from wsw.packs.library import Library
from wsw.text.words import STOPWORDS, stems

K1 = 1.2
B = 0.75


def _terms(text: str) -> list[str]:
    return [w for w in stems(text) if w not in STOPWORDS and len(w) > 2]


class BM25:
    """Okapi BM25 (k1 = 1.2, b = 0.75) over every point of a library."""

    def __init__(self, library: Library) -> None:
        self.points = list(library.points)
        docs = [Counter(_terms(f"{r.point.title} {r.point.text}")) for r in self.points]
        self.lengths = [sum(d.values()) for d in docs]
        self.average = sum(self.lengths) / max(len(docs), 1)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self.idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in df.items()}
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, d in enumerate(docs):
            for w, tf in d.items():
                self.postings[w].append((i, tf))

    def rank(self, text: str, limit: int = 20) -> list[str]:
        """The primary themes of the best `limit` points, best first."""
        scores: dict[int, float] = defaultdict(float)
        for w in set(_terms(text)):
            idf = self.idf.get(w)
            if idf is None:
                continue
            for i, tf in self.postings[w]:
                norm = K1 * (1 - B + B * self.lengths[i] / self.average)
                scores[i] += idf * tf * (K1 + 1) / (tf + norm)
        best = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
        return [self.points[i].point.primary_theme for i in best]
