"""The single exit point: every failure a message and an exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers import DATA, WSW, Runner, warm

ANSWERS = str(DATA / "answers-full.yaml")


def run(home: Path, *args: str, stdout: int | None = None, stdin: str = "") -> tuple[int, str]:
    warm(home)
    env = {**os.environ, "WSW_HOME": str(home), "NO_COLOR": "1"}
    env.pop("WSW_PACKS", None)
    done = subprocess.run([WSW, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          env=env, text=True, timeout=60, check=False)  # fmt: skip
    return done.returncode, done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("render", ANSWERS, "-o", "-"),
        ("prompts", "--json"),
        ("suggest", "--json", "A baby with a bruise"),
        ("check", "--json", ANSWERS),
        ("cards",),
    ],
)
def test_output_to_a_full_disk_is_a_message(tmp_path: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        code, err = run(tmp_path / "home", *args, stdout=full.fileno())
    assert code == 2, err
    assert "Cannot write to standard output: No space left on device." in err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_devices_pipes_and_endless_input_are_refused_with_a_message(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    for args, says in [
        (("render", "/dev/zero", "-o", "-"), "not a regular file"),
        (("check", "/dev/zero"), "not a regular file"),
        (("packs", "validate", str(fifo)), "not a pack file or a folder of packs"),
        (("packs", "validate", "/dev/null"), "/dev/null"),
    ]:
        code, err = run(home, *args)
        assert code == 2 and says in err and "Traceback" not in err, (args, err)


def test_wsw_packs_naming_a_device_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    home = tmp_path / "home"
    warm(home)
    env = {**os.environ, "WSW_HOME": str(home), "WSW_PACKS": "/dev/zero", "NO_COLOR": "1"}
    done = subprocess.run([WSW, "render", ANSWERS, "-o", "-"], capture_output=True, text=True,
                          env=env, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 2 and "/dev/zero: not a pack file" in done.stderr


def test_numbers_longer_than_python_reads_are_a_message(tmp_path: Path) -> None:
    huge = "9" * 5000
    files = {
        "a.yaml": f"answers:\n  scale-before: {huge}\n",
        "a.json": f'{{"answers": {{"scale-before": {huge}}}}}',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        code, err = run(tmp_path / "home", "render", str(tmp_path / name), "-o", "-")
        assert code == 2 and "a number longer than 4,300 digits" in err, err
    pack = tmp_path / "pack.yaml"
    pack.write_text(f"schema: 1\nid: big\ntitle: Big\nversion: {huge}\n")
    code, err = run(tmp_path / "home", "packs", "validate", str(pack))
    assert code == 2 and "a number longer than 4,300 digits" in err and huge not in err


def test_a_mistake_in_wsw_is_a_message_without_the_text_it_held(
    wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsw.cli.options import Settings

    def broken(self: Settings) -> None:
        raise KeyError("Mother said the baby fell")

    monkeypatch.setattr(Settings, "catalogue", broken)
    monkeypatch.delenv("WSW_DEBUG", raising=False)
    result = wsw("prompts")
    assert result.code == 1
    assert "internal error (KeyError in wsw/cli/prompts.py line" in result.err
    assert "Mother" not in result.err and "Traceback" not in result.err


def test_ctrl_c_as_wsw_starts_is_exit_130_without_a_traceback(
    wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsw.infra import signals

    def pressed() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(signals, "install", pressed)
    result = wsw("--version")
    assert result.code == 130 and result.err.strip() == "Interrupted (Ctrl-C)."


def test_ctrl_c_while_the_command_line_loads_waits_for_the_imports_then_stops(
    wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the import machinery a KeyboardInterrupt can become a RuntimeError or be
    swallowed with "Exception ignored": the signal is noted until the imports are done."""
    import importlib
    import signal
    import sys

    from wsw.infra import signals

    importlib.import_module("wsw.cli.app")
    monkeypatch.delitem(sys.modules, "wsw.cli.app")  # imported again, inside `starting`
    monkeypatch.delattr(importlib.import_module("wsw.cli"), "app")  # both put back after
    real_import = __import__

    def ctrl_c_during(name: str, *args: object, **kwargs: object) -> object:
        if name == "typer":
            signal.raise_signal(signal.SIGINT)  # arrives while wsw.cli.app is loading
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("builtins.__import__", ctrl_c_during)
    try:
        result = wsw("--version")
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signals.reset()
    assert result.code == 130 and result.err.strip() == "Interrupted (Ctrl-C)."
    assert "0.1" not in result.out  # the command did not run
    assert "wsw.cli.app" in sys.modules  # but the import it arrived in was not cut short


def test_an_error_after_ctrl_c_is_the_interruption_not_an_internal_error(
    wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib
    import signal

    from wsw.infra import signals

    cli_app = importlib.import_module("wsw.cli.app")

    def half_imported(*args: object, **kwargs: object) -> None:
        with signals.held():  # noted, not raised: as if it had been lost inside an import
            signal.raise_signal(signal.SIGINT)
        raise RuntimeError("an import Ctrl-C broke half-way")

    monkeypatch.setattr(cli_app, "app", half_imported)
    try:
        result = wsw("--version")
    finally:
        signals.reset()
    assert result.code == 130 and "Interrupted (Ctrl-C)." in result.err
    assert "internal error" not in result.err
