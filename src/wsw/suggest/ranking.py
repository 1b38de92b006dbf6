"""Ordering scored points into a list a practitioner can use: varied, no repeats, quick.

- Points from a theme already shown are damped (0.85 for each one before them), so a text
  touching several themes shows each near the top rather than ten points on the loudest.
- The same finding twice (two statistics on the same themes, or near-identical texts) is
  shown once near the top: the second counts a quarter.
- Only the best `limit` points of each theme can reach the list, so each theme keeps its best
  few with a heap instead of every scored point being sorted (a large library scores
  thousands per query).
- A list that would show fewer than `cover` distinct themes gives its last repeats' places to
  the best point of each theme the text touched that did not make it, strongest first, then
  to themes only faintly touched (a point scoring under the floor, one per theme): a tenth
  point on the loudest theme tells a practitioner less than the first on another the text
  raises, and what a text raises is judged by distinct themes.

Also here: how a long text is cut into segments, and how a theme's strength is summed over
them.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from wsw.text.words import Token

REPEAT_DAMPING = 0.85
DUPLICATE_DAMPING = 0.25
SEGMENT_WORDS = 60  # a segment is whole sentences, about this many words
OTHER_SEGMENTS_SHARE = 0.3


def rank(
    scored: list[tuple[float, int]],
    primary: Sequence[str],
    limit: int | None,
    same_finding: Callable[[int, int], bool],
    *,
    cover: int = 0,
    faint: Sequence[tuple[float, int]] = (),
) -> list[tuple[float, int]]:
    """The best `limit` (score, point) pairs, damped for repeats, best first.

    With `cover`, a list of `limit` showing fewer distinct themes than that makes room for the
    best point of the themes left out (of `scored`, then of `faint`: points that scored too
    little to be listed on their own), in place of its last repeats.
    """
    # Twice as many as asked for, so that a duplicate moved down leaves no gap.
    window = None if limit is None else limit * 2
    per_theme: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for score, i in scored:
        per_theme[primary[i]].append((score, i))
    damped: list[tuple[float, int]] = []
    heads: list[tuple[float, int]] = []
    for items in per_theme.values():
        best = _best(items, window)
        heads.append(best[0])
        damped.extend((score * REPEAT_DAMPING**n, i) for n, (score, i) in enumerate(best))
    ranked = _one_of_each_finding(_best(damped, window), same_finding)[:limit]
    if len({primary[i] for _, i in ranked}) >= cover:
        return ranked  # enough themes shown (or no cover asked for): nothing to sort
    left_out = [*_best(heads, None), *_best(list(faint), None)]
    room = len(ranked) + cover if limit is None else limit
    return _cover_themes(ranked, left_out, primary, room, cover)


def _cover_themes(
    ranked: list[tuple[float, int]],
    heads: list[tuple[float, int]],
    primary: Sequence[str],
    limit: int,
    cover: int,
) -> list[tuple[float, int]]:
    """Give the last repeats' places to themes left out, until `cover` themes are shown."""
    shown = Counter(primary[i] for _, i in ranked)
    out = list(ranked)
    for score, i in heads:
        if len(shown) >= cover:
            break
        if primary[i] in shown:
            continue
        if len(out) >= limit:
            repeats = [k for k, (_, j) in enumerate(out) if shown[primary[j]] > 1]
            if not repeats:
                break
            shown[primary[out.pop(repeats[-1])[1]]] -= 1
        out.append((score, i))
        shown[primary[i]] += 1
    return sorted(out, key=_order, reverse=True)


def _best(items: list[tuple[float, int]], n: int | None) -> list[tuple[float, int]]:
    """The best n items, best first: a heap when only a few of many are wanted."""
    if n is None:
        return sorted(items, key=_order, reverse=True)
    return heapq.nlargest(n, items, key=_order)


def _order(item: tuple[float, int]) -> tuple[float, int]:
    """Higher score first; on a tie, the point listed first in the packs."""
    return item[0], -item[1]


def _one_of_each_finding(
    ranked: list[tuple[float, int]], same_finding: Callable[[int, int], bool]
) -> list[tuple[float, int]]:
    kept: list[tuple[float, int]] = []
    repeats: list[tuple[float, int]] = []
    for score, i in ranked:
        if any(same_finding(j, i) for _, j in kept):
            repeats.append((score * DUPLICATE_DAMPING, i))
        else:
            kept.append((score, i))
    return sorted(kept + repeats, key=_order, reverse=True)


def segment_of(tokens: list[Token]) -> list[int]:
    """Each token's segment: whole sentences, grouped until about SEGMENT_WORDS words."""
    out: list[int] = []
    segment = size = 0
    sentence = tokens[0].sentence if tokens else 0
    for t in tokens:
        if t.sentence != sentence:
            sentence = t.sentence
            if size >= SEGMENT_WORDS:
                segment, size = segment + 1, 0
        out.append(segment)
        size += 1
    return out


def segment_strength(by_segment: dict[int, dict[str, float]]) -> float:
    """A theme's best segment in full, the others' a little (each phrase once per segment)."""
    sums = sorted((sum(words.values()) for words in by_segment.values()), reverse=True)
    if not sums:
        return 0.0
    return sums[0] + OTHER_SEGMENTS_SHARE * sum(sums[1:])
