"""Warnings about a pack that validates: what an author would want to look at again.

None of these is an error (`wsw packs validate` finds those); each is a heuristic, said as a
question for the author, with the file, line and field it is about:

- `unused-trigger`: a point's trigger matches none of the library's examples, scenarios or
  other points: nothing shows that it ever fires (add an example that uses it);
- `common-trigger`: a one-word trigger that would fire on common words (a stop word, a
  prefix of under four letters, or a word in a fifth or more of all points' text);
- `lone-word`: in a pack the suggestion weights were never fitted on (a team's, a trainer's),
  a plain one-word trigger: alone it brings its point up only when the text is also about the
  point's theme, so a word meant to name the point by itself should be strong (`word!`) or
  a phrase;
- `near-duplicate`: two points that share most of their words;
- `no-source`: an escalation question, check or reminder with no source, shown as wsw's own;
- `figure-population`: a figure whose document says nothing of what its figures count
  (`about_figures`), or a percentage with no "of" or "in" saying of what;
- `reading-level`: a finding or advice scoring below 10 for Flesch reading ease
  ("extremely difficult");
- `advice-in-finding`: a sentence of a learning point's cited `text` (a finding) that gives
  advice in its own voice ("Ask ...", "You should ..."): advice belongs in `prompt`, shown as
  the author's own. (A practice point's source is guidance, so its text may be advice.)

Unused triggers are counted per pack (most triggers are everyday words no pack text uses);
`every_trigger` lists each one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from wsw.errors import Problem
from wsw.packs.library import Library, LoadedPack, Part
from wsw.packs.marks import Loc
from wsw.packs.models import Point
from wsw.text.readability import reading_ease
from wsw.text.triggers import Pattern, compile_trigger, match_at
from wsw.text.words import STOPWORDS, Token, stems, tokenize

COMMON_SHARE = 0.2  # a word in this share of all points' text says little about any one
MIN_POINTS_FOR_SHARE = 20  # below this, a share says nothing
DUPLICATE_OVERLAP = 0.7  # Jaccard overlap of two points' content words
EXTREMELY_DIFFICULT = 10.0
POINT_LISTS = ("learning_points", "practice_points")

# A sentence in the voice of advice: an instruction to the reader, unless it reports what a
# source says ("The briefing says to ask ...").
_IMPERATIVE = re.compile(
    r"^(?:ask|check|consider|make sure|ensure|remember|think|talk|find out|speak|record|use|"
    r"look|keep|try|avoid|seek|share|explain|tell|escalate|discuss|challenge|do not|don't|"
    r"never|always)\b|\byou (?:should|must|need to|ought to)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:says?|said|suggests?|recommends?|advises?|urges?|found|finds|notes?|points? to|"
    r"calls? for|according to|concludes?|argues?|describes?)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_PERCENT = re.compile(r"\d\s*%|\bper ?cent\b", re.IGNORECASE)
_OF_WHAT = re.compile(r"\b(?:of|in|among|across|for|where)\b", re.IGNORECASE)


@dataclass(frozen=True)
class LintWarning:
    rule: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.problem} [{self.rule}]"


@dataclass(frozen=True)
class _Located:
    part: Part
    loc: Loc
    point: Point


def lint(
    library: Library,
    pack_ids: list[str],
    *,
    every_trigger: bool = False,
    fitted: frozenset[str] = frozenset(),
) -> list[LintWarning]:
    """Every warning for the packs named (the rest of the library is what they are read in).

    `fitted`: the point ids the suggestion weights were fitted on; a pack with none of them
    is one fitting never saw, whose lone plain words are worth a look (`lone-word`).
    """
    packs = [p for p in library.packs if p.pack.id in pack_ids]
    corpus = _Corpus(library)
    judged = {ref.pack for ref in library.points if ref.point.id in fitted}
    warnings: list[LintWarning] = []
    for loaded in packs:
        points = list(_points(loaded))
        unused: list[LintWarning] = []
        for found in points:
            for warning in _trigger_warnings(found, corpus, loaded.pack.id in judged):
                (unused if warning.rule == "unused-trigger" else warnings).append(warning)
        if every_trigger or len(unused) <= 1:
            warnings.extend(unused)
        else:
            warnings.append(_unused_summary(loaded, points, unused))
    points = [found for loaded in packs for found in _points(loaded)]
    for found in points:
        warnings.extend(_figure_warnings(found, library))
        warnings.extend(_text_warnings(found))
    warnings.extend(_duplicates(points, library))
    for loaded in packs:
        warnings.extend(_unsourced(loaded))
    return warnings


def _points(loaded: LoadedPack) -> Iterator[_Located]:
    for part in loaded.parts:
        for key in POINT_LISTS:
            for i, point in enumerate(getattr(part.content, key)):
                yield _Located(part, (key, i), point)


def _warn(found: _Located, rule: str, where: Loc, message: str) -> LintWarning:
    return LintWarning(rule, found.part.marks.problem((*found.loc, *where), message))


class _Corpus:
    """The texts triggers are tried on: examples, scenarios, and every point's own words."""

    def __init__(self, library: Library) -> None:
        self.texts: list[tuple[str | None, list[Token]]] = [
            (None, tokenize(e.information)) for _, e in library.examples
        ]
        self.texts += [(None, tokenize(s.information)) for s in library.scenarios]
        self.texts += [
            (r.point.id, tokenize(f"{r.point.title}. {r.point.text} {r.point.prompt or ''}"))
            for r in library.points
        ]
        # Where each stem starts, so a trigger is tried only where its first word is.
        self.starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for n, (_, tokens) in enumerate(self.texts):
            for i, token in enumerate(tokens):
                self.starts[token.stem].append((n, i))
        self.point_count = len(library.points)

    def owners(self, pattern: Pattern) -> set[str | None]:
        """Which texts the pattern matches: None for an example or scenario, else a point id."""
        if pattern.modes[0] == "stem":
            places = self.starts.get(pattern.words[0], [])
        else:
            places = [
                (n, i) for n, (_, tokens) in enumerate(self.texts) for i in range(len(tokens))
            ]
        found: set[str | None] = set()
        for n, i in places:
            owner, tokens = self.texts[n]
            if owner not in found and match_at(pattern, tokens, i) is not None:
                found.add(owner)
        return found


def _trigger_warnings(found: _Located, corpus: _Corpus, fitted: bool) -> list[LintWarning]:
    warnings = []
    for j, trigger in enumerate(found.point.triggers):
        pattern = compile_trigger(trigger)
        owners = corpus.owners(pattern)
        if not owners - {found.point.id}:
            message = (
                f"trigger '{trigger}' matches no example, scenario or other point: "
                "add an example that uses it, so a change that loses it is seen"
            )
            warnings.append(_warn(found, "unused-trigger", ("triggers", j), message))
        common = _common_reason(pattern, owners, corpus.point_count)
        if common:
            message = f"trigger '{trigger}' {common}: make it a phrase, or weak with '~'"
            warnings.append(_warn(found, "common-trigger", ("triggers", j), message))
        elif not fitted and pattern.length == 1 and pattern.strength == 1.0:
            message = (
                f"trigger '{trigger}' is one plain word: alone it brings this point up only "
                f"when the text is also about '{found.point.primary_theme}'; if it names the "
                f"point by itself, make it strong ('{trigger}!') or a phrase"
            )
            warnings.append(_warn(found, "lone-word", ("triggers", j), message))
    return warnings


def _unused_summary(
    loaded: LoadedPack, points: list[_Located], unused: list[LintWarning]
) -> LintWarning:
    total = sum(len(found.point.triggers) for found in points)
    first = unused[0].problem
    message = (
        f"{len(unused)} of {total} point triggers match no example, scenario or other point "
        f"(the first at line {first.line}); add examples that use them "
        "(`wsw packs lint --every-trigger` lists each)"
    )
    return LintWarning("unused-trigger", Problem(loaded.file, None, None, "", message))


def _common_reason(pattern: Pattern, owners: set[str | None], points: int) -> str | None:
    if pattern.length > 1 or pattern.strength < 1.0:
        return None
    word = pattern.words[0]
    if pattern.modes[0] == "prefix" and len(word) < 4:
        return f"matches every word starting '{word}'"
    if pattern.modes[0] == "stem" and word in STOPWORDS:
        return "is a common word"
    share = len(owners - {None}) / points if points >= MIN_POINTS_FOR_SHARE else 0.0
    if share >= COMMON_SHARE:
        return f"is in {share:.0%} of all points' text"
    return None


def _figure_warnings(found: _Located, library: Library) -> list[LintWarning]:
    point = found.point
    if not point.figures:
        return []
    source = library.sources.get(point.source.document)
    warnings = []
    if source is not None and not source.about_figures:
        message = (
            f"source '{source.id}' has no about_figures: say what its figures count, of what "
            "population, and what they cannot show"
        )
        warnings.append(_warn(found, "figure-population", ("figures",), message))
    for j, figure in enumerate(point.figures):
        if _PERCENT.search(figure) and not _OF_WHAT.search(figure):
            message = 'a percentage with no population: say of what ("35% of the incidents")'
            warnings.append(_warn(found, "figure-population", ("figures", j), message))
    return warnings


def _text_warnings(found: _Located) -> list[LintWarning]:
    warnings = []
    for key in ("text", "prompt"):
        value = getattr(found.point, key)
        ease = reading_ease(value) if value else None
        if ease is not None and ease < EXTREMELY_DIFFICULT:
            message = (
                f"reading ease {ease:.1f} (Flesch; under {EXTREMELY_DIFFICULT:.0f} is "
                "extremely difficult): shorter sentences and words would help"
            )
            warnings.append(_warn(found, "reading-level", (key,), message))
    if found.loc[0] != "learning_points":
        return warnings  # a practice point's source is guidance: its voice is advice
    for sentence in _SENTENCE.findall(found.point.text):
        if _IMPERATIVE.search(sentence.strip()) and not _REPORTED.search(sentence):
            start = " ".join(sentence.split()[:4])
            message = (
                f"the cited text gives advice in its own voice ('{start} ...'): put advice in "
                "`prompt`, and in `text` only what the source says"
            )
            warnings.append(_warn(found, "advice-in-finding", ("text",), message))
            break
    return warnings


def _content(point: Point) -> frozenset[str]:
    words = stems(f"{point.title} {point.text}")
    return frozenset(w for w in words if w not in STOPWORDS and len(w) > 2)


def _duplicates(points: list[_Located], library: Library) -> list[LintWarning]:
    """Each linted point that shares most of its words with an earlier point of the library."""
    every = [ref.point for ref in library.points]
    words = {p.id: _content(p) for p in every}
    having: dict[str, list[str]] = defaultdict(list)
    for p in every:
        for w in words[p.id]:
            having[w].append(p.id)
    order = {p.id: n for n, p in enumerate(every)}
    warnings = []
    for found in points:
        mine = words[found.point.id]
        shared = Counter(other for w in mine for other in having[w] if other != found.point.id)
        # The overlap is at most count / len(mine): most points need no union worked out.
        close = [
            (count / len(mine | words[other]), other)
            for other, count in shared.items()
            if count >= DUPLICATE_OVERLAP * len(mine) and order[other] < order[found.point.id]
        ]
        best = max(close, default=None)
        if best is not None and best[0] >= DUPLICATE_OVERLAP:
            message = f"shares {best[0]:.0%} of its words with point '{best[1]}': merge them?"
            warnings.append(_warn(found, "near-duplicate", ("text",), message))
    return warnings


def _unsourced(loaded: LoadedPack) -> list[LintWarning]:
    warnings = []
    for part in loaded.parts:
        content = part.content
        items: list[tuple[Loc, object]] = [
            *((("escalation_questions", i), c) for i, c in enumerate(content.escalation_questions)),
            *((("checks", i), c) for i, c in enumerate(content.checks)),
        ]
        for w, walk in enumerate(content.walks):
            for s, stage in enumerate(walk.stages):
                for r, reminder in enumerate(stage.reminders):
                    items.append((("walks", w, "stages", s, "reminders", r), reminder))
        for loc, item in items:
            if getattr(item, "source", None) is None:
                message = "no source: it is shown as wsw's own; cite the section it comes from"
                warnings.append(LintWarning("no-source", part.marks.problem(loc, message)))
    return warnings
