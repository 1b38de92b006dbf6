"""Recall and precision of the identifier check on the held-out set (run by hand).

    python bench/identifiers.py [tests/data/identifiers-heldout.yaml]

An expected identifier is found when a finding covers exactly its text with the same kind
(a date of either kind counts as a date). Precision counts every finding, on the cases and
on the look-alikes under `none`. Birth context: of the dates found, how many have the kind
the set gives (date-of-birth after a birth word, date otherwise).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from wsw.privacy.detect import find_identifiers

DATES = {"date", "date-of-birth"}


def family(kind: str) -> str:
    return "date" if kind in DATES else kind


def score(data: dict[str, Any]) -> dict[str, Any]:
    expected = found = hits = dates = dates_right = 0
    missed: list[str] = []
    extra: list[str] = []
    for case in data["cases"]:
        want = [(k, t) for k, t in case["found"]]
        got = find_identifiers(case["text"])
        expected += len(want)
        found += len(got)
        for kind, text in want:
            match = next(
                (f for f in got if f.text == text and family(f.kind) == family(kind)), None
            )
            if match is None:
                missed.append(f"{kind} {text!r}")
                continue
            hits += 1
            if kind in DATES:
                dates += 1
                dates_right += match.kind == kind
        wanted = {(family(k), t) for k, t in want}
        extra += [f"{f.kind} {f.text!r}" for f in got if (family(f.kind), f.text) not in wanted]
    for text in data.get("none", []):
        got = find_identifiers(text)
        found += len(got)
        extra += [f"{f.kind} {f.text!r} (in a look-alike)" for f in got]
    correct = found - len(extra)
    return {
        "expected": expected, "hits": hits, "found": found, "correct": correct,
        "recall": hits / expected if expected else 1.0,
        "precision": correct / found if found else 1.0,
        "dates": dates, "dates_right": dates_right, "missed": missed, "extra": extra,
    }  # fmt: skip


def main() -> None:
    default = Path(__file__).parent.parent / "tests" / "data" / "identifiers-heldout.yaml"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    result = score(yaml.safe_load(path.read_text(encoding="utf-8")))
    print(f"recall    {result['hits']}/{result['expected']} = {result['recall']:.3f}")
    print(f"precision {result['correct']}/{result['found']} = {result['precision']:.3f}")
    print(f"birth context right on {result['dates_right']}/{result['dates']} dates found")
    for line in result["missed"]:
        print(f"  missed: {line}")
    for line in result["extra"]:
        print(f"  extra:  {line}")


if __name__ == "__main__":
    main()
