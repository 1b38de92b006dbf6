"""A seeded mutation fuzzer of drafts and answers files: for the suite and for long runs.

It starts from real, valid files (the full answers file as a draft, with people, a
half-typed answer, options and skips) and mutates them: values swapped for other types
(huge and fractional numbers, markup, control and bidi characters, deep nesting), keys
removed, added or renamed, and bytes cut, flipped or made invalid UTF-8. Each case is read
by every path that takes such a file (drafts list and show, resume to the first question,
render, check) and must end in a result or a WswError, never any other exception.

`WSW_FUZZ_CASES` and `WSW_FUZZ_SEED` set the count and seed (the suite runs a few hundred;
`WSW_FUZZ_CASES=5000 pytest tests/reflection/test_fuzz_drafts.py` by hand).
"""

from __future__ import annotations

import copy
import json
import os
import random
from pathlib import Path
from typing import Any

import yaml

from helpers import DATA

WEIRD_TEXT = [
    "",
    " ",
    "[/]",
    "[bold]x[/bold]",
    "<img src=x onerror=alert(1)>",
    "&copy; &#x41;",
    "\x00\x07\x08",
    "\x1b[2J\x1b]52;c;aGk=\x07",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "a" * 5000,
    "line\nline\r\nline",
    "\ud7ff\ufffd",
    "9" * 40,
    "2026-02-30",
    "31/11/2026",
    "../../etc/passwd",
    "/tmp/x",
    "  leading",
    "{{ x }}",
    "%s %d",
    "- item",
    "# heading",
]
HUGE = "9" * 5000  # JSON allows it; Python's int() refuses more than 4,300 digits


def base_draft() -> dict[str, Any]:
    """A complete, valid draft of the individual walk, in the form wsw writes."""
    answers = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))["answers"]
    answers = json.loads(json.dumps(answers, default=str))
    return {
        "answers": answers,
        "meta": {
            "draft": "ignored", "walk": "individual", "wsw": "0.1.0",
            "created": "2026-12-01T09:00:00", "updated": "2026-12-01T09:30:00",
            "skipped": ["pivotal"], "title": "Child A",
            "options": {"output": "/tmp/note.md", "format": "md", "timebox": 5},
            "pending": {"question": "information", "text": "half", "line": "typed"},
            "people": [{"name": "Jayden Thompson", "role": "Child A"}],
        },
    }  # fmt: skip


def random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(12 if depth < 3 else 8)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 1, 10, 11, 2**64, -(2**63)])
    if kind == 3:
        return rng.choice([1.5, -0.0, 1e308, float("nan"), float("inf")])
    if kind in (4, 5, 6, 7):
        return rng.choice(WEIRD_TEXT)
    if kind in (8, 9):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["action", "owner", "due", "name", "role", "question", "text", "x", ""]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def _containers(value: Any, found: list[tuple[Any, Any]]) -> None:
    if isinstance(value, dict):
        for key in list(value):
            found.append((value, key))
            _containers(value[key], found)
    elif isinstance(value, list):
        for i in range(len(value)):
            found.append((value, i))
            _containers(value[i], found)


def mutate(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One to three structural changes at random places."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        places: list[tuple[Any, Any]] = []
        _containers(data, places)
        parent, key = rng.choice(places)
        action = rng.randrange(4)
        if action == 0:
            parent[key] = random_value(rng)
        elif action == 1 and isinstance(parent, dict):
            del parent[key]
        elif action == 2 and isinstance(parent, dict):
            parent[rng.choice(WEIRD_TEXT[:12])] = random_value(rng)
        elif isinstance(parent, list):
            parent.insert(rng.randrange(len(parent) + 1), random_value(rng))
        else:
            parent[key] = [parent[key]]
    return data


def encode(data: dict[str, Any], rng: random.Random, as_yaml: bool) -> bytes:
    """The file's bytes: JSON (sometimes with a huge integer) or YAML, sometimes damaged."""
    if as_yaml:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=2)
        if rng.random() < 0.05:
            text = text.replace('"scale-before": 3', f'"scale-before": {HUGE}', 1)
            text = text.replace('"timebox": 5', f'"timebox": {HUGE}', 1)
    raw = text.encode("utf-8", errors="surrogatepass")
    damage = rng.random()
    if damage < 0.05 and raw:
        raw = raw[: rng.randrange(len(raw))]
    elif damage < 0.10 and raw:
        i = rng.randrange(len(raw))
        raw = raw[:i] + bytes([rng.randrange(256)]) + raw[i + 1 :]
    elif damage < 0.12:
        raw = raw.replace(b"Child", b"\xff\xfeChild", 1)
    return raw


def cases(default: int) -> tuple[int, int]:
    """(count, seed) from the environment, or the suite's defaults."""
    count = int(os.environ.get("WSW_FUZZ_CASES", default))
    seed = int(os.environ.get("WSW_FUZZ_SEED", 20261201))
    return count, seed


def write_case(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
