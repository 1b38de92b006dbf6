"""The README's example pack is a pack wsw accepts, as a team lead would copy it."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import load_library, write

README = Path(__file__).resolve().parent.parent / "README.md"


def example_pack() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    assert match, "the README's example pack is missing"
    return match.group(1)


def test_the_readmes_example_pack_validates(tmp_path: Path) -> None:
    write(tmp_path / "packs" / "our-team.yaml", example_pack())
    library = load_library([tmp_path / "packs"], user=False, env=False)
    point = library.point_by_id["our-team.lunch"].point
    assert point.prompt and point.table_cites[0].rows == ["Missed breakfast"]


def test_the_readmes_example_pack_passes_the_json_schema() -> None:
    """An editor checking the pack against `wsw packs schema` agrees with wsw."""
    import jsonschema
    import yaml

    from wsw.packs.schema import json_schema

    jsonschema.validate(yaml.safe_load(example_pack()), json_schema())


def test_the_test_command_is_the_one_ci_runs_in_a_fresh_virtual_environment() -> None:
    """What a contributor types from the README is what `.ci/run` runs."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"Run the whole test suite.*?```sh\n(.+?)\n```", text, re.S)
    assert match, "the README's test command is missing"
    venv, activate, command = match.group(1).splitlines()[0].split(" && ", 2)
    assert venv == "python3 -m venv .venv" and activate == ". .venv/bin/activate"
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    ran = ci.split("# The README's test command:\n", 1)[1].splitlines()[0]
    assert ran.replace(" --quiet", "") == command


def test_the_install_puts_wsw_on_the_path_from_the_cloned_folder() -> None:
    install = README.read_text(encoding="utf-8").split("## Install and run", 1)[1]
    install = install.split("\n## ", 1)[0]
    assert "git clone" in install and "cd wsw" in install
    assert "pipx install ." in install  # wsw on PATH in every shell
    assert ". ~/.wsw-venv/bin/activate" in install  # or the venv, activated
