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
from functools import partial
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
    # wsw / baseline for each interleaved pair of runs; the ratio is then their median
    ratios: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.ratios:
            return statistics.median(self.ratios)
        if self.wsw is None or not self.baseline:
            return None
        return self.wsw / self.baseline

    @property
    def spread(self) -> str:
        """The lowest and highest paired ratio: how far one busy second could move it."""
        if len(self.ratios) < 2:
            return "-"
        return f"{min(self.ratios):.2f}-{max(self.ratios):.2f}"

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
    sizes: tuple[int, ...] = (10_000, 50_000, 100_000)
    keep: Path | None = None  # where synthetic libraries are kept between runs (--synthetic-dir)

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


@dataclass
class Paired:
    """wsw and its baseline measured in alternation: each wsw run has its own baseline run
    next to it, so a busy moment slows both and the ratio of the pair stays fair."""

    wsw: float
    base: float
    ratios: list[float]


def paired(
    measure_wsw: Callable[[], float], measure_base: Callable[[], float], repeat: int
) -> Paired:
    """Medians of `repeat` interleaved pairs (the order alternates), after one unmeasured each."""
    measure_wsw(), measure_base()
    ours, theirs = [], []
    for i in range(repeat):
        if i % 2:
            theirs.append(measure_base())
            ours.append(measure_wsw())
        else:
            ours.append(measure_wsw())
            theirs.append(measure_base())
    ratios = [a / b for a, b in zip(ours, theirs, strict=True) if b]
    return Paired(statistics.median(ours), statistics.median(theirs), ratios)


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
    app, plain = bench.typer_app(), bench.typer_app("rich_markup_mode=None")
    for flag in ("--help", "--version"):
        with bench.home() as env:
            ours = [bench.wsw, flag]
            pair = paired(partial(run_once, ours, env), partial(run_once, app, env), bench.repeat)
            strict = paired(
                partial(run_once, ours, env), partial(run_once, plain, env), bench.repeat
            )
        rows.append(Row(f"wsw {flag}", pair.wsw, pair.base, max_ratio=1.0, ratios=pair.ratios))
        rows.append(
            Row(
                f"wsw {flag} [vs Typer, rich_markup_mode=None]",
                strict.wsw,
                strict.base,
                max_ratio=1.0,
                note="stricter baseline: a bare Typer app that does not import Rich for help",
                informative=True,
                ratios=strict.ratios,
            )
        )
    return rows


def render_rows(bench: Bench) -> list[Row]:
    argv = [bench.wsw, "render", str(ANSWERS), "-o", "-"]
    app = bench.typer_app()
    with bench.home() as env:
        warm = paired(lambda: run_once(argv, env), lambda: run_once(app, env), bench.repeat)
    cold = median_cold(bench, argv)
    return [
        Row("wsw render -o - (warm cache)", warm.wsw, warm.base, max_ratio=1.5, ratios=warm.ratios),
        Row("wsw render -o - (cold: no cache)", cold, bench.base.pipe),
    ]


def reflect_rows(bench: Bench) -> list[Row]:
    argv = [bench.wsw, "reflect"]
    app = bench.typer_app()
    with bench.home() as env:
        warm = paired(
            lambda: time_to_prompt(argv, env), lambda: time_to_exit_in_pty(app, env), bench.repeat
        )
    cold = []
    for _ in range(bench.repeat):
        with bench.home() as env:
            cold.append(time_to_prompt(argv, env))
    note = "pty; baseline is the Typer app's --help in a pty, to exit"
    return [
        Row(
            "wsw reflect to first prompt (warm)",
            warm.wsw,
            warm.base,
            max_ratio=1.5,
            note=note,
            ratios=warm.ratios,
        ),
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


# Targets per library size: load+validate (s), query p90 (s), warm command (s), peak MiB.
SCALE_TARGETS: dict[int, tuple[float | None, float, float | None, float | None]] = {
    10_000: (1.5, 0.050, None, None),
    50_000: (None, 0.050, None, None),
    100_000: (4.0, 0.050, 0.3, 400.0),
}


def synthetic_rows(bench: Bench) -> list[Row]:
    rows: list[Row] = []
    for points in bench.sizes:
        rows.extend(scale_rows(bench, points))
    return rows


def scale_rows(bench: Bench, points: int) -> list[Row]:
    """One library size: in-process load, index and queries; then the commands."""
    tag = f"{points // 1000}k"
    folder = synthetic_library(bench, points, tag)
    load_target, p90_target, warm_target, rss_target = SCALE_TARGETS.get(
        points, (None, 0.050, None, None)
    )
    # the largest libraries take tens of seconds per load: fewer repeats there
    repeat = bench.repeat if points <= 10_000 else max(1, bench.repeat // 3)
    rows = in_process_rows(folder, repeat, tag, load_target, p90_target)
    built = json_library(folder)
    rows += json_rows(bench, built, repeat, tag, load_target, rss_target)
    if points <= 10_000:
        with bench.home() as env:
            took = median_warm([bench.wsw, "packs", "validate", str(folder)], env, repeat)
        rows.append(Row(f"{tag}: wsw packs validate (subprocess)", took, unit="s", max_value=2.0))
    query = _vignette_texts()[0]
    app = bench.typer_app()
    with bench.home() as env:
        argv = [bench.wsw, "--packs", str(folder), "suggest", query]
        cold, _ = _timed(lambda: run_once(argv, env))  # fills the cache
        warm = paired(lambda: run_once(argv, env), lambda: run_once(app, env), repeat)
        peak = peak_rss_mib(argv, env, repeat)
    with bench.home() as env:
        cold_peak = peak_rss_mib(argv, env, 1)
    note = "the whole command, library read from the cache"
    rows += [
        Row(
            f"{tag}: wsw suggest (subprocess, warm cache)",
            warm.wsw,
            warm.base,
            unit="s",
            max_value=warm_target,
            note=note,
            ratios=warm.ratios,
        ),
        Row(f"{tag}: wsw suggest (subprocess, cold: builds the cache)", cold, unit="s"),
        Row(f"{tag}: wsw suggest peak RSS (warm cache)", peak, unit="MiB", max_value=rss_target),
        Row(f"{tag}: wsw suggest peak RSS (cold)", cold_peak, unit="MiB", max_value=rss_target),
    ]
    if bench.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(built, ignore_errors=True)
    return rows


def json_library(folder: Path) -> Path:
    """The synthetic packs written as JSON by `wsw packs build` (kept beside them, and built
    again whenever they were)."""
    from wsw.packs.build import write_built
    from wsw.packs.layers import given_library

    built = folder.parent / f"{folder.name}-json"
    marker, stamp = built / ".built-from", folder / ".built-from"
    if marker.exists() and stamp.exists() and marker.read_bytes() == stamp.read_bytes():
        return built
    shutil.rmtree(built, ignore_errors=True)
    library, given = given_library([folder])
    write_built([p for p in library.packs if p.pack.id in given], built)
    if stamp.exists():
        marker.write_bytes(stamp.read_bytes())
    return built


def json_rows(
    bench: Bench,
    built: Path,
    repeat: int,
    tag: str,
    load_target: float | None,
    rss_target: float | None,
) -> list[Row]:
    """The same library as JSON packs: load+validate in-process, and the cold command."""
    from wsw.infra.paths import builtin_packs_dir
    from wsw.packs.files import pack_paths
    from wsw.packs.layers import build_library

    targets = [(builtin_packs_dir() / "core.yaml", "built-in")]
    targets += [(p, "given") for p in pack_paths(built)]
    first = _time_load(build_library, targets)
    loads = [_time_load(build_library, targets) for _ in range(repeat)]
    argv = [bench.wsw, "--packs", str(built), "suggest", _vignette_texts()[0]]
    with bench.home() as env:
        cold, _ = _timed(lambda: run_once(argv, env))
    with bench.home() as env:
        cold_peak = peak_rss_mib(argv, env, 1)
    note = f"the same packs by `wsw packs build`; first call {first:.2f} s"
    return [
        Row(
            f"{tag}: load+validate, JSON packs (in-process)",
            statistics.median(loads),
            unit="s",
            max_value=load_target,
            note=note,
        ),
        Row(f"{tag}: wsw suggest, JSON packs (cold: builds the cache)", cold, unit="s"),
        Row(
            f"{tag}: wsw suggest peak RSS, JSON packs (cold)",
            cold_peak,
            unit="MiB",
            max_value=rss_target,
        ),
    ]


def synthetic_library(bench: Bench, points: int, tag: str) -> Path:
    """The synthetic library of this size: built afresh, or (with --synthetic-dir) reused
    while synth.py, the core pack and the size are what it was built from."""
    if bench.keep is None:
        folder = bench.scratch / f"synthetic-{tag}"
        synth.build(folder, points=points, packs=20)
        return folder
    import hashlib

    stamp = hashlib.sha256(Path(synth.__file__).read_bytes() + synth.CORE_PACK.read_bytes())
    stamp.update(f"{points} points, 20 packs, seed 1".encode())
    folder = bench.keep / f"synthetic-{tag}"
    marker = folder / ".built-from"
    if marker.exists() and marker.read_text(encoding="utf-8") == stamp.hexdigest():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    synth.build(folder, points=points, packs=20)
    marker.write_text(stamp.hexdigest(), encoding="utf-8")
    return folder


def in_process_rows(
    folder: Path,
    repeat: int,
    tag: str = "10k",
    load_target: float | None = 1.5,
    p90_target: float = 0.050,
) -> list[Row]:
    """Load+validate the synthetic library (no cache), then query its suggestion index."""
    from wsw.infra import collector
    from wsw.infra.paths import builtin_packs_dir
    from wsw.packs.files import pack_paths
    from wsw.packs.layers import build_library

    targets = [(builtin_packs_dir() / "core.yaml", "built-in")]
    targets += [(p, "given") for p in pack_paths(folder)]
    first = _time_load(build_library, targets)
    loads = [_time_load(build_library, targets) for _ in range(repeat)]
    floors = [_compose_floor([path for path, _ in targets]) for _ in range(repeat)]
    library = build_library(targets)
    from wsw.catalogue.model import Catalogue

    index, catalogue = _timed(lambda: Catalogue.build(library))
    suggester = catalogue.suggester
    collector.settle()  # as the command line does once the library is loaded
    texts = _vignette_texts()
    suggester.suggest(texts[0])
    queries = [_time_query(suggester, t) for _ in range(max(repeat, 3)) for t in texts]
    load_note = f"first call in the process {first:.2f} s (builds pydantic validators)"
    query_note = f"{len(texts)} vignettes x {max(repeat, 3)}; slowest {max(queries) * 1000:.0f} ms"
    return [
        Row(
            f"{tag}: load+validate {len(library.points)} points (in-process)",
            statistics.median(loads),
            unit="s",
            max_value=load_target,
            note=load_note,
        ),
        Row(
            f"{tag}: load floor: PyYAML's C parser composing the same files",
            statistics.median(floors),
            unit="s",
            note="yaml.compose with CSafeLoader, GC paused as wsw's load runs: no load with "
            "line marks from PyYAML can be quicker",
        ),
        Row(
            f"{tag}: load+validate against the floor (wsw's own part)",
            statistics.median(loads),
            statistics.median(floors),
            unit="s",
            max_ratio=1.5,
            informative=True,
            note="where an absolute target is below what the parser alone takes, what wsw "
            "adds to it is what wsw can answer for",
        ),
        Row(f"{tag}: build the suggestion index (once)", index, unit="s"),
        Row(f"{tag}: suggest, one query (median)", statistics.median(queries), max_value=0.050),
        Row(
            f"{tag}: suggest, one query (p90)", _p90(queries), max_value=p90_target, note=query_note
        ),
    ]


def _time_load(
    build: Callable[[list[tuple[Path, str]]], object], targets: list[tuple[Path, str]]
) -> float:
    """Seconds one build takes, with no earlier library alive to slow the garbage collector,
    and nothing compiled by an earlier build (a command starts with every cache empty)."""
    _forget_compiled()
    gc.collect()
    took, _ = _timed(lambda: build(targets))
    return took


def _forget_compiled() -> None:
    """Empty the caches of compiled triggers, trigger words and stems."""
    from wsw.text import triggers, words

    triggers.compile_trigger.cache_clear()
    triggers._word_tests.cache_clear()
    words.stem.cache_clear()


def _compose_floor(files: list[Path]) -> float:
    """Seconds PyYAML's C parser takes to compose these files, and nothing else."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    texts = [f.read_text(encoding="utf-8") for f in files]
    gc.collect()
    with _collector_paused():
        took, _ = _timed(lambda: [yaml.compose(t, Loader=loader) for t in texts])
    return took


@contextmanager
def _collector_paused() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
    header = ("figure", "wsw", "baseline", "ratio", "spread", "target", "pass/fail")
    lines = [
        (
            row.figure,
            _show(row.wsw, row.unit),
            _show(row.baseline, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.2f}",
            row.spread,
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
    parser.add_argument(
        "--synthetic-dir",
        type=Path,
        help="keep the synthetic libraries here and reuse them (100k takes over a minute to "
        "write); rebuilt when synth.py or the core pack changes",
    )
    parser.add_argument(
        "--sizes",
        default="10000,50000,100000",
        help="synthetic library sizes in points, comma-separated (default: 10000,50000,100000)",
    )
    args = parser.parse_args(argv)
    sizes = tuple(int(n) for n in args.sizes.split(",") if n)
    with tempfile.TemporaryDirectory(prefix="wsw-bench-") as scratch:
        bench = Bench(find_wsw(), Path(scratch), args.repeat, sizes=sizes, keep=args.synthetic_dir)
        rows = measure(bench, args.only)
    print(f"\nwsw benchmark: {machine()}")
    print(
        f"median of {args.repeat} runs; baseline: a minimal one-command Typer app's --help, "
        "run in alternation with wsw (ratio: median of the pairs; spread: lowest-highest pair)\n"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
