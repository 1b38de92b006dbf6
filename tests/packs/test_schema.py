"""The pack JSON Schema, checked by an independent validator (jsonschema), agrees with
`wsw packs validate`: what wsw accepts, an editor using the schema accepts too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from helpers import MINIMAL_PACK
from wsw.infra.paths import builtin_packs_dir
from wsw.packs.files import pack_paths
from wsw.packs.schema import json_schema
from wsw.packs.starter import starter_pack


def validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(data: Any) -> list[str]:
    return [e.message for e in validator().iter_errors(data)]


def test_the_schema_names_its_dialect() -> None:
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", pack_paths(builtin_packs_dir()), ids=lambda p: p.name)
def test_every_built_in_pack_passes_the_schema(path: Path) -> None:
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_a_version_written_as_a_number_passes_both() -> None:
    data = yaml.safe_load(MINIMAL_PACK)
    assert data["version"] == 1.0
    assert errors(data) == []


def test_the_starter_pack_passes_the_schema() -> None:
    assert errors(yaml.safe_load(starter_pack("our-team"))) == []


def test_the_schema_rejects_what_validate_rejects_field_by_field() -> None:
    data = yaml.safe_load(MINIMAL_PACK)
    data["learning_points"][0]["titel"] = data["learning_points"][0].pop("title")
    found = errors(data)
    assert any("titel" in message for message in found)
    assert any("'title' is a required property" in message for message in found)


@given(st.text(alphabet="ab0' -=*~!.:#/\u2026\u00e9C", max_size=14))
def test_a_trigger_validates_exactly_when_it_compiles(trigger: str) -> None:
    """Plain triggers are passed without compiling them: the same ones as compiling would."""
    from wsw.packs.schema import _check_trigger
    from wsw.text.triggers import TriggerSyntaxError, compile_trigger

    try:
        compile_trigger(trigger)
        compiles = True
    except TriggerSyntaxError:
        compiles = False
    try:
        _check_trigger(trigger)
        validates = True
    except TriggerSyntaxError:
        validates = False
    assert validates == compiles
