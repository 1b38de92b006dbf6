"""Which files are packs: YAML files, JSON packs (`NAME.pack.json`), and folders holding a
`pack.yaml`."""

from __future__ import annotations

from pathlib import Path

PACK_FOLDER_INDEX = "pack.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# A pack in JSON, as `wsw packs build` writes it. Not any `.json`: `wsw packs new` writes the
# pack schema (`wsw-pack.schema.json`) beside the packs it is for.
JSON_PACK_SUFFIX = ".pack.json"


def is_pack_file(path: Path) -> bool:
    """Whether a file's name makes it a pack: `.yaml`, `.yml` or `.pack.json`."""
    return path.suffix in YAML_SUFFIXES or path.name.endswith(JSON_PACK_SUFFIX)


def is_json_pack(path: Path) -> bool:
    return path.name.endswith(JSON_PACK_SUFFIX)


def pack_paths(folder: Path) -> list[Path]:
    """The packs in a folder: pack files, and sub-folders holding a `pack.yaml`.

    A folder that itself holds `pack.yaml` is one pack, not a folder of packs.
    """
    if not folder.is_dir():  # a device or a pipe: nothing to list (and nothing to hang on)
        return []
    if (folder / PACK_FOLDER_INDEX).is_file():
        return [folder]
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        is_folder_pack = entry.is_dir() and (entry / PACK_FOLDER_INDEX).is_file()
        if (entry.is_file() and is_pack_file(entry)) or is_folder_pack:
            found.append(entry)
    return found
