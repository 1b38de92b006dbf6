"""The case index: private, rebuilt from the notes when missing, stale or damaged, and safe
with two writers or a kill -9 part-way."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from wsw.cases.index import MIGRATIONS, Index, index_path

NOTE = "---\ncase: {case}\ndate: {date}\nsafety_after: {score}\n---\n# A note\n"


def note(
    folder: Path, name: str, case: str = "Child A", date: str = "2026-11-01", score: int = 5
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(NOTE.format(case=case, date=date, score=score), encoding="utf-8")
    return path


def notes_dir(home: Path) -> Path:
    return home / "notes"


def test_the_index_file_is_private_wal_and_versioned(wsw_home: Path) -> None:
    note(notes_dir(wsw_home), "a.md")
    index = Index.open()
    path = index_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert index.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert index.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert index.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    for extra in path.parent.glob(f"{path.name}-*"):  # the WAL and shared-memory files
        assert stat.S_IMODE(extra.stat().st_mode) == 0o600


def test_a_deleted_index_is_rebuilt_with_the_same_content(wsw_home: Path) -> None:
    note(notes_dir(wsw_home), "a.md")
    note(notes_dir(wsw_home), "b.md", case="Child B", date="2026-11-02")
    before = [r.to_json() for r in Index.open().records()]
    for p in index_path().parent.glob(f"{index_path().name}*"):
        p.unlink()
    assert [r.to_json() for r in Index.open().records()] == before
    assert Index.open().cases() == ["Child B", "Child A"]


def test_notes_edited_added_or_deleted_by_hand_are_picked_up(wsw_home: Path) -> None:
    folder = notes_dir(wsw_home)
    a = note(folder, "a.md", score=5)
    note(folder, "b.md")
    index = Index.open()
    a.write_text(NOTE.format(case="Child A", date="2026-11-01", score=2), encoding="utf-8")
    os.utime(a, ns=(time.time_ns(), time.time_ns() + 10**9))
    (folder / "b.md").unlink()
    note(folder, "c.md", case="Child C")
    result = index.sync()
    assert (result.added, result.updated, result.removed) == (1, 1, 1)
    assert {(r.name, r.safety_after) for r in index.records()} == {("a.md", 2), ("c.md", 5)}


def test_a_note_touched_but_not_changed_is_not_read_again(wsw_home: Path) -> None:
    a = note(notes_dir(wsw_home), "a.md")
    index = Index.open()
    os.utime(a, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert index.sync().updated == 0
    assert index.sync().updated == 0  # the new time was stored


def test_a_damaged_index_is_moved_aside_and_rebuilt(wsw_home: Path) -> None:
    note(notes_dir(wsw_home), "a.md")
    Index.open().close()
    path = index_path()
    for extra in path.parent.glob(f"{path.name}-*"):
        extra.unlink()
    path.write_bytes(b"this is not a database" * 100)
    index = Index.open()
    assert [r.name for r in index.records()] == ["a.md"]
    assert len(index.notices) == 1 and "moved aside" in index.notices[0]
    assert list(path.parent.glob(f"{path.name}.damaged-*"))


def test_an_index_from_a_newer_wsw_is_moved_aside_not_misread(wsw_home: Path) -> None:
    note(notes_dir(wsw_home), "a.md")
    Index.open().db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    index = Index.open()
    assert "newer wsw" in index.notices[0]
    assert [r.name for r in index.records()] == ["a.md"]


def test_links_and_other_files_in_the_notes_folder_are_not_read(
    wsw_home: Path, tmp_path: Path
) -> None:
    folder = notes_dir(wsw_home)
    note(folder, "a.md")
    outside = note(tmp_path, "outside.md", case="Elsewhere")
    (folder / "link.md").symlink_to(outside)
    (folder / "notes.txt").write_text("case: X")
    assert [r.case for r in Index.open().records()] == ["Child A"]


WRITER = """
import os
import sys
from pathlib import Path
from wsw.cases.index import Index
folder, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
index = Index.open(sync=False)
for n in range(count):
    path = folder / f"{prefix}-{n:04d}.md"
    part = folder / f".{prefix}-{n:04d}.tmp"  # written whole and renamed, as wsw writes notes
    part.write_text(f"---\\ncase: {prefix}\\ndate: 2026-11-01\\n---\\n# n\\n", encoding="utf-8")
    os.replace(part, path)
    index.add(path)
    print(n, flush=True)
"""


def _writer(home: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "WSW_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(notes_dir(home)), prefix, str(count)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_adding_notes_at_once_both_land(wsw_home: Path) -> None:
    notes_dir(wsw_home).mkdir()
    Index.open().close()
    writers = [_writer(wsw_home, p, 40) for p in ("one", "two")]
    for w in writers:
        w.communicate(timeout=120)
        assert w.returncode == 0
    db = sqlite3.connect(index_path())  # what is stored, without a sync to fill any gap
    counts = dict(db.execute("SELECT case_ref, COUNT(*) FROM notes GROUP BY case_ref"))
    assert counts == {"one": 40, "two": 40}


def test_kill_9_while_indexing_leaves_a_usable_index(wsw_home: Path) -> None:
    notes_dir(wsw_home).mkdir()
    writer = _writer(wsw_home, "killed", 5000)
    assert writer.stdout is not None
    for _ in range(30):  # let it get well into its work
        writer.stdout.readline()
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    index = Index.open()
    assert index.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    on_disk = sorted(p.name for p in notes_dir(wsw_home).glob("*.md"))
    assert sorted(r.name for r in index.records()) == on_disk  # caught up with the folder
    assert len(on_disk) >= 30


def test_an_index_of_an_earlier_version_is_migrated_and_refilled(wsw_home: Path) -> None:
    note(notes_dir(wsw_home), "a.md", score=3)
    path = index_path()
    path.parent.mkdir(parents=True, mode=0o700)
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute("INSERT INTO notes VALUES ('a.md', 1, 1, 'x', 'Stale', '2020-01-01', NULL)")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    index = Index.open()
    assert index.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 2
    assert index.cases() == ["Child A"]
    assert index.summaries()[0]["safety"] == 3


def test_the_per_case_rows_follow_every_change(wsw_home: Path) -> None:
    folder = notes_dir(wsw_home)
    a = note(folder, "a.md", case="Child A", date="2026-11-01")
    note(folder, "b.md", case="Child B", date="2026-11-02")
    index = Index.open()
    assert index.cases() == ["Child B", "Child A"]
    a.write_text(NOTE.format(case="Child B", date="2026-11-03", score=1), encoding="utf-8")
    os.utime(a, ns=(time.time_ns(), time.time_ns() + 10**9))
    index.sync()
    assert index.cases() == ["Child B"]  # the note moved to another case: A has no notes left
    assert index.summaries()[0]["notes"] == 2 and index.summaries()[0]["safety"] == 1
    index.remove(["a.md", "b.md"])
    assert index.cases() == [] and index.open_actions() == []
