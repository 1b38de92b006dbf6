"""Writing packs as JSON: the same content, in a form wsw reads many times faster.

YAML is for people to write; at 100,000 points, PyYAML's parser alone takes longer than
everything else wsw does to load them. An organisation that ships a large library can build
it once (`wsw packs build`) and ship the JSON beside or instead of the YAML. What is written is
each pack's own data as read from its files (a folder pack's files merged into one), so it
validates to the same records, and is checked by the same schema when it is read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from wsw.packs.files import JSON_PACK_SUFFIX, PACK_FOLDER_INDEX, YAML_SUFFIXES, is_json_pack
from wsw.packs.library import LoadedPack
from wsw.packs.models import CONTENT_LISTS


def pack_data(loaded: LoadedPack) -> dict[str, Any]:
    """The pack's data as its files hold it: a folder pack's files merged, in load order."""
    path = loaded.path
    if not path.is_dir():
        return _read(path)
    data = _read(path / PACK_FOLDER_INDEX)
    for file in sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES):
        if file.name == PACK_FOLDER_INDEX:
            continue
        for key, items in _read(file).items():
            if key in CONTENT_LISTS and items:
                data[key] = [*(data.get(key) or []), *items]
    return data


def _read(path: Path) -> dict[str, Any]:
    # The packs validated moments ago: read again for their data (not the records, whose
    # defaults a pack never wrote).
    if is_json_pack(path):
        from wsw.packs.jsonfile import read_json

        data, _ = read_json(path)
    else:
        from wsw.packs.yamlfile import read_yaml

        data, _ = read_yaml(path)
    plain: dict[str, Any] = _plain(data)  # a mapping: both readers refuse anything else
    return plain


def _plain(value: Any) -> Any:
    """YAML's dates (an unquoted 2026-12-01) as the text they were written as."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def built_name(pack_id: str) -> str:
    return f"{pack_id}{JSON_PACK_SUFFIX}"


def write_built(packs: list[LoadedPack], folder: Path, *, force: bool = False) -> list[Path]:
    """Write each pack to `folder` as `ID.pack.json`; nothing is replaced unless `force`.

    Every target is looked at before any is written, so a refusal writes nothing.
    """
    from wsw.infra.storage import WriteRefused, write_private
    from wsw.packs.jsonfile import pack_json

    targets = [folder / built_name(p.pack.id) for p in packs]
    if not force:
        for target in targets:
            if target.exists() or target.is_symlink():
                raise WriteRefused(f"{target} already exists; use --force to replace it.")
    for loaded, target in zip(packs, targets, strict=True):
        write_private(target, pack_json(pack_data(loaded)), overwrite=force)
    return targets
