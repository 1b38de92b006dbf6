"""Which learning bears on this piece of case information, and why.

Two kinds of trigger feed the ranking. A theme's triggers (in the core pack) carry the broad
vocabulary practitioners use for it ("the fella she's seeing" for male carers); they say how
strongly the text is about that theme. A point's own triggers say it is about that point in
particular. A point scores its own matches plus the strength of its primary theme, and a
little of its other themes. Repeated points from one theme are damped so that a text
touching several themes shows each of them near the top, not ten points on the loudest one.

Beside the triggers, each point's own words (its title and text) are indexed, and a tf-idf
similarity between the information and a point adds a little: it lets the learning itself
recognise a situation described in words no trigger anticipated.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wsw.packs.library import Library, PointRef
from wsw.packs.models import AGE_BANDS, AgeBand
from wsw.suggest.ages import infer_age_bands
from wsw.suggest.clauses import read_clauses
from wsw.text.triggers import Pattern, compile_trigger, match_at
from wsw.text.words import STOPWORDS, Token, fold_keeping_case, stems, tokenize

SECONDARY_SHARE = 0.5
TEXT_WEIGHT = 8.0
REPEAT_DAMPING = 0.8
MIN_SCORE = 1.0


@dataclass(frozen=True)
class Suggestion:
    """One suggested point, with the words that brought it up.

    A plain dataclass: it is output, never validated input, and building a pydantic model
    class at run time would cost start-up time for nothing.
    """

    id: str
    theme: str
    themes: list[str]
    kind: str
    title: str
    score: float
    matched: list[str]
    source: str
    text: str
    figures: list[str]
    pack: str
    prompt: str | None = None  # wsw's own suggestion, never the source's


def _weight(pattern: Pattern) -> float:
    """Longer phrases are more specific, so they count for more; authors can say weak/strong."""
    return min(1.0 + 0.6 * (pattern.length - 1), 3.0) * pattern.strength


# One trigger in the index: (owner, pattern, weight). The owner is an index into the themes
# (negative: -1 - i) or the points (i >= 0). A plain tuple because a large library's index
# holds tens of thousands and is unpickled by every command: tuples load several times faster.
_Entry = tuple[int, Pattern, float]


@dataclass
class _Hits:
    themes: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    points: dict[int, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))


class Suggester:
    """An index of every trigger in a library, built once and queried many times."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.theme_ids = list(library.themes)
        self.points: list[PointRef] = list(library.points)
        self._by_stem: dict[str, list[_Entry]] = defaultdict(list)
        self._by_prefix: list[_Entry] = []
        # Points by primary theme: a theme the text touches brings in its points, and only
        # points brought in by a theme, their own triggers or their words are scored.
        self._by_theme: dict[str, list[int]] = defaultdict(list)
        for i, theme_id in enumerate(self.theme_ids):
            self._add(-1 - i, library.themes[theme_id].triggers)
        self._primary = [ref.point.primary_theme for ref in self.points]
        for i, ref in enumerate(self.points):
            self._add(i, ref.point.triggers)
            self._by_theme[self._primary[i]].append(i)
        # Themes a pack says weigh more for a child of an age (infants for under-1s).
        self._age_boosts: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for theme in library.themes.values():
            for band, boost in theme.age_boost.items():
                self._age_boosts[band].append((theme.id, boost))
        # A point is about what its finding and its suggestion speak of: both are indexed.
        texts = [f"{r.point.title} {r.point.text} {r.point.prompt or ''}" for r in self.points]
        self._text_index = _TextIndex(texts)

    def _add(self, owner: int, triggers: Iterable[str]) -> None:
        for trigger in triggers:
            pattern = compile_trigger(trigger)
            entry: _Entry = (owner, pattern, _weight(pattern))
            if pattern.modes[0] == "stem":
                self._by_stem[pattern.words[0]].append(entry)
            else:
                self._by_prefix.append(entry)

    def _match(self, folded: str, tokens: list[Token]) -> _Hits:
        hits = _Hits()
        for start, token in enumerate(tokens):
            candidates = self._by_stem.get(token.stem, [])
            bare = token.word.replace("'", "")
            prefixed = [e for e in self._by_prefix if bare.startswith(e[1].words[0])]
            for owner, pattern, weight in [*candidates, *prefixed]:
                end = match_at(pattern, tokens, start)
                if end is None:
                    continue
                phrase = folded[token.start : tokens[end - 1].end].lower()
                if owner < 0:
                    bucket = hits.themes[self.theme_ids[-1 - owner]]
                else:
                    bucket = hits.points[owner]
                bucket[phrase] = max(bucket.get(phrase, 0.0), weight)
        return hits

    def suggest(
        self,
        text: str,
        *,
        age_bands: Sequence[str] | None = None,
        limit: int | None = 10,
    ) -> list[Suggestion]:
        """The points most relevant to `text`, most relevant first.

        `age_bands` given by the practitioner exclude points for other ages, and so do the
        bands read from the text (every child's age read, in the forms practitioners write).
        """
        folded = fold_keeping_case(text)
        tokens = read_clauses(tokenize(text))
        hits = self._match(folded, tokens)
        stated = [b for b in AGE_BANDS if b in (age_bands or ())]
        inferred = [b for b in infer_age_bands(text) if b not in stated]
        strength = self._strength(hits, [*stated, *inferred])
        similar, shared = self._text_index.query(tokens)
        scored: list[tuple[float, int, list[str]]] = []
        for i in self._candidates(hits, strength, shared, stated):
            score, matched = self._score(self.points[i], hits, strength, stated, inferred, i)
            # One shared word is chance ("arrived"); two or more begin to say something.
            if i in similar and (matched or len(shared[i]) >= 2):
                score += TEXT_WEIGHT * similar[i]
                matched = matched or shared[i]
            if score >= MIN_SCORE and matched:
                scored.append((score, i, matched))
        return self._rank(scored, limit)

    def _strength(self, hits: _Hits, bands: list[AgeBand]) -> dict[str, float]:
        """How strongly the text is about each theme: its triggers, plus the packs' age boosts."""
        strength = {theme: sum(words.values()) for theme, words in hits.themes.items()}
        for band in bands:
            for theme, boost in self._age_boosts.get(band, ()):
                strength[theme] = strength.get(theme, 0.0) + boost
        return strength

    def _candidates(
        self,
        hits: _Hits,
        strength: dict[str, float],
        shared: dict[int, list[str]],
        stated: list[AgeBand],
    ) -> set[int]:
        """The points worth scoring: a theme, their own triggers or two shared words bring them.

        Never a point for other ages than those the practitioner stated, however it came up,
        nor a point about one context only (own_triggers_only) without its own words.
        """
        # A point that shares a single word with the text and nothing else never scores.
        found = set(hits.points) | {i for i, words in shared.items() if len(words) >= 2}
        for theme, value in strength.items():
            if value:
                found.update(self._by_theme.get(theme, ()))
        return {i for i in found if self._may_show(i, hits, set(stated))}

    def _may_show(self, index: int, hits: _Hits, stated: set[str]) -> bool:
        point = self.points[index].point
        if point.own_triggers_only and index not in hits.points:
            return False
        return not (stated and point.age_bands and not stated & set(point.age_bands))

    def _score(
        self,
        ref: PointRef,
        hits: _Hits,
        strength: dict[str, float],
        stated: list[AgeBand],
        inferred: list[AgeBand],
        index: int,
    ) -> tuple[float, list[str]]:
        point = ref.point
        own = hits.points.get(index, {})
        primary = strength.get(self._primary[index], 0.0)
        if not own and primary == 0.0:
            return 0.0, []
        score = sum(own.values()) + primary
        score += SECONDARY_SHARE * sum(strength.get(t, 0.0) for t in point.themes[1:])
        if point.age_bands:
            if stated and not set(point.age_bands) & set(stated):
                return 0.0, []
            if set(point.age_bands) & set(stated + inferred):
                score += 0.5
            elif inferred:  # for ages other than every child the text gives an age for
                return 0.0, []
        matched = list(own)
        for theme in point.themes:
            matched.extend(w for w in hits.themes.get(theme, {}) if w not in matched)
        return score, matched

    def _rank(
        self, scored: list[tuple[float, int, list[str]]], limit: int | None
    ) -> list[Suggestion]:
        scored.sort(key=lambda item: (-item[0], item[1]))
        seen_per_theme: dict[str, int] = defaultdict(int)
        damped: list[tuple[float, int, list[str]]] = []
        for score, i, matched in scored:
            theme = self._primary[i]
            damped.append((score * REPEAT_DAMPING ** seen_per_theme[theme], i, matched))
            seen_per_theme[theme] += 1
        damped.sort(key=lambda item: (-item[0], item[1]))
        if limit is not None:
            damped = damped[:limit]
        return [self._suggestion(score, i, matched) for score, i, matched in damped]

    def _suggestion(self, score: float, index: int, matched: list[str]) -> Suggestion:
        ref = self.points[index]
        p = ref.point
        return Suggestion(
            id=p.id,
            theme=p.primary_theme,
            themes=list(p.themes),
            kind=ref.kind,
            title=p.title,
            score=round(score, 2),
            matched=_drop_contained(matched),
            source=self.library.cite_point(p),
            text=p.text,
            figures=list(p.figures),
            pack=ref.pack,
            prompt=p.prompt,
        )


class _TextIndex:
    """tf-idf over each point's own words, queried through an inverted index."""

    def __init__(self, texts: list[str]) -> None:
        counts = [Counter(_content_stems(stems(t))) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        total = len(texts) or 1
        self.idf = {w: math.log(total / (1 + n)) + 1.0 for w, n in df.items()}
        # Per word, the points that use it and its weight in each, as two typed arrays: compact,
        # and unpickled at memory speed however large the library.
        self.postings: dict[str, tuple[array[int], array[float]]] = {}
        for i, c in enumerate(counts):
            weights = {w: (1 + math.log(n)) * self.idf[w] for w, n in c.items()}
            norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
            for w, x in weights.items():
                ids, values = self.postings.setdefault(w, (array("L"), array("d")))
                ids.append(i)
                values.append(x / norm)

    def query(self, tokens: list[Token]) -> tuple[dict[int, float], dict[int, list[str]]]:
        """Cosine similarity per point, and the words of the query each point shares."""
        words: dict[str, str] = {}
        counts: Counter[str] = Counter()
        for t in tokens:
            if t.negated:
                continue
            if t.stem in self.idf and t.stem not in STOPWORDS and len(t.stem) > 2:
                counts[t.stem] += 1
                words.setdefault(t.stem, t.word)
        weights = {w: (1 + math.log(n)) * self.idf[w] for w, n in counts.items()}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        similar: dict[int, float] = defaultdict(float)
        shared: dict[int, list[str]] = defaultdict(list)
        for w, x in weights.items():
            ids, values = self.postings[w]
            for i, y in zip(ids, values, strict=True):
                similar[i] += x / norm * y
                shared[i].append(words[w])
        return similar, shared


def _content_stems(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and len(w) > 2 and not w.isdigit()]


def _drop_contained(phrases: list[str]) -> list[str]:
    """Keep "mum's new fella", drop "new fella" and "fella": one reason, said once."""
    return [p for p in phrases if not any(p != q and f" {p} " in f" {q} " for q in phrases)]


def distinct_themes(suggestions: Iterable[Suggestion]) -> list[str]:
    """Primary themes in order of first appearance."""
    out: list[str] = []
    for s in suggestions:
        if s.theme not in out:
            out.append(s.theme)
    return out
