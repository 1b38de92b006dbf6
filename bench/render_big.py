"""How long a note takes to render as one answer grows (run by hand): it must grow linearly.

    python bench/render_big.py            # 0.36, 0.72, 1.45 and 2.9 MB answers

The answer is the development vignettes repeated (prose as practitioners write it) in the
full answers file's `information`; each size is rendered once in-process with the built-in
packs (suggestions for the learning section included), and the time per MB is printed.
A time per MB that stays flat as the size doubles is linear; one that doubles is quadratic.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent
SIZES = (362_500, 725_000, 1_450_000, 2_900_000)


def answer_of(size: int) -> str:
    vignettes = yaml.safe_load((ROOT / "tests" / "data" / "vignettes-dev.yaml").read_text())
    items = (
        vignettes
        if isinstance(vignettes, list)
        else next(v for v in vignettes.values() if isinstance(v, list))
    )
    texts = [str(i.get("text") or i.get("information")) for i in items if isinstance(i, dict)]
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(texts[len(parts) % len(texts)])
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)


def main() -> None:
    os.environ.setdefault("WSW_HOME", tempfile.mkdtemp(prefix="wsw-bench-"))
    from wsw.catalogue.load import load_catalogue
    from wsw.reflection.answers import session_from_file
    from wsw.reflection.notes import render_note

    catalogue = load_catalogue(user=False, env=False)
    data = yaml.safe_load((ROOT / "tests" / "data" / "answers-full.yaml").read_text())
    data = json.loads(json.dumps(data, default=str))
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    for size in sizes:
        data["answers"]["information"] = answer_of(size)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "answers.json"
            path.write_text(json.dumps(data))
            started = time.perf_counter()
            session, people = session_from_file(catalogue, None, path)
            render_note(session, "md", people)
            took = time.perf_counter() - started
        mb = size / 1_000_000
        print(f"{mb:5.2f} MB  {took:6.2f} s  {took / mb:5.2f} s/MB", flush=True)


if __name__ == "__main__":
    main()
