"""Deciding whether a question, reminder or check applies, from the answers so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    if test.answered is not None and present != test.answered:
        return False
    if not present:  # only `answered: false` (or no test at all) holds for a missing answer
        return not _tests_the_value(test)
    value = answers[test.question]
    return (
        _value_holds(test, value)
        and _number_holds(test, _number(value))
        and not (
            test.differs_from is not None
            and (test.differs_from not in answers or answers[test.differs_from] == value)
        )
    )


def _tests_the_value(test: AnswerTest) -> bool:
    tests = (test.equals, test.in_, test.at_least, test.at_most, test.differs_from, test.mentions)
    return any(x is not None for x in tests)


def _value_holds(test: AnswerTest, value: Any) -> bool:
    if test.mentions is not None and not mentions(value, test.mentions):
        return False
    if test.equals is not None and value != test.equals:
        return False
    if test.in_ is not None:
        chosen = value if isinstance(value, list) else [value]
        return bool(set(map(str, chosen)) & set(test.in_))
    return True


def _number_holds(test: AnswerTest, number: int | None) -> bool:
    if test.at_least is not None and (number is None or number < test.at_least):
        return False
    return not (test.at_most is not None and (number is None or number > test.at_most))


def mentions(value: Any, triggers: Sequence[str]) -> bool:
    """Whether an answer's text (a line, lines or a list's items) matches any trigger.

    The suggestion engine's reading is used, so a trigger means the same in a condition as in
    a point: on word stems, within one clause, and not inside a reassurance ("no DV
    concerns"); a plain "not" does not stop a match.
    """
    texts = value if isinstance(value, list) else [value]
    wanted = tuple(triggers)
    return any(isinstance(text, str) and _mentions(text, wanted) for text in texts)


_READ: dict[tuple[bytes, tuple[str, ...]], bool] = {}  # (digest of an answer, triggers) -> yes/no
_READ_MAX = 256


def _mentions(text: str, triggers: tuple[str, ...]) -> bool:
    """Remembered: the walk asks the same condition of the same answer after every answer,
    and reading a long answer (a pasted case summary) takes a while. Only a digest of the
    answer and the yes or no are kept, never the answer itself."""
    import hashlib

    key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), triggers)
    found = _READ.get(key)
    if found is None:
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        found = _READ[key] = _read_mentions(text, triggers)
    return found


def _read_mentions(text: str, triggers: tuple[str, ...]) -> bool:
    from wsw.suggest.clauses import read_clauses
    from wsw.text.triggers import compile_trigger, match_at
    from wsw.text.words import tokenize

    tokens = read_clauses(tokenize(text))
    patterns = [compile_trigger(t) for t in triggers]
    return any(match_at(p, tokens, i) is not None for i in range(len(tokens)) for p in patterns)


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        return len(value)
    return None
