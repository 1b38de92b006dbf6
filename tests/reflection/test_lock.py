"""A draft's lock: one wsw at a time, who holds it is said, a gone holder can be replaced."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import Runner, builtin
from wsw.infra.process import host
from wsw.reflection import drafts, lock, run
from wsw.reflection.notes import NoteTarget
from wsw.walk.engine import Stop
from wsw.walk.scripted import ScriptedAsker


def saved_draft() -> str:
    reflection = run.begin(builtin(), "individual", "wsw reflect --resume")
    run.run_walk(reflection, ScriptedAsker(["Ref", Stop()], people=[]), run.Finish(None))
    return reflection.store.ident


def held_by(draft_id: str, pid: int, where: str | None = None) -> Path:
    path = drafts.lock_path(draft_id)
    path.write_text(json.dumps({"pid": pid, "host": where or host(), "since": "12:00"}))
    return path


def test_a_second_open_of_a_draft_is_refused_until_the_first_ends() -> None:
    ident = saved_draft()
    first, _ = run.resume(builtin(), ident, "wsw reflect --resume")
    with pytest.raises(lock.DraftLocked) as locked:
        run.resume(builtin(), None, "wsw reflect --resume")  # the latest is the same draft
    assert locked.value.holder.pid is not None and not locked.value.holder.gone()
    assert "is open in wsw process" in str(locked.value) and "on this computer" in str(locked.value)
    run.run_walk(first, ScriptedAsker([Stop()]), run.Finish(NoteTarget(None)))
    again, _ = run.resume(builtin(), ident, "wsw reflect --resume")  # released on the way out
    again.close()
    assert not drafts.lock_path(ident).exists()


def test_a_holder_that_has_ended_on_this_computer_can_be_taken_over() -> None:
    ident = saved_draft()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    path = held_by(ident, int(ended.stdout))
    with pytest.raises(lock.DraftLocked) as locked:
        run.resume(builtin(), ident, "wsw reflect --resume")
    holder = locked.value.holder
    assert holder.gone()
    lock.take_over(path, ident, holder).release()
    reflection, _ = run.resume(builtin(), ident, "wsw reflect --resume")
    reflection.close()


def test_a_living_or_distant_holder_is_never_taken_over() -> None:
    ident = saved_draft()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as living:
        try:
            path = held_by(ident, living.pid)
            holder = lock.read_holder(path)
            assert holder is not None and not holder.gone()
            with pytest.raises(lock.DraftLocked):
                lock.take_over(path, ident, holder)
        finally:
            living.kill()
    distant = lock.read_holder(held_by(ident, 1, where="another-laptop"))
    assert distant is not None and not distant.gone()  # no way to know: never taken over
    assert "on another-laptop" in distant.describe()


def test_an_open_draft_is_not_discarded(wsw: Runner) -> None:
    ident = saved_draft()
    reflection, _ = run.resume(builtin(), ident, "wsw reflect --resume")
    try:
        result = wsw("drafts", "discard", ident)
        assert result.code == 1 and "is open in wsw process" in result.err
        assert wsw("drafts", "discard", "--all").code == 1
        assert drafts.path_of(ident).exists()
    finally:
        reflection.close()
    assert wsw("drafts", "discard", ident).code == 0
    assert not drafts.path_of(ident).exists()
