"""The single exit point: every failure a message and an exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers import DATA, WSW, warm

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
