"""The walk as a state machine: which question is next, answering, going back, skipping.

A Session knows nothing of terminals or files. It holds the answers and a cursor; which
questions are visible is worked out afresh from the answers every time, so changing an early
answer (after `:back`) can bring questions in or take them out without any bookkeeping.
Answers to questions that have become hidden are kept (the practitioner may come back to
them) but left out of `visible_answers`, which is what the note uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from wsw.packs.library import Library
from wsw.packs.models import Choice, Question, SourceRef, Stage, Walk
from wsw.packs.questions import Answers, Value, choices_for
from wsw.suggest.engine import Suggester, Suggestion
from wsw.walk.conditions import Facts, holds
from wsw.walk.memory import CaseMemory, Recall, with_review

THEMES_FROM = "themes"
AGES_FROM = "age-bands"
REMINDERS_AT_ONCE = 3  # more would push the question off an 80x24 screen
LEARNING_SHOWN = 3  # points shown in brief at the themes question; the note lists these


@dataclass(frozen=True)
class Notice:
    """A reminder, check, escalation question or practice point as shown at a stage."""

    id: str
    text: str
    kind: str  # "reminder", "check", "escalation" or "practice"
    source: str | None = None
    at: str | None = None  # the question it concerns; None: the start of the stage


@dataclass
class Step:
    """Everything an asker needs to put one question to someone."""

    stage: Stage
    stage_number: int
    stage_count: int
    question: Question
    question_number: int
    question_count: int
    choices: list[Choice]
    current: Value | None
    reminders: list[Notice] = field(default_factory=list)  # to show now, at most three
    stage_reminders: list[Notice] = field(default_factory=list)  # all that apply (:reminders)
    suggested: list[str] = field(default_factory=list)
    learning: list[Suggestion] = field(default_factory=list)
    restored: str | None = None  # lines typed before an interruption, offered again once
    restored_line: str = ""  # and the line that was being typed then
    case_more: str = ""  # a known case's earlier reflections in full (`:case`)

    @property
    def first_in_stage(self) -> bool:
        return self.question_number == 1


class Session:
    """One reflection in progress.

    The suggester is given, not looked up: without one (a note rendered from a file that
    picked its themes already) nothing is suggested. So is the case memory: without one no
    case is known, and a `case` answer brings in no follow-up questions.
    """

    def __init__(
        self,
        walk: Walk,
        library: Library,
        answers: Mapping[str, Value] | None = None,
        skipped: list[str] | None = None,
        *,
        suggester: Suggester | None = None,
        memory: CaseMemory | None = None,
    ) -> None:
        self.base_walk = walk
        self.recall = Recall(memory)
        self._walks: dict[int, Walk] = {}
        self.library = library
        self.suggester = suggester
        self.answers: Answers = dict(answers or {})
        self.skipped: set[str] = set(skipped or [])
        self.shown: set[str] = set()
        self.history: list[str] = []
        self.suggestions: dict[str, list[Suggestion]] = {}
        self._theme_titles = {t.id: t.title for t in library.themes.values()}
        self.cursor: str | None = self._first_unanswered()

    # -- the walk, with what is known of the case -------------------------------------------

    @property
    def walk(self) -> Walk:
        """The walk as it stands: with a known case, the follow-up stage put in."""
        review = self.recall.review(self.base_walk, self.answers)
        if review is None:
            return self.base_walk
        key = id(review)
        if key not in self._walks:
            self._walks[key] = with_review(self.base_walk, review)
        return self._walks[key]

    def review_record(self) -> dict[str, Any]:
        """What the follow-up answers mean for the case, for the note's front matter."""
        review = self.recall.review(self.base_walk, self.answers)
        return review.record(self.visible_answers()) if review is not None else {}

    def _default(self, question_id: str) -> Value | None:
        review = self.recall.review(self.base_walk, self.answers)
        return review.defaults.get(question_id) if review is not None else None

    # -- what is visible --------------------------------------------------------------------

    def facts(self) -> Facts:
        themes: set[str] = set()
        ages: set[str] = set()
        for stage in self.walk.stages:
            for q in stage.questions:
                value = self.answers.get(q.id)
                if isinstance(value, list) and q.choices_from == THEMES_FROM:
                    themes.update(v for v in value if isinstance(v, str))
                if isinstance(value, list) and q.choices_from == AGES_FROM:
                    ages.update(v for v in value if isinstance(v, str))
        case_type = self.answers.get(self.walk.case_type_from) if self.walk.case_type_from else None
        return Facts(
            self.answers,
            frozenset(themes),
            frozenset(ages),
            case_type if isinstance(case_type, str) else None,
        )

    def visible(self) -> list[tuple[Stage, Question]]:
        facts = self.facts()
        return [(s, q) for s in self.walk.stages for q in s.questions if holds(q.when, facts)]

    def visible_answers(self) -> Answers:
        return {q.id: self.answers[q.id] for _, q in self.visible() if q.id in self.answers}

    def question(self, question_id: str) -> Question:
        for stage in self.walk.stages:
            for q in stage.questions:
                if q.id == question_id:
                    return q
        raise KeyError(question_id)

    def choices(self, question: Question) -> list[Choice]:
        if question.type == "case":
            return self.recall.choices()
        return choices_for(question, self._theme_titles)

    def _first_unanswered(self) -> str | None:
        for _, q in self.visible():
            if q.id not in self.answers and q.id not in self.skipped:
                return q.id
        return None

    @property
    def done(self) -> bool:
        return self.cursor is None

    # -- moving -----------------------------------------------------------------------------

    def step(self) -> Step | None:
        """The question to ask now, with its reminders; None when the walk is finished.

        Asking changes nothing: the engine marks the step's reminders shown once it is asked.
        """
        current_id = self._current()
        if current_id is None:
            return None
        visible = self.visible()
        ids = [q.id for _, q in visible]
        stage, question = visible[ids.index(current_id)]
        stages = [s for s in self.walk.stages if any(v[0].id == s.id for v in visible)]
        in_stage = [q for s, q in visible if s.id == stage.id]
        suggested = self._suggested_for(question)
        current = self.answers.get(question.id)
        if current is None and suggested:
            current = suggested
        if current is None:
            current = self._default(question.id)
        applying = self.reminders(stage.id)
        review = self.recall.review(self.base_walk, self.answers)
        return Step(
            stage=stage,
            stage_number=stages.index(stage) + 1,
            stage_count=len(stages),
            question=question,
            question_number=in_stage.index(question) + 1,
            question_count=len(in_stage),
            choices=self.choices(question),
            current=current,
            reminders=self._due_reminders(applying, [q.id for q in in_stage], question.id),
            stage_reminders=applying,
            suggested=suggested,
            learning=list(self.suggestions.get(question.id, [])),
            case_more=review.more if review is not None else "",
        )

    def mark_shown(self, step: Step) -> None:
        """The step's reminders have been seen: each is shown once per walk."""
        self.shown.update(r.id for r in step.reminders)

    def _current(self) -> str | None:
        """The cursor, or the next visible question if answers since have hidden it."""
        if self.cursor is None:
            return None
        if self.cursor in {q.id for _, q in self.visible()}:
            return self.cursor
        return self._next_after(self.cursor)

    def answer(self, value: Value) -> None:
        self.cursor = self._current()
        assert self.cursor is not None, "the walk is finished"
        self.answers[self.cursor] = value
        self.skipped.discard(self.cursor)
        self._advance()

    def skip(self) -> None:
        """Leave an optional question unanswered. Required questions cannot be skipped."""
        self.cursor = self._current()
        assert self.cursor is not None, "the walk is finished"
        if self.question(self.cursor).required:
            raise ValueError("this question needs an answer")
        self.answers.pop(self.cursor, None)
        self.skipped.add(self.cursor)
        self._advance()

    def back(self) -> bool:
        """Return to the previous question asked. False when there is nowhere to go back to."""
        visible = {q.id for _, q in self.visible()}
        while self.history:
            previous = self.history.pop()
            if previous in visible:
                self.cursor = previous
                return True
        return False

    def go_to_stage(self, stage_id: str) -> None:
        """Jump to the first visible question of a stage (from the preview)."""
        for stage, q in self.visible():
            if stage.id == stage_id:
                if self.cursor is not None:
                    self.history.append(self.cursor)
                self.cursor = q.id
                return
        raise KeyError(stage_id)

    def _advance(self) -> None:
        assert self.cursor is not None
        self.history.append(self.cursor)
        self.cursor = self._next_after(self.cursor)

    def _next_after(self, question_id: str) -> str | None:
        order = [q.id for s in self.walk.stages for q in s.questions]
        visible = {q.id for _, q in self.visible()}
        for qid in order[order.index(question_id) + 1 :]:
            if qid in visible:
                return qid
        return None

    # -- learning and reminders ---------------------------------------------------------------

    def _suggested_for(self, question: Question) -> list[str]:
        """For a themes question: the themes suggested by the answers it draws on."""
        if not question.suggest_from or question.choices_from != THEMES_FROM:
            return []
        if self.suggester is None:
            return []
        from wsw.suggest import distinct_themes

        text = "\n".join(str(self.answers.get(q, "")) for q in question.suggest_from).strip()
        if not text:
            return []
        bands = sorted(self.facts().age_bands)
        results = self.suggester.suggest(text, age_bands=bands, limit=20)
        # A cache: the same answers always give the same suggestions, and the note reuses them.
        self.suggestions[question.id] = results
        return distinct_themes(results)[:6]

    def learning(self) -> list[str]:
        """Ids of the points suggested for the information, most relevant first."""
        for _, q in self.visible():
            if q.choices_from == THEMES_FROM and q.suggest_from:
                if q.id not in self.suggestions:
                    self._suggested_for(q)
                return [s.id for s in self.suggestions.get(q.id, [])]
        return []

    def shown_learning(self) -> list[str]:
        """Ids of the points the walk shows at the themes question (the first few suggested).

        Worked out from the answers, so a resumed draft or an answers file gives the same list
        as the walk that showed them; the note lists those whose themes were confirmed.
        """
        return self.learning()[:LEARNING_SHOWN]

    def _due_reminders(self, applying: list[Notice], order: list[str], here: str) -> list[Notice]:
        """The reminders to show at this question: not shown yet, and not waiting for a later
        question they concern; those about this very question first, at most three."""
        position = order.index(here)

        def due(r: Notice) -> bool:
            return r.at is None or r.at not in order or order.index(r.at) <= position

        waiting = [r for r in applying if r.id not in self.shown and due(r)]
        waiting.sort(key=lambda r: r.at != here)
        return waiting[:REMINDERS_AT_ONCE]

    def reminders(self, stage_id: str) -> list[Notice]:
        """Every reminder that applies at a stage given the answers so far."""
        return list(self._reminders(stage_id))

    def _reminders(self, stage_id: str) -> Iterator[Notice]:
        facts = self.facts()
        lib = self.library
        stage = next(s for s in self.walk.stages if s.id == stage_id)
        for r in stage.reminders:
            if holds(r.when, facts):
                yield Notice(r.id, r.text, "reminder", self._cite(r.source), r.at)
        for kind, checks in (("escalation", lib.escalation_questions), ("check", lib.checks)):
            for c in checks:
                if c.shown_at(stage_id) and holds(c.when, facts):
                    yield Notice(c.id, c.text, kind, self._cite(c.source), c.at)
        for ref in lib.points:
            p = ref.point
            if ref.kind == "practice" and stage_id in p.stages and p.primary_theme in facts.themes:
                yield Notice(p.id, p.title, "practice", self._cite(p.source))

    def _cite(self, ref: SourceRef | None) -> str | None:
        return self.library.cite(ref) if ref else None
