"""The real `wsw supervise` in a pseudo-terminal: the walk, Ctrl-C, resume, the record added."""

from __future__ import annotations

from pathlib import Path

import pexpect

from helpers import PROMPT, Runner, case_answers, interrupt, notes_in, say, say_lines, spawn_walk


def spawn(home: Path, *args: str) -> pexpect.spawn[str]:
    return spawn_walk("supervise", home, *args)


def test_supervise_at_the_terminal_with_ctrl_c_and_resume(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    (note,) = notes_in(wsw_home)
    before = note.read_text(encoding="utf-8")
    child = spawn(wsw_home, str(note))
    say(child, "Practice supervisor")
    say(child, "2")  # situational
    say_lines(child, "Refer now; the checks can follow.")
    say_lines(child, "Wait for the checks", "Refer now")
    say(child, "Service manager")
    say(child, "y")
    child.expect("How is this case affecting the practitioner")
    child.expect(PROMPT)
    interrupt(child)
    child.expect("Resume with: wsw supervise --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert note.read_text(encoding="utf-8") == before  # nothing written until the end
    resumed = spawn(wsw_home, "--resume")
    resumed.expect("How is this case affecting the practitioner")
    say_lines(resumed, "Anxious about the visit.")
    say_lines(resumed, "A joint visit.")
    say_lines(resumed, "Weigh a partner's history early.")
    say_lines(resumed, "Ask about every adult in the home.")
    say_lines(resumed, "A second worker.")
    say(resumed, ":skip")  # escalation (optional)
    say_lines(resumed, "Arrange a joint visit | SM | 2026-12-04")
    say(resumed, "2026-12-15")
    resumed.expect("Preview of your note")
    say(resumed, "1")
    resumed.expect("Supervision record added to")
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0
    after = note.read_text(encoding="utf-8")
    assert (
        after.startswith(before.split("\n---\n", 1)[0]) and before.split("\n---\n", 1)[1] in after
    )
    assert "## Supervision record" in after and "Anxious about the visit." in after
    assert "| Arrange a joint visit | SM | 4 December 2026 |" in after
    assert not list((wsw_home / "data" / "drafts").glob("*.json"))
