"""Whatever is in a pack file, loading it ends in a pack or in located problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINIMAL_PACK
from wsw.packs.loader import load_pack
from wsw.packs.marks import format_loc
from wsw.packs.problems import FileProblems
from wsw.packs.yamlfile import read_yaml


def try_load(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_pack(path)
        except FileProblems as exc:
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


def problems_in(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        read_yaml(path, "p.yaml")
    except FileProblems as exc:
        return [str(p) for p in exc.problems]
    return []


def test_an_alias_inside_itself_is_a_located_problem(tmp_path: Path) -> None:
    for text in ("a: &x [*x]\n", "a:\n  b: &x {c: *x}\n", "a: &x {<<: *x}\n"):
        (problem,) = problems_in(tmp_path, text)
        assert problem.startswith("p.yaml:") and "contains an alias of itself" in problem


def test_a_billion_laughs_is_refused_not_built(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    (problem,) = problems_in(tmp_path, "\n".join(lines) + "\n")
    assert "expands to more than" in problem


def test_values_are_what_pyyaml_makes_of_them(tmp_path: Path) -> None:
    """The quick reader gives the same data as PyYAML's safe loader, rare constructs too."""
    text = (
        "base: &b {x: 1, y: [a, b]}\n"
        "merged:\n  <<: *b\n  z: 0x1F\n"
        "again: *b\n"
        "kinds: [yes, no, ~, 1.5, 2026-01-01, '007', !!str 12, 1_000]\n"
        "1: number key\n"
        "binary: !!binary aGVsbG8=\n"
        "set: !!set {p, q}\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    data, marks = read_yaml(path)
    assert data == yaml.safe_load(text)
    assert marks.locate(("kinds", 4)) == (6, 26)  # the date, in the line after the merge


# Any text a pack may hold: no control or bidi-override characters (those are refused).
_CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                              *range(0x2066, 0x206A)] if chr(c) not in "\t\n"]  # fmt: skip
PACK_TEXT = st.characters(codec="utf-8", exclude_characters=_CONTROLS)  # no lone surrogates


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(PACK_TEXT, max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(PACK_TEXT, min_size=1, max_size=5), inner, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_any_dumped_mapping_reads_back_the_same(value: object) -> None:
    text = yaml.safe_dump({"root": value}, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        data, _ = read_yaml(path)
    assert data == yaml.safe_load(text)


@settings(max_examples=50, deadline=None)
# (NEL, U+0085, written as it is, is a line break to YAML: it never reaches a value.)
@given(
    st.text(PACK_TEXT, max_size=6),
    st.sampled_from([c for c in _CONTROLS if c != "\x85"]),
    st.booleans(),
)
def test_a_control_character_anywhere_is_refused_with_its_place(
    before: str, control: str, in_key: bool
) -> None:
    value = before + control
    data = {"root": {value: "x"}} if in_key else {"root": [value]}
    text = yaml.safe_dump(data, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            read_yaml(path)
        except FileProblems as exc:
            (problem,) = exc.problems
        else:
            raise AssertionError("a control character was accepted")
    assert problem.line is not None and problem.path.startswith("root")
    assert f"U+{ord(control):04X}" in problem.message


PLAIN = st.text(
    alphabet=st.sampled_from(list("0123456789.+-_:eExXoObBntfyYNTFl~ aiu")), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_plain_scalars_get_the_types_pyyaml_gives_them(token: str) -> None:
    """Unquoted values (`yes`, `0x1F`, `1_000`, `.inf`, `12:30`, `~`) resolve as in PyYAML."""
    text = f"value: {token}\n"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser read_yaml uses
    try:
        expected = yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        data, _ = read_yaml(path)
    both_nan = data["value"] != data["value"] and expected["value"] != expected["value"]
    assert data == expected or both_nan, (data, expected)
