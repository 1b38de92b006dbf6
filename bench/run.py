"""Measure wsw against its speed and memory targets, and print one table.

Run by hand, not in CI (`.venv/bin/python bench/run.py [--repeat N]`). It reports and never
gates: the exit status is always 0. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import synth

if TYPE_CHECKING:
    from wsw.suggest.engine import Suggester

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
ANSWERS = REPO / "tests" / "data" / "answers-full.yaml"
VIGNETTES = REPO / "tests" / "data" / "vignettes-dev.yaml"
PROMPT = r"\r\n> $"  # the line where `wsw reflect` waits for an answer

MINIMAL_TYPER_APP = '''\
import typer

app = typer.Typer({options})


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"Hello {{name}}")


if __name__ == "__main__":
    app()
'''

# Run in a fresh interpreter, so that RUSAGE_CHILDREN covers only the measured command's runs.
PEAK_RSS_SCRIPT = """\
import resource, subprocess, sys
runs, argv = int(sys.argv[1]), sys.argv[2:]
for _ in range(runs):
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass
class Row:
    """One line of the table. Times are in seconds, memory in MiB."""

    figure: str
    wsw: float | None
    baseline: float | None = None
    unit: str = "ms"  # how to show the values: "ms", "s" or "MiB"
    max_ratio: float | None = None
    max_value: float | None = None
    note: str = ""
    informative: bool = False  # a stricter comparison than the target: never "FAIL"

    @property
    def ratio(self) -> float | None:
        if self.wsw is None or not self.baseline:
            return None
        return self.wsw / self.baseline

    @property
    def passed(self) -> bool | None:
        if self.max_ratio is not None and self.ratio is not None:
            return self.ratio <= self.max_ratio
        if self.max_value is not None and self.wsw is not None:
            return self.wsw <= self.max_value
        return None


@dataclass
class Baselines:
    """The minimal Typer app's `--help`: in a pipe, in a pseudo-terminal, and its memory."""

    pipe: float = 0.0
    pty: float = 0.0
    rss: float = 0.0
    plain_pipe: float = 0.0  # the same app with rich_markup_mode=None, as wsw sets it


@dataclass
class Bench:
    """What every measurement needs: commands, a scratch folder, the repeat count."""

    wsw: str
    scratch: Path
    repeat: int
    base: Baselines = field(default_factory=Baselines)

    def typer_app(self, options: str = "") -> list[str]:
        """The command that runs a minimal one-command Typer app with `--help`."""
        name = "plain" if options else "default"
        path = self.scratch / f"minimal_typer_{name}.py"
        path.write_text(MINIMAL_TYPER_APP.format(options=options), encoding="utf-8")
        return [sys.executable, str(path), "--help"]

    @contextmanager
    def home(self) -> Iterator[dict[str, str]]:
        """An environment with WSW_HOME at a fresh, empty folder, removed afterwards.

        Bytecode is cached (under the scratch folder, so nothing is written beside the
        sources), as it is for an installed wsw, even if PYTHONDONTWRITEBYTECODE is set here.
        """
        folder = Path(tempfile.mkdtemp(prefix="home-", dir=self.scratch))
        env = {**os.environ, "WSW_HOME": str(folder), "NO_COLOR": "1", "COLUMNS": "100"}
        env.update(TERM="dumb", PYTHONPYCACHEPREFIX=str(self.scratch / "pycache"))
        for name in ("WSW_PACKS", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        try:
            yield env
        finally:
            shutil.rmtree(folder, ignore_errors=True)


# -- measuring --------------------------------------------------------------------------------


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Seconds one run of `argv` takes; raises if it fails."""
    start = time.perf_counter()
    subprocess.run(
        argv, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True
    )
    return time.perf_counter() - start


def median_warm(argv: list[str], env: dict[str, str], repeat: int) -> float:
    """Median seconds over `repeat` runs, after one unmeasured run (cache, bytecode, disk)."""
    run_once(argv, env)
    return statistics.median(run_once(argv, env) for _ in range(repeat))


def median_cold(bench: Bench, argv: list[str]) -> float:
    """Median seconds over runs that each start from an empty WSW_HOME (no library cache)."""
    times = []
    for _ in range(bench.repeat):
        with bench.home() as env:
            times.append(run_once(argv, env))
    return statistics.median(times)


def peak_rss_mib(argv: list[str], env: dict[str, str], runs: int) -> float:
    """The largest max RSS over `runs` runs of `argv`, in MiB."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_SCRIPT, str(runs), *argv],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    peak = int(out.strip())
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes / KiB


def _default_interrupts() -> None:
    """Ctrl-C must reach wsw even when this script runs as a background job, whose children
    would otherwise inherit SIGINT ignored (and never stop at the prompt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def time_to_prompt(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `argv` in a pseudo-terminal to its first '> ' prompt."""
    import pexpect  # type: ignore[import-untyped]

    start = time.perf_counter()
    child = pexpect.spawn(
        argv[0], argv[1:], env=env, cwd=str(REPO), encoding="utf-8", dimensions=(24, 80),
        timeout=60, preexec_fn=_default_interrupts,
    )  # fmt: skip
    child.expect(PROMPT)
    elapsed = time.perf_counter() - start
    child.sendintr()  # Ctrl-C before any answer: wsw keeps no draft
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def time_to_exit_in_pty(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `argv` in a pseudo-terminal until it exits."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(
        argv[0], argv[1:], env=env, cwd=str(REPO), timeout=60, preexec_fn=_default_interrupts
    )
    child.expect(pexpect.EOF)
    elapsed = time.perf_counter() - start
    child.close()
    return elapsed


def _timed(call: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


# -- the figures ------------------------------------------------------------------------------


def measure_baselines(bench: Bench) -> list[Row]:
    """Time the minimal Typer app once, for every figure that compares against it."""
    app, plain = bench.typer_app(), bench.typer_app("rich_markup_mode=None")
    with bench.home() as env:
        bench.base.pipe = median_warm(app, env, bench.repeat)
        bench.base.plain_pipe = median_warm(plain, env, bench.repeat)
        bench.base.pty = statistics.median(
            time_to_exit_in_pty(app, env) for _ in range(bench.repeat)
        )
        bench.base.rss = peak_rss_mib(app, env, bench.repeat)
    return []


def startup_rows(bench: Bench) -> list[Row]:
    rows = []
    for flag in ("--help", "--version"):
        with bench.home() as env:
            took = median_warm([bench.wsw, flag], env, bench.repeat)
        rows.append(Row(f"wsw {flag}", took, bench.base.pipe, max_ratio=1.0))
        rows.append(
            Row(
                f"wsw {flag} [vs Typer, rich_markup_mode=None]",
                took,
                bench.base.plain_pipe,
                max_ratio=1.0,
                note="stricter baseline: a bare Typer app that does not import Rich for help",
                informative=True,
            )
        )
    return rows


def render_rows(bench: Bench) -> list[Row]:
    argv = [bench.wsw, "render", str(ANSWERS), "-o", "-"]
    with bench.home() as env:
        warm = median_warm(argv, env, bench.repeat)
    cold = median_cold(bench, argv)
    return [
        Row("wsw render -o - (warm cache)", warm, bench.base.pipe, max_ratio=1.5),
        Row("wsw render -o - (cold: no cache)", cold, bench.base.pipe),
    ]


def reflect_rows(bench: Bench) -> list[Row]:
    argv = [bench.wsw, "reflect"]
    with bench.home() as env:
        time_to_prompt(argv, env)  # fills the library cache
        warm = statistics.median(time_to_prompt(argv, env) for _ in range(bench.repeat))
    cold = []
    for _ in range(bench.repeat):
        with bench.home() as env:
            cold.append(time_to_prompt(argv, env))
    note = "pty; baseline is the Typer app's --help in a pty, to exit"
    return [
        Row("wsw reflect to first prompt (warm)", warm, bench.base.pty, max_ratio=1.5, note=note),
        Row("wsw reflect to first prompt (cold)", statistics.median(cold), bench.base.pty),
    ]


def memory_rows(bench: Bench) -> list[Row]:
    argv = [bench.wsw, "render", str(ANSWERS), "-o", "-"]
    with bench.home() as env:
        run_once(argv, env)  # fills the library cache
        warm = peak_rss_mib(argv, env, bench.repeat)
    with bench.home() as env:
        cold = peak_rss_mib(argv, env, 1)
    base = bench.base.rss
    return [
        Row("wsw render peak RSS (warm cache)", warm, base, "MiB", max_value=60),
        Row("wsw render peak RSS (cold: no cache)", cold, base, "MiB", max_value=60),
    ]


def synthetic_rows(bench: Bench) -> list[Row]:
    folder = bench.scratch / "synthetic"
    synth.build(folder)
    rows = in_process_rows(folder, bench.repeat)
    with bench.home() as env:
        took = median_warm([bench.wsw, "packs", "validate", str(folder)], env, bench.repeat)
    rows.append(Row("10k: wsw packs validate (subprocess)", took, unit="s", max_value=2.0))
    query = _vignette_texts()[0]
    with bench.home() as env:
        argv = [bench.wsw, "--packs", str(folder), "suggest", query]
        took = median_warm(argv, env, bench.repeat)  # the unmeasured first run fills the cache
        peak = peak_rss_mib(argv, env, bench.repeat)
    note = f"the whole command, library read from the cache; peak memory {peak:.0f} MiB"
    rows.append(Row("10k: wsw suggest (subprocess, warm cache)", took, bench.base.pipe, note=note))
    return rows


def in_process_rows(folder: Path, repeat: int) -> list[Row]:
    """Load+validate the synthetic library (no cache), then query its suggestion index."""
    from wsw.infra import collector
    from wsw.infra.paths import builtin_packs_dir
    from wsw.packs.files import pack_paths
    from wsw.packs.layers import build_library

    targets = [(builtin_packs_dir() / "core.yaml", "built-in")]
    targets += [(p, "given") for p in pack_paths(folder)]
    first = _time_load(build_library, targets)
    loads = [_time_load(build_library, targets) for _ in range(repeat)]
    library = build_library(targets)
    from wsw.catalogue.model import Catalogue

    index, catalogue = _timed(lambda: Catalogue.build(library))
    suggester = catalogue.suggester
    collector.settle()  # as the command line does once the library is loaded
    texts = _vignette_texts()
    suggester.suggest(texts[0])
    queries = [_time_query(suggester, t) for _ in range(repeat) for t in texts]
    load_note = f"first call in the process {first:.2f} s (builds pydantic validators)"
    query_note = (
        f"{len(texts)} vignettes x {repeat}; p90 {_p90(queries) * 1000:.0f} ms, "
        f"slowest {max(queries) * 1000:.0f} ms"
    )
    return [
        Row(
            f"10k: load+validate {len(library.points)} points (in-process)",
            statistics.median(loads),
            unit="s",
            max_value=1.5,
            note=load_note,
        ),
        Row("10k: build the suggestion index (once)", index, unit="s"),
        Row(
            "10k: suggest, one query", statistics.median(queries), max_value=0.050, note=query_note
        ),
    ]


def _time_load(
    build: Callable[[list[tuple[Path, str]]], object], targets: list[tuple[Path, str]]
) -> float:
    """Seconds one build takes, with no earlier library alive to slow the garbage collector."""
    gc.collect()
    took, _ = _timed(lambda: build(targets))
    return took


def _time_query(suggester: Suggester, text: str) -> float:
    start = time.perf_counter()
    suggester.suggest(text)
    return time.perf_counter() - start


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]


def _vignette_texts() -> list[str]:
    import yaml

    return [str(v["text"]) for v in yaml.safe_load(VIGNETTES.read_text(encoding="utf-8"))]


# -- output -----------------------------------------------------------------------------------


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.1f} MiB"


def _target(row: Row) -> str:
    if row.max_ratio is not None:
        return f"ratio <= {row.max_ratio:g}"
    if row.max_value is not None:
        return f"<= {_show(row.max_value, row.unit)}"
    return "-"


def _verdict(row: Row) -> str:
    if row.wsw is None:
        return "error"
    passed = row.passed
    if passed is None:
        return "-"
    if row.informative:
        return "(under)" if passed else "(over)"
    return "pass" if passed else "FAIL"


def print_table(rows: list[Row]) -> None:
    header = ("figure", "wsw", "baseline", "ratio", "target", "pass/fail")
    lines = [
        (
            row.figure,
            _show(row.wsw, row.unit),
            _show(row.baseline, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.2f}",
            _target(row),
            _verdict(row),
        )
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=True)]
    for cells in [header, tuple("-" * w for w in widths), *lines]:
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    notes = dict.fromkeys(f"{row.figure}: {row.note}" for row in rows if row.note)
    if notes:
        print("\nnotes:")
        for note in notes:
            print(f"  {note}")


def machine() -> str:
    return (
        f"{platform.platform()} | {platform.machine()} | {os.cpu_count()} CPUs | "
        f"Python {platform.python_version()} ({platform.python_implementation()}) | "
        f"{dt.datetime.now().astimezone().isoformat(timespec='seconds')}"
    )


def find_wsw() -> str:
    beside = Path(sys.executable).parent / "wsw"
    found = str(beside) if beside.exists() else shutil.which("wsw")
    if found is None:
        sys.exit("bench: no `wsw` command next to this Python or on PATH; install wsw first.")
    return found


STEPS: list[tuple[str, Callable[[Bench], list[Row]]]] = [
    ("baselines", measure_baselines),
    ("start-up", startup_rows),
    ("render", render_rows),
    ("reflect", reflect_rows),
    ("memory", memory_rows),
    ("synthetic library", synthetic_rows),
]


def measure(bench: Bench, only: list[str] | None = None) -> list[Row]:
    rows: list[Row] = []
    for name, step in STEPS:
        if only and name != "baselines" and not any(name.startswith(o) for o in only):
            continue
        print(f"measuring {name}...", file=sys.stderr, flush=True)
        try:
            rows.extend(step(bench))
        except Exception as exc:  # report and go on: this script never gates
            traceback.print_exc()
            rows.append(Row(f"{name}: {type(exc).__name__}", None))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure wsw against its targets.")
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median quoted)")
    steps = ", ".join(name for name, _ in STEPS[1:])
    parser.add_argument(
        "--only",
        action="append",
        metavar="STEP",
        help=f"measure only this step (repeatable; the baselines always run): {steps}",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wsw-bench-") as scratch:
        bench = Bench(find_wsw(), Path(scratch), args.repeat)
        rows = measure(bench, args.only)
    print(f"\nwsw benchmark: {machine()}")
    print(f"median of {args.repeat} runs; baseline: a minimal one-command Typer app's --help\n")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
