"""A known case meets new information: what wsw knows is shown before So what?, the previous
score is pre-filled, and the follow-up answers are recorded in the note."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from helpers import DATA, Runner, builtin, case_answers, notes_in
from wsw.reflection import run
from wsw.reflection.notes import NoteTarget
from wsw.terminal.asker import TerminalAsker
from wsw.walk.engine import Answer, Reply, Skip, Stop
from wsw.walk.scripted import ScriptedAsker
from wsw.walk.session import Step

FULL: dict[str, Any] = yaml.safe_load((DATA / "answers-full.yaml").read_text())["answers"]
FULL["supervision-date"] = str(FULL["supervision-date"])
FULL["actions"] = [{**a, "due": str(a["due"])} for a in FULL["actions"]]


class ById(ScriptedAsker):
    """Answers from a mapping by question id; keeps a pre-filled answer where it has none."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__([])
        self.answers = answers

    def ask(self, step: Step) -> Reply:
        self.asked.append(step)
        if step.question.id in self.answers:
            return Answer(self.answers[step.question.id])
        if step.current is not None:
            return Answer(step.current)
        return Stop() if step.question.required else Skip()


def earlier_note(tmp_path: Path, home: Path, wsw: Runner) -> None:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0


def test_the_follow_up_comes_before_so_what_and_is_recorded(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    earlier_note(tmp_path, wsw_home, wsw)
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    stage_ids = [s.id for s in reflection.session.walk.stages]
    assert "case-review" not in stage_ids  # no case chosen yet
    ids = [a["id"] for a in __import__("json").loads(wsw("actions", "--json").out)["actions"]]
    answers = {k: v for k, v in FULL.items() if k != "scale-before"}
    answers |= {
        "case": "Child A",
        "information": "Nursery saw a bruise on her arm.",
        "case-changed": "Yes: police were called to the address.",
        f"case-action-{ids[0]}": "done",
        f"case-action-{ids[0]}-outcome": "Accepted for assessment.",
        f"case-action-{ids[1]}": "not-done",
        "case-pattern": "Yes, a second incident; the risk is rising.",
        "scale-after": 3,
    }
    asker = ById(answers)
    target = tmp_path / "later.md"
    outcome = run.run_walk(reflection, asker, run.Finish(NoteTarget(target), preview=False))
    assert outcome.status == "written"
    asked = [(s.stage.id, s.question.id) for s in asker.asked]
    review = [q for stage, q in asked if stage == "case-review"]
    assert review[0] == "case-changed" and review[-1] == "case-pattern"
    assert [st for st, _ in asked].index("case-review") < [st for st, _ in asked].index("so-what")
    step = next(s for s in asker.asked if s.question.id == "case-changed")
    assert step.stage.intro is not None
    assert "Safety scale over time: 7 -> 4" in step.stage.intro
    assert "At the first hearing the mother said" in step.stage.intro
    assert "Evidence of recent incidents" in step.question.prompt
    before = next(s for s in asker.asked if s.question.id == "scale-before")
    assert before.current == 4  # the previous "after", pre-filled
    front = yaml.safe_load(target.read_text(encoding="utf-8").split("---\n")[1])
    follow = front["follow_up"]
    assert follow["changed"] == "Yes: police were called to the address."
    assert [(a["id"], a["status"]) for a in follow["actions"]] == [
        (ids[0], "done"),
        (ids[1], "not-done"),
    ]
    assert follow["pattern"].startswith("Yes, a second incident")
    assert front["safety_before"] == 4 and front["case"] == "Child A"


def test_the_terminal_shows_what_is_known_and_numbers_the_cases(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    earlier_note(tmp_path, wsw_home, wsw)
    screen = io.StringIO()
    # no people; title; no child to protect today; date, private law, 1 to 5; case number 1
    typed = ["", "New reflection", "n", "2026-12-01", "1", "2", "1", ":save"]
    asker = TerminalAsker(
        console=Console(file=screen, width=80), stdin=io.StringIO("".join(f"{t}\n" for t in typed))
    )
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    assert run.run_walk(reflection, asker, run.Finish(None)).status == "saved"
    shown = screen.getvalue()
    assert "1. Child A (1 earlier, last" in shown
    assert reflection.session.answers["case"] == "Child A"

    screen = io.StringIO()
    partial = {
        k: FULL[k]
        for k in (
            "information",
            "source",
            "how-known",
            "when-where",
            "is-new",
            "evidence",
            "checked",
            "themes",
        )
    }
    reflection.session.answers.update(partial)
    reflection.session.cursor = "case-changed"
    typed = [":case", "Nothing of it has happened.", "", ":save"]
    asker = TerminalAsker(
        console=Console(file=screen, width=80), stdin=io.StringIO("".join(f"{t}\n" for t in typed))
    )
    reflection.people = []
    assert run.run_walk(reflection, asker, run.Finish(None)).status == "saved"
    shown = screen.getvalue()
    assert "Since the last reflection on this case" in shown
    assert "Safety scale over time: 7 -> 4" in shown
    intro = shown.split("Since the last reflection on this case", 1)[1].split("Last time you said")[
        0
    ]
    assert len(intro.splitlines()) <= 14  # with the question, it fits a 24-line screen
    assert reflection.session.answers["case-changed"] == "Nothing of it has happened."
    more = shown.split("This case so far", 1)[1]
    assert "Open action [" in more and "decision: Refer to the local authority" in more


def test_the_group_walk_follows_up_a_case_discussed_before(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    earlier_note(tmp_path, wsw_home, wsw)
    reflection = run.begin(builtin(), "group", "wsw group --resume")
    reflection.session.answers.update({"case-ref": "Child A again", "case": "Child A"})
    stages = [s.id for s in reflection.session.walk.stages]
    assert stages.index("case-review") == stages.index("reflect") - 1
    questions = [q.id for s in reflection.session.walk.stages for q in s.questions]
    assert "case-pattern" in questions and "case-changed" in questions


def test_a_new_reference_that_identifies_is_refused(wsw_home: Path) -> None:
    from wsw.packs.questions import BadValue, check_value, parse_typed

    walk = builtin().library.walks["individual"]
    question = next(q for s in walk.stages for q in s.questions if q.id == "case")
    assert parse_typed(question, "Child A", []) == "Child A"
    for bad in ("Child A SW1A 1AA", "DOB 01/02/2019"):
        try:
            parse_typed(question, bad, [])
        except BadValue as exc:
            assert "identifier" in str(exc)
        else:
            raise AssertionError("an identifying reference was accepted")
    try:
        check_value(question, "NHS 943 476 5919", [])
    except BadValue:
        pass
    else:
        raise AssertionError("an NHS number was accepted as a case reference")


def test_an_answers_file_for_a_known_case_may_hold_the_follow_up(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    earlier_note(tmp_path, wsw_home, wsw)
    later = case_answers(tmp_path, "b.yaml", "Child A", **{"case-pattern": "No pattern yet."})
    assert wsw("render", str(later)).code == 0
    newest = max(notes_in(wsw_home), key=lambda p: "No pattern yet." in p.read_text())
    assert "pattern: No pattern yet." in newest.read_text(encoding="utf-8")
    unknown = case_answers(tmp_path, "c.yaml", "Child Z", **{"case-pattern": "x"})
    result = wsw("render", str(unknown))
    assert result.code == 2 and "'case-pattern' is not a question" in result.err


def test_the_answers_schema_allows_the_follow_up_ids(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    import json

    import jsonschema

    from wsw.packs.answers_schema import FOLLOW_UP

    earlier_note(tmp_path, wsw_home, wsw)
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    reflection.session.answers["case"] = "Child A"
    review = next(s for s in reflection.session.walk.stages if s.id == "case-review")
    import re

    assert all(re.fullmatch(FOLLOW_UP, q.id) for q in review.questions)
    schema = json.loads(wsw("prompts", "--schema").out)
    answers = {**FULL, "case-pattern": "No.", f"{review.questions[1].id}": "done"}
    jsonschema.validate({"answers": answers}, schema)
    with_unknown = {**answers, "case-something": "x"}
    try:
        jsonschema.validate({"answers": with_unknown}, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown id was allowed")


def test_the_quick_walk_asks_the_case_and_follows_it_up(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    earlier_note(tmp_path, wsw_home, wsw)
    reflection = run.begin(builtin(), "quick", "wsw reflect --resume")
    assert "case" in [q.id for s in reflection.session.walk.stages for q in s.questions]
    reflection.session.answers["case"] = "Child A"
    stages = [s.id for s in reflection.session.walk.stages]
    assert stages.index("case-review") == stages.index("so-what") - 1
