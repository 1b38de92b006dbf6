"""A deterministic synthetic pack library, for measuring wsw at scale.

`build(out_dir)` writes 20 pack files holding 10,000 learning points between them, shaped
like the built-in packs: 1-3 core themes, a title, 2-4 sentences, a source in a document the
core pack declares, 4-10 trigger phrases and, sometimes, age bands and figures. The words come
from a vocabulary of safeguarding terms, drawn with a seeded random generator, so the same
seed always gives byte-identical files.

    python bench/synth.py OUT_DIR [--points N] [--packs N] [--seed N]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CORE_PACK = REPO / "content" / "core.yaml"
SOURCE_DOCUMENT = "rip-scr-2017-19"  # declared in the core pack
AGE_BANDS = ("under-1", "1-5", "6-10", "11-15", "16-17")

SECTIONS = (
    "Themes and trends across SCRs 1998-2019",
    "Key data from the 2017-19 SCRs",
    "Parental and family characteristics",
    "Normalisation of neglect in areas of high deprivation and poverty",
    "Understanding the child's daily life",
    "'Hidden in plain sight'",
    "Being alert to behavioural indicators",
    "Lack of action following disclosure of sexual abuse",
    "The experiences and behaviour of older children",
    "Engaging parents, resistance and effective challenge",
    "Cultural difference",
    "Information sharing and effective communication",
    "Risk assessment",
    "Communication with health agencies, including diagnoses",
    "Professional disagreement and escalation of concerns",
    "A system-wide response",
)

# Content words practitioners and reviews use; no stop words, so every trigger is matchable.
_WORDS = """
abuse absent accommodation addiction adolescent agency alcohol allegation anxiety appointment
arrest assault assessment attendance baby bedroom behaviour bruise bruising burn cancelled
carer caseload checks childminder chronic closure coercion coercive concern conference
conviction court criminal crisis custody daughter debt decision deprivation development
diagnosis disability disclosure disagreement disclosed drinking drugs education emergency
employment enquiry escalate escalation evidence exclusion exploitation family father
fracture friends gangs grandparent grandmother health hearing home homeless hospital housing
hungry injury isolated isolation language learning legal mental midwife missing mother
multiagency neighbour neglect nursery offending overcrowded parent partner pattern
perpetrator physical placement police poverty pregnancy probation referral refuge
relationship resistance restraint review risk runaway safeguarding safety sanctions school
self-harm sexual sibling siblings sleep smacking social son stepfather strategy substance
suicidal supervision support teacher temporary threshold trauma truancy unemployment
unexplained unseen violence visit vulnerable weight welfare withdrawn worker youth
"""
_CONNECTIVES = """
the a and of to in with for on about after before when while because but or not was were
has had is are this that their who which may could should
"""
WORDS = tuple(_WORDS.split())
CONNECTIVES = tuple(_CONNECTIVES.split())


def core_themes(core_pack: Path = CORE_PACK) -> list[str]:
    """The theme ids every synthetic point draws from, as the core pack declares them."""
    data = yaml.safe_load(core_pack.read_text(encoding="utf-8"))
    return [str(theme["id"]) for theme in data["themes"]]


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(CONNECTIVES)
        for _ in range(rng.randint(8, 18))
    ]
    return " ".join(words).capitalize() + "."


def _title(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, rng.randint(3, 7))).capitalize()


def _triggers(rng: random.Random) -> list[str]:
    wanted = rng.randint(4, 10)
    found: list[str] = []
    while len(found) < wanted:
        phrase = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
        if phrase not in found:
            found.append(phrase)
    return found


def _figure(rng: random.Random) -> str:
    total = rng.randint(50, 400)
    part = rng.randint(1, total)
    return (
        f"{part} of the {total} children ({round(100 * part / total)}%) "
        f"had {rng.choice(WORDS)} recorded (Key data)."
    )


def _point(rng: random.Random, point_id: str, themes: list[str]) -> dict[str, Any]:
    point: dict[str, Any] = {
        "id": point_id,
        "themes": rng.sample(themes, rng.randint(1, 3)),
        "title": _title(rng),
        "text": " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))),
        "source": {
            "document": SOURCE_DOCUMENT,
            "section": rng.choice(SECTIONS),
            "page": rng.randint(1, 40),
        },
    }
    if rng.random() < 0.3:
        bands = rng.sample(AGE_BANDS, rng.randint(1, 2))
        point["age_bands"] = sorted(bands, key=AGE_BANDS.index)
    if rng.random() < 0.2:
        point["figures"] = [_figure(rng) for _ in range(rng.randint(1, 2))]
    point["triggers"] = _triggers(rng)
    return point


def _pack(rng: random.Random, number: int, count: int, themes: list[str]) -> dict[str, Any]:
    pack_id = f"synth-{number:02d}"
    return {
        "schema": 1,
        "id": pack_id,
        "title": f"Synthetic pack {number}",
        "version": "1.0.0",
        "description": "Generated for benchmarks; not real learning.",
        "requires": ["core"],
        "learning_points": [
            _point(rng, f"{pack_id}.p{i:05d}", themes) for i in range(1, count + 1)
        ],
    }


def _split(points: int, packs: int) -> list[int]:
    """Points per pack, as even as possible (the first packs take any remainder)."""
    base, extra = divmod(points, packs)
    return [base + (1 if i < extra else 0) for i in range(packs)]


def build(out_dir: Path, points: int = 10_000, packs: int = 20, seed: int = 1) -> None:
    """Write `packs` pack files holding `points` learning points between them into `out_dir`."""
    rng = random.Random(seed)
    themes = core_themes()
    out_dir.mkdir(parents=True, exist_ok=True)
    for number, count in enumerate(_split(points, packs), start=1):
        pack = _pack(rng, number, count, themes)
        text = yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=100)
        (out_dir / f"{pack['id']}.yaml").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic wsw pack library.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--packs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    build(args.out_dir, args.points, args.packs, args.seed)
    print(f"Wrote {args.points} points in {args.packs} packs to {args.out_dir}")


if __name__ == "__main__":
    main()
