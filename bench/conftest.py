"""Benchmarks never touch real user data: WSW_HOME points at a fresh temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def wsw_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "wsw-home"
    monkeypatch.setenv("WSW_HOME", str(home))
    monkeypatch.delenv("WSW_PACKS", raising=False)
    return home
