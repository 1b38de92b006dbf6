"""The real `wsw reflect` in a pseudo-terminal: smoke tests of what only a real terminal shows.

A full walk, a real Ctrl-C (SIGINT) mid-answer and resume, and kill -9. Back, skip, help,
:edit, the People step and the preview are tested in-process in tests/terminal and
tests/reflection.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pexpect
import pytest

from helpers import MORE, PROMPT, interrupt, say, say_lines, spawn_walk


def spawn(
    home: Path, *args: str, env: dict[str, str] | None = None, people: tuple[str, ...] = ()
) -> pexpect.spawn[str]:
    """Start `wsw reflect`; a new reflection first asks who to pseudonymise (none by default)."""
    return spawn_walk("reflect", home, *args, env=env, people=people)


def drafts(home: Path) -> list[dict[str, object]]:
    folder = home / "data" / "drafts"
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))]


def context(child: pexpect.spawn[str]) -> None:
    say(child, "Child A - new partner")
    say(child, "n")  # no child to protect today
    say(child, "2026-12-01")
    say(child, "1")
    say(child, "2")
    say(child, "Child A")  # the case


def what(child: pexpect.spawn[str]) -> None:
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


def so_what(child: pexpect.spawn[str]) -> None:
    for text in SO_WHAT_TEXT:
        say_lines(child, text)
    say(child, "n")  # seen alone
    say_lines(child, "A one-off", "He is hurting mum now")
    say_lines(child, "Police call-outs; see mum alone")
    say_lines(child, "Recent incidents")
    say(child, "7")
    say(child, "4")
    say_lines(child, "Violence in the home")


def then_what(child: pexpect.spawn[str]) -> None:
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
    child.expect("What will you take from this into other cases?")
    say_lines(child, "Ask who lives in the home at the first contact")
    say(child, ":skip")  # practice-impact (optional)


def test_full_walk_writes_the_note_and_removes_the_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    target = tmp_path / "note.md"
    child = spawn(home, "-o", str(target))
    context(child)
    what(child)
    child.expect("Learning that may bear on this")
    child.expect(r"\[x\] Fathers and male carers")
    say(child, "")  # keep the suggested themes
    say(child, ":skip")  # what the learning means for this case (optional)
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
    assert "## Learning for practice" in text and "who lives in the home at the first" in text
    assert drafts(home) == []


def test_ctrl_c_saves_even_half_typed_text_and_resume_restores_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    context(child)
    child.expect(PROMPT)
    child.sendline("The first line of something important")
    child.expect(MORE)
    interrupt(child)
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
    resumed.expect(PROMPT)
    time.sleep(0.2)  # Ctrl-D once the prompt waits, as a person presses it
    resumed.sendeof()
    resumed.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"]["information"] == (  # type: ignore[index]
        "The first line of something important\nand its second line"
    )


@pytest.mark.parametrize("answers_before_kill", [1, 8])
def test_kill_9_mid_walk_then_resume(tmp_path: Path, answers_before_kill: int) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    script = ["Child A", "n", "2026-12-01", "2", "1,2", "Child A", None, "school DSL"]
    for reply in script[:answers_before_kill]:
        if reply is None:
            say_lines(child, "Bruise on the cheek of a baby")
        else:
            say(child, reply)
    child.expect(PROMPT)
    time.sleep(0.2)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()  # reaped, as a shell does: the lock it left names a process that is gone
    (draft,) = drafts(home)
    expected = {"case-ref": "Child A", "protect-today": False,
                "supervision-date": "2026-12-01", "case-type": "public-law",
                "age-bands": ["under-1", "1-5"], "case": "Child A",
                "information": "Bruise on the cheek of a baby",
                "source": "school DSL"}  # fmt: skip
    keys = list(expected)[:answers_before_kill]
    assert draft["answers"] == {k: expected[k] for k in keys}
    resumed = spawn(home, "--resume")
    resumed.expect("2. Take it over")
    resumed.expect("> ")
    resumed.sendline("2")
    resumed.expect(f"Resuming draft {draft['meta']['draft']}")  # type: ignore[index]
    next_prompt = ["Does a child need protecting", "", "", "", "", "", "", "How is it known"]
    resumed.expect(next_prompt[answers_before_kill - 1] or PROMPT)
    if next_prompt[answers_before_kill - 1]:
        resumed.expect(PROMPT)
    interrupt(resumed)
    resumed.expect(pexpect.EOF)


def test_lines_can_be_edited_and_a_half_typed_line_survives_ctrl_c(tmp_path: Path) -> None:
    """Left twice and typing again edits the line; Ctrl-C keeps it, with no escape codes;
    on resume it comes back ready to edit."""
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("A title or pseudonymous")
    child.expect(PROMPT)
    child.send("Child A tset")
    child.send("\x1b[D\x1b[D")  # Left, Left
    child.send("X")
    interrupt(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    (draft,) = drafts(home)
    meta = draft["meta"]
    assert isinstance(meta, dict)
    assert meta["pending"] == {"question": "case-ref", "text": "", "line": "Child A tsXet"}
    for raw in (home / "data" / "drafts").glob("*.json"):  # no escape codes in any draft
        text = raw.read_text(encoding="utf-8")
        assert "\x1b" not in text and "\\u001b" not in text and "[D" not in text
    resumed = spawn(home, "--resume")
    resumed.expect("Restored what you had typed")
    resumed.expect("Child A tsXet")
    resumed.send("\x7f\x7f\x7fet!\r")  # three Backspaces, then the fix
    resumed.expect("Does a child need protecting today")
    resumed.expect(PROMPT)
    interrupt(resumed)
    resumed.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"] == {"case-ref": "Child A tset!"}
    meta = draft["meta"]
    assert isinstance(meta, dict) and "pending" not in meta


def test_a_long_pasted_line_is_kept_whole(tmp_path: Path) -> None:
    """Longer than the terminal's 4,095-character line buffer: every character is kept."""
    home = tmp_path / "home"
    child = spawn(home)
    for answer in ("Child A", "n", "2026-12-01", "1", "2", "Child A"):
        say(child, answer)
    child.expect(PROMPT)
    long_line = " ".join(f"word{n}" for n in range(1000))  # about 6,900 characters
    child.send(long_line + "\r")
    child.expect(MORE, timeout=120)
    child.sendline("")
    child.expect("Who did it come from")
    child.expect(PROMPT)
    interrupt(child)
    child.expect(pexpect.EOF)
    (draft,) = drafts(home)
    assert draft["answers"]["information"] == long_line  # type: ignore[index]


def test_a_child_to_protect_today_comes_first_and_the_rest_can_wait(tmp_path: Path) -> None:
    """`wsw reflect --walk quick`: yes to the safety question goes straight to today's
    actions; "finish it later" saves, and --resume goes on with the quick walk."""
    home = tmp_path / "home"
    child = spawn(home, "--walk", "quick")
    say(child, "Child A - bruise seen at school")
    child.expect("Does a child need protecting today")
    say(child, "y")
    child.expect("Protecting the child today")
    say_lines(child, "Front door, told at 11:30; school DSL")
    say(child, "1")  # s47
    say(child, "Service manager, 11:40, agreed the referral")
    say_lines(child, "Ring school before home time | FCA | today 14:30")
    child.expect("Go on with the reflection now, or save it")
    say(child, "later")
    child.expect("Resume with: wsw reflect --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (draft,) = drafts(home)
    answers = draft["answers"]
    assert isinstance(answers, dict) and answers["referral-now"] == "s47"
    assert answers["actions-now"][0]["action"] == "Ring school before home time (by 14:30)"
    resumed = spawn(home, "--resume")
    resumed.expect("How old are the children")  # the quick walk goes on where it stopped
    resumed.expect(PROMPT)
    interrupt(resumed)
    resumed.expect(pexpect.EOF)
