"""The identifier check on a held-out set of fictional sentences (tests/data): what it finds,
what it claims that is not there, and whether dates are told apart by birth context.
bench/identifiers.py prints the same figures with every miss."""

from __future__ import annotations

from typing import Any

import yaml

from helpers import DATA
from wsw.privacy.detect import find_identifiers

SET: dict[str, Any] = yaml.safe_load((DATA / "identifiers-heldout.yaml").read_text("utf-8"))


def family(kind: str) -> str:
    return "date" if kind in ("date", "date-of-birth") else kind


def test_recall_precision_and_birth_context_on_the_held_out_set() -> None:
    expected = hits = found = wrong = dates = dates_right = 0
    for case in SET["cases"]:
        got = find_identifiers(case["text"])
        found += len(got)
        wanted = {(family(k), t): k for k, t in case["found"]}
        expected += len(wanted)
        for f in got:
            kind = wanted.get((family(f.kind), f.text))
            if kind is None:
                wrong += 1
                continue
            hits += 1
            if family(kind) == "date":
                dates += 1
                dates_right += f.kind == kind
    for text in SET["none"]:
        look_alikes = find_identifiers(text)
        found += len(look_alikes)
        wrong += len(look_alikes)
    assert expected >= 60 and len(SET["none"]) >= 20
    assert hits / expected >= 0.95  # measured: 69/69 (66/69 before hyphens, 0044, 22-Aug-1987)
    assert (found - wrong) / found >= 0.95  # measured: 69/69
    assert dates_right / dates >= 0.9  # measured: 21/21 (13/20 when every date was a DOB)
