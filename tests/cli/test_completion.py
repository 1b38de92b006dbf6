"""Shell completion: the ids commands take, and each shell's script on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import Runner, write


def completions(wsw: Runner, monkeypatch: pytest.MonkeyPatch, line: str) -> list[str]:
    """What bash would offer after `line` (the words typed so far)."""
    words = line.split(" ")
    monkeypatch.setenv("_WSW_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    result = wsw()
    assert result.code == 0, result.err
    return result.out.split()


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("wsw packs show c", ["core", "cspr-2020"]),
        ("wsw demo inj", ["injured-infant"]),
        ("wsw cards --theme negl", ["neglect"]),
        ("wsw cards --stage then-", ["then-what"]),
    ],
)
def test_ids_complete(
    wsw: Runner, monkeypatch: pytest.MonkeyPatch, line: str, offered: list[str]
) -> None:
    assert completions(wsw, monkeypatch, line) == offered


def test_draft_ids_complete(wsw_home: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    for draft_id in ("20261201-0930-ab12", "20261202-1000-cd34"):
        write(wsw_home / "data" / "drafts" / f"{draft_id}.json", json.dumps({"answers": {}}))
    assert completions(wsw, monkeypatch, "wsw drafts show 20261201") == ["20261201-0930-ab12"]
    assert len(completions(wsw, monkeypatch, "wsw reflect --resume 2026")) == 2


def test_completion_never_fails_on_broken_packs(
    wsw_home: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(wsw_home / "data" / "packs" / "bad.yaml", "schema: 1\nid: bad\n")
    assert completions(wsw, monkeypatch, "wsw packs show c") == []


@pytest.mark.parametrize(
    ("shell", "starts"),
    [("zsh", "#compdef wsw"), ("bash", "_wsw_completion()"), ("fish", "complete --command wsw")],
)
def test_show_completion_prints_the_named_shells_script(
    wsw: Runner, shell: str, starts: str
) -> None:
    for args in (["--show-completion", shell], [f"--show-completion={shell}"]):
        result = wsw(*args)
        assert result.code == 0
        assert result.out.startswith(starts), args
