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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from wsw.infra.frozen import FrozenDict
from wsw.packs.library import Library, PointRef
from wsw.packs.models import AGE_BANDS, AgeBand
from wsw.suggest.ages import infer_age_bands
from wsw.suggest.clauses import read_clauses
from wsw.suggest.ranking import rank, segment_of, segment_strength
from wsw.suggest.spelling import Spelling
from wsw.text.triggers import Pattern, match_at, read_trigger
from wsw.text.words import (
    STOPWORDS,
    WORD,
    Token,
    fold,
    fold_keeping_case,
    stem,
    stems,
    tokenize,
)

SECONDARY_SHARE = 0.5
# A secondary theme adds at most this many times the point's own theme's strength (times the
# share): in a long text the loudest theme cannot carry every point it tags past the themes the
# text states in their own words.
SECONDARY_CAP = 3.0
TEXT_WEIGHT = 8.0
MIN_SCORE = 1.0
# A point scoring at least this (but under MIN_SCORE) is listed only as the first of a theme the
# list would otherwise not show, while it shows fewer than COVER_THEMES distinct themes.
FAINT_SCORE = 0.4
COVER_THEMES = 6
# A theme a pack boosts this much for a child's age is about that age (infants, for an under-1):
# the age alone is evidence of it. A smaller boost only weighs a theme the text touches.
AGE_EVIDENCE = 1.0
# A point's own phrase of at least this weight (two words, or one strong word, that fitting has
# not found generic) is evidence of its theme by itself: a team pack's phrase or strong word
# still brings its point up (a plain single word does not: `packs lint` says so, `lone-word`).
SPECIFIC_OWN = 1.5
# A theme touched by less than this (one plain trigger word) is barely there; its points count
# THIN_SHARE of what they score above MIN_SCORE.
THIN = 1.0
THIN_SHARE = 0.5
DUPLICATE_OVERLAP = 0.5
# A word in more points than this (and than this share of them) is skipped by the text index.
COMMON_POSTINGS = 1000
COMMON_SHARE = 0.05


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


# One trigger in the index: its pattern, every owner that uses it (so a trigger shared by
# many points is matched once), and their weights: one number when all are the same (most
# are), else one per owner. An owner is an index into the themes (negative: -1 - i) or the
# points (i >= 0). Plain tuples because a large library's index holds tens of thousands and
# is unpickled by every command: tuples load several times faster. Not a pair per owner: at
# 100,000 points those pairs alone took 90 MiB.
_Entry = tuple[Pattern, tuple[int, ...], "tuple[float, ...] | float"]


def _owned(entry: _Entry) -> Iterable[tuple[int, float]]:
    """Each owner of an index entry with its weight."""
    _, owners, weights = entry
    if isinstance(weights, float):
        return ((owner, weights) for owner in owners)
    return zip(owners, weights, strict=True)


@dataclass
class _Hits:
    """What matched: per theme, per segment of the text, phrase -> weight; per point, phrases."""

    themes: dict[str, dict[int, dict[str, float]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    points: dict[int, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def theme_words(self, theme: str) -> list[str]:
        words: list[str] = []
        for segment in self.themes.get(theme, {}).values():
            words.extend(w for w in segment if w not in words)
        return words


class Suggester:
    """An index of every trigger in a library, built once and queried many times."""

    def __init__(
        self, library: Library, weights: Mapping[tuple[str, str], float] | None = None
    ) -> None:
        """Index `library`; `weights` scale triggers by (owner id, trigger) (default: learned)."""
        if weights is None:
            from wsw.suggest.learned import WEIGHTS

            weights = WEIGHTS
        self.library = library
        self.theme_ids = list(library.themes)
        points = library.points
        # Each distinct trigger (as written) with its owners and their learned weights.
        self._owners: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        # Points by primary theme: a theme the text touches brings in its points, and only
        # points brought in by a theme, their own triggers or their words are scored.
        by_theme: dict[str, list[int]] = defaultdict(list)
        for i, theme_id in enumerate(self.theme_ids):
            self._add(-1 - i, theme_id, library.themes[theme_id].triggers, weights)
        # Equal tuples are one object, so a cached index holds (and unpickles) each once.
        same: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._primary = [ref.point.primary_theme for ref in points]
        self._secondary = [_one(same, tuple(r.point.themes[1:])) for r in points]
        # What showing and scoring a point read of it, kept here so that a query reads no
        # point records (a cached library unpickles a point only when it is shown).
        self._bands = [_one(same, tuple(r.point.age_bands or ())) for r in points]
        self._own_only = {i for i, ref in enumerate(points) if ref.point.own_triggers_only}
        # The same points, also by (primary theme, one other theme or "*" for any, one age band
        # or "" for none), in pack order: a theme's points that no trigger or word of their own
        # brought up differ only in those, so the first few of each bucket are all that can rank.
        buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for i, ref in enumerate(points):
            self._add(i, ref.point.id, ref.point.triggers, weights)
            by_theme[self._primary[i]].append(i)
            if not ref.point.own_triggers_only:
                for other in ("*", *self._secondary[i]):
                    for band in ref.point.age_bands or ("",):
                        buckets[(self._primary[i], other, band)].append(i)
        # Point numbers as typed arrays: unpickled at memory speed, not an int at a time.
        self._by_theme = {theme: array("L", ids) for theme, ids in by_theme.items()}
        self._buckets = {key: array("L", ids) for key, ids in buckets.items()}
        self._index_triggers()
        # Themes a pack says weigh more for a child of an age (infants for under-1s).
        self._age_boosts: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for theme in library.themes.values():
            for band, boost in theme.age_boost.items():
                self._age_boosts[band].append((theme.id, boost))
        self._index_texts(points)

    def _index_texts(self, points: Sequence[PointRef]) -> None:
        """The text index and the typo targets, from each point's own words."""
        # A point is about what its finding and its suggestion speak of: both are indexed.
        # Each text's words read once, for the text index and the typo targets both; a text
        # is kept only as numbers for its content words (100,000 texts as lists of words were
        # 90 MiB at once).
        text_words: set[str] = set()
        vocabulary: dict[str, int] = {}
        # Each distinct word is stemmed and sorted out once (5 million words at 100,000
        # points are a few tens of thousands of distinct ones): its content stem's number,
        # or -1 for a stop word, a number or a short word.
        numbered: dict[str, int] = {}
        text_stems: list[array[int]] = []
        for ref in points:
            point = ref.point
            words = WORD.findall(fold(f"{point.title} {point.text} {point.prompt or ''}"))
            text_words.update(words)
            numbers = list(map(numbered.get, words))
            if None in numbers:
                for at, word in enumerate(words):
                    if numbers[at] is None:
                        numbers[at] = numbered.get(word)
                        if numbers[at] is None:
                            numbers[at] = numbered[word] = _number(stem(word), vocabulary)
            text_stems.append(array("L", [n for n in numbers if n is not None and n >= 0]))
        self._text_index = _TextIndex(text_stems, list(vocabulary))
        self._spelling = _spelling(self.library, text_words)

    @property
    def points(self) -> Sequence[PointRef]:
        """The library's points, in pack order: an owner index i >= 0 is points[i]."""
        return self.library.points

    def _add(
        self,
        owner: int,
        owner_id: str,
        triggers: Iterable[str],
        weights: Mapping[tuple[str, str], float],
    ) -> None:
        for trigger in triggers:
            owners, learned = self._owners[trigger]
            owners.append(owner)
            learned.append(weights.get((owner_id, trigger), 1.0))

    def _index_triggers(self) -> None:
        """Each distinct trigger under the words a token must have for it to start there.

        A phrase whose first two words are stems and adjacent is filed under both, so a word
        that starts thousands of triggers in a large library tries only those whose second
        word follows it.
        """
        by_pair: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        by_stem: dict[str, list[_Entry]] = defaultdict(list)
        by_word: dict[str, list[_Entry]] = defaultdict(list)  # exact and case-kept
        by_prefix: dict[str, list[_Entry]] = defaultdict(list)  # by first 3 letters
        self._patterned: list[_Entry] = []  # short prefixes and numbers: tried on every word
        for trigger, (owners, learned) in self._owners.items():
            # Compiled here, once each, and not kept in compile_trigger's cache as well: at
            # 100,000 points that cache alone held a quarter of a million patterns.
            pattern = read_trigger(trigger)
            base = _weight(pattern)
            scaled = [base * x for x in learned]
            same = min(scaled) == max(scaled)
            entry: _Entry = (pattern, tuple(owners), scaled[0] if same else tuple(scaled))
            mode, first = pattern.modes[0], pattern.words[0]
            if _starts_with_a_pair(pattern):
                by_pair[(first, pattern.words[1])].append(entry)
            elif mode == "stem":
                by_stem[first].append(entry)
            elif mode in ("exact", "upper"):
                by_word[first].append(entry)
            elif mode == "prefix" and len(first) >= 3:
                by_prefix[first[:3]].append(entry)
            else:
                self._patterned.append(entry)
        del self._owners
        # Cached, each word's triggers are unpickled only when a text has that word.
        self._by_pair = FrozenDict(dict(by_pair))
        self._by_stem = FrozenDict(dict(by_stem))
        self._by_word = FrozenDict(dict(by_word))
        self._by_prefix = FrozenDict(dict(by_prefix))

    def _entries(self, tokens: list[Token], start: int) -> list[_Entry]:
        """The triggers that could start at this token (match_at then decides)."""
        token = tokens[start]
        bare = token.word.replace("'", "")
        found = [*self._by_stem.get(token.stem, ()), *self._by_word.get(bare, ())]
        if start + 1 < len(tokens):
            found += self._by_pair.get((token.stem, tokens[start + 1].stem), ())
        found += [e for e in self._by_prefix.get(bare[:3], ()) if bare.startswith(e[0].words[0])]
        return found + self._patterned if self._patterned else found

    def _match(self, folded: str, tokens: list[Token]) -> _Hits:
        hits = _Hits()
        segments = segment_of(tokens)
        for start, token in enumerate(tokens):
            for entry in self._entries(tokens, start):
                end = match_at(entry[0], tokens, start)
                if end is None:
                    continue
                phrase = folded[token.start : tokens[end - 1].end].lower()
                for owner, weight in _owned(entry):
                    if owner < 0:
                        bucket = hits.themes[self.theme_ids[-1 - owner]][segments[start]]
                    else:
                        bucket = hits.points[owner]
                    bucket[phrase] = max(bucket.get(phrase, 0.0), weight)
        return hits

    def fired(self, text: str) -> set[tuple[str, str]]:
        """Which triggers match `text`, as (owner id, trigger): what fitting weights counts."""
        tokens = self._spelling.fix(read_clauses(tokenize(text)))
        found: set[tuple[str, str]] = set()
        for start in range(len(tokens)):
            for pattern, owners, _ in self._entries(tokens, start):
                if match_at(pattern, tokens, start) is not None:
                    found.update((self._owner_id(owner), pattern.source) for owner in owners)
        return found

    def _owner_id(self, owner: int) -> str:
        return self.theme_ids[-1 - owner] if owner < 0 else self.points[owner].point.id

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
        tokens = self._spelling.fix(read_clauses(tokenize(text)))
        hits = self._match(folded, tokens)
        stated = [b for b in AGE_BANDS if b in (age_bands or ())]
        inferred = [b for b in infer_age_bands(text) if b not in stated]
        strength = self._strength(hits, [*stated, *inferred])
        similar, shared = self._text_index.query(tokens)
        bands: set[str] = set(stated) | set(inferred)
        scored: list[tuple[float, int]] = []
        faint: list[tuple[float, int]] = []
        for i in self._candidates(hits, strength, shared, stated, bands, limit):
            score = self._score(i, hits, strength, bands)
            reason = score > 0.0
            # One shared word is chance ("arrived"); two or more begin to say something.
            if i in similar and (reason or len(shared[i]) >= 2):
                score += TEXT_WEIGHT * similar[i]
                reason = True
            if score >= MIN_SCORE and reason:
                scored.append((score, i))
            elif score >= FAINT_SCORE and reason:
                faint.append((score, i))
        ranked = rank(
            scored, self._primary, limit, self._same_finding, cover=COVER_THEMES, faint=faint
        )
        return [self._suggestion(score, i, self._reasons(i, hits, shared)) for score, i in ranked]

    def _strength(self, hits: _Hits, bands: list[AgeBand]) -> dict[str, float]:
        """How strongly the text is about each theme: its triggers, plus the packs' age boosts.

        A long text is read in segments of a few sentences: a theme's best segment counts in
        full and the others a little, so a theme said plainly once is not outweighed by
        another's generic words scattered over 800 words.
        """
        strength = {
            theme: segment_strength(by_segment) for theme, by_segment in hits.themes.items()
        }
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
        bands: set[str],
        limit: int | None,
    ) -> set[int]:
        """The points worth scoring: a theme, their own triggers or two shared words bring them.

        Never a point for other ages than those the practitioner stated, however it came up,
        nor a point about one context only (own_triggers_only) without its own words. With a
        limit, a theme brings in only the first few points of each of its buckets (enough to
        fill the ranking's window): the others cannot outscore them.
        """
        # A point that shares a single word with the text and nothing else never scores.
        found = set(hits.points) | {i for i, words in shared.items() if len(words) >= 2}
        touched = [theme for theme, value in strength.items() if value]
        if limit is None:
            for theme in touched:
                found.update(self._by_theme.get(theme, ()))
        else:
            found.update(self._bucket_heads(touched, bands, 2 * limit, hits, set(stated), strength))
            # a touched theme's point that shares a word gains from the text index too
            themes = set(touched)
            found.update(i for i in shared if self._primary[i] in themes)
        return {i for i in found if self._may_show(i, hits, set(stated), strength)}

    def _bucket_heads(
        self,
        touched: list[str],
        bands: set[str],
        n: int,
        hits: _Hits,
        stated: set[str],
        strength: dict[str, float],
    ) -> set[int]:
        """The first n showable points of each bucket a touched theme's points can score from."""
        others = ["*", *touched]
        ages = ["", *bands] if bands else ["", *AGE_BANDS]
        heads: set[int] = set()
        for theme in touched:
            for other in others:
                for band in ages:
                    taken = 0
                    for i in self._buckets.get((theme, other, band), ()):
                        if taken == n:
                            break
                        if self._may_show(i, hits, stated, strength):
                            heads.add(i)
                            taken += 1
        return heads

    def _may_show(
        self, index: int, hits: _Hits, stated: set[str], strength: dict[str, float]
    ) -> bool:
        """Whether a point may be listed at all, however well it would score.

        Not for other ages than those stated, not a one-context point without its own words,
        and only when the text is about its primary theme: one of the theme's own words, an
        age the theme is about, or a specific phrase of the point's own. A point's own words
        pick it among its theme's points, but a generic one alone brings up off-theme learning
        ("CAMHS" is not exploitation, "new partner" is not the wider family), and so do a
        secondary theme, a shared word or a teenager's age.
        """
        own = hits.points.get(index)
        if index in self._own_only and not own:
            return False
        bands = self._bands[index]
        if stated and bands and not stated & set(bands):
            return False
        primary = self._primary[index]
        if primary in hits.themes or strength.get(primary, 0.0) >= AGE_EVIDENCE:
            return True
        return _named(own)

    def _score(self, index: int, hits: _Hits, strength: dict[str, float], bands: set[str]) -> float:
        """Own matches, the primary theme's strength, and the strongest other theme's, once.

        A point tagged with four themes gets no more from them than a point with two: only its
        strongest secondary theme adds (half its strength, and no more than SECONDARY_CAP times
        the primary theme's, so a long text's loudest theme does not lift every point it tags
        above the themes the text plainly raises). A point for other ages than every
        age the text gives (or the practitioner states) is held back. A point whose theme the
        text barely touches (less than one plain word's worth: one weak word, a teenager's age)
        counts half above the floor unless a specific phrase of its own names it: still listed,
        but after learning the text plainly calls for, however much secondary words lift it.
        """
        own = hits.points.get(index)
        primary = strength.get(self._primary[index], 0.0)
        if not own and primary == 0.0:
            return 0.0
        score = (sum(own.values()) if own else 0.0) + primary
        secondary = self._secondary[index]
        if secondary:
            lift = max(strength.get(t, 0.0) for t in secondary)
            score += SECONDARY_SHARE * min(lift, SECONDARY_CAP * primary)
        point_bands = self._bands[index]
        if point_bands and bands:
            if not bands & set(point_bands):
                return 0.0
            score += 0.5
        if primary < THIN and score > MIN_SCORE and not _named(own):
            score = MIN_SCORE + THIN_SHARE * (score - MIN_SCORE)
        return score

    def _reasons(self, index: int, hits: _Hits, shared: dict[int, list[str]]) -> list[str]:
        """The words that brought a point up: its own triggers', then its themes'."""
        matched = list(hits.points.get(index, {}))
        for theme in self.points[index].point.themes:
            matched.extend(w for w in hits.theme_words(theme) if w not in matched)
        return matched or list(shared.get(index, ()))

    def _same_finding(self, a: int, b: int) -> bool:
        """Two points that say the same thing: one is enough near the top of a list."""
        if self._primary[a] != self._primary[b]:
            return False
        pa, pb = self.points[a].point, self.points[b].point
        if pa.themes == pb.themes and pa.figures and pb.figures:
            return True  # two statistics on the same themes: the same finding, counted twice
        return _overlap(pa.title + " " + pa.text, pb.title + " " + pb.text) >= DUPLICATE_OVERLAP

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


def _named(own: dict[str, float] | None) -> bool:
    """Whether a specific phrase of a point's own (SPECIFIC_OWN) matched: it names the point."""
    return own is not None and max(own.values(), default=0.0) >= SPECIFIC_OWN


def _one(same: dict[tuple[str, ...], tuple[str, ...]], value: tuple[str, ...]) -> tuple[str, ...]:
    """The one object for tuples equal to `value`."""
    return same.setdefault(value, value)


def _starts_with_a_pair(pattern: Pattern) -> bool:
    """Two stems first, side by side ("new partner"), so both must be there to start it."""
    modes = pattern.modes
    return len(modes) > 1 and modes[0] == modes[1] == "stem" and not pattern.gap_before[1]


def _overlap(a: str, b: str) -> float:
    """Jaccard overlap of two texts' content words."""
    wa, wb = _content_set(a), _content_set(b)
    return len(wa & wb) / max(len(wa | wb), 1)


@lru_cache(maxsize=4096)
def _content_set(text: str) -> frozenset[str]:
    return frozenset(_content_stems(stems(text)))


def _spelling(library: Library, text_words: set[str]) -> Spelling:
    """Typo targets: every trigger's words. Known: those and every word of the library.

    `text_words` are the words of the points' texts.
    """
    targets, prefixes = _trigger_words(library)
    themes = [f"{t.title} {t.description}" for t in library.themes.values()]
    known = {stem(w) for w in text_words} | {s for text in themes for s in stems(text)}
    words = text_words | {w for t in themes for w in WORD.findall(fold(t))}
    targets |= {w for w in words if w.startswith(prefixes)}
    return Spelling(targets, known | {s for w in targets for s in stems(w)} | STOPWORDS, prefixes)


def _trigger_words(library: Library) -> tuple[set[str], tuple[str, ...]]:
    """Every word the triggers spell, and the prefixes of those ending in * ("exploit*"):
    such a word is reached through the library's words it starts."""
    triggers = {t for theme in library.themes.values() for t in theme.triggers}
    triggers |= {t for ref in library.points for t in ref.point.triggers}
    targets = {w for t in triggers for w in WORD.findall(fold(t.split(":")[-1]))}
    written = {w.strip("~=!") for t in triggers for w in fold(t).split()}
    return targets, tuple(w[:-1] for w in written if w.endswith("*"))


class _TextIndex:
    """tf-idf over each point's own words, queried through an inverted index."""

    def __init__(self, texts: Sequence[Sequence[int]], vocabulary: list[str]) -> None:
        """Index `texts`, each given as its content words' numbers in `vocabulary` (read
        twice: a Counter per point for 100,000 points would be 200 MB at once)."""
        counted: Counter[int] = Counter()
        for t in texts:
            counted.update(set(t))
        df = [counted[n] for n in range(len(vocabulary))]
        total = len(texts) or 1
        self.size = total
        idf = [math.log(total / (1 + n)) + 1.0 for n in df]
        self.idf = dict(zip(vocabulary, idf, strict=True))
        # Per word, the points that use it and its weight in each, as two typed arrays: compact,
        # and unpickled at memory speed however large the library; cached, each word's are
        # unpickled only when a text has that word.
        # A word in too many points is never looked up (see `query`): only its idf is kept
        # (it still counts in each point's norm).
        common = self.common
        kept: list[tuple[array[int], array[float]] | None] = [
            (array("L"), array("d")) if n <= common else None for n in df
        ]
        for i, t in enumerate(texts):
            weights = [(n, (1 + math.log(k)) * idf[n]) for n, k in Counter(t).items()]
            norm = math.sqrt(sum(x * x for _, x in weights)) or 1.0
            for n, x in weights:
                found = kept[n]
                if found is not None:
                    found[0].append(i)
                    found[1].append(x / norm)
        self.postings = FrozenDict(
            {w: found for w, found in zip(vocabulary, kept, strict=True) if found is not None}
        )

    @property
    def common(self) -> float:
        """More points than this share a word: in a large library, it tells none apart."""
        return max(COMMON_POSTINGS, COMMON_SHARE * self.size)

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
            found = self.postings.get(w, None)
            if found is None:
                continue  # in a large library, a word in this many points tells none apart
            ids, values = found
            for i, y in zip(ids, values, strict=True):
                similar[i] += x / norm * y
                shared[i].append(words[w])
        return similar, shared


def _number(word_stem: str, vocabulary: dict[str, int]) -> int:
    """A content stem's number in `vocabulary` (numbered as first met), or -1 for a stem
    `_content_stems` leaves out."""
    if word_stem in STOPWORDS or len(word_stem) <= 2 or word_stem.isdigit():
        return -1
    return vocabulary.setdefault(word_stem, len(vocabulary))


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
