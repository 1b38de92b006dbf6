"""The pydantic side of the pack format: constraints, validation and the JSON Schema.

`wsw.packs.models` declares the records with string annotations naming the constraints
defined here (`Id`, `Text`, ...) and pydantic's `Field`. Pydantic reads a dataclass's
annotations in its module's namespace, so `install` puts these names there the first time a
pack is validated. Only reading packs imports this module (and pydantic); a cached library
never does.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, TypeAdapter, WithJsonSchema

from wsw.packs import models

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9.\-]*$",
        max_length=120,
        description="Lower-case letters, digits, dots and hyphens, e.g. `scr-2017-19.neglect`.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
# Authors write `version: 1.0`; YAML reads that as a number, which is still a fine version,
# and the schema editors check against says so too.
Version = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int | float) else v),
    WithJsonSchema(
        {
            "type": ["string", "number"],
            "description": "The pack's own version, e.g. `1.0` or `2025.1`.",
        }
    ),
]


# Plain words (letters, digits, spaces, hyphens, apostrophes, starting with a letter or digit)
# always compile: a first word is there, and none of the syntax that can be wrong is. Most
# triggers are such, and are compiled once, when the suggestion index is built.
_PLAIN_TRIGGER = re.compile(r"[a-z0-9][a-z0-9' \-]*\Z")


def _check_trigger(trigger: str) -> str:
    """Raise TriggerSyntaxError (a ValueError) for a trigger that cannot compile."""
    if _PLAIN_TRIGGER.match(trigger):
        return trigger
    from wsw.text.triggers import compile_trigger

    compile_trigger(trigger)
    return trigger


# A tuple, not a list: 100,000 points hold 700,000 triggers (and, mostly empty, several more
# lists each), and a tuple is the smaller of the two (an empty one is no object at all).
Triggers = Annotated[
    tuple[Annotated[str, AfterValidator(_check_trigger)], ...],
    Field(
        description=(
            "Words and phrases in case information that make this relevant. Matched on word "
            "stems; `word*` matches any ending, `=word` only that exact word, and `...` allows "
            "up to three words in between."
        ),
    ),
]


def _supported(value: int) -> int:
    if value != models.SCHEMA_VERSION:
        raise ValueError(
            f"this pack uses schema {value}, "
            f"but this version of wsw reads schema {models.SCHEMA_VERSION}"
        )
    return value


SchemaNumber = Annotated[int, AfterValidator(_supported)]

NAMES: dict[str, Any] = {
    "Id": Id,
    "Text": Text,
    "Version": Version,
    "Triggers": Triggers,
    "SchemaNumber": SchemaNumber,
    "Field": Field,
}


@cache
def install() -> None:
    """Make the constraint names resolvable where pydantic looks for them (once)."""
    vars(models).update(NAMES)


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}
_HINTS: dict[type[Any], dict[str, Any]] = {}
_RECORD_FIELDS: dict[type[Any], tuple[tuple[str, str], ...]] = {}
# (Plain dicts rather than functools.cache: mypy does not see a dataclass type as hashable.)


def adapter(model: type[Any]) -> TypeAdapter[Any]:
    """The validator for one record type, built on first use."""
    found = _ADAPTERS.get(model)
    if found is None:
        install()
        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(model: type[Any] = models.Pack) -> dict[str, Any]:
    """The JSON Schema of a pack file (YAML key names), for editors.

    It accepts what `wsw packs validate` accepts field by field; the checks between fields
    and between packs (known theme ids, one question per id) are only `validate`'s.
    """
    return {"$schema": SCHEMA_DIALECT, **adapter(model).json_schema(by_alias=True)}


def type_hints(model: type[Any]) -> dict[str, Any]:
    """A record's field types, evaluated (the annotations are strings)."""
    found = _HINTS.get(model)
    if found is None:
        install()
        found = _HINTS[model] = typing.get_type_hints(model)
    return found


def yaml_key(name: str) -> str:
    """A field's key in YAML: `in_` is written `in` (see `wsw.packs.models.Model`)."""
    return name.rstrip("_")


def records_in(annotation: Any) -> list[type[models.Model]]:
    """The record types an annotation can hold (`list[Point] | None` -> [Point])."""
    if isinstance(annotation, type) and issubclass(annotation, models.Model):
        return [annotation]
    found: list[type[models.Model]] = []
    for arg in typing.get_args(annotation):
        found.extend(records_in(arg))
    return found


def record_fields(model: type[models.Model]) -> tuple[tuple[str, str], ...]:
    """The fields of `model` that can hold records, as (attribute, YAML key).

    The others (ids, text, lists of theme ids) cannot hold a reference to check, and skipping
    them halves the time to check a large library.
    """
    found = _RECORD_FIELDS.get(model)
    if found is None:
        hints = type_hints(model)
        names = [f.name for f in dataclasses.fields(model)]
        found = tuple((name, yaml_key(name)) for name in names if records_in(hints[name]))
        _RECORD_FIELDS[model] = found
    return found


@cache
def yaml_keys() -> frozenset[str]:
    """Every key a pack file may use, at any depth: the words a misspelt key may have meant."""
    keys: set[str] = set()
    stack: list[type[models.Model]] = [models.Pack]
    seen: set[type[models.Model]] = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        hints = type_hints(model)
        for f in dataclasses.fields(model):
            keys.add(yaml_key(f.name))
            stack.extend(records_in(hints[f.name]))
    return frozenset(keys)
