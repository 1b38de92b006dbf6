"""What the published package says about itself: licence, classifiers, what the sdist holds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def project() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data


def test_the_licence_is_mit_in_the_spdx_form_with_its_file() -> None:
    meta = project()["project"]
    assert meta["license"] == "MIT" and meta["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in meta["classifiers"])  # PEP 639


def test_the_version_is_written_in_one_place() -> None:
    meta = project()
    assert "version" in meta["project"]["dynamic"] and "version" not in meta["project"]
    assert meta["tool"]["hatch"]["version"]["path"] == "src/wsw/__init__.py"


def test_developer_tools_are_a_group_not_part_of_the_published_test_extra() -> None:
    meta = project()
    test = " ".join(meta["project"]["optional-dependencies"]["test"])
    dev = " ".join(meta["dependency-groups"]["dev"])
    for tool in ("ruff", "mypy", "types-"):
        assert tool not in test and tool in dev
    assert "--group dev" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_sdist_holds_the_readmes_pictures() -> None:
    included = project()["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
        assert any(picture == i or picture.startswith(i.rstrip("/") + "/") for i in included)
