"""Whatever bytes are in an answers file or a draft: a clear error, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import builtin_library, session_from_answers
from wsw.errors import WswError
from wsw.packs.library import Library
from wsw.reflection import drafts

LIBRARY: Library = builtin_library()


def attempt(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.yaml"
        path.write_bytes(data)
        try:
            session_from_answers(LIBRARY, None, path)
        except WswError as exc:
            assert exc.exit_code == 2
            assert exc.lines() and all(line for line in exc.lines())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    attempt(data)


KEYS = ["case-ref", "scale-after", "themes", "actions", "checked", "age-bands", "unknowns", "x"]
yaml_ish = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), yaml_ish, max_size=6))
def test_any_structure_of_answers(answers: dict[str, object]) -> None:
    import json

    attempt(json.dumps({"answers": answers, "meta": {}}).encode())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_damaged_drafts_never_crash_the_list(data: bytes) -> None:
    from unittest import mock

    with tempfile.TemporaryDirectory() as home, mock.patch.dict("os.environ", {"WSW_HOME": home}):
        folder = drafts.drafts_dir()
        folder.mkdir(parents=True)
        (folder / "20261124-0000-aaaa.json").write_bytes(data)
        listing = drafts.list_drafts()
        assert len(listing.drafts) + len(listing.moved) == 1
