"""The one writer: private whatever the umask, atomic under kill -9, never a silent overwrite."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from wsw.infra.storage import TEMP_PREFIX, WriteRefused, clean_temp_files, write_private


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_files_0600_and_folders_0700_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        target = tmp_path / "a" / "b" / "note.md"
        write_private(target, "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_never_overwrites_without_asking(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    write_private(target, "first")
    with pytest.raises(WriteRefused, match="already exists"):
        write_private(target, "second")
    assert target.read_text() == "first"
    write_private(target, "second", overwrite=True)
    assert target.read_text() == "second"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_refuses_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.md"
    real.write_text("keep me")
    link = tmp_path / "note.md"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="symbolic link"):
        write_private(link, "x", overwrite=True)
    assert real.read_text() == "keep me"


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(Exception, match="Cannot write"):
        write_private(folder / "n.md", "x")


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}old"
    stale.write_text("half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / f"{TEMP_PREFIX}new"
    fresh.write_text("in progress elsewhere")
    assert clean_temp_files(tmp_path) == 1
    assert not stale.exists() and fresh.exists()


WRITER = """
import sys
from pathlib import Path
from wsw.infra.storage import write_private
target = Path(sys.argv[1])
a = "A" * 400_000 + "END"
b = "B" * 400_000 + "END"
i = 0
print("ready", flush=True)
while True:
    write_private(target, a if i % 2 else b, overwrite=True)
    i += 1
"""


def test_kill_9_at_random_moments_leaves_a_whole_file(tmp_path: Path) -> None:
    """200 kills mid-write: the target is always the complete old or the complete new text."""
    target = tmp_path / "draft.json"
    rng = random.Random(20261124)
    for _ in range(200):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)],
                                stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert proc.stdout is not None
        proc.stdout.readline()
        time.sleep(rng.uniform(0, 0.02))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            text = target.read_text()
            assert text in ("A" * 400_000 + "END", "B" * 400_000 + "END")
    clean_temp_files(tmp_path, older_than=-1)
    assert [p.name for p in tmp_path.iterdir()] in ([], ["draft.json"])


def test_a_full_disk_loses_nothing_already_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    target = tmp_path / "draft.json"
    write_private(target, "saved before", overwrite=True)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(Exception, match="No space left on device"):
        write_private(target, "the new version", overwrite=True)
    assert target.read_text() == "saved before"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_force_never_replaces_anything_but_a_regular_file(tmp_path: Path) -> None:
    import os

    from wsw.infra.storage import WriteRefused, write_private

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (pipe, folder):
        with pytest.raises(WriteRefused, match="not a regular file"):
            write_private(target, "note", overwrite=True)
    assert pipe.is_fifo() and folder.is_dir()


@pytest.mark.parametrize("signal_like", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_write_leaves_no_temporary_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signal_like: type[BaseException]
) -> None:
    """Ctrl-C, SIGTERM and SIGHUP (all KeyboardInterrupt in wsw) mid-write: no copy of the
    note is left beside the target."""

    def cut(fd: int) -> None:
        raise signal_like()

    monkeypatch.setattr(os, "fsync", cut)
    with pytest.raises(signal_like):
        write_private(tmp_path / "note.md", "the whole note")
    assert list(tmp_path.iterdir()) == []


def test_a_write_cleans_stale_temporaries_beside_its_target(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}killed"
    stale.write_text("a note from a killed write")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    write_private(tmp_path / "note.md", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_new_folders_are_fsynced_into_their_parents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsw.infra import storage

    synced: list[Path] = []
    monkeypatch.setattr(storage, "fsync_dir", synced.append)
    write_private(tmp_path / "a" / "b" / "n.md", "x")
    assert synced[:2] == [tmp_path, tmp_path / "a"]  # each new folder, into its parent
    assert synced[-1] == tmp_path / "a" / "b"  # and the file, into its folder


def test_a_file_written_as_it_is_made_is_whole_or_not_there(tmp_path: Path) -> None:
    # The library cache (100 MB at 100,000 points) is written by a function, not held whole.
    target = tmp_path / "cache" / "big.bin"

    def writes(out: BinaryIO) -> None:
        for n in range(5):
            out.write(bytes([n]) * 1000)

    write_private(target, writes)
    assert target.read_bytes() == b"".join(bytes([n]) * 1000 for n in range(5))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def fails_halfway(out: BinaryIO) -> None:
        out.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(Exception, match="No space left"):
        write_private(target, fails_halfway, overwrite=True)
    assert target.read_bytes() == b"".join(bytes([n]) * 1000 for n in range(5))
    assert [p.name for p in target.parent.iterdir()] == ["big.bin"]
