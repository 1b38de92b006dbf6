"""pytest-benchmark measurements of wsw's hot paths, on the built-in packs.

Deselected by the project's pytest settings; run them with `pytest bench -m benchmark`.
They check that each call still does its job, never how long it took: compare runs with
pytest-benchmark's own `--benchmark-autosave` and `--benchmark-compare`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from wsw.catalogue.load import load_catalogue
from wsw.catalogue.model import Catalogue
from wsw.infra.paths import builtin_packs_dir
from wsw.packs.files import pack_paths
from wsw.packs.layers import build_library
from wsw.reflection.answers import session_from_file
from wsw.reflection.notes import render_note

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
QUERY = (
    "The school called: Jayden (7) has arrived hungry most mornings this term, in the same "
    "clothes. Mum's new fella has a conviction for assaulting a previous partner."
)

pytestmark = pytest.mark.benchmark


def builtin_targets() -> list[tuple[Path, str]]:
    return [(path, "built-in") for path in pack_paths(builtin_packs_dir())]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.build(build_library(builtin_targets()))


def test_suggest_one_query(benchmark: BenchmarkFixture, catalogue: Catalogue) -> None:
    suggester = catalogue.suggester
    suggestions = benchmark(suggester.suggest, QUERY)
    assert suggestions


def test_load_builtin_packs_without_cache(benchmark: BenchmarkFixture) -> None:
    targets = builtin_targets()
    loaded = benchmark(build_library, targets)
    assert {"core", "cspr-2020", "scr-2017-19"} <= {p.pack.id for p in loaded.packs}


def test_load_library_from_the_cache(benchmark: BenchmarkFixture) -> None:
    """The usual start of a command: the validated library and its index, unpickled."""
    load_catalogue()  # fills the cache
    loaded = benchmark(load_catalogue)
    assert loaded.suggester.suggest(QUERY)


def test_render_note(benchmark: BenchmarkFixture, catalogue: Catalogue) -> None:
    session, _ = session_from_file(catalogue, None, DATA / "answers-full.yaml")
    note, _ = benchmark(render_note, session, "md", [])
    assert note.startswith("---\n")
    assert "Then what?" in note
