"""`wsw actions` and `wsw actions done`: open until marked done, recorded in the note."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Runner, case_answers, notes_in


def test_actions_appear_until_one_is_marked_done(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    listed = json.loads(wsw("actions", "--json").out)
    assert listed["version"] == 1
    assert [a["action"] for a in listed["actions"]] == [
        "Refer to children's services",
        "Ask nursery for their observations",
    ]
    first = listed["actions"][0]
    assert set(first) == {"id", "case", "action", "owner", "due", "status", "note"}
    (note,) = notes_in(wsw_home)
    before = note.read_text(encoding="utf-8")
    done = wsw("actions", "done", first["id"][:4], "--outcome", "Accepted for assessment.")
    assert done.code == 0 and str(note) in done.err
    after = note.read_text(encoding="utf-8")
    assert after.startswith("---\n") and "action_outcomes:" in after.split("\n---\n")[0]
    assert before.split("\n---\n", 1)[1].rstrip() in after  # the body kept, only added to
    assert after.rstrip().endswith("Outcome: Accepted for assessment.")
    remaining = json.loads(wsw("actions", "--json").out)["actions"]
    assert [a["action"] for a in remaining] == ["Ask nursery for their observations"]
    for path in (wsw_home / "data").glob("cases.sqlite3*"):
        path.unlink()
    assert json.loads(wsw("actions", "--json").out)["actions"] == remaining  # from the note


def test_filters_and_unknown_ids(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    assert (
        wsw(
            "render",
            str(
                case_answers(
                    tmp_path,
                    "b.yaml",
                    "Child B",
                    actions=[{"action": "Far ahead", "owner": "FCA", "due": "2999-01-01"}],
                )
            ),
        ).code
        == 0
    )
    by_case = json.loads(wsw("actions", "--json", "--case", "Child B").out)["actions"]
    assert [a["action"] for a in by_case] == ["Far ahead"]
    overdue = json.loads(wsw("actions", "--json", "--overdue").out)["actions"]
    assert "Far ahead" not in [a["action"] for a in overdue] and len(overdue) == 2
    assert wsw("actions", "done", "zzzzzz").code == 2
    assert "OVERDUE" in wsw("actions").out


def test_completion_offers_action_ids(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    from wsw.cli.actions import complete_action

    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    ids = [a["id"] for a in json.loads(wsw("actions", "--json").out)["actions"]]
    assert sorted(complete_action("")) == sorted(ids)
    assert complete_action(ids[0][:3]) == [i for i in ids if i.startswith(ids[0][:3])]


def test_actions_from_the_safety_first_path_are_tracked_too(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    # What must happen today, typed before the rest of the walk, is not lost from the case.
    answers = case_answers(
        tmp_path,
        "a.yaml",
        "Child A",
        **{
            "protect-today": True,
            "tell-now": "Local authority front door, 10:15.",
            "referral-now": "s47",
            "manager-now": "Service manager, 10:05",
            "actions-now": [{"action": "Ring the school", "owner": "FCA", "due": "2026-12-01"}],
            "carry-on": "go-on",
        },
    )
    result = wsw("render", str(answers))
    assert result.code == 0, result.err
    listed = json.loads(wsw("actions", "--json").out)["actions"]
    actions = [a["action"] for a in listed]
    assert "Ring the school" in actions and "Refer to children's services" in actions
