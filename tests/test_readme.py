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
