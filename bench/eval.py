"""How well `wsw suggest` brings up the right learning, on every labelled set, beside BM25.

    python bench/eval.py            # every tests/data/vignettes-*.yaml
    python bench/eval.py --misses   # also list the texts that fail, with what came up
    python bench/eval.py --noise dev eval   # which themes come up off-theme, and which words

For each set it prints n, recall@6 (required themes among the first six distinct primary
themes), precision@8 (share of the first eight suggestions whose primary theme is required
or reasonable: `expect` or `also`), strict precision@8 (`expect` only) and the pass rate (every
required theme in the first six), for wsw and for a plain BM25 ranking over the points' texts
(bench/bm25.py). The `role` column says whether a set was used to fit the engine's learned
weights (`fit`) or held out from it (`held-out`); only held-out figures say how wsw will do on
text it has not seen.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bm25 import BM25  # noqa: E402

DATA = ROOT / "tests" / "data"
Ranker = Callable[[str], list[str]]
NOISE_SHOWN = 12  # themes and phrases listed by --noise


@dataclass
class Tally:
    n: int = 0
    required: int = 0
    found: int = 0
    passed: int = 0
    shown: int = 0
    reasonable: int = 0
    strict: int = 0

    def row(self, name: str, role: str, engine: str) -> str:
        recall = self.found / max(self.required, 1)
        prec = self.reasonable / max(self.shown, 1)
        strict = self.strict / max(self.shown, 1)
        return (
            f"{name:10} {role:9} {engine:5} {self.n:4} {recall:9.2f} {prec:8.2f} "
            f"{strict:8.2f} {self.passed:4}/{self.n:<4} {self.passed / max(self.n, 1):5.2f}"
        )


def distinct(themes: Sequence[str]) -> list[str]:
    out: list[str] = []
    for t in themes:
        if t not in out:
            out.append(t)
    return out


def score(vignettes: list[dict[str, object]], rank: Ranker, misses: list[str] | None) -> Tally:
    tally = Tally()
    for v in vignettes:
        expect = list(v["expect"])  # type: ignore[call-overload]
        also = list(v.get("also") or [])  # type: ignore[call-overload]
        themes = rank(str(v["text"]))
        top6 = distinct(themes)[:6]
        first8 = themes[:8]
        hit = [t for t in expect if t in top6]
        tally.n += 1
        tally.required += len(expect)
        tally.found += len(hit)
        tally.passed += len(hit) == len(expect)
        tally.shown += len(first8)
        tally.reasonable += sum(t in expect or t in also for t in first8)
        tally.strict += sum(t in expect for t in first8)
        if misses is not None and len(hit) < len(expect):
            misses.append(f"  {v['id']}: missing {sorted(set(expect) - set(hit))}; top {top6}")
    return tally


def noise(vignettes: list[dict[str, object]], suggest: Callable[[str], list[Any]]) -> list[str]:
    """Off-theme suggestions among the first eight: how often each primary theme comes up
    where it is neither required nor reasonable, and the phrases that brought it up then.

    A cause shows as a theme that is often wrong, or a phrase that brings it up across many
    texts: a generic trigger, or a point filed under the wrong theme.
    """
    themes: Counter[str] = Counter()
    phrases: Counter[tuple[str, str]] = Counter()
    for v in vignettes:
        ok = set(v["expect"]) | set(v.get("also") or [])  # type: ignore[call-overload]
        for s in suggest(str(v["text"]))[:8]:
            if s.theme not in ok:
                themes[s.theme] += 1
                phrases.update((s.theme, m) for m in s.matched)
    lines = ["  off-theme among the first eight, by theme:"]
    lines += [f"    {n:4} {theme}" for theme, n in themes.most_common(NOISE_SHOWN)]
    lines.append("  and the phrases that brought them up:")
    lines += [f"    {n:4} {t}: {m!r}" for (t, m), n in phrases.most_common(NOISE_SHOWN)]
    return lines


def load_set(path: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data if isinstance(data, list) else data["vignettes"])


def fitted_sets() -> frozenset[str]:
    """The sets the engine's learned weights were fitted on (none before they exist)."""
    import importlib

    try:
        learned = importlib.import_module("wsw.suggest.learned")
    except ImportError:
        return frozenset()
    return frozenset(getattr(learned, "FIT_SETS", ()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the texts that fail")
    parser.add_argument(
        "--noise", action="store_true", help="list off-theme suggestions and their words"
    )
    parser.add_argument("sets", nargs="*", help="set names (default: every vignettes-*.yaml)")
    args = parser.parse_args(argv)
    from wsw.catalogue.load import load_catalogue

    catalogue = load_catalogue(user=False, env=False)
    suggester = catalogue.suggester
    bm25 = BM25(catalogue.library)

    def wsw(text: str) -> list[str]:
        return [s.theme for s in suggester.suggest(text, limit=20)]

    fitted = fitted_sets()
    print(
        f"{'set':10} {'role':9} {'by':5} {'n':>4} {'recall@6':>9} {'prec@8':>8} "
        f"{'strict':>8} {'pass':>9} {'rate':>5}"
    )
    paths = sorted(DATA.glob("vignettes-*.yaml"))
    for path in paths:
        name = path.stem.removeprefix("vignettes-")
        if args.sets and name not in args.sets:
            continue
        vignettes = load_set(path)
        role = "fit" if name in fitted else "held-out"
        misses: list[str] | None = [] if args.misses else None
        print(score(vignettes, wsw, misses).row(name, role, "wsw"))
        print(score(vignettes, bm25.rank, None).row(name, role, "bm25"))
        for line in misses or ():
            print(line)
        if args.noise:
            print("\n".join(noise(vignettes, lambda text: suggester.suggest(text, limit=20))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
