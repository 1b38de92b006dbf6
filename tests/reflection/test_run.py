"""The reflection lifecycle, in-process: drafts, Ctrl-C, resume, `:save`, the preview.

Each test drives the real runner with a scripted or terminal asker and checks what a
practitioner would notice: what is in the draft, what the note says, what they are told.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console

from helpers import DATA, builtin
from wsw.packs.questions import Value, choices_for
from wsw.privacy.pseudonyms import Person
from wsw.reflection import drafts, run
from wsw.reflection.notes import NoteTarget
from wsw.terminal.group import GroupAsker
from wsw.walk.engine import Back, GoToStage, Reply, SaveDraft, Skip, Stop, WriteNote
from wsw.walk.scripted import Interrupt, ScriptedAsker
from wsw.walk.session import Step

FULL: dict[str, Any] = yaml.safe_load((DATA / "answers-full.yaml").read_text())["answers"]
FULL["supervision-date"] = str(FULL["supervision-date"])
FULL["actions"] = [{**a, "due": str(a["due"])} for a in FULL["actions"]]


class ByQuestion(ScriptedAsker):
    """Answers every question from a mapping, with interruptions and other replies given
    per question id, each used once. An optional question it has no answer for is skipped;
    a required one stops the walk (`:save`)."""

    def __init__(
        self,
        answers: dict[str, Any],
        special: dict[str, list[Reply | Interrupt]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__([], **kwargs)
        self.answers = answers
        self.special = {k: list(v) for k, v in (special or {}).items()}

    def ask(self, step: Step) -> Reply:
        queue = self.special.get(step.question.id)
        if queue:
            self.replies = [queue.pop(0)]
            return super().ask(step)
        self.asked.append(step)
        recent = [s.question.id for s in self.asked[-4:]]
        if len(recent) == 4 and len(set(recent)) == 1:  # refused again and again: fail fast
            raise AssertionError(f"{step.question.id} asked 4 times: {self.told[-1:]}")
        value: Value | None = self.answers.get(step.question.id)
        if value is None:
            return Stop() if step.question.required else Skip()
        return self.reply(value)

    @staticmethod
    def reply(value: Value) -> Reply:
        from wsw.walk.engine import Answer

        return Answer(value)


def the_draft(home: Path) -> dict[str, Any]:
    (path,) = (home / "data" / "drafts").glob("*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def begin(walk: str = "individual") -> run.Reflection:
    command = "wsw group --resume" if walk == "group" else "wsw reflect --resume"
    return run.begin(builtin(), walk, command)


def resume(draft_id: str | None = None) -> run.Reflection:
    reflection, warnings = run.resume(builtin(), draft_id, "wsw reflect --resume")
    assert warnings == []
    return reflection


def test_a_full_walk_writes_the_note_and_removes_the_draft(tmp_path: Path, wsw_home: Path) -> None:
    target = tmp_path / "note.md"
    outcome = run.run_walk(begin(), ByQuestion(FULL), run.Finish(NoteTarget(target)))
    assert outcome.status == "written" and outcome.path == target
    assert outcome.messages[0] == f"Note written to {target}"
    assert "will not count it" in outcome.messages[1]  # a case note outside the notes folder
    note = target.read_text(encoding="utf-8")
    assert "Child A - mother's new partner" in note
    assert "| Refer to children's services | FCA | 25 November 2026 |" in note
    assert not list((wsw_home / "data" / "drafts").glob("*.json"))


def test_the_draft_is_current_after_every_answer(wsw_home: Path) -> None:
    seen: list[dict[str, Any]] = []

    class Watching(ByQuestion):
        def ask(self, step: Step) -> Reply:
            seen.append(the_draft(wsw_home)["answers"])
            return super().ask(step)

    run.run_walk(begin(), Watching({"case-ref": "Ref", "case-type": "private-law"}),
                 run.Finish(None))  # fmt: skip
    assert seen[0] == {} and seen[1] == {"case-ref": "Ref"}
    assert {"case-ref": "Ref", "case-type": "private-law"}.items() <= seen[-1].items()


def test_ctrl_c_keeps_the_half_typed_answer_and_resume_offers_it_again(wsw_home: Path) -> None:
    special: dict[str, list[Reply | Interrupt]] = {"information": [Interrupt("The first line")]}
    reflection = begin()
    outcome = run.run_walk(reflection, ByQuestion(FULL, special), run.Finish(None))
    ident = reflection.store.ident
    assert outcome.status == "interrupted"
    assert outcome.messages[-1] == f"Resume with: wsw reflect --resume {ident}"
    draft = the_draft(wsw_home)
    assert draft["meta"]["pending"] == {"question": "information", "text": "The first line"}
    assert draft["answers"]["case-ref"] == FULL["case-ref"]

    again = resume()
    asker = ByQuestion(FULL, {"source": [Stop()]})
    run.run_walk(again, asker, run.Finish(None))
    restored = {s.question.id: s.restored for s in asker.asked}
    assert restored["information"] == "The first line"
    assert asker.asked[0].question.id == "information"  # the earlier answers were kept
    assert "pending" not in the_draft(wsw_home)["meta"]  # offered once, then answered


def test_stopping_before_any_answer_keeps_no_draft(wsw_home: Path) -> None:
    outcome = run.run_walk(begin(), ScriptedAsker([], people=Interrupt()), run.Finish(None))
    assert outcome.status == "interrupted"
    assert "no draft was kept" in outcome.messages[0]
    assert not list((wsw_home / "data" / "drafts").glob("*.json"))


def test_declared_people_are_kept_in_the_draft_and_become_roles(
    tmp_path: Path, wsw_home: Path
) -> None:
    people = [Person("Jayden Thompson", "Child A"), Person("Kelly Thompson", "Mother")]
    answers = {**FULL, "information": "Kelly said Jayden's teacher rang her."}
    special: dict[str, list[Reply | Interrupt]] = {"source": [Interrupt()]}
    reflection = begin()
    run.run_walk(reflection, ByQuestion(answers, special, people=people), run.Finish(None))
    assert the_draft(wsw_home)["meta"]["people"] == [
        {"name": "Jayden Thompson", "role": "Child A"},
        {"name": "Kelly Thompson", "role": "Mother"},
    ]
    target = tmp_path / "note.md"
    outcome = run.run_walk(resume(), ByQuestion(answers), run.Finish(NoteTarget(target)))
    assert outcome.status == "written"
    note = target.read_text(encoding="utf-8")
    assert "Mother said Child A's teacher" in note
    assert "Jayden" not in note and "Kelly" not in note


def test_save_stops_with_the_draft_kept_and_can_save_elsewhere(
    tmp_path: Path, wsw_home: Path
) -> None:
    reflection = begin()
    outcome = run.run_walk(reflection, ByQuestion(FULL, {"source": [Stop()]}), run.Finish(None))
    ident = reflection.store.ident
    assert outcome.status == "saved"
    assert outcome.messages == [f"Saved draft {ident}. Resume with: wsw reflect --resume {ident}"]
    assert the_draft(wsw_home)["answers"]["information"] == FULL["information"]

    elsewhere = tmp_path / "copy.json"
    outcome = run.run_walk(resume(), ByQuestion(FULL, {"how-known": [Stop(str(elsewhere))]}),
                           run.Finish(None))  # fmt: skip
    assert outcome.path == elsewhere and f"to {elsewhere}" in outcome.messages[0]
    assert json.loads(elsewhere.read_text())["answers"]["source"] == FULL["source"]


def test_the_preview_can_go_back_to_a_stage_then_write(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    answers = dict(FULL)
    asker = ByQuestion(answers, choices=[GoToStage("then-what")])
    changed = False

    class Changing(ByQuestion):
        def ask(self, step: Step) -> Reply:
            nonlocal changed
            if self.previews and step.question.id == "decision" and not changed:
                changed = True
                return self.reply("A changed decision, after the preview.")
            return super().ask(step)

    asker = Changing(answers, choices=[GoToStage("then-what"), WriteNote()])
    outcome = run.run_walk(begin(), asker, run.Finish(NoteTarget(target)))
    assert outcome.status == "written" and len(asker.previews) == 2
    first = asker.previews[0]
    assert ("then-what", "Then what?") in first.stages and first.can_save and first.can_write
    assert "A changed decision, after the preview." in target.read_text(encoding="utf-8")


def test_the_preview_can_save_the_draft_instead(wsw_home: Path) -> None:
    outcome = run.run_walk(begin(), ByQuestion(FULL, choices=[SaveDraft()]),
                           run.Finish(NoteTarget(None)))  # fmt: skip
    assert outcome.status == "saved"
    assert the_draft(wsw_home)["answers"]["decision"] == FULL["decision"]


def test_keep_draft_leaves_it_after_writing(tmp_path: Path, wsw_home: Path) -> None:
    finish = run.Finish(NoteTarget(tmp_path / "n.md"), keep_draft=True)
    assert run.run_walk(begin(), ByQuestion(FULL), finish).status == "written"
    assert the_draft(wsw_home)["answers"]["case-ref"] == FULL["case-ref"]


def test_back_from_the_first_question_is_explained_and_the_walk_goes_on() -> None:
    asker = ByQuestion({"case-ref": "Ref"}, {"case-ref": [Back()], "supervision-date": [Stop()]})
    run.run_walk(begin(), asker, run.Finish(None))
    assert "nothing to go back to" in asker.told[0]


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every draft write fails as on a full disk until the returned flag is cleared."""
    from wsw.errors import InputError

    full = [True]
    write = drafts.write

    def writer(draft: drafts.Draft, target: Path | None = None) -> None:
        if full[0] and target is None:
            raise InputError("Cannot write the draft: No space left on device.")
        write(draft, target)

    monkeypatch.setattr(drafts, "write", writer)
    return full


def test_a_full_disk_keeps_answers_and_ctrl_c_asks_before_losing_them(
    monkeypatch: pytest.MonkeyPatch, wsw_home: Path
) -> None:
    reflection = begin()
    _full_disk(monkeypatch)
    special: dict[str, list[Reply | Interrupt]] = {
        "case-type": [Interrupt("half"), Interrupt("half")]
    }
    asker = ByQuestion({"case-ref": "Ref"}, special, people=[])
    outcome = run.run_walk(reflection, asker, run.Finish(None))
    assert any("kept in memory" in told for told in asker.told)
    # The first Ctrl-C did not end the walk: it said answers would be lost and asked again.
    assert any("press Ctrl-C again to stop and lose them" in told for told in asker.told)
    assert [s.question.id for s in asker.asked].count("case-type") == 2
    assert asker.asked[-1].restored == "half"  # what was typed is offered again
    assert outcome.status == "interrupted"
    text = "\n".join(outcome.messages)
    assert "could not be saved" in text and "No space left on device" in text
    assert "lost: the answers to case-ref, case-type (the answer being typed)" in text
    assert f"Draft {reflection.store.ident} on disk is older" in text
    assert "Ref" not in text and "half" not in text  # question ids, never the answers
    assert the_draft(wsw_home)["answers"] == {}


def test_a_full_disk_interruption_exits_130_saying_what_was_lost(
    monkeypatch: pytest.MonkeyPatch, wsw_home: Path
) -> None:
    from wsw.cli.options import finish
    from wsw.errors import Stopped

    reflection = begin()
    _full_disk(monkeypatch)
    special: dict[str, list[Reply | Interrupt]] = {"case-type": [Interrupt(), Interrupt()]}
    outcome = run.run_walk(reflection, ByQuestion({"case-ref": "R"}, special, people=[]),
                           run.Finish(None))  # fmt: skip
    with pytest.raises(Stopped) as stopped:
        finish(outcome)
    assert stopped.value.exit_code == 130
    assert any("lost: the answers to case-ref" in line for line in stopped.value.lines())


def test_answers_typed_on_a_full_disk_are_saved_once_there_is_space(
    monkeypatch: pytest.MonkeyPatch, wsw_home: Path
) -> None:
    full = _full_disk(monkeypatch)
    reflection = begin()  # a full disk at the start does not stop the walk
    assert reflection.notices and "kept in memory" in reflection.notices[0]
    assert not list((wsw_home / "data" / "drafts").glob("*.json"))

    class Freeing(ByQuestion):
        def ask(self, step: Step) -> Reply:
            if step.question.id == "supervision-date":
                full[0] = False  # space was freed
            return super().ask(step)

    asker = Freeing(FULL, {"information": [Interrupt("typed")]}, people=[])
    outcome = run.run_walk(reflection, asker, run.Finish(None))
    assert any("saved again, with every answer" in i for i in asker.informed)
    assert outcome.messages[-1] == f"Resume with: wsw reflect --resume {reflection.store.ident}"
    draft = the_draft(wsw_home)
    assert draft["answers"]["case-ref"] == FULL["case-ref"]
    assert draft["meta"]["pending"]["text"] == "typed"


def test_save_to_a_folder_or_an_existing_file_asks_again_and_overwrites_nothing(
    tmp_path: Path, wsw_home: Path
) -> None:
    existing = tmp_path / "other.json"
    existing.write_text("another reflection")
    copy = tmp_path / "copy.json"
    stops: list[Reply | Interrupt] = [Stop(str(tmp_path)), Stop(str(existing)), Stop(str(copy))]
    reflection = begin()
    asker = ByQuestion(FULL, {"information": stops})
    outcome = run.run_walk(reflection, asker, run.Finish(None))
    assert f"{tmp_path} is a folder" in asker.told[0]
    assert "already exists" in asker.told[1]
    assert existing.read_text() == "another reflection"
    assert outcome.status == "saved" and outcome.path == copy
    assert outcome.messages[0].endswith(f"Resume with: wsw reflect --resume {copy}")


def test_a_saved_copy_is_resumed_as_a_new_draft_leaving_the_copy(
    tmp_path: Path, wsw_home: Path
) -> None:
    copy = tmp_path / "copy.json"
    first = begin()
    run.run_walk(first, ByQuestion(FULL, {"information": [Stop(str(copy))]}), run.Finish(None))
    first.store.discard()
    before = copy.read_text()
    again, warnings = run.resume(builtin(), str(copy), "wsw reflect --resume")
    assert again.store.ident != first.store.ident
    assert f"Resuming a copy of {copy}" in warnings[0]
    assert the_draft(wsw_home)["answers"]["case-ref"] == FULL["case-ref"]
    outcome = run.run_walk(again, ByQuestion(FULL, {"source": [Stop()]}), run.Finish(None))
    assert outcome.status == "saved"
    assert the_draft(wsw_home)["answers"]["information"] == FULL["information"]
    assert copy.read_text() == before


def test_a_note_that_cannot_be_written_goes_back_to_the_preview(
    tmp_path: Path, wsw_home: Path
) -> None:
    target = tmp_path / "note.md"
    target.write_text("an earlier note")
    asker = ByQuestion(FULL, choices=[WriteNote(), SaveDraft()])
    outcome = run.run_walk(begin(), asker, run.Finish(NoteTarget(target)))
    assert any("The note was not written" in told for told in asker.told)
    assert outcome.status == "saved" and len(asker.previews) == 2
    assert target.read_text() == "an earlier note"


def test_a_resumed_answer_that_no_longer_fits_is_asked_again(wsw_home: Path) -> None:
    reflection = begin()
    run.run_walk(reflection, ByQuestion(FULL, {"source": [Stop()]}), run.Finish(None))
    path = wsw_home / "data" / "drafts" / f"{reflection.store.ident}.json"
    data = json.loads(path.read_text())
    data["answers"]["case-type"] = "<img src=x onerror=alert(1)>"
    path.write_text(json.dumps(data))
    again, warnings = run.resume(builtin(), None, "wsw reflect --resume")
    assert warnings == ["1 saved answer no longer fit their questions and will be asked again."]
    assert "case-type" not in again.session.answers
    asker = ByQuestion(FULL, {"supervision-date": [Stop()]})
    run.run_walk(again, asker, run.Finish(None))
    assert asker.asked[0].question.id == "case-type"


def test_a_demo_keeps_nothing(tmp_path: Path, wsw_home: Path) -> None:
    catalogue = builtin()
    from wsw.walk.session import Session

    session = Session(catalogue.library.walks["individual"], catalogue.library,
                      suggester=catalogue.suggester)  # fmt: skip
    reflection = run.Reflection(session, run.NullDrafts("demo-x"), people=[])
    asker = ByQuestion(FULL, {"source": [Interrupt("typed")]})
    outcome = run.run_walk(reflection, asker, run.Finish(None))
    assert outcome.status == "interrupted" and "Nothing was saved" in outcome.messages[0]
    assert not (wsw_home / "data" / "drafts").exists()
    shown = ByQuestion(FULL)
    outcome = run.run_walk(reflection, shown, run.Finish(None))
    assert outcome.status == "shown" and not shown.previews[0].can_save
    assert not shown.previews[0].can_write


# -- group mode: the real group asker, typed in-process -----------------------------------


def group_asker(typed: str) -> GroupAsker:
    return GroupAsker(console=Console(file=io.StringIO(), width=80), stdin=io.StringIO(typed))


def test_group_ctrl_c_keeps_contributions_and_resume_shows_them(wsw_home: Path) -> None:
    reflection = begin("group")
    # People (none), title, case, ages, the agreement, the information, two contributions, the
    # end of input, as when the terminal goes away.
    typed = "\nChild C\nChild C\n2\ny\nInformation\n\nAB: First question\nSecond question\n"
    outcome = run.run_walk(reflection, group_asker(typed), run.Finish(None))
    assert outcome.status == "interrupted"
    assert outcome.messages[-1] == f"Resume with: wsw group --resume {reflection.store.ident}"
    draft = the_draft(wsw_home)
    assert draft["meta"]["walk"] == "group"
    assert draft["meta"]["pending"]["text"] == "First question (AB)\nSecond question"

    again, _ = run.resume(builtin(), None, "wsw group --resume")
    asker = group_asker("Third question\n\n:save\n")
    assert run.run_walk(again, asker, run.Finish(None)).status == "saved"
    assert the_draft(wsw_home)["answers"]["clarifying"] == [
        "First question (AB)",
        "Second question",
        "Third question",
    ]


def test_group_walk_saves_previews_goes_back_and_writes(tmp_path: Path, wsw_home: Path) -> None:
    """The group walk through the same runner: `:save`, resume, back from the preview, write."""
    walk = builtin().library.walks["group"]
    answers = {q.id: _value_for(q.type, q.id) for s in walk.stages for q in s.questions}
    answers["themes"] = ["physical-abuse"]
    reflection = begin("group")
    first = run.run_walk(reflection, ByQuestion(answers, {"options": [Stop()]}), run.Finish(None))
    assert first.status == "saved"
    assert "wsw group --resume" in first.messages[0]
    assert the_draft(wsw_home)["meta"]["walk"] == "group"

    target = tmp_path / "group.md"
    stage = walk.stages[-1].id
    asker = ByQuestion(answers, choices=[GoToStage(stage), WriteNote()])
    outcome = run.run_walk(resume(), asker, run.Finish(NoteTarget(target)))
    assert outcome.status == "written" and len(asker.previews) == 2
    asked_after_preview = [st.stage.id for st in asker.asked[-len(walk.stages[-1].questions) :]]
    assert set(asked_after_preview) == {stage}
    note = target.read_text(encoding="utf-8")
    assert "walk: group" in note and "A contribution to options" in note
    assert not list((wsw_home / "data" / "drafts").glob("*.json"))


def _value_for(kind: str, qid: str) -> Value:
    """A valid answer of each type, for walking any walk with a script."""
    values: dict[str, Value] = {
        "text": f"Text for {qid}",
        "list": [f"A contribution to {qid}"],
        "yesno": False,
        "scale": 5,
        "date": "2026-12-01",
        "actions": [{"action": "Escalate", "owner": "FCA", "due": "2026-12-01"}],
        "case": "Child C",
    }
    if kind in ("choice", "multichoice"):
        question = next(q for s in builtin().library.walks["group"].stages
                        for q in s.questions if q.id == qid)  # fmt: skip
        themes = {t: t for t in builtin().library.themes}
        first = choices_for(question, themes)[0].value
        return first if kind == "choice" else [first]
    return values[kind]


def test_group_ctrl_c_while_editing_a_contribution_keeps_them_all(wsw_home: Path) -> None:
    reflection = begin("group")
    # The input ends mid-edit.
    typed = "\nChild C\nChild C\n2\ny\nInformation\n\nFirst\nSecond\n:edit 1\n"
    outcome = run.run_walk(reflection, group_asker(typed), run.Finish(None))
    assert outcome.status == "interrupted"
    assert the_draft(wsw_home)["meta"]["pending"]["text"] == "First\nSecond"


def test_command_line_options_are_kept_in_the_draft_and_restored(
    tmp_path: Path, wsw_home: Path
) -> None:
    """`wsw group --timebox 1 -o team.md`, stopped and resumed, keeps both."""
    target = str(tmp_path / "team.md")
    started = run.begin(builtin(), "group", "wsw group --resume", run.Options(target, None, 1))
    run.run_walk(started, ByQuestion({}, {"case-ref": [Stop()]}), run.Finish(None))
    assert the_draft(wsw_home)["meta"]["options"] == {"output": target, "timebox": 1}
    again, _ = run.resume(builtin(), None, "wsw group --resume", run.Options())
    assert again.store.options == run.Options(target, None, 1)
    again.close()
    html, _ = run.resume(builtin(), None, "wsw group --resume", run.Options(format="html"))
    assert html.store.options == run.Options(target, "html", 1)  # a new value wins


def test_a_quick_reflection_is_resumed_as_one_and_its_note_says_so(
    wsw_home: Path, tmp_path: Path
) -> None:
    reflection = run.begin(builtin(), "quick", "wsw reflect --resume")
    asker = ByQuestion(FULL, {"source": [Stop()]})
    assert run.run_walk(reflection, asker, run.Finish(None)).status == "saved"
    resumed, _ = run.resume(builtin(), None, "wsw reflect --resume")
    assert resumed.session.walk.id == "quick"
    target = tmp_path / "quick.md"
    outcome = run.run_walk(resumed, ByQuestion(FULL), run.Finish(NoteTarget(target), False))
    assert outcome.status == "written"
    note = target.read_text(encoding="utf-8")
    assert "Quick reflection" in note and "walk: quick" in note
    assert "What did you believe about the child's safety before" not in note  # full walk only


def test_finish_it_later_saves_the_draft_after_the_immediate_action(wsw_home: Path) -> None:
    answers = {**FULL, "protect-today": True, "tell-now": "Front door, 11:30", "referral-now":
               "s47", "manager-now": "SM, 11:40", "actions-now": FULL["actions"],
               "carry-on": "later"}  # fmt: skip
    outcome = run.run_walk(run.begin(builtin(), "individual", "wsw reflect --resume"),
                           ByQuestion(answers), run.Finish(None))  # fmt: skip
    assert outcome.status == "saved" and "Resume with: wsw reflect --resume" in outcome.messages[0]
    draft, _ = drafts.load(None)
    assert draft.answers["actions-now"] == FULL["actions"] and "information" not in draft.answers
    resumed, _ = run.resume(builtin(), None, "wsw reflect --resume")
    step = resumed.session.step()
    assert step is not None and step.question.id == "supervision-date"


def test_answers_from_a_draft_lose_control_characters_as_typed_ones_do(wsw_home: Path) -> None:
    reflection = begin()
    run.run_walk(reflection, ByQuestion(FULL, {"source": [Stop()]}), run.Finish(None))
    path = wsw_home / "data" / "drafts" / f"{reflection.store.ident}.json"
    data = json.loads(path.read_text())
    data["answers"]["case-ref"] = "Child\x1b[2J A\u202e"
    data["answers"]["unknowns"] = ["one\x07", "two\x1b]52;c;aGk=\x07"]
    path.write_text(json.dumps(data))
    again = resume()
    assert again.session.answers["case-ref"] == "Child A"
    assert again.session.answers["unknowns"] == ["one", "two"]
    again.close()
