"""The walk engine driven by a scripted asker: order, conditions, back, skip, resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wsw.packs.library import Library
from wsw.suggest.engine import Suggester
from wsw.walk.engine import Back, Skip, Stop, drive
from wsw.walk.scripted import ScriptedAsker
from wsw.walk.session import Session

FULL = {
    "case-ref": "Child A - new partner",
    "case": "Child A",
    "protect-today": False,
    "supervision-date": "2026-12-01",
    "case-type": "private-law",
    "age-bands": ["1-5"],
    "information": "Mother's new partner moved in; police check shows assault on an ex-partner.",
    "source": "police",
    "how-known": ["records"],
    "when-where": "Last month, at the family home.",
    "is-new": "new",
    "evidence": "PNC record.",
    "checked": False,
    "unknowns": ["Is he caring for the child alone?"],
    "themes": ["male-carers", "domestic-abuse"],
    "learning-meaning": "Find out who he is and check his history.",
    "before": "Low risk.",
    "meaning-child": "Possible exposure to violence.",
    "other-children": "His own children?",
    "safety-now": "Unclear.",
    "future-risk": "Higher.",
    "daily-life": "Nursery three days.",
    "child-voice": "Not yet seen.",
    "seen-alone": False,
    "alternatives": ["Historic, one-off", "He is harming the mother now"],
    "alternatives-test": "Police call-outs, speak to the mother alone.",
    "change-mind": "Evidence of recent incidents.",
    "scale-before": 7,
    "scale-after": 4,
    "scale-reason": "A history of violence to a partner.",
    "options": ["Safeguarding letter", "Referral"],
    "decision": "Refer under s47 and tell the court.",
    "actions": [{"action": "Refer to LA", "owner": "FCA", "due": "2026-11-25"}],
    "referral": "s47",
    "share-what": "The conviction and what it means for Child A.",
    "already-shared": "unknown",
    "disagreement": False,
    "pivotal": ["finely-balanced"],
    "situational-supervision": True,
    "supervision-questions": ["Is a s47 referral proportionate?"],
    "practice-learning": "Ask who lives in the home at the first contact.",
    "practice-impact": "Risk judged on who is really in the home.",
}


def session(library: Library, answers: dict[str, Any] | None = None) -> Session:
    return Session(library.walks["individual"], library, answers, suggester=Suggester(library))


def run(library: Library, replies: list[Any]) -> tuple[Session, ScriptedAsker]:
    s = session(library)
    asker = ScriptedAsker(replies)
    drive(s, asker, lambda _: None)
    return s, asker


def test_a_full_walk_answers_every_visible_question(library: Library) -> None:
    probe = session(library, FULL)
    s, asker = run(library, [FULL[q.id] for _, q in probe.visible()])
    assert s.done
    assert s.visible_answers() == {q.id: FULL[q.id] for _, q in probe.visible()}
    asked = [step.question.id for step in asker.asked]
    assert asked[0] == "case-ref"
    assert "escalation-stage" not in asked
    assert asker.told == []


def test_conditions_bring_in_questions(library: Library) -> None:
    with_checked = {**FULL, "checked": True}
    assert "checked-how" in [q.id for _, q in session(library, with_checked).visible()]
    disagree = {**FULL, "disagreement": True}
    visible = [q.id for _, q in session(library, disagree).visible()]
    assert {"escalation-stage", "escalation-with", "escalation-by"} <= set(visible)
    same_scale = {**FULL, "scale-after": 7}
    visible = [q.id for _, q in session(library, same_scale).visible()]
    assert "scale-same-reason" in visible and "scale-reason" not in visible


def test_reminders_follow_themes_ages_and_answers(library: Library) -> None:
    answers = {**FULL, "themes": ["domestic-abuse", "substance-misuse"], "age-bands": ["under-1"]}
    s = session(library, answers)
    so_what = {r.id for r in s.reminders("so-what")}
    assert {"so-what.interacting-risks", "so-what.infants", "so-what.not-seen-alone"} <= so_what
    then_what = {r.id for r in s.reminders("then-what")}
    assert "then-what.situational-supervision" in then_what
    assert "then-what.check-passed-on" in then_what
    assert not any(r.startswith("core.esc.") for r in then_what)
    escalating = session(library, {**answers, "disagreement": True})
    assert "core.esc.decision" in {r.id for r in escalating.reminders("then-what")}
    one_theme = session(library, {**FULL, "themes": ["domestic-abuse"]})
    assert "so-what.interacting-risks" not in {r.id for r in one_theme.reminders("so-what")}


def test_themes_are_suggested_from_the_information(library: Library) -> None:
    script = [
        FULL[k]
        for k in (
            "case-ref",
            "protect-today",
            "supervision-date",
            "case-type",
            "age-bands",
            "case",
            "information",
            "source",
            "how-known",
            "when-where",
            "is-new",
            "evidence",
        )
    ]
    script += [False, []]  # not checked; no unknowns
    s, _ = run(library, script)
    step = s.step()
    assert step is not None and step.question.id == "themes"
    assert "male-carers" in step.suggested and "domestic-abuse" in step.suggested
    assert step.current == step.suggested


def test_back_returns_to_the_previous_question_and_keeps_answers(library: Library) -> None:
    s, asker = run(library, ["Ref", False, "2026-12-01", Back(), Back(), Back(), "Ref 2", Stop()])
    assert s.answers["case-ref"] == "Ref 2"
    assert s.answers["supervision-date"] == "2026-12-01"
    assert [st.question.id for st in asker.asked][:7] == [
        "case-ref", "protect-today", "supervision-date", "case-type", "supervision-date",
        "protect-today", "case-ref",
    ]  # fmt: skip
    assert asker.asked[4].current == "2026-12-01"


def test_back_at_the_start_is_explained(library: Library) -> None:
    _, asker = run(library, [Back(), Stop()])
    assert "nothing to go back to" in asker.told[0]


def test_skip_only_optional_questions(library: Library) -> None:
    s, asker = run(library, [Skip(), "Ref", False, Skip(), Stop()])
    assert "cannot be skipped" in asker.told[0]
    assert "supervision-date" in s.skipped
    assert s.cursor == "case-type"


def test_bad_values_are_explained_and_asked_again(library: Library) -> None:
    replies = ["Ref", False, "not a date", "2026-12-01", "civil", "public-law", Stop()]
    s, asker = run(library, replies)
    assert s.answers["supervision-date"] == "2026-12-01"
    assert s.answers["case-type"] == "public-law"
    assert "date" in asker.told[0] and "one of" in asker.told[1]


def test_resume_starts_at_the_first_unanswered_question(library: Library) -> None:
    keys = ("case-ref", "protect-today", "supervision-date", "case-type", "age-bands", "case")
    partial = {k: FULL[k] for k in keys}
    s = session(library, partial)
    step = s.step()
    assert step is not None and step.question.id == "information"
    assert step.stage.id == "what" and step.stage_number == 3


def test_changing_an_answer_hides_dependent_questions_from_the_note(library: Library) -> None:
    s = session(library, {**FULL, "checked": True, "checked-how": "Rang the school."})
    assert "checked-how" in s.visible_answers()
    s.answers["checked"] = False
    assert "checked-how" not in s.visible_answers()
    assert s.answers["checked-how"] == "Rang the school."


def test_progress_counts_visible_questions(library: Library) -> None:
    s = session(library)
    step = s.step()
    assert step is not None
    assert (step.stage_number, step.stage_count) == (1, 7)  # not the immediate-action stage
    assert (step.question_number, step.question_count) == (1, 2)


def test_a_baby_brings_in_the_infant_questions(library: Library) -> None:
    infant = {q.id for _, q in session(library, {**FULL, "age-bands": ["under-1"]}).visible()}
    older = {q.id for _, q in session(library, FULL).visible()}
    assert {"infant-sleep", "infant-care", "infant-crying"} <= infant
    assert not {"infant-sleep", "infant-care", "infant-crying"} & older


def test_a_check_can_name_stages_in_several_walks(tmp_path: Path) -> None:
    """A check listing stages of both walks reaches both (and an unknown stage is an error)."""
    from helpers import MINIMAL_PACK, load_library, write
    from wsw.errors import PackError

    pack = MINIMAL_PACK + (
        "checks:\n"
        "  - id: team.check\n"
        "    text: A check for both walks.\n"
        "    stage: then-what\n"
        "    stages: [group-options]\n"
    )
    write(tmp_path / "packs" / "team.yaml", pack)
    library = load_library([tmp_path / "packs"], user=False, env=False)
    for walk, stage in (("individual", "then-what"), ("group", "group-options")):
        s = Session(library.walks[walk], library)
        assert "team.check" in [r.id for r in s.reminders(stage)]
    write(tmp_path / "packs" / "team.yaml", pack.replace("[group-options]", "[group-optoins]"))
    with pytest.raises(PackError, match="unknown walk stage 'group-optoins'"):
        load_library([tmp_path / "packs"], user=False, env=False)


def test_a_choice_can_be_typed_as_its_words_or_their_start(library: Library) -> None:
    from wsw.packs.questions import BadValue, parse_typed

    s = session(library)
    question = s.question("case-type")
    choices = s.choices(question)
    labels = {c.value: c.label for c in choices}
    assert labels["private-law"] == "Private law"
    assert parse_typed(question, "private", choices) == "private-law"
    assert parse_typed(question, "Public Law", choices) == "public-law"
    assert parse_typed(question, "2", choices) == choices[1].value
    with pytest.raises(BadValue, match="Choose a number"):
        parse_typed(question, "zzz", choices)
    from wsw.packs.models import Choice, Question

    two = [Choice(value="by-child", label="Said by the child"),
           Choice(value="by-parent", label="Said by a parent")]  # fmt: skip
    asked = Question(id="said", type="choice", prompt="Who said it?", choices=two)
    with pytest.raises(BadValue, match="could be Said by the child, Said by a parent: type more"):
        parse_typed(asked, "said", two)
    assert parse_typed(asked, "parent", two) == "by-parent"


def test_a_child_to_protect_today_goes_straight_to_immediate_action(library: Library) -> None:
    """Yes to the safety question: who to tell, the referral, the manager and today's actions
    come before What?; "finish it later" saves and stops, and the rest follows on resume."""
    today = [{"action": "Ring school before 15:15", "owner": "FCA", "due": "2026-12-01"}]
    s, asker = run(library, ["Child A", True, "Children's services front door, told 11:30",
                             "s47", "Service manager, 11:40, agreed", today, "later"])  # fmt: skip
    asked = [step.question.id for step in asker.asked]
    assert asked == ["case-ref", "protect-today", "tell-now", "referral-now", "manager-now",
                     "actions-now", "carry-on"]  # fmt: skip
    assert asker.asked[2].stage.title == "Protecting the child today"
    assert s.answers["actions-now"] == today
    step = s.step()
    assert step is not None and step.question.id == "supervision-date"  # the rest, on resume
    later = [q.id for st, q in s.visible() if st.id == "then-what"]
    assert "referral" not in later and "actions" in later  # the referral is not asked twice
    calm = session(library, {**FULL})
    assert "tell-now" not in [q.id for _, q in calm.visible()]
    assert "referral" in [q.id for _, q in calm.visible()]


def test_the_quick_walk_is_under_twenty_questions(library: Library) -> None:
    quick = library.walks["quick"]
    s = Session(quick, library, {"protect-today": False, "age-bands": ["1-5"]})
    asked = [q.id for _, q in s.visible()]
    assert 13 <= len(asked) < 20
    assert quick.quick and not library.walks["individual"].quick
    assert {"information", "how-known", "themes", "decision", "actions", "referral"} <= set(asked)
    assert asked.index("learning-meaning") == asked.index("themes") + 1  # the learning's meaning
    full = [q.id for _, q in session(library, FULL).visible()]
    assert len(full) > 2 * len(asked)


def test_the_escalation_branch_records_the_decision_whose_it_is_and_why(
    library: Library,
) -> None:
    visible = [q.id for _, q in session(library, {**FULL, "disagreement": True}).visible()]
    branch = visible[visible.index("disagreement") + 1 :][:3]
    assert branch == ["escalation-decision", "escalation-whose", "escalation-why"]
    stages = library.walks["individual"].stages
    assert next(s for s in stages if s.id == "then-what").questions[0].id == "options"


def test_how_it_is_known_takes_several_answers_and_an_old_single_one(library: Library) -> None:
    from wsw.packs.questions import check_value, parse_typed

    s = session(library)
    question = s.question("how-known")
    choices = s.choices(question)
    assert parse_typed(question, "child, agency", choices) == ["child", "agency"]
    assert check_value(question, "records", choices) == ["records"]  # a draft from before
    single = session(library, {**FULL, "how-known": ["self-report"]})
    assert "what.single-source" in {r.id for r in single.reminders("what")}
    checked = session(library, {**FULL, "how-known": ["self-report", "agency"]})
    assert "what.single-source" not in {r.id for r in checked.reminders("what")}


def test_each_reminder_waits_for_its_question_and_at_most_three_show(library: Library) -> None:
    """Escalation questions show at the escalation questions they concern, not all at once."""
    answers = {k: v for k, v in FULL.items() if k in _BEFORE_DISAGREEMENT}
    s = session(library, {**answers, "disagreement": True})
    shown: dict[str, list[str]] = {}
    while (step := s.step()) is not None and step.stage.id == "then-what":
        assert len(step.reminders) <= 3
        shown[step.question.id] = [r.id for r in step.reminders]
        s.mark_shown(step)
        s.answer(_any_answer(s, step))
    assert "core.esc.decision" in shown["escalation-decision"]
    assert "core.esc.evidence" in shown["escalation-why"]
    assert "core.esc.deadline" in shown["escalation-by"]


_BEFORE_DISAGREEMENT = list(FULL)[: list(FULL).index("disagreement")]


def _any_answer(s: Session, step: Any) -> Any:
    kinds = {"text": "x", "list": ["x"], "yesno": False, "scale": 5, "date": "2026-12-01",
             "actions": [{"action": "x", "owner": "", "due": ""}]}  # fmt: skip
    if step.question.type in ("choice", "multichoice"):
        first = step.choices[0].value
        return first if step.question.type == "choice" else [first]
    return kinds[step.question.type]
