"""The real `wsw reflect` in a pseudo-terminal: a full walk, back, skip, :edit, Ctrl-C, kill -9."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest
from helpers import default_interrupts

WSW = str(Path(sys.executable).parent / "wsw")
PROMPT = r"\r\n> $"
MORE = r"\r\n  $"


def spawn(
    home: Path, *args: str, env: dict[str, str] | None = None, people: tuple[str, ...] = ()
) -> pexpect.spawn:
    """Start `wsw reflect`; a new reflection first asks who to pseudonymise (none by default)."""
    environment = {**os.environ, "WSW_HOME": str(home), "NO_COLOR": "1", "TERM": "dumb",
                   "COLUMNS": "80", "LINES": "24", **(env or {})}  # fmt: skip
    environment.pop("WSW_PACKS", None)
    child = pexpect.spawn(WSW, ["reflect", *args], env=environment, encoding="utf-8",
                          dimensions=(24, 80), timeout=60,
                          preexec_fn=default_interrupts)  # fmt: skip
    if "--resume" not in args:
        child.expect("Declare the people involved")
        for declaration in people:
            child.expect(r"[>=] $")
            child.sendline(declaration)
        child.expect(r"[>=] $")
        child.sendline("")
    return child


def say(child: pexpect.spawn, text: str) -> None:
    child.expect(PROMPT)
    child.sendline(text)


def say_lines(child: pexpect.spawn, *lines: str) -> None:
    child.expect(PROMPT)
    for line in lines:
        child.sendline(line)
        child.expect(MORE)
    child.sendline("")


def drafts(home: Path) -> list[dict[str, object]]:
    folder = home / "data" / "drafts"
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))]


def context(child: pexpect.spawn) -> None:
    say(child, "Child A - new partner")
    say(child, "2026-12-01")
    say(child, "1")
    say(child, "2")


def what(child: pexpect.spawn) -> None:
    say_lines(child, "Mum's new partner moved in last month.",
              "The police check shows a conviction for assaulting an ex-partner.")  # fmt: skip
    say(child, "police")
    say(child, "5")  # from records
    say_lines(child, "2019 conviction; moved in October.")
    say(child, "1")  # new
    say_lines(child, "PNC record")
    say(child, "n")
    say_lines(child, "Does he care for her alone?")


SO_WHAT_TEXT = ["before", "meaning", "other children", "safety now", "future risk",
                "daily life", "child's voice"]  # fmt: skip


def so_what(child: pexpect.spawn) -> None:
    for text in SO_WHAT_TEXT:
        say_lines(child, text)
    say(child, "n")  # seen alone
    say_lines(child, "A one-off", "He is hurting mum now")
    say_lines(child, "Police call-outs; see mum alone")
    say_lines(child, "Recent incidents")
    say(child, "7")
    say(child, "4")
    say_lines(child, "Violence in the home")


def then_what(child: pexpect.spawn) -> None:
    say_lines(child, "Letter", "Referral")
    say_lines(child, "Refer and tell the court")
    say_lines(child, "Refer to LA | FCA | 2026-11-25")
    say(child, "2")  # s17
    say_lines(child, "The conviction and its meaning")
    say(child, "4")  # don't know
    say(child, "n")  # no disagreement
    say(child, ":skip")  # pivotal (optional)
    say(child, "y")
    say_lines(child, "Is a referral proportionate?")


def test_full_walk_writes_the_note_and_removes_the_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    target = tmp_path / "note.md"
    child = spawn(home, "-o", str(target))
    context(child)
    what(child)
    child.expect("Learning that may bear on this")
    child.expect(r"\[x\] Fathers and male carers")
    say(child, "")  # keep the suggested themes
    so_what(child)
    then_what(child)
    child.expect("Preview of your note")
    say(child, "1")
    child.expect("Note written to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = target.read_text(encoding="utf-8")
    assert "Child A - new partner" in text and "| Refer to LA | FCA | 25 November 2026 |" in text
    assert "male-carers" in text.split("---")[1]
    assert drafts(home) == []


def test_back_skip_help_and_bad_input(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    say(child, "Ref one")
    say(child, ":skip")  # supervision date is optional
    say(child, "7")  # not a choice
    child.expect("Choose a number from 1 to 3")
    say(child, ":back")
    child.expect("When is your next supervision")
    say(child, "31/02/2026")
    child.expect("not a date")
    say(child, ":back")
    child.expect("Current answer: Ref one")
    say(child, ":help")
    child.expect("Help")
    child.expect("Example: Child A")
    say(child, "Ref two")
    say(child, "1/12/2026")
    say(child, ":save")
    child.expect("Resume with: wsw reflect --resume")
    child.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"] == {"case-ref": "Ref two", "supervision-date": "2026-12-01"}


def test_edit_opens_the_editor(tmp_path: Path) -> None:
    home = tmp_path / "home"
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\nprintf 'Written in the editor\\nsecond line\\n' > \"$1\"\n")
    editor.chmod(0o700)
    child = spawn(home, env={"EDITOR": str(editor)})
    context(child)
    say(child, ":edit")
    child.expect("Who did it come from")
    child.sendintr()
    child.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"]["information"] == "Written in the editor\nsecond line"  # type: ignore[index]


def test_ctrl_c_saves_even_half_typed_text_and_resume_restores_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    context(child)
    child.expect(PROMPT)
    child.sendline("The first line of something important")
    child.expect(MORE)
    child.sendintr()
    child.expect("Resume with: wsw reflect --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    (draft,) = drafts(home)
    assert draft["meta"]["pending"]["text"] == "The first line of something important"  # type: ignore[index]
    resumed = spawn(home, "--resume")
    resumed.expect("Restored what you had typed")
    resumed.expect("The first line of something important")
    resumed.expect(MORE)
    resumed.sendline("and its second line")
    resumed.expect(MORE)
    resumed.sendline("")
    resumed.expect("Who did it come from")
    resumed.sendeof()
    resumed.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"]["information"] == (  # type: ignore[index]
        "The first line of something important\nand its second line"
    )


@pytest.mark.parametrize("answers_before_kill", [1, 6])
def test_kill_9_mid_walk_then_resume(tmp_path: Path, answers_before_kill: int) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    script = ["Child A", "2026-12-01", "2", "1,2", None, "school DSL"]
    for reply in script[:answers_before_kill]:
        if reply is None:
            say_lines(child, "Bruise on the cheek of a baby")
        else:
            say(child, reply)
    child.expect(PROMPT)
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    (draft,) = drafts(home)
    expected = {"case-ref": "Child A", "supervision-date": "2026-12-01", "case-type": "public-law",
                "age-bands": ["under-1", "1-5"], "information": "Bruise on the cheek of a baby",
                "source": "school DSL"}  # fmt: skip
    keys = list(expected)[:answers_before_kill]
    assert draft["answers"] == {k: expected[k] for k in keys}
    resumed = spawn(home, "--resume")
    resumed.expect(f"Resuming draft {draft['meta']['draft']}")  # type: ignore[index]
    next_prompt = ["When is your next supervision", "", "", "", "", "How is it known"]
    resumed.expect(next_prompt[answers_before_kill - 1] or PROMPT)
    resumed.sendintr()
    resumed.expect(pexpect.EOF)


def test_declared_people_become_roles_and_stay_out_of_the_note(tmp_path: Path) -> None:
    home, target = tmp_path / "home", tmp_path / "note.md"
    child = spawn(home, "-o", str(target),
                  people=("Jayden Thompson = Child A", "Kelly Thompson = Mother"))  # fmt: skip
    say(child, "Jayden - new information")
    say(child, "2026-12-01")
    say(child, "1")
    say(child, "3")
    say_lines(child, "Kelly said Jayden's teacher rang her on 07700 900123.")
    child.expect("Who did it come from")  # the answer is saved before we stop
    child.expect(PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["meta"]["people"] == [  # type: ignore[index]
        {"name": "Jayden Thompson", "role": "Child A"},
        {"name": "Kelly Thompson", "role": "Mother"},
    ]
    resumed = spawn(home, "--resume", "-o", str(target))
    resumed.expect("Who did it come from")
    resumed.sendline(":save")
    resumed.expect(pexpect.EOF)
    # Render the draft's answers with a complete set, as a preview would, and check the note.
    import yaml
    from helpers import DATA

    full = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    full["answers"]["information"] = "Kelly said Jayden's teacher rang her on 07700 900123."
    full["answers"]["case-ref"] = "Jayden - new information"
    full["meta"]["people"] = draft["meta"]["people"]  # type: ignore[index]
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(full, default_flow_style=False), encoding="utf-8")
    import subprocess

    env = {**os.environ, "WSW_HOME": str(home)}
    result = subprocess.run([WSW, "render", str(answers), "-o", str(target), "--force"],
                            env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    note = target.read_text(encoding="utf-8")
    assert "Mother said Child A's teacher" in note
    assert "Jayden" not in note and "Kelly" not in note and "Thompson" not in note
    strict = subprocess.run([WSW, "render", str(answers), "-o", str(tmp_path / "s.md"), "--strict"],
                            env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert strict.returncode == 1
    assert "phone" in strict.stderr and "07700" not in strict.stderr
    assert not (tmp_path / "s.md").exists()
