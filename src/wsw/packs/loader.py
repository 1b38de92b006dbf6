"""Finding pack files, validating each one, and reporting every problem with file and line.

A pack is a YAML file, a JSON file (`NAME.pack.json`, as `wsw packs build` writes it), or a
folder holding `pack.yaml` (the metadata) and further YAML files that add to its lists.
Per-file problems (syntax, wrong types, unknown fields) are found here; problems between packs
(unknown theme, duplicate id) are found in `library`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wsw.errors import Problem, did_you_mean
from wsw.packs import schema
from wsw.packs.files import PACK_FOLDER_INDEX, YAML_SUFFIXES, is_json_pack
from wsw.packs.library import LoadedPack, Part
from wsw.packs.marks import Marks
from wsw.packs.models import CONTENT_LISTS, Content, Pack
from wsw.packs.problems import FileProblems
from wsw.packs.yamlfile import read_yaml


def _describe(error: Any) -> str:
    """A pydantic error as a sentence an author can act on."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    if kind == "missing":
        return f"missing required field '{loc[-1]}'"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), schema.yaml_keys())}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a valid id: use lower-case letters, digits, dots and hyphens, "
            "starting with a letter or digit"
        )
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message[len("Value error, ") :]
    if isinstance(value, str | int | float | bool) and len(str(value)) <= 60:
        return f"{message} (got {value!r})"
    return message


def validation_problems(exc: ValidationError, marks: Marks) -> list[Problem]:
    """Map each pydantic error to the line and column of the field it is about."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if not _is_union_tag(part)]
        problems.append(marks.problem(loc, _describe(error)))
    return problems


def _is_union_tag(part: str | int) -> bool:
    # pydantic adds the union member's name (e.g. 'str', 'int') to the loc of union errors.
    return isinstance(part, str) and part in {"str", "int", "bool", "float", "none"}


def _validate(model: type[Content], data: dict[str, Any], marks: Marks) -> Content:
    try:
        record = schema.adapter(model).validate_python(data)
    except ValidationError as exc:
        raise FileProblems(validation_problems(exc, marks)) from None
    assert isinstance(record, model)
    return record


def load_pack(path: Path, origin: str = "built-in", shown_as: str | None = None) -> LoadedPack:
    """Read and validate one pack (file or folder). Raises FileProblems listing every problem."""
    if path.is_dir():
        return _load_folder_pack(path, origin, shown_as)
    if is_json_pack(path):
        from wsw.packs.jsonfile import read_json

        data, marks = read_json(path, shown_as)
    else:
        data, marks = read_yaml(path, shown_as)
    pack = _validate(Pack, data, marks)
    assert isinstance(pack, Pack)
    marks.set_aside()  # composed again only if a problem between packs needs a line
    return LoadedPack(pack, path, [Part(marks.file, marks, pack)], origin)


def _load_folder_pack(folder: Path, origin: str, shown_as: str | None) -> LoadedPack:
    base = shown_as or str(folder)
    problems: list[Problem] = []
    index = folder / PACK_FOLDER_INDEX
    loaded: LoadedPack | None = None
    try:
        loaded = load_pack(index, origin, f"{base}/{PACK_FOLDER_INDEX}")
    except FileProblems as exc:
        problems.extend(exc.problems)
    extra_parts: list[Part] = []
    for file in sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES):
        if file.name == PACK_FOLDER_INDEX:
            continue
        try:
            data, marks = read_yaml(file, f"{base}/{file.name}")
            extra_parts.append(Part(marks.file, marks, _validate(Content, data, marks)))
            marks.set_aside()
        except FileProblems as exc:
            problems.extend(exc.problems)
    if problems or loaded is None:
        raise FileProblems(problems)
    merged: dict[str, Any] = {
        name: [
            item for part in [loaded.parts[0], *extra_parts] for item in getattr(part.content, name)
        ]
        for name in CONTENT_LISTS
    }
    pack = dataclasses.replace(loaded.pack, **merged)
    return LoadedPack(pack, folder, [loaded.parts[0], *extra_parts], origin)
