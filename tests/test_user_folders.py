"""No test run touches the real user folders, even without WSW_HOME set by whoever runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_a_test_run_with_a_fresh_home_leaves_it_empty(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WSW_", "XDG_"))}
    env["HOME"] = str(home)
    # Modules that load the packs at import, drive the CLI, and fill and read the cache.
    chosen = ["test_demo.py", "catalogue/test_cache.py", "test_render_and_prompts.py"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", *(str(TESTS / m) for m in chosen)],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []
