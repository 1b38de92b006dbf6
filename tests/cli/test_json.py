"""Every `--json` output: versioned, and documented in the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main

from helpers import MINIMAL_PACK, Runner, write
from wsw.cli.app import app

README = Path(__file__).resolve().parents[2] / "README.md"


def json_commands() -> list[str]:
    """Every command with a --json option, found from the app (a new one is never missed)."""
    found: list[str] = []

    def visit(command: object, prefix: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                visit(child, [*prefix, name])
            return
        params = getattr(command, "params", [])
        if any("--json" in getattr(p, "opts", []) for p in params):
            found.append(" ".join(prefix))

    visit(typer.main.get_command(app), [])
    return sorted(found)


RUNS = {
    "agenda": ["agenda", "--json"],
    "case list": ["case", "list", "--json"],
    "check": ["check", "-", "--json"],
    "demo": ["demo", "--list", "--json"],
    "drafts list": ["drafts", "list", "--json"],
    "packs lint": ["packs", "lint", "--json", "PACK"],
    "packs list": ["packs", "list", "--json"],
    "packs test": ["packs", "test", "--json", "PACK"],
    "prompts": ["prompts", "--json"],
    "suggest": ["suggest", "--json", "no food in the house"],
}


# Need a case or notes written first: their own tests (tests/cases, tests/records) run them.
ELSEWHERE = {"case show", "cpd", "patterns"}


def test_every_json_output_is_known_here() -> None:
    assert json_commands() == sorted([*RUNS, *ELSEWHERE])


@pytest.mark.parametrize("command", sorted(RUNS))
def test_each_json_output_leads_with_its_version(command: str, tmp_path: Path, wsw: Runner) -> None:
    pack = write(tmp_path / "team.yaml", MINIMAL_PACK)
    args = [str(pack) if a == "PACK" else a for a in RUNS[command]]
    result = wsw(*args, stdin="Child A was seen at school.")
    payload = json.loads(result.out)
    assert next(iter(payload)) == "version" and payload["version"] == 1


def test_each_json_output_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("### JSON output", 1)[1].split("\n## ", 1)[0]
    for command in [*RUNS, *ELSEWHERE]:
        assert re.search(rf"`wsw {command}[^`]*--json", section), command


def test_prompts_json_says_which_questions_are_conditional_and_on_what(wsw: Runner) -> None:
    payload = json.loads(wsw("prompts", "--json").out)
    questions = {q["id"]: q for s in payload["stages"] for q in s["questions"]}
    always = questions["information"]
    assert always["conditional"] is False and always["when"] is None
    conditional = [q for q in questions.values() if q["conditional"]]
    assert conditional
    on_disagreement = [
        q
        for q in conditional
        if q["when"] == {"answer": {"question": "disagreement", "equals": True}}
    ]
    assert on_disagreement


def test_drafts_list_json(wsw_home: Path, wsw: Runner) -> None:
    draft = {"answers": {"case-ref": "Child A"}, "meta": {"walk": "individual"}}
    write(wsw_home / "data" / "drafts" / "20261201-0930-ab12.json", json.dumps(draft))
    payload = json.loads(wsw("drafts", "list", "--json").out)
    (row,) = payload["drafts"]
    assert row["id"] == "20261201-0930-ab12" and row["answers"] == 1
    assert "Child A" not in json.dumps({k: v for k, v in row.items() if k != "title"})
