"""Conditions on answers: what decides that a question, reminder or check applies."""

from __future__ import annotations

from typing import Any

import pytest

from wsw.packs.library import Library
from wsw.text.words import Token
from wsw.walk.conditions import mentions
from wsw.walk.session import Session

MOVE = ["moved from", "moved ... area", "new local authority"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The family moved from Leeds in the summer.", True),
        ("They moved out of the area in May.", True),  # a gap of up to three words
        (["Seen at home.", "Mum said they moved from Hull."], True),  # a list's items
        ("Mum's new partner moved in last month.", False),  # a move, but not between areas
        ("They moved. From then on, nobody saw him.", False),  # not across a sentence
        (7, False),  # not text
    ],
)
def test_an_answer_mentions_a_phrase_as_a_trigger_would_match_it(
    text: object, expected: bool
) -> None:
    assert mentions(text, MOVE) is expected


def _checks(library: Library, information: str, themes: list[str]) -> list[str]:
    answers: dict[str, Any] = {
        "protect-today": False,
        "age-bands": ["6-10"],
        "information": information,
        "themes": themes,
        "already-shared": "unknown",
    }
    session = Session(library.walks["individual"], library, answers)
    return [r.id for r in session.reminders("then-what")]


def test_the_moving_areas_check_waits_for_a_move_not_any_sharing_of_information(
    library: Library,
) -> None:
    """It used to come up for every case about sharing information, where it read as noise."""
    no_move = _checks(library, "School did not pass on the disclosure.", ["information-sharing"])
    assert "core.check.moved-area" not in no_move
    assert "core.check.moved-area-handover" not in no_move
    moved = _checks(library, "The family moved from Leeds; no transfer-in conference yet.",
                    ["information-sharing"])  # fmt: skip
    assert {"core.check.moved-area", "core.check.moved-area-handover"} <= set(moved)
    unseen = _checks(library, "Not seen at school since March.", ["hidden-children"])
    assert "core.check.moved-area" in unseen  # children out of sight: ask whether they moved


def test_a_long_answer_is_read_once_however_often_its_condition_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk asks its conditions again after every answer; reading a pasted case summary
    each time made a 0.36 MB answer's note take 10 s to render instead of 4."""
    import wsw.suggest.clauses as clauses

    calls: list[int] = []
    real = clauses.read_clauses

    def counted(tokens: list[Token]) -> list[Token]:
        calls.append(len(tokens))
        return real(tokens)

    monkeypatch.setattr(clauses, "read_clauses", counted)
    summary = "Seen at home with both children. " * 2000 + "Then they moved from Leeds."
    assert all(mentions(summary, MOVE) for _ in range(5))
    assert len(calls) == 1
