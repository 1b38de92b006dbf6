"""Shared fixtures: every test gets its own empty wsw home, and a way to run the CLI."""

from __future__ import annotations

import gc
import io
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from wsw.main import main

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def wsw_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point wsw's folders at a temporary directory, so no test touches real user data."""
    home = tmp_path / "wsw-home"
    monkeypatch.setenv("WSW_HOME", str(home))
    monkeypatch.delenv("WSW_PACKS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture(autouse=True)
def unfreeze_collector() -> Iterator[None]:
    """`wsw.main` freezes what is alive when a command ends (quicker exit); tests run many
    commands in one process, so give those objects back to the collector after each test."""
    yield
    gc.unfreeze()
    gc.enable()


@dataclass
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def wsw(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run `wsw ARGS...` in-process, with optional standard input, returning code and output."""

    def run(*args: str, stdin: str | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def default_interrupts() -> None:
    """For pexpect's `preexec_fn`: Ctrl-C must reach wsw even when the tests were started
    with SIGINT ignored (a shell's background job), which a child would otherwise inherit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL_PACK = """\
schema: 1
id: team-pack
title: Team pack
version: 1.0
requires: [core]
learning_points:
  - id: team.one
    themes: [neglect]
    title: A team learning point
    text: Something the team has learnt.
    source: {document: rip-scr-2017-19, section: "Understanding the child's daily life", page: 16}
    triggers: [packed lunch]
"""
