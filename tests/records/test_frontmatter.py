"""The fast reader of front matter codes agrees with YAML, and falls back to it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from helpers import write
from wsw.records import frontmatter


def note(tmp_path: Path, head: str) -> Path:
    return write(tmp_path / "n.md", f"---\n{head}---\n\n# Body\n\ndate: 1999-01-01\n")


def test_safe_dumped_front_matter_reads_as_yaml_reads_it(tmp_path: Path) -> None:
    import yaml

    front = {"title": "x", "date": "2026-12-01", "walk": "individual",
             "packs": {"core": "1.0.0"}, "age_bands": ["1-5", "16-17"], "themes": [],
             "safety_before": 7, "safety_after": None, "referral": "none",
             "disagreement": False, "situational_supervision": True,
             "actions": [{"action": "A", "owner": "FCA", "due": "2026-11-25"}]}  # fmt: skip
    path = note(tmp_path, yaml.safe_dump(front, sort_keys=False))
    found = frontmatter.read_fields(path)
    assert found == {k: v for k, v in front.items() if k in frontmatter.KEYS}
    assert "title" not in (found or {}) and "actions" not in (found or {})


def test_forms_safe_dump_never_writes_go_through_yaml(tmp_path: Path) -> None:
    head = 'walk: group\nthemes: [neglect, infants]\nreferral: "s47"\nsafety_before: 0x0a\n'
    found = frontmatter.read_fields(note(tmp_path, head))
    assert found == {"walk": "group", "themes": ["neglect", "infants"], "referral": "s47",
                     "safety_before": 10}  # fmt: skip


def test_not_a_note(tmp_path: Path) -> None:
    assert frontmatter.read_fields(write(tmp_path / "a.md", "# No front matter\n")) is None
    assert frontmatter.read_fields(note(tmp_path, "title: no walk\n")) is None
    assert frontmatter.read_fields(write(tmp_path / "b.md", "---\nwalk: x\nnever closed\n")) is None


WORDS = st.sampled_from(["s47", "1-5", "16-17", "2026-12-01", "yes", "No", "True", "null",
                         "~", "1_000", "1.5", "07", "private-law", "a b", "it's", ""])  # fmt: skip


@given(st.lists(WORDS, max_size=3), WORDS)
def test_any_value_reads_as_yaml_reads_it(items: list[str], value: str) -> None:
    import yaml

    head = yaml.safe_dump({"walk": "individual", "referral": value, "themes": items})
    fast = frontmatter.fields(head)
    assert fast == frontmatter._by_yaml(head)
