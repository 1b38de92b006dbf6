"""The real `wsw reflect` in a pseudo-terminal: a draft open twice, SIGTERM and SIGHUP, and
kill -9 while a draft is locked, while the editor is open and while a group is captured."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pexpect
import pytest
from test_reflect_terminal import context, spawn

from helpers import MORE, PROMPT, WSW, default_interrupts, interrupt, say, terminal_env


def the_draft(home: Path) -> dict[str, dict[str, object]]:
    (path,) = (home / "data" / "drafts").glob("*.json")
    data: dict[str, dict[str, object]] = json.loads(path.read_text())
    return data


def locks(home: Path) -> list[Path]:
    return list((home / "data" / "drafts").glob("*.lock"))


def test_a_draft_open_in_another_wsw_is_shown_read_only_or_waited_for(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = spawn(home)
    say(first, "Child A - first session")
    first.expect(PROMPT)
    assert len(locks(home)) == 1

    viewer = spawn(home, "--resume")
    viewer.expect(r"is open in wsw process \d+ on this computer")
    viewer.expect("1. Show it, read-only")
    viewer.expect("> ")
    viewer.sendline("1")
    viewer.expect("Child A - first session")
    viewer.expect(pexpect.EOF)
    viewer.close()
    assert viewer.exitstatus == 0

    waiting = spawn(home, "--resume")
    waiting.expect("2. Wait until it is closed")
    waiting.expect("> ")
    waiting.sendline("2")
    waiting.expect("Waiting for the draft to be closed")
    time.sleep(0.3)
    interrupt(first)  # the first wsw stops: its draft is saved and its lock released
    first.expect(pexpect.EOF)
    waiting.expect("Resuming draft")
    say(waiting, "n")  # the question after the title: no child to protect today
    waiting.expect(PROMPT)
    interrupt(waiting)
    waiting.expect(pexpect.EOF)
    answers = the_draft(home)["answers"]
    assert answers["case-ref"] == "Child A - first session"  # neither wsw lost the other's
    assert len(answers) == 2
    assert locks(home) == []


def test_kill_9_with_the_draft_locked_lets_the_next_wsw_take_it_over(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = spawn(home)
    say(first, "Child A")
    first.expect(PROMPT)
    time.sleep(0.2)
    assert first.pid is not None
    os.kill(first.pid, signal.SIGKILL)
    first.expect(pexpect.EOF)
    first.close()  # reaped, as the shell does: a zombie still counts as running
    assert len(locks(home)) == 1  # kill -9 leaves the lock, with a process that is gone

    second = spawn(home, "--resume")
    second.expect("which has ended")
    second.expect("2. Take it over")
    second.expect("> ")
    second.sendline("2")
    second.expect("Resuming draft")
    say(second, "n")
    second.expect(PROMPT)
    interrupt(second)
    second.expect(pexpect.EOF)
    answers = the_draft(home)["answers"]
    assert answers["case-ref"] == "Child A" and len(answers) == 2
    assert locks(home) == []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_save_the_unfinished_answer(
    tmp_path: Path, signum: int, code: int
) -> None:
    home = tmp_path / "home"
    child = spawn(home)
    context(child)
    child.expect(PROMPT)  # the information: one line finished, one being typed
    child.sendline("A finished line")
    child.expect(MORE)
    child.send("and a line not yet ended")
    time.sleep(0.3)
    assert child.pid is not None
    os.kill(child.pid, signum)
    child.expect("Your answers are saved in draft")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    pending = the_draft(home)["meta"]["pending"]
    assert pending == {"question": "information", "text": "A finished line",
                       "line": "and a line not yet ended"}  # fmt: skip
    assert locks(home) == []
    assert not list((home / "data" / "drafts").glob(".wsw-tmp-*"))


def test_kill_9_while_the_editor_is_open_leaves_nothing_after_the_next_start(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    editor = tmp_path / "slow-editor"
    editor.write_text("#!/bin/sh\nsleep 30\n")
    editor.chmod(0o700)
    child = spawn(home, env={"EDITOR": str(editor)})
    say(child, ":edit")
    folder = home / "data" / "drafts"
    deadline = time.monotonic() + 10
    while not list(folder.glob("wsw-edit-*.txt")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(folder.glob("wsw-edit-*.txt"))
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    env = terminal_env(home)
    listing = pexpect.spawn(WSW, ["drafts", "list"], env=env, encoding="utf-8", timeout=60,
                            preexec_fn=default_interrupts)  # fmt: skip
    listing.expect(pexpect.EOF)
    assert not list(folder.glob("wsw-edit-*.txt"))  # its wsw is gone: the file went too


def test_kill_9_during_group_capture_keeps_every_contribution(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = terminal_env(home)
    child = pexpect.spawn(WSW, ["group"], env=env, encoding="utf-8", dimensions=(24, 80),
                          timeout=60, preexec_fn=default_interrupts)  # fmt: skip
    child.expect("Declare the people involved")
    child.expect(r"> $")
    child.sendline("")
    for reply in ("Child C", "Child C", "2", "y"):
        say(child, reply)
    child.expect(PROMPT)
    child.sendline("The information")
    child.expect(MORE)
    child.sendline("")
    contributions = [f"AB: Question {n}" for n in range(1, 6)]
    for line in contributions:
        child.expect(r"\+ $")
        child.sendline(line)
    child.expect(r"\+ $")
    time.sleep(0.2)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    pending = the_draft(home)["meta"]["pending"]
    assert pending == {"question": "clarifying",
                       "text": "\n".join(f"Question {n} (AB)" for n in range(1, 6))}  # fmt: skip
