"""Case memory against its targets: 1,000 notes over 100 cases.

    python bench/cases.py [--notes 1000] [--cases 100] [--repeat 15]

Targets (issue 14): `wsw case list` and `wsw case show` answer in under 150 ms warm; indexing
one new note costs under 20 ms. Whole commands run as subprocesses (start-up included),
beside `wsw --version` (the floor of any command). It reports and never gates.

The notes are one real note rendered by `wsw render` from tests/data/answers-full.yaml,
copied with its case, date and safety scores changed, into a temporary WSW_HOME.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANSWERS = REPO / "tests" / "data" / "answers-full.yaml"
WSW = str(Path(sys.executable).parent / "wsw")


def make_notes(home: Path, notes: int, cases: int) -> None:
    env = {**os.environ, "WSW_HOME": str(home)}
    subprocess.run([WSW, "render", str(ANSWERS)], env=env, check=True, capture_output=True)
    folder = home / "notes"
    (template,) = folder.glob("*.md")
    text = template.read_text(encoding="utf-8")
    template.unlink()
    start = dt.date(2024, 1, 1)
    for n in range(notes):
        day = (start + dt.timedelta(days=n)).isoformat()
        body = (
            text.replace("case: Child A\n", f"case: Child {n % cases:03d}\n")
            .replace(f"date: '{dt.date.today().isoformat()}'", f"date: '{day}'")
            .replace("safety_after: 4", f"safety_after: {n % 11}")
        )
        (folder / f"{day}-reflection-{n:04x}.md").write_text(body, encoding="utf-8")
    # the index, and the pack cache, built once: what "warm" means
    for args in (["case", "list"], ["render", str(ANSWERS), "-o", str(home / "warm.md")]):
        subprocess.run([WSW, *args], env=env, check=True, capture_output=True)


def timed(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, float]:
    """Median and worst wall-clock ms, and median CPU ms (user + system: what the command
    itself costs, much less disturbed than wall-clock time by other work on the machine)."""
    import resource

    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - began) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu.append(used * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def index_one(home: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Indexing one new note into the full index, as `wsw reflect` does after writing it."""
    os.environ["WSW_HOME"] = str(home)
    from wsw.reflection.notes import remember

    folder = home / "notes"
    source = next(folder.glob("*.md")).read_text(encoding="utf-8")
    times, cpu = [], []
    for n in range(repeat):
        path = folder / f"2030-01-01-reflection-new{n:03d}.md"
        path.write_text(source.replace("case: Child ", "case: New "), encoding="utf-8")
        began, began_cpu = time.perf_counter(), time.process_time()
        remember(path)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return times, cpu


def in_process(home: Path, repeat: int) -> dict[str, list[float]]:
    """What case memory itself costs beyond start-up: opening the index (with the check of
    every note's stamp), then listing the cases or working out one case."""
    os.environ["WSW_HOME"] = str(home)
    from wsw.cases.index import Index
    from wsw.cases.store import load_case

    found: dict[str, list[float]] = {"list": [], "show": []}
    for _ in range(repeat):
        began = time.perf_counter()
        index = Index.open()
        index.summaries()
        found["list"].append((time.perf_counter() - began) * 1000)
        index.close()
        began = time.perf_counter()
        index = Index.open()
        load_case(index, "Child 042")
        found["show"].append((time.perf_counter() - began) * 1000)
        index.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        began = time.perf_counter()
        make_notes(home, opts.notes, opts.cases)
        print(f"{opts.notes} notes over {opts.cases} cases made and indexed in "
              f"{time.perf_counter() - began:.1f} s")  # fmt: skip
        env = {**os.environ, "WSW_HOME": str(home)}
        db = home / "data" / "cases.sqlite3"
        for p in db.parent.glob("cases.sqlite3*"):
            p.unlink()
        began = time.perf_counter()
        subprocess.run([WSW, "case", "list"], env=env, check=True, capture_output=True)
        print(f"rebuild from the notes (wsw case list, no index): "
              f"{(time.perf_counter() - began) * 1000:.0f} ms")  # fmt: skip
        rows = [
            ("wsw --version (floor)", [WSW, "--version"]),
            ("wsw case list", [WSW, "case", "list"]),
            ("wsw case list --json", [WSW, "case", "list", "--json"]),
            ("wsw case show REF", [WSW, "case", "show", "Child 042"]),
            ("wsw case show REF --json", [WSW, "case", "show", "Child 042", "--json"]),
            ("wsw actions --json", [WSW, "actions", "--json"]),
        ]
        print(f"{'command (warm, subprocess)':<32} {'median ms':>10} {'max ms':>8} {'cpu ms':>8}")
        for label, args in rows:
            median, worst, used = timed(args, env, opts.repeat)
            print(f"{label:<32} {median:>10.0f} {worst:>8.0f} {used:>8.0f}")
        for label, ms in in_process(home, opts.repeat).items():
            print(f"{'case ' + label + ' (in-process, no start-up)':<32} "
                  f"{statistics.median(ms):>10.1f} {max(ms):>8.1f}")  # fmt: skip
        times, cpu = index_one(home, opts.repeat)
        print(f"{'index one new note (in-process)':<32} {statistics.median(times):>10.1f} "
              f"{max(times):>8.1f} {statistics.median(cpu):>8.1f}")  # fmt: skip
        print(f"load average while measuring: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
