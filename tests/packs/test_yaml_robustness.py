"""Whatever is in a pack file, loading it ends in a pack or in located problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import MINIMAL_PACK
from hypothesis import given, settings
from hypothesis import strategies as st

from wsw.packs.loader import load_pack
from wsw.packs.marks import format_loc
from wsw.packs.yamlfile import YamlProblems


def try_load(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_pack(path)
        except YamlProblems as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.file.endswith("p.yaml")
                assert problem.message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\n\t ,?@`%abc123")), max_size=80))
def test_arbitrary_yaml_punctuation(text: str) -> None:
    try_load(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(MINIMAL_PACK) - 1), st.text(max_size=5))
def test_a_damaged_pack(position: int, insert: str) -> None:
    try_load(MINIMAL_PACK[:position] + insert + MINIMAL_PACK[position + 1 :])


@given(st.lists(st.one_of(st.integers(0, 50), st.from_regex(r"[a-z_]{1,8}", fullmatch=True))))
def test_field_paths_read_naturally(loc: list[str | int]) -> None:
    text = format_loc(loc)
    assert not text.startswith(".")
    assert ".[" not in text
