"""The command line as a user meets it: help, version, packs commands, errors and streams."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, Runner, write
from wsw import __version__
from wsw.cli.app import app


def all_commands() -> list[list[str]]:
    """Every command path, found from the app itself so a new command is never missed."""
    import typer.main

    group = typer.main.get_command(app)
    paths: list[list[str]] = []

    def visit(command: object, prefix: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                visit(child, [*prefix, name])
        else:
            paths.append(prefix)

    visit(group, [])
    return paths


def test_version(wsw: Runner) -> None:
    result = wsw("--version")
    assert result.code == 0
    assert result.out.strip() == f"wsw {__version__}"


def test_help_lists_each_command_with_a_description(wsw: Runner) -> None:
    result = wsw("--help")
    assert result.code == 0
    for name in ("suggest", "packs"):
        line = next(line for line in result.out.splitlines() if line.strip().startswith(name))
        assert len(line.split(None, 1)) == 2, line


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p))
def test_every_command_is_documented(path: list[str], wsw: Runner) -> None:
    import typer.main

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.strip()) > 20, path
    for param in command.params:
        if param.name not in ("help",) and getattr(param, "hidden", False) is False:
            assert getattr(param, "help", None), f"{' '.join(path)}: {param.name} has no help"
    assert wsw(*path, "--help").code == 0


def test_bad_flag_says_what_would_work(wsw: Runner) -> None:
    result = wsw("suggest", "--age-band", "teen", "text")
    assert result.code == 2
    assert "under-1" in result.err and "16-17" in result.err
    assert "Traceback" not in result.err


def test_unknown_command_is_a_usage_error(wsw: Runner) -> None:
    result = wsw("reflekt")
    assert result.code == 2


def test_packs_list(wsw: Runner) -> None:
    result = wsw("packs", "list")
    assert result.code == 0
    for pack_id in ("core", "cspr-2020", "scr-2017-19"):
        assert pack_id in result.out
    assert "learning points" in result.out


def test_packs_list_json_includes_user_pack(wsw_home: Path, wsw: Runner) -> None:
    write(wsw_home / "data" / "packs" / "team.yaml", MINIMAL_PACK)
    packs = json.loads(wsw("packs", "list", "--json").out)["packs"]
    team = next(p for p in packs if p["id"] == "team-pack")
    assert team["origin"] == "user"
    assert team["counts"]["learning_points"] == 1 and team["counts"]["themes"] == 0


def test_wsw_packs_env_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wsw: Runner
) -> None:
    write(tmp_path / "one" / "team.yaml", MINIMAL_PACK)
    monkeypatch.setenv("WSW_PACKS", f"{tmp_path / 'one'}{os.pathsep}{tmp_path / 'missing'}")
    result = wsw("packs", "list")
    assert result.code == 2
    assert "missing: no such folder (WSW_PACKS)" in result.err


def test_packs_show(wsw: Runner) -> None:
    result = wsw("packs", "show", "cspr-2020")
    assert result.code == 0
    assert "Case studies" in result.out
    assert "Source:" in result.out


def test_packs_show_unknown_id_suggests(wsw: Runner) -> None:
    result = wsw("packs", "show", "cspr2020")
    assert result.code == 2
    assert "did you mean 'cspr-2020'" in result.err


def test_packs_validate_builtin_content(wsw: Runner) -> None:
    content = Path(__file__).resolve().parents[1] / "content"
    result = wsw("packs", "validate", str(content))
    assert result.code == 0, result.err
    assert result.out == ""
    assert "4 packs valid" in result.err


def test_packs_validate_missing_path(wsw: Runner) -> None:
    result = wsw("packs", "validate", "no-such-pack.yaml")
    assert result.code == 2
    assert "no such file" in result.err


def test_packs_schema_to_stdout_and_file(tmp_path: Path, wsw: Runner) -> None:
    schema = json.loads(wsw("packs", "schema").out)
    assert schema["title"] == "wsw content pack"
    target = tmp_path / "out" / "schema.json"
    assert wsw("packs", "schema", "-o", str(target)).code == 0
    assert json.loads(target.read_text())["title"] == "wsw content pack"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_no_color_means_no_escape_codes(wsw: Runner) -> None:
    result = wsw("suggest", "baby bruise on the cheek")
    assert "\x1b[" not in result.out


def test_installed_command_runs_from_any_directory(tmp_path: Path) -> None:
    """The real `wsw` entry point finds its built-in packs wherever it is run from."""
    exe = Path(sys.executable).parent / "wsw"
    env = {**os.environ, "WSW_HOME": str(tmp_path / "home"), "NO_COLOR": "1"}
    env.pop("WSW_PACKS", None)
    result = subprocess.run(
        [str(exe), "suggest", "--json", "-n", "3", "using again and missed the drug test"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    themes = [s["theme"] for s in json.loads(result.stdout)["suggestions"]]
    assert "substance-misuse" in themes


def test_a_command_leaves_the_collector_running(wsw: Runner) -> None:
    """wsw pauses cyclic garbage collection while it starts; it must always resume."""
    import gc

    assert wsw("packs", "list").code == 0
    assert gc.isenabled()
    assert wsw("packs", "show", "no-such-pack").code == 2
    assert gc.isenabled()
