"""Scenarios: their dates fall around the day a demo is run, and bad ones are pack errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, load_library, team_scenario, write
from wsw.errors import PackError
from wsw.packs.questions import relative_date
from wsw.reflection.scenarios import example_answers, find_scenario
from wsw.walk.session import Session

DAY = dt.date(2027, 3, 1)
SCENARIO = team_scenario(
    "      supervision-date: today+7\n"
    "      actions:\n"
    "        - {action: Refer, owner: FCA, due: today}\n"
    "        - {action: Visit, owner: FCA, due: today+2}\n"
    "        - {action: Look back, due: 2027-01-05}\n"
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("today", "2027-03-01"),
        ("today+7", "2027-03-08"),
        ("today - 1", "2027-02-28"),
        ("2026-11-19", "2026-11-19"),
        ("tomorrow", "tomorrow"),
    ],
)
def test_relative_dates(written: str, expected: str) -> None:
    assert relative_date(written, DAY) == expected


def test_a_scenarios_dates_are_counted_from_the_day_of_the_demo(tmp_path: Path) -> None:
    write(tmp_path / "packs" / "team.yaml", MINIMAL_PACK + SCENARIO)
    library = load_library([tmp_path / "packs"], user=False, env=False)
    scenario = find_scenario(library, "team-scenario")
    answers = example_answers(Session(library.walks["individual"], library), scenario, DAY)
    assert answers["supervision-date"] == "2027-03-08"
    assert [a["due"] for a in answers["actions"]] == ["2027-03-01", "2027-03-03", "2027-01-05"]  # type: ignore[index, union-attr]


def test_a_relative_date_that_is_not_one_is_a_pack_error(tmp_path: Path) -> None:
    write(tmp_path / "packs" / "team.yaml", MINIMAL_PACK + SCENARIO.replace("today+7", "today+x"))
    with pytest.raises(PackError, match="the example answer should be a date"):
        load_library([tmp_path / "packs"], user=False, env=False)
