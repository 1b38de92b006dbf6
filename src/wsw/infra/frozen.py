"""Collections kept as pickled bytes per item until an item is asked for, and the file format
that lets a cache be opened without reading those bytes at all.

A cached library of 100,000 points took over a second to unpickle, as long again for its
trigger index, and 700 MiB, while `wsw suggest` shows ten points and tries the triggers of a
few hundred words. So each point (and each word's triggers, each word's postings) is pickled
on its own. `dumps` writes the collections' items in one area, then the rest of the
catalogue; `loads`, given the file mapped in memory, unpickles the rest and leaves the items where
they are: an item is unpickled the first time it is asked for (then kept), and only the
pages it lies on are ever read from the disk.

The bytes are part of the cache file that `wsw.catalogue.cache` has checked is this user's
alone, so they are as trusted as the rest of it; nothing else is ever unpickled here.
Built in memory (not read from a cache) these collections simply hold their items.
"""

from __future__ import annotations

import io
import pickle
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, Generic, TypeVar, overload

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")

_PROTOCOL = pickle.HIGHEST_PROTOCOL
MAGIC = b"wsw-frozen-1\n"
Blob = bytes | memoryview


class _Slices(Sequence[Blob]):
    """The i-th item's bytes: area[offsets[i]:offsets[i + 1]] (no copy)."""

    def __init__(self, area: memoryview, offsets: array[int]) -> None:
        self._area = area
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> Blob: ...
    @overload
    def __getitem__(self, i: slice) -> list[Blob]: ...
    def __getitem__(self, i: int | slice) -> Blob | list[Blob]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._area[self._offsets[i] : self._offsets[i + 1]]


class FrozenList(Sequence[T]):
    """A list whose items are unpickled one at a time, when first read."""

    def __init__(self, items: Sequence[T]) -> None:
        self._items: list[T | None] = list(items)
        self._blobs: Sequence[Blob] | None = None  # None: every item is here already

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._items[index]
        if item is None and self._blobs is not None:
            item = self._items[index] = pickle.loads(self._blobs[index])
        return item  # type: ignore[return-value]

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self._items)):
            yield self[i]

    def blobs(self) -> Iterator[Blob]:
        """Each item pickled, in order (those never unpickled are not pickled again)."""
        for i, item in enumerate(self._items):
            if item is None and self._blobs is not None:
                yield self._blobs[i]
            else:
                yield pickle.dumps(item, _PROTOCOL)

    @classmethod
    def of_blobs(cls, blobs: Sequence[Blob]) -> FrozenList[T]:
        frozen: FrozenList[T] = cls([])
        frozen._blobs = blobs
        frozen._items = [None] * len(blobs)
        return frozen

    def __reduce__(self) -> tuple[Any, ...]:  # pickled on its own: the bytes inline
        return (FrozenList.of_blobs, ([bytes(b) for b in self.blobs()],))


class FrozenIndex(Mapping[str, T]):
    """Items of a FrozenList looked up by a key (a point by its id) without unpickling all.

    The keys are kept as one string of lines (unpickled in one copy). A command looks up a
    few (the points it shows): each is found in the string; only after many lookups are the
    keys put in a dict (100,000 of them take 27 ms). Keys must not hold a line break (ids
    cannot).
    """

    DICT_AFTER = 32  # lookups before the keys are put in a dict

    def __init__(self, keys: Sequence[str], items: FrozenList[T]) -> None:
        self._lines = "\n" + "\n".join(keys) + "\n"
        self._count = len(keys)
        self._found: dict[str, int] | None = None
        self._lookups = 0
        self._items = items

    def _position(self, key: object) -> int | None:
        if not isinstance(key, str) or "\n" in key or not self._count:
            return None
        if self._found is None:
            self._lookups += 1
            if self._lookups <= self.DICT_AFTER:
                at = self._lines.find(f"\n{key}\n")
                return None if at < 0 else self._lines.count("\n", 0, at)
            keys = self.keys_in_order()
            self._found = dict(zip(keys, range(len(keys)), strict=True))
        return self._found.get(key)

    def keys_in_order(self) -> list[str]:
        return self._lines[1:-1].split("\n") if self._count else []

    def __getitem__(self, key: str) -> T:
        at = self._position(key)
        if at is None:
            raise KeyError(key)
        return self._items[at]

    def __contains__(self, key: object) -> bool:
        return self._position(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_in_order())

    def __len__(self) -> int:
        return self._count

    def __getstate__(self) -> dict[str, Any]:
        return {"lines": self._lines, "count": self._count, "items": self._items}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._lines, self._count, self._items = state["lines"], state["count"], state["items"]
        self._found, self._lookups = None, 0


class FrozenDict(Generic[K, V]):
    """A read-only dict whose values are unpickled one key at a time (only `get`)."""

    def __init__(self, items: dict[K, V]) -> None:
        self._values: dict[K, V] = items
        self._index: dict[K, int] = {}  # key -> position in _blobs, for values not read yet
        self._blobs: Sequence[Blob] = ()

    def get(self, key: K, default: D) -> V | D:
        found = self._values.get(key)
        if found is not None:
            return found
        at = self._index.get(key)
        if at is None:
            return default
        value: V = pickle.loads(self._blobs[at])
        self._values[key] = value
        return value

    def keys_in_order(self) -> list[K]:
        """Every key, in the order `blobs_in_order` gives their values."""
        return [k for k in self._index if k not in self._values] + list(self._values)

    def blobs_in_order(self) -> Iterator[Blob]:
        """Each value pickled, one at a time (those never unpickled are not pickled again)."""
        for key, at in self._index.items():
            if key not in self._values:
                yield self._blobs[at]
        for value in self._values.values():
            yield pickle.dumps(value, _PROTOCOL)

    def items_pickled(self) -> Iterator[tuple[K, Blob]]:
        """Each key with its value pickled."""
        return zip(self.keys_in_order(), self.blobs_in_order(), strict=True)

    @classmethod
    def of_blobs(cls, keys: Sequence[K], blobs: Sequence[Blob]) -> FrozenDict[K, V]:
        frozen: FrozenDict[K, V] = cls({})
        frozen._index = {key: i for i, key in enumerate(keys)}
        frozen._blobs = blobs
        return frozen

    def __reduce__(self) -> tuple[Any, ...]:  # pickled on its own: the bytes inline
        pairs = list(self.items_pickled())
        return (FrozenDict.of_blobs, ([k for k, _ in pairs], [bytes(b) for _, b in pairs]))


class Shared(Generic[T]):
    """A value pickled apart, whose references to a FrozenList's items are kept as positions.

    A library's packs hold every point again; pickled with the points as positions, the
    cache holds each point once, and the packs (read by few commands) are unpickled only when
    asked for, sharing the points already read.
    """

    def __init__(self, value: T, items: FrozenList[Any], key: Callable[[Any], Any]) -> None:
        self._value: T | None = value
        self._blob: bytes | None = None
        self._items = items
        self._key = key  # the part of an item the value refers to (a point of a PointRef)

    def get(self) -> T:
        if self._value is None:
            assert self._blob is not None
            self._value = _load_with_positions(self._blob, self._items, self._key)
            self._blob = None
        return self._value

    def __getstate__(self) -> dict[str, Any]:
        blob = self._blob
        if blob is None:
            blob = _dump_with_positions(self._value, self._items, self._key)
        return {"blob": blob, "items": self._items, "key": self._key}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._value, self._blob = None, state["blob"]
        self._items, self._key = state["items"], state["key"]


def _dump_with_positions(value: object, items: FrozenList[Any], key: Callable[[Any], Any]) -> bytes:
    at = {id(key(item)): i for i, item in enumerate(items)}

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> int | None:
            return at.get(id(obj))

    out = io.BytesIO()
    _Pickler(out, _PROTOCOL).dump(value)
    return out.getvalue()


def _load_with_positions(blob: bytes, items: FrozenList[Any], key: Callable[[Any], Any]) -> Any:
    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            if not isinstance(pid, int) or not 0 <= pid < len(items):
                raise pickle.UnpicklingError("not a position in the list")
            return key(items[pid])

    return _Unpickler(io.BytesIO(blob)).load()


# -- the file format ---------------------------------------------------------------------------


def dumps(value: object) -> bytes:
    """`value` in the format `dump` writes, as bytes (for tests and small values)."""
    out = io.BytesIO()
    dump(value, out)
    return out.getvalue()


def dump(value: object, out: BinaryIO) -> None:
    """Write `value` pickled to `out` (a seekable file), every FrozenList's and FrozenDict's
    items in an area before it.

    The layout: MAGIC, the length of the area (8 bytes), the area, the pickle. In the
    pickle, a frozen collection is a reference (a "persistent id") to where its items lie.
    The items go straight to the file as they are pickled, so a cache of 100,000 points
    (130 MB) is never held in memory: only the pickle after the area is.
    """
    start = out.tell()
    out.write(MAGIC + bytes(8))
    base = out.tell()
    seen: dict[int, tuple[Any, ...]] = {}

    def place(blobs: Iterator[Blob]) -> array[int]:
        offsets = array("Q", [out.tell() - base])
        at = offsets[0]
        for blob in blobs:
            at += out.write(blob)
            offsets.append(at)
        return offsets

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> tuple[Any, ...] | None:
            # Asked of every object pickled: an exact type test, not an isinstance of an ABC.
            kind = type(obj)
            if kind is not FrozenList and kind is not FrozenDict:
                return None
            if id(obj) not in seen:
                number = len(seen)
                if isinstance(obj, FrozenList):
                    seen[id(obj)] = ("list", number, place(obj.blobs()))
                else:  # the values are written as they are pickled, never all held at once
                    keys = obj.keys_in_order()
                    seen[id(obj)] = ("dict", number, keys, place(obj.blobs_in_order()))
            return seen[id(obj)]

    head = io.BytesIO()
    _Pickler(head, _PROTOCOL).dump(value)
    size = out.tell() - base
    out.write(head.getbuffer())
    end = out.tell()
    out.seek(start + len(MAGIC))
    out.write(size.to_bytes(8, "little"))
    out.seek(end)


def loads(buffer: Blob) -> Any:
    """What `dumps` wrote, with the collections' items left in `buffer` until read.

    `buffer` must outlive the value (a memory-mapped file does). Raises ValueError (or an
    unpickling error) for anything else.
    """
    view = memoryview(buffer)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise ValueError("not a wsw cache file")
    start = len(MAGIC) + 8
    size = int.from_bytes(view[len(MAGIC) : start], "little")
    area = view[start : start + size]
    made: dict[int, object] = {}

    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            offsets = pid[-1] if isinstance(pid, tuple) and len(pid) >= 3 else None
            if not isinstance(offsets, array) or not offsets or offsets[-1] > len(area):
                raise pickle.UnpicklingError("a reference outside the file")
            kind, number = pid[0], pid[1]
            if number not in made:
                slices = _Slices(area, offsets)
                if kind == "list":
                    made[number] = FrozenList.of_blobs(slices)
                elif kind == "dict" and len(pid[2]) == len(slices):
                    made[number] = FrozenDict.of_blobs(pid[2], slices)
                else:
                    raise pickle.UnpicklingError("an unknown reference")
            return made[number]

    return _Unpickler(io.BytesIO(view[start + size :])).load()
