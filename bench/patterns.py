"""How long `wsw patterns` takes over 10,000 notes (target: under two seconds).

Run by hand, never in CI: `.venv/bin/python bench/patterns.py [--notes N]`. It renders one
real note from the fictional answers file, writes N copies with varied dates, themes, scores
and referrals into a temporary folder, then times the whole command (`wsw patterns FOLDER
--json`, a subprocess, start-up included) and the counting alone, cold and warm page cache
aside. It reports and never gates.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEMES = ["domestic-abuse", "neglect", "male-carers", "substance-misuse", "infants",
          "parental-mental-health", "escalation", "critical-thinking"]  # fmt: skip
REFERRALS = ["s47", "s17", "none", "unsure"]


def make_notes(folder: Path, count: int, env: dict[str, str]) -> None:
    note = folder / "one.md"
    answers = ROOT / "tests" / "data" / "answers-full.yaml"
    subprocess.run([sys.executable, "-m", "wsw", "render", str(answers), "-o", str(note)],
                   check=True, env=env, capture_output=True)  # fmt: skip
    text = note.read_text(encoding="utf-8")
    note.unlink()
    head, body = text.split("\n---\n", 1)
    rng = random.Random(15)
    for i in range(count):
        themes = "\n".join(f"- {t}" for t in rng.sample(THEMES, rng.randint(1, 3)))
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        before, after = rng.randint(2, 9), rng.randint(1, 9)
        varied = (
            head.replace("date: '2026-12-01'", f"date: '{day}'", 1)
            .replace("themes:\n- male-carers\n- domestic-abuse", f"themes:\n{themes}", 1)
            .replace("safety_before: 7", f"safety_before: {before}", 1)
            .replace("safety_after: 4", f"safety_after: {after}", 1)
            .replace("referral: s17", f"referral: {rng.choice(REFERRALS)}", 1)
        )
        (folder / f"{day}-reflection-{i:05d}.md").write_text(f"{varied}\n---\n{body}",
                                                             encoding="utf-8")  # fmt: skip


def _children_cpu() -> float:
    """CPU seconds used by finished child processes: steady on a busy machine, unlike time."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home, folder = Path(tmp) / "home", Path(tmp) / "notes"
        folder.mkdir()
        env = {**os.environ, "WSW_HOME": str(home)}
        make_notes(folder, args.notes, env)
        command = [sys.executable, "-m", "wsw", "patterns", str(folder), "--json"]
        subprocess.run(command, check=True, env=env, capture_output=True)  # warm the caches
        times, cpu = [], []
        for _ in range(3):
            start, used = time.perf_counter(), _children_cpu()
            done = subprocess.run(command, check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - start)
            cpu.append(_children_cpu() - used)
        sys.path.insert(0, str(ROOT / "src"))
        from wsw.records.patterns import count, records

        start = time.perf_counter()
        found = count((n for _, n in records([folder])), {})
        alone = time.perf_counter() - start
        jsonl = [*command[:-1], "--format", "jsonl"]
        start = time.perf_counter()
        subprocess.run(jsonl, check=True, env=env, capture_output=True)
        export = time.perf_counter() - start
    print(f"{found.notes} notes, {len(done.stdout)} bytes of JSON")
    print(f"wsw patterns --json (whole command, best of 3): {min(times):.2f} s (target < 2 s)")
    print(f"  its CPU time (user + system, best of 3):      {min(cpu):.2f} s")
    print(f"  load average while measuring:                 {os.getloadavg()[0]:.1f}")
    print(f"reading and counting alone:                     {alone:.2f} s")
    print(f"wsw patterns --format jsonl (whole command):     {export:.2f} s")


if __name__ == "__main__":
    main()
