"""Shared fixtures: every test gets its own empty wsw home, and a way to run the CLI.

No test may touch the real user folders: `pytest_configure` points WSW_HOME at a temporary
folder before any test module is imported (some build parameter lists from the built-in
packs at import), and every test then gets a fresh home of its own.
"""

from __future__ import annotations

import gc
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import WARM_CACHE, Result, Runner, builtin, warm
from wsw.packs.library import Library

_SESSION_HOME: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    home = tempfile.mkdtemp(prefix="wsw-test-home-")
    _SESSION_HOME.append(home)
    os.environ["WSW_HOME"] = home
    os.environ.pop("WSW_PACKS", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    for home in _SESSION_HOME:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def warm_cache() -> Path:
    """A catalogue cache of the built-in packs, built once, for tests to start warm."""
    from wsw.catalogue.load import load_catalogue

    # A home of its own, which nothing else loads into (a load with other packs would
    # replace the cache file with its own).
    source_home = Path(_SESSION_HOME[0]) / "warm"
    was = os.environ.get("WSW_HOME")
    os.environ["WSW_HOME"] = str(source_home)
    try:
        load_catalogue()  # as a command loads it
    finally:
        if was is not None:
            os.environ["WSW_HOME"] = was
    cache = source_home / "cache"
    WARM_CACHE.append(cache)
    return cache


@pytest.fixture(autouse=True)
def wsw_home(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> Path:
    """Point wsw's folders at a temporary directory, so no test touches real user data.

    The built-in packs' cache is copied in (as a warm machine would have it), unless the
    test is marked `cold` because it is about the cache itself.
    """
    # Beside the test's own tmp_path, not in it: a test may expect tmp_path to hold only its files.
    home = tmp_path_factory.mktemp("wsw-home")
    if request.node.get_closest_marker("cold") is None:
        request.getfixturevalue("warm_cache")
        warm(home)
    monkeypatch.setenv("WSW_HOME", str(home))
    monkeypatch.delenv("WSW_PACKS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in packs (no user or WSW_PACKS packs), loaded once for the whole run."""
    return builtin().library


@pytest.fixture(autouse=True)
def unfreeze_collector() -> Iterator[None]:
    """`wsw.main` freezes what is alive when a command ends (quicker exit); tests run many
    commands in one process, so give those objects back to the collector after each test."""
    yield
    gc.unfreeze()
    gc.enable()


@pytest.fixture
def wsw(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run `wsw ARGS...` in-process, with optional standard input, returning code and output."""
    from wsw.main import main

    def run(*args: str, stdin: str | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
