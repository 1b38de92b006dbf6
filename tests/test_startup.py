"""What each command imports: the promise behind "wsw starts as quickly as a bare Typer app".

Speed itself is measured by hand (bench/), never asserted here; these tests catch the usual
way it is lost, an import of something heavy on a path that does not need it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import DATA

PROBE = """
import json, sys
from wsw.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(home: Path, *args: str) -> set[str]:
    env = {**os.environ, "WSW_HOME": str(home), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, result.stderr
    return set(report["modules"])


def test_help_and_version_load_nothing_but_the_command_line(wsw_home: Path) -> None:
    for flag in ("--help", "--version"):
        modules = imported_by(wsw_home, flag)
        assert not {"pydantic", "yaml", "wsw.packs", "wsw.reflection.run"} & modules, flag


@pytest.mark.cold  # the first render must find no cache
def test_render_from_the_cache_never_imports_pydantic(wsw_home: Path, tmp_path: Path) -> None:
    answers = str(DATA / "answers-full.yaml")
    first = imported_by(wsw_home, "render", answers, "-o", str(tmp_path / "a.md"))
    assert {"pydantic", "wsw.packs.schema"} <= first  # no cache yet: packs were validated
    warm = imported_by(wsw_home, "render", answers, "-o", str(tmp_path / "b.md"))
    assert not {"pydantic", "wsw.packs.schema", "wsw.packs.loader", "rich"} & warm
    assert "importlib.metadata" not in warm  # installed packs: remembered, not asked again
    assert undated(tmp_path / "a.md") == undated(tmp_path / "b.md")


def test_check_loads_no_packs_no_session_and_no_yaml(wsw_home: Path, tmp_path: Path) -> None:
    """Checking a file for identifiers needs none of the reflection machinery."""
    text = tmp_path / "note.md"
    text.write_text("Nothing to find here.\n", encoding="utf-8")
    modules = imported_by(wsw_home, "check", str(text))
    assert not {"wsw.walk.session", "wsw.packs.models", "wsw.packs", "yaml"} & modules


def test_a_warm_suggest_loads_no_reflection_code_and_no_yaml(wsw_home: Path) -> None:
    # (pydantic is left to the render test above: Typer 0.29 imports it for every command.)
    text = "Dad says the bruise came from the cot."
    imported_by(wsw_home, "suggest", text)  # fills the cache
    warm = imported_by(wsw_home, "suggest", text)
    assert "wsw.suggest.engine" in warm
    assert not {"yaml", "wsw.packs.loader", "wsw.reflection.drafts", "wsw.walk.engine"} & warm


def undated(note: Path) -> list[str]:
    return [line for line in note.read_text().splitlines() if not line.startswith("date:")]


def python_says(code: str) -> str:
    """The last line a fresh interpreter prints after running `code`."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


def test_the_terminal_asker_loads_markdown_only_for_the_preview() -> None:
    loaded = python_says(
        "import sys, wsw.terminal.asker; "
        "print(sorted({'markdown_it', 'subprocess'} & set(sys.modules)))"
    )
    assert "markdown_it" not in loaded


def test_wsw_switches_core_dumps_off() -> None:
    """A crash (or Ctrl-\\) must not write answers to a core file."""
    limit = python_says(
        "import resource, sys; from wsw.main import main; main(['--version']); "
        "print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    assert limit == "(0, 0)"


def test_a_warm_case_list_reads_no_notes_and_loads_no_packs(wsw_home: Path, tmp_path: Path) -> None:
    """`wsw case list` over an index that is up to date reads one row per case: no YAML, no
    packs, no note records, no Rich."""
    from helpers import case_answers

    answers = str(case_answers(tmp_path, "a.yaml", "Child A"))
    imported_by(wsw_home, "render", answers)
    imported_by(wsw_home, "case", "list")  # brings the index up to date
    warm = imported_by(wsw_home, "case", "list", "--json")
    # pydantic is left to the pin's own test: Typer 0.29 and later import it for every command
    # (.ci/latest-typer runs these tests against the newest Typer).
    assert not {"yaml", "rich", "wsw.packs", "wsw.cases.history"} & warm


def test_the_entry_module_imports_nothing_before_main_can_catch_ctrl_c() -> None:
    """The console script imports `wsw.main` outside any handler: a Ctrl-C while it loads
    would be a traceback, so it holds nothing that takes time to import."""
    probe = "import sys; before = set(sys.modules); import wsw.main; " + (
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["wsw", "wsw.main"]
