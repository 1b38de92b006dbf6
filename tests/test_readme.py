"""The README's example pack is a pack wsw accepts, as a team lead would copy it."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import load_library, write

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readmes_example_pack_validates(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    assert match, "the README's example pack is missing"
    write(tmp_path / "packs" / "our-team.yaml", match.group(1))
    library = load_library([tmp_path / "packs"], user=False, env=False)
    point = library.point_by_id["our-team.lunch"].point
    assert point.prompt and point.table_cites[0].rows == ["Missed breakfast"]
