"""Training scenarios: finding one, and its example answers as checked values."""

from __future__ import annotations

import datetime as dt

from wsw.errors import InputError, did_you_mean
from wsw.packs.library import Library
from wsw.packs.models import Scenario
from wsw.packs.questions import Answers, check_value, with_dates_resolved
from wsw.walk.session import Session


def find_scenario(library: Library, scenario_id: str) -> Scenario:
    for s in library.scenarios:
        if s.id == scenario_id:
            return s
    ids = [s.id for s in library.scenarios]
    raise InputError(
        f"No scenario '{scenario_id}'{did_you_mean(scenario_id, ids)}. "
        f"See `wsw demo --list` ({len(ids)} scenarios)."
    )


def example_answers(session: Session, scenario: Scenario, today: dt.date | None = None) -> Answers:
    """The scenario's answers as checked values, its relative dates counted from today.

    Pack validation has checked them already, so a BadValue here is a bug, not bad input.
    """
    day = today or dt.date.today()
    out: Answers = {}
    for qid, value in scenario.answers.items():
        question = session.question(qid)
        resolved = with_dates_resolved(question, value, day)
        out[qid] = check_value(question, resolved, session.choices(question))
    return out
