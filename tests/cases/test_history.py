"""What stays open: actions until done or no longer needed, questions until answered."""

from __future__ import annotations

import datetime as dt

from wsw.cases.history import actions_of, all_cases, build_case
from wsw.cases.record import parse_note

FIRST = """---
case: Child A
date: 2026-10-01
safety_before: 8
safety_after: 6
actions:
- {action: Ring school, owner: FCA, due: 2026-10-10}
- {action: Check police records, owner: FCA, due: 2026-12-30}
- {action: Speak to dad, owner: FCA}
open_questions: [Who collects her from school?, Is dad in contact?]
---
"""


def second(statuses: str, questions: str = "[]") -> str:
    return f"""---
case: Child A
date: 2026-11-01
safety_before: 6
safety_after: 5
follow_up:
  actions: {statuses}
  questions: {questions}
---
"""


def notes(*texts: str) -> list:  # type: ignore[type-arg]
    found = [parse_note(f"n{i}.md", t) for i, t in enumerate(texts)]
    return [n for n in found if n is not None]


def test_actions_close_only_when_done_or_no_longer_needed() -> None:
    (first,) = notes(FIRST)
    ring, police, dad = (a.id for a in first.actions)
    follow = (
        f"[{{id: {ring}, status: done}}, {{id: {police}, status: not-done, outcome: waiting}},"
        f" {{id: {dad}, status: no-longer-needed}}]"
    )
    case = build_case("Child A", notes(FIRST, second(follow)))
    assert [(a.id, a.status, a.outcome) for a in case.actions] == [(police, "not-done", "waiting")]


def test_questions_close_when_a_later_note_answers_them() -> None:
    (first,) = notes(FIRST)
    asked = first.questions[0].id
    case = build_case("Child A", notes(FIRST, second("[]", f"[{{id: {asked}, answered: true}}]")))
    assert [q.question for q in case.questions] == ["Is dad in contact?"]


def test_an_outcome_recorded_in_the_note_closes_its_action() -> None:
    (first,) = notes(FIRST)
    ring = first.actions[0].id
    recorded = FIRST.replace("---\n", f"---\naction_outcomes:\n- {{id: {ring}, status: done}}\n", 1)
    assert ring not in [a.id for a in build_case("Child A", notes(recorded)).actions]


def test_the_safety_trend_and_the_summary() -> None:
    case = all_cases(notes(FIRST, second("[]")))["Child A"]
    assert case.trend() == "8 -> 6 -> 5"
    assert case.summary() == {
        "case": "Child A",
        "notes": 2,
        "first": "2026-10-01",
        "last": "2026-11-01",
        "safety": 5,
        "open_actions": 3,
    }


def test_overdue_actions_come_first() -> None:
    case = build_case("Child A", notes(FIRST))
    found = actions_of([case], dt.date(2026, 11, 1))
    assert [a.action for a in found] == ["Ring school", "Check police records", "Speak to dad"]
    overdue = actions_of([case], dt.date(2026, 11, 1), overdue_only=True)
    assert [a.action for a in overdue] == ["Ring school"]


def test_cases_are_listed_most_recent_first() -> None:
    other = FIRST.replace("Child A", "Child B").replace("2026-10-01", "2026-10-20")
    assert list(all_cases(notes(FIRST, other))) == ["Child B", "Child A"]
    assert list(all_cases(notes(FIRST, other, second("[]")))) == ["Child A", "Child B"]
