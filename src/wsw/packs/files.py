"""Which files are packs: YAML files, and folders holding a `pack.yaml`."""

from __future__ import annotations

from pathlib import Path

PACK_FOLDER_INDEX = "pack.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def pack_paths(folder: Path) -> list[Path]:
    """The packs in a folder: YAML files, and sub-folders holding a `pack.yaml`.

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
        is_pack_file = entry.is_file() and entry.suffix in YAML_SUFFIXES
        if is_pack_file or (entry.is_dir() and (entry / PACK_FOLDER_INDEX).is_file()):
            found.append(entry)
    return found
