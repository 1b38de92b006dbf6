"""Drafts on disk: ids from file names only, damaged drafts kept, nothing but files read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import Runner, write


def _draft(home: Path, name: str, meta: dict[str, object] | None = None) -> Path:
    data = {"answers": {"case-ref": "Child A"}, "meta": {"walk": "individual", **(meta or {})}}
    return write(home / "data" / "drafts" / f"{name}.json", json.dumps(data))


def test_a_draft_id_inside_the_file_never_names_a_path(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    outside = write(tmp_path / "elsewhere" / "x.json", "keep me")
    draft = _draft(wsw_home, "20261124-0900-abcd", {"draft": str(outside.with_suffix(""))})
    result = wsw("drafts", "discard", "20261124-0900-abcd")
    assert result.code == 0, result.err
    assert outside.read_text() == "keep me" and not draft.exists()


def test_a_short_or_empty_prefix_deletes_nothing(wsw_home: Path, wsw: Runner) -> None:
    draft = _draft(wsw_home, "20261124-0900-abcd")
    for prefix in ("", "2"):
        result = wsw("drafts", "discard", prefix)
        assert result.code == 2 and "first 6 characters" in result.err
    assert draft.exists()
    refused = wsw("drafts", "discard", "202611")  # no terminal to ask at: refused
    assert refused.code == 2 and "give its whole id, or add --yes" in refused.err
    assert draft.exists()
    assert wsw("drafts", "discard", "202611", "--yes").code == 0 and not draft.exists()


def test_a_prefix_is_confirmed_at_a_terminal_and_a_whole_id_is_not(
    wsw_home: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    draft = _draft(wsw_home, "20261124-0900-abcd")
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    kept = wsw("drafts", "discard", "20261124")
    assert kept.code == 1 and "Delete draft 20261124-0900-abcd" in kept.err and draft.exists()
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    assert wsw("drafts", "discard", "20261124").code == 0 and not draft.exists()
    again = _draft(wsw_home, "20261124-0900-abcd")
    assert wsw("drafts", "discard", "20261124-0900-abcd").code == 0 and not again.exists()


def test_a_second_damaged_draft_does_not_replace_the_first(wsw_home: Path, wsw: Runner) -> None:
    folder = wsw_home / "data" / "drafts"
    write(folder / "broken.json", "{first")
    wsw("drafts", "list")
    write(folder / "broken.json", "{second")
    wsw("drafts", "list")
    kept = sorted(p.read_text() for p in folder.glob("broken.json.damaged*"))
    assert kept == ["{first", "{second"]


def test_a_pipe_in_the_drafts_folder_is_not_read(wsw_home: Path, wsw: Runner) -> None:
    _draft(wsw_home, "20261124-0900-abcd")
    os.mkfifo(wsw_home / "data" / "drafts" / "pipe.json")
    listed = wsw("drafts", "list")  # would hang reading the pipe
    assert listed.code == 0 and "20261124-0900-abcd" in listed.out


def test_a_linked_drafts_folder_is_refused(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    (wsw_home / "data").mkdir(exist_ok=True)
    (wsw_home / "data" / "drafts").symlink_to(shared)
    for args in (("drafts", "list"), ("drafts", "discard", "--all")):
        result = wsw(*args)
        assert result.code == 1 and "is a symbolic link" in result.err
    assert list(shared.iterdir()) == []


def test_discard_all_skips_what_is_not_a_file(wsw_home: Path, wsw: Runner) -> None:
    _draft(wsw_home, "20261124-0900-abcd")
    odd = wsw_home / "data" / "drafts" / "odd.json.damaged"
    odd.mkdir()
    result = wsw("drafts", "discard", "--all")
    assert result.code == 0 and "Deleted 1 draft." in result.err
    assert odd.is_dir()


def test_discard_on_a_read_only_file_system_is_a_message(
    wsw_home: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    _draft(wsw_home, "20261124-0900-abcd")

    def read_only(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    monkeypatch.setattr(Path, "unlink", read_only)
    for args in (("20261124-0900-abcd",), ("--all",)):
        result = wsw("drafts", "discard", *args)
        assert result.code == 2 and "Read-only file system" in result.err
        assert "Traceback" not in result.err
