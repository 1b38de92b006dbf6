"""What wsw promises about sensitive text: no network, and answers only where they belong."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from helpers import DATA, Runner, session, write

MARKER = "QXMARKERQX"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("wsw tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def marked_answers(tmp_path: Path) -> Path:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    choice_like = {"case-type", "how-known", "is-new", "referral", "already-shared",
                   "supervision-date"}  # fmt: skip
    free_lists = {"unknowns", "alternatives", "options", "supervision-questions"}
    for key, value in data["answers"].items():
        if isinstance(value, str) and key not in choice_like:
            data["answers"][key] = f"{value} {MARKER}"
        elif key in free_lists:
            data["answers"][key] = [f"{v} {MARKER}" for v in value]
    return write(tmp_path / "answers.yaml", yaml.safe_dump(data, default_flow_style=False))


def test_commands_work_with_the_network_switched_off(
    tmp_path: Path, wsw: Runner, no_network: None
) -> None:
    answers = marked_answers(tmp_path)
    assert wsw("suggest", "baby bruise").code == 0
    assert wsw("packs", "list").code == 0
    assert wsw("prompts", "--json").code == 0
    assert wsw("render", str(answers), "-o", str(tmp_path / "n.md")).code == 0
    assert wsw("render", str(answers), "-o", str(tmp_path / "n.html"), "-f", "html").code == 0
    assert wsw("reflect", "--answers", str(answers), "-o", str(tmp_path / "r.md")).code == 0
    assert wsw("drafts", "list").code == 0
    assert wsw("check", str(tmp_path / "n.md")).code in (0, 1)
    assert wsw("demo", "declined-referral", "--auto", "-o", str(tmp_path / "d.md")).code == 0
    assert wsw("cards", "--theme", "neglect").code == 0


def test_the_walk_and_group_mode_run_with_the_network_switched_off(no_network: None) -> None:
    import io

    from rich.console import Console

    from wsw.terminal.asker import TerminalAsker
    from wsw.terminal.group import GroupAsker
    from wsw.walk.engine import drive

    quiet = Console(file=io.StringIO())
    typed = io.StringIO(
        "Child A\nn\n2026-12-01\n1\n2\nChild A\nBaby bruise on the cheek.\n\npolice\n:save\n"
    )
    walk = session("individual")
    assert drive(walk, TerminalAsker(console=quiet, stdin=typed), lambda _: None) is not None
    assert walk.answers["information"] == "Baby bruise on the cheek."
    typed = io.StringIO("Child B\nChild B\n1\ny\nInfo\n\nAB: a question\n\n:save\n")
    group = session("group")
    assert drive(group, GroupAsker(console=quiet, stdin=typed), lambda _: None) is not None
    assert group.answers["clarifying"] == ["a question (AB)"]


def test_answer_text_appears_only_in_the_note(tmp_path: Path, wsw: Runner) -> None:
    answers = marked_answers(tmp_path)
    ok = wsw("render", str(answers), "-o", str(tmp_path / "n.md"))
    assert MARKER in (tmp_path / "n.md").read_text(encoding="utf-8")
    assert MARKER not in ok.out + ok.err

    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["answers"]["scale-after"] = MARKER
    data["answers"]["case-type"] = MARKER
    data["answers"]["actions"] = [{"action": MARKER, "due": MARKER}]
    data["answers"][MARKER] = MARKER
    bad = write(tmp_path / "bad.yaml", yaml.safe_dump(data))
    failed = wsw("render", str(bad), "-o", str(tmp_path / "bad.md"))
    assert failed.code == 2
    # A key that is not an id may be answer text (a YAML indentation slip): it is described,
    # not quoted, and no answer text appears anywhere in the message.
    assert MARKER not in failed.err
    assert "an answer under a key (10 characters, not shown: not an id)" in failed.err


def test_a_broken_answers_file_error_quotes_no_content(tmp_path: Path, wsw: Runner) -> None:
    bad = write(tmp_path / "bad.yaml", f"answers:\n  information: [{MARKER}\n")
    result = wsw("render", str(bad))
    assert result.code == 2
    assert MARKER not in result.err
