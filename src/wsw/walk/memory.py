"""What a walk may know of earlier reflections on the same case, as the session sees it.

The session knows nothing of notes or databases: it is handed a `CaseMemory` (the case index,
in `wsw.cases`), asks it for the known cases (the choices of the walk's `case` question) and,
once a known case is chosen, for a `Review`: a stage of ordinary questions, with ids, put
before the walk's `case_review` stage, so the terminal, answers files and drafts treat them
like any other question. What the review's answers mean for the case (an action done, a
question answered) goes into the note's front matter through `Review.record`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from wsw.packs.models import Choice, Stage, Walk
from wsw.packs.questions import Answers, Value


@dataclass(frozen=True)
class Review:
    """The follow-up questions for a known case, and how their answers are recorded."""

    stage: Stage
    defaults: Mapping[str, Value] = field(default_factory=dict)  # pre-filled answers
    record: Callable[[Answers], dict[str, Any]] = lambda _: {}
    more: str = ""  # the longer account of the case, shown by `:case`


class CaseMemory(Protocol):
    """The earlier reflections a walk can draw on."""

    def choices(self) -> list[Choice]:
        """The known cases, most recent first."""
        ...

    def review(self, walk: Walk, case: str) -> Review | None:
        """The follow-up for a known case in this walk; None for a case not seen before."""
        ...


def with_review(walk: Walk, review: Review | None) -> Walk:
    """The walk with the review's stage put before its `case_review` stage."""
    if review is None or walk.case_review is None:
        return walk
    stages: list[Stage] = []
    for stage in walk.stages:
        if stage.id == walk.case_review:
            stages.append(review.stage)
        stages.append(stage)
    return dataclasses.replace(walk, stages=stages)


class Recall:
    """A session's view of the case memory: the review for the case chosen, worked out once.

    The review depends only on the case answer, so it is cached by that answer; changing the
    case (after `:back`) brings in the other case's questions.
    """

    def __init__(self, memory: CaseMemory | None) -> None:
        self.memory = memory
        self._choices: list[Choice] | None = None
        self._reviews: dict[str, Review | None] = {}

    def choices(self) -> list[Choice]:
        if self.memory is None:
            return []
        if self._choices is None:
            self._choices = self.memory.choices()
        return self._choices

    def review(self, walk: Walk, answers: Mapping[str, Any]) -> Review | None:
        if self.memory is None or walk.case_from is None:
            return None
        case = answers.get(walk.case_from)
        if not isinstance(case, str) or not case.strip():
            return None
        if case not in self._reviews:
            self._reviews[case] = self.memory.review(walk, case)
        return self._reviews[case]
