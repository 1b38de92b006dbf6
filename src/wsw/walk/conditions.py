"""Deciding whether a question, reminder or check applies, from the answers so far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wsw.packs.models import AnswerTest, Condition


@dataclass(frozen=True)
class Facts:
    """What conditions can test: the answers, the chosen themes, age bands and case type."""

    answers: Mapping[str, Any]
    themes: frozenset[str]
    age_bands: frozenset[str]
    case_type: str | None


def holds(condition: Condition | None, facts: Facts) -> bool:
    """True when every test in the condition holds (a missing condition always holds)."""
    if condition is None:
        return True
    c = condition
    checks = [
        c.themes is None or bool(facts.themes & set(c.themes)),
        c.all_themes is None or set(c.all_themes) <= facts.themes,
        c.themes_count is None
        or len(facts.themes & set(c.themes_count.of)) >= c.themes_count.count,
        c.age_bands is None or bool(facts.age_bands & set(c.age_bands)),
        c.case_types is None or facts.case_type in c.case_types,
        c.answer is None or _answer_holds(c.answer, facts.answers),
        c.all is None or all(holds(sub, facts) for sub in c.all),
        c.any is None or any(holds(sub, facts) for sub in c.any),
        c.not_ is None or not holds(c.not_, facts),
    ]
    return all(checks)


def _answer_holds(test: AnswerTest, answers: Mapping[str, Any]) -> bool:
    present = test.question in answers
    value = answers.get(test.question)
    if test.answered is not None and present != test.answered:
        return False
    if not present and any(
        x is not None
        for x in (test.equals, test.in_, test.at_least, test.at_most, test.differs_from)
    ):
        return False
    if test.equals is not None and value != test.equals:
        return False
    if test.in_ is not None:
        chosen = value if isinstance(value, list) else [value]
        if not set(map(str, chosen)) & set(test.in_):
            return False
    number = _number(value)
    if test.at_least is not None and (number is None or number < test.at_least):
        return False
    if test.at_most is not None and (number is None or number > test.at_most):
        return False
    return not (
        test.differs_from is not None
        and (test.differs_from not in answers or answers[test.differs_from] == value)
    )


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        return len(value)
    return None
