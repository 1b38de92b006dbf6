"""Collections unpickled an item at a time, and the cache format that leaves items in the file."""

from __future__ import annotations

import io
import pickle
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsw.infra.frozen import MAGIC, FrozenDict, FrozenIndex, FrozenList, Shared, dumps, loads

VALUES = st.recursive(
    st.none() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner),
    max_leaves=10,
)


@given(st.lists(VALUES.filter(lambda v: v is not None), max_size=30))
def test_a_list_reads_back_item_for_item(items: list[object]) -> None:
    frozen = loads(dumps({"items": FrozenList(items)}))["items"]
    assert isinstance(frozen, FrozenList)
    assert len(frozen) == len(items)
    assert list(reversed([frozen[i] for i in reversed(range(len(items)))])) == items
    assert list(frozen) == items
    assert frozen[1:3] == items[1:3]


@given(st.dictionaries(st.text(max_size=8), st.lists(st.integers(), min_size=1), max_size=30))
def test_a_dict_reads_back_key_for_key(values: dict[str, list[int]]) -> None:
    frozen = loads(dumps(FrozenDict(values)))
    for key, value in values.items():
        assert frozen.get(key, None) == value
    assert frozen.get("not a key" * 3, ()) == ()


class Marked:
    """Counts how many of its kind have been unpickled."""

    loaded = 0

    def __init__(self) -> None:
        self.state = 1

    def __setstate__(self, state: object) -> None:
        Marked.loaded += 1


def test_only_the_items_read_are_unpickled() -> None:
    Marked.loaded = 0
    frozen = loads(dumps(FrozenList([Marked() for _ in range(100)])))
    assert Marked.loaded == 0
    frozen[42]
    frozen[42]
    frozen[7]
    assert Marked.loaded == 2


def test_items_shared_by_a_value_stay_one_object() -> None:
    """The packs hold the same points as the library's list: read back, still the same."""
    points = [("point", i) for i in range(5)]
    listed = FrozenList([[p] for p in points])
    packs = {"pack": [points[3], points[1]]}
    state = loads(dumps({"listed": listed, "packs": Shared(packs, listed, _first)}))
    read = state["packs"].get()
    assert read == packs
    assert read["pack"][0] is state["listed"][3][0]


def _first(item: list[tuple[str, int]]) -> tuple[str, int]:
    return item[0]


def test_an_index_finds_items_by_key_without_reading_the_others() -> None:
    listed = loads(dumps(FrozenList(["a", "b", "c"])))
    index = FrozenIndex(["x", "y", "z"], listed)
    assert index["y"] == "b"
    assert "z" in index
    assert "w" not in index
    assert "x\ny" not in index
    assert list(index) == ["x", "y", "z"]


@given(st.lists(st.text("ab.-", min_size=1, max_size=4), unique=True, max_size=40), st.text("abc."))
def test_an_index_finds_every_key_before_and_after_it_builds_a_dict(
    keys: list[str], missing: str
) -> None:
    index = loads(dumps({"i": FrozenIndex(keys, FrozenList(list(range(len(keys)))))}))["i"]
    for _ in range(2):  # the second round after the dict is built (more than DICT_AFTER)
        for n, key in enumerate(keys):
            assert index[key] == n
        assert (missing in index) == (missing in keys)
        for _ in range(FrozenIndex.DICT_AFTER):
            assert "zz" not in index  # no key has a z
    assert len(index) == len(keys)
    assert "\n" not in index


def test_pickled_on_their_own_they_keep_their_items() -> None:
    """Outside the cache format (a plain pickle) the items travel inline."""
    listed = pickle.loads(pickle.dumps(loads(dumps(FrozenList([1, 2, 3])))))
    assert list(listed) == [1, 2, 3]
    table = pickle.loads(pickle.dumps(FrozenDict({"a": [1]})))
    assert table.get("a", None) == [1]


def test_a_file_in_another_format_or_pointing_outside_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="not a wsw cache file"):
        loads(pickle.dumps([1, 2, 3]))

    class Pointing(pickle.Pickler):
        def persistent_id(self, obj: object) -> tuple[object, ...] | None:
            return ("list", 0, array("Q", [0, 500])) if obj == "ref" else None

    head = io.BytesIO()
    Pointing(head).dump("ref")
    with pytest.raises(pickle.UnpicklingError, match="outside the file"):
        loads(MAGIC + (10).to_bytes(8, "little") + bytes(10) + head.getvalue())
    with pytest.raises((pickle.UnpicklingError, EOFError, ValueError)):
        loads(dumps(FrozenList([b"x" * 100]))[:-5])  # cut short


def test_written_to_a_file_it_reads_back_as_from_bytes(tmp_path: Path) -> None:
    from wsw.infra.frozen import dump

    value = {
        "points": FrozenList([[i, str(i)] for i in range(50)]),
        "words": FrozenDict({f"w{i}": (i, i * 2) for i in range(40)}),
    }
    path = tmp_path / "cache"
    with path.open("wb") as handle:
        dump(value, handle)
    assert path.read_bytes() == dumps(value)
    again = loads(path.read_bytes())
    assert list(again["points"]) == [[i, str(i)] for i in range(50)]
    assert again["words"].get("w7", None) == (7, 14)


def test_a_dict_partly_read_is_written_again_whole() -> None:
    # A loaded cache is written again after some values were read: every key keeps its value.
    values = {f"w{i}": [i] for i in range(30)}
    frozen = loads(dumps(FrozenDict(values)))
    for key in ("w3", "w29", "w0"):
        frozen.get(key, None)
    again = loads(dumps(frozen))
    assert {key: again.get(key, None) for key in values} == values
