"""The terminal asker in-process: typed lines in, what the practitioner sees and keeps out.

The same runner and asker as `wsw reflect`, with standard input and the screen replaced by
strings, so back, skip, help, bad input, `:edit` and the People step are tested in
milliseconds. A few real pseudo-terminal runs remain in test_reflect_terminal.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from helpers import DATA, Runner, builtin, write
from wsw.reflection import run
from wsw.reflection.notes import NoteTarget
from wsw.terminal.asker import TerminalAsker


def typed_walk(
    lines: list[str], editor: Any = None, target: Path | None = None
) -> tuple[run.Outcome, str]:
    """Run a new reflection at an in-process terminal; returns the outcome and the screen."""
    screen = io.StringIO()
    asker = TerminalAsker(
        console=Console(file=screen, width=80),
        stdin=io.StringIO("".join(f"{line}\n" for line in lines)),
        editor=editor,
    )
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    finish = run.Finish(None if target is None else NoteTarget(target))
    return run.run_walk(reflection, asker, finish), screen.getvalue()


def the_draft(home: Path) -> dict[str, Any]:
    (path,) = (home / "data" / "drafts").glob("*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


CONTEXT = ["Child A - new partner", "n", "2026-12-01", "1", "2", "Child A"]


def test_back_skip_help_and_bad_input(wsw_home: Path) -> None:
    lines = ["",  # no people to declare
             "Ref one", "n", ":skip",  # the supervision date is optional
             "7", ":back",  # not a choice; back to the supervision date
             "31/02/2026", ":back", ":back",  # not a date; back to the title
             ":help", "Ref two", "", "1/12/2026", ":save"]  # fmt: skip
    outcome, screen = typed_walk(lines)
    assert outcome.status == "saved"
    assert "Choose a number from 1 to 3" in screen
    assert "31/02/2026: February 2026 has 28 days" in screen
    assert "Current answer: Ref one" in screen
    after_help = screen.split("Help", 1)[1]
    assert "Example: Child A" in after_help and ":save" in after_help  # the controls listed
    assert the_draft(wsw_home)["answers"] == {
        "case-ref": "Ref two",
        "protect-today": False,
        "supervision-date": "2026-12-01",
    }


def test_an_unknown_control_names_the_known_ones(wsw_home: Path) -> None:
    outcome, screen = typed_walk(["", ":bcak", ":save"])
    listed = "Commands: :back, :edit, :help, :learn, :case, :reminders, :save, :skip."
    assert listed in " ".join(screen.split())
    assert outcome.status == "saved"


def test_edit_takes_the_answer_from_the_editor(wsw_home: Path) -> None:
    """The question comes as comment lines; they are left out, wrapped lines are joined
    into a paragraph, and what was saved is shown."""
    seen: list[str] = []

    def editor(initial: str) -> str:
        seen.append(initial)
        return initial + "Written in the editor\nand wrapped.\n\nA second paragraph.\n"

    outcome, screen = typed_walk(["", *CONTEXT, ":edit"], editor=editor)
    assert outcome.status == "interrupted"  # the input ended at the next question
    assert seen[0].startswith("# What is the new information? Describe it in behavioural")
    assert "From your editor:\nWritten in the editor and wrapped." in screen
    assert "Who did it come from" in screen
    answers = the_draft(wsw_home)["answers"]
    assert answers["information"] == "Written in the editor and wrapped.\n\nA second paragraph."


def test_controls_work_on_any_line_of_an_answer(wsw_home: Path) -> None:
    """:help on the second line keeps the first; :edit takes the lines so far; :save on a
    later line keeps them in the draft."""
    seen: list[str] = []

    def editor(initial: str) -> str:
        seen.append(initial)
        return initial

    typed = ["", *CONTEXT, "The first line", ":help", "a second line", ":edit", "police",
             "5", "on line one", ":save"]  # fmt: skip
    outcome, screen = typed_walk(typed, editor=editor)
    assert outcome.status == "saved"
    assert "Say what was seen, heard or said" in screen  # the help, mid-answer
    assert seen[0].endswith("The first line\na second line\n")
    draft = the_draft(wsw_home)
    assert draft["answers"]["information"] == "The first line a second line"
    assert draft["meta"]["pending"] == {"question": "when-where", "text": "on line one"}
    assert ":help" not in str(draft) and ":save" not in str(draft)


def test_a_multi_line_answer_cut_off_is_kept_as_pending(wsw_home: Path) -> None:
    outcome, _ = typed_walk(["", *CONTEXT, "The first line of something important"])
    assert outcome.status == "interrupted"
    pending = the_draft(wsw_home)["meta"]["pending"]
    assert pending == {"question": "information", "text": "The first line of something important"}


def test_declared_people_stay_in_the_draft_and_the_note_uses_roles(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    lines = ["Jayden Thompson = Child A", "not a declaration", "Kelly Thompson = Mother", "",
             "Jayden - new information", "n", "2026-12-01", "1", "3", "Child A",
             "Kelly said Jayden's teacher rang her on 07700 900123.", ""]  # fmt: skip
    _, screen = typed_walk(lines)
    assert "Write each person as: Name = Role" in screen
    draft = the_draft(wsw_home)
    assert draft["meta"]["people"] == [
        {"name": "Jayden Thompson", "role": "Child A"},
        {"name": "Kelly Thompson", "role": "Mother"},
    ]
    # Render the draft's answers with a complete set, as a preview would, and check the note.
    full = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    full["answers"]["information"] = draft["answers"]["information"]
    full["answers"]["case-ref"] = "Jayden - new information"
    full["meta"]["people"] = draft["meta"]["people"]
    answers = write(tmp_path / "answers.yaml", yaml.safe_dump(full, default_flow_style=False))
    target = tmp_path / "note.md"
    result = wsw("render", str(answers), "-o", str(target))
    assert result.code == 0, result.err
    note = target.read_text(encoding="utf-8")
    assert "Mother said Child A's teacher" in note
    assert "Jayden" not in note and "Kelly" not in note and "Thompson" not in note
    strict = wsw("render", str(answers), "-o", str(tmp_path / "s.md"), "--strict")
    assert strict.code == 1
    assert "phone" in strict.err and "07700" not in strict.err
    assert not (tmp_path / "s.md").exists()


def test_the_preview_offers_write_back_and_save(tmp_path: Path) -> None:
    """At the end of a typed walk: the preview, then back to a stage, then write."""
    from wsw.walk.engine import GoToStage, Preview, SaveDraft, WriteNote

    screen = io.StringIO()
    preview = Preview("# A note\n\nBody text.", [("context", "Context"), ("what", "What?")])
    for typed, expected in (("1\n", WriteNote()), ("4\n", SaveDraft()),
                            ("5\n3\n2\n", GoToStage("what"))):  # fmt: skip
        asker = TerminalAsker(console=Console(file=screen, width=80), stdin=io.StringIO(typed))
        assert asker.preview(preview) == expected
    assert "Type 1, 2, 3 or 4." in screen.getvalue()
    assert "Body text." in screen.getvalue()


def test_escape_codes_and_control_characters_are_never_stored(wsw_home: Path) -> None:
    """Arrow keys at a prompt without a line editor send escape codes; they are dropped."""
    typed = ["", "Child A tset\x1b[D\x1b[DX", "n", "2026-12-01", "1", "2", "Child A",
             "Said \x07\x1b]52;c;ZXZpbA==\x07 this\u202e", "", ":save"]  # fmt: skip
    typed_walk(typed)
    answers = the_draft(wsw_home)["answers"]
    assert answers["case-ref"] == "Child A tsetX"
    assert answers["information"] == "Said  this"


def test_the_learning_panel_marks_wsws_suggestions_as_its_own(wsw_home: Path) -> None:
    typed = ["", *CONTEXT, "Mum's new partner moved in; police check shows assault on an ex.", "",
             "police", "5", "2019 conviction; moved in October.", "", "1", "PNC record", "",
             "n", "Does he care for her alone?", "", ":learn", ":save"]  # fmt: skip
    _, screen = typed_walk(typed)
    brief, panel = screen.split("Learning that may bear on this", 2)[1:]
    brief = brief.split("Which themes apply")[0]
    assert "Source:" not in brief and len(brief.splitlines()) <= 8  # title, theme, why
    assert "Source:" in panel
    source_at = panel.index("Source:")
    assert panel.index("wsw suggests (not from the source):") > source_at


def test_bytes_that_are_not_utf8_do_not_end_the_walk(wsw_home: Path) -> None:
    from wsw.terminal.screen import _tolerant

    raw = io.TextIOWrapper(io.BytesIO(b"\nChild \xff A\n:save\n"), encoding="utf-8")
    asker = TerminalAsker(console=Console(file=io.StringIO(), width=80), stdin=_tolerant(raw))
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    assert run.run_walk(reflection, asker, run.Finish(None)).status == "saved"
    assert the_draft(wsw_home)["answers"]["case-ref"] == "Child \ufffd A"


def test_typing_a_theme_number_toggles_it_and_keeps_the_others(wsw_home: Path) -> None:
    """At the Learning stage the suggested themes are ticked; a number switches one."""
    typed = ["", *CONTEXT, "Mum's new partner moved in; police check shows assault on an ex.", "",
             "police", "5", "2019 conviction; moved in October.", "", "1", "PNC record", "",
             "n", "Does he care for her alone?", ""]  # fmt: skip
    _, screen = typed_walk([*typed, ":save"])
    suggested = the_draft(wsw_home)
    assert "themes" not in suggested["answers"]
    from wsw.walk.session import Session

    library = builtin().library
    session = Session(library.walks["individual"], library, suggested["answers"],
                      suggester=builtin().suggester)  # fmt: skip
    step = session.step()
    assert step is not None and step.question.id == "themes"
    ticked = [str(v) for v in step.current] if isinstance(step.current, list) else []
    assert len(ticked) >= 2 and "tick or untick" in screen
    first_ticked = 1 + [c.value for c in step.choices].index(ticked[0])
    unticked = next(i for i, c in enumerate(step.choices, 1) if c.value not in ticked)
    typed_walk([*typed, f"{first_ticked}, {unticked}", ":save"])
    themes = the_draft_latest(wsw_home)["answers"]["themes"]
    assert themes == [*ticked[1:], step.choices[unticked - 1].value]


def the_draft_latest(home: Path) -> dict[str, Any]:
    newest = max((home / "data" / "drafts").glob("*.json"), key=lambda p: p.stat().st_mtime)
    data: dict[str, Any] = json.loads(newest.read_text(encoding="utf-8"))
    return data


def test_a_bad_action_line_is_named_and_the_good_lines_kept(wsw_home: Path) -> None:
    """Only the wrong line is typed again; the others are not lost."""
    from wsw.walk.engine import Answer
    from wsw.walk.session import Step

    typed = ("Refer to LA | FCA | today\nRing school | FCA | 31/11/2026\n\n"
             "Ring school | FCA | 30/11/2026\n\n")  # fmt: skip
    screen = io.StringIO()
    asker = TerminalAsker(console=Console(file=screen, width=80), stdin=io.StringIO(typed))
    session = run.begin(builtin(), "individual", "x").session
    question = session.question("actions")
    step = Step(session.walk.stages[-1], 6, 6, question, 3, 10, [], None)
    reply = asker.ask(step)
    assert "Line 2 will not do (31/11/2026: November has 30 days)" in screen.getvalue()
    assert "The good line is kept" in screen.getvalue()
    assert isinstance(reply, Answer) and isinstance(reply.value, list)
    actions = [a for a in reply.value if isinstance(a, dict)]
    assert [a["action"] for a in actions] == ["Refer to LA", "Ring school"]
    assert actions[1]["due"] == "2026-11-30"


def test_back_on_a_later_line_goes_back_and_says_the_lines_are_dropped(wsw_home: Path) -> None:
    outcome, screen = typed_walk(["", *CONTEXT, "A first line", ":back", ":save"])
    assert outcome.status == "saved"
    assert "The line typed for this answer not kept." in screen
    assert "information" not in the_draft(wsw_home)["answers"]
