"""The people a note is about, as declared: from a names file, a draft, or a typed line.

Each is a name and the role the note should use instead ("Jayden Thompson = Child A"). The
list lives in the draft only and never goes into a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wsw.errors import InputError
from wsw.privacy.pseudonyms import Person


def read_people(path: Path) -> list[Person]:
    """A names file: `people: [{name, role}, ...]`, or a mapping of name to role."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise InputError(f"{path}: cannot read the names file.") from None
    except yaml.YAMLError:
        raise InputError(f"{path}: the names file is not valid YAML.") from None
    return people_from(data, str(path))


def people_from(data: Any, source: str) -> list[Person]:
    entries = data.get("people", data) if isinstance(data, dict) else data
    if isinstance(entries, dict):
        entries = [{"name": k, "role": v} for k, v in entries.items()]
    if not isinstance(entries, list):
        raise InputError(f"{source}: expected a list of people, each with a name and a role.")
    people = []
    for n, item in enumerate(entries, 1):
        name = item.get("name") if isinstance(item, dict) else None
        role = item.get("role") if isinstance(item, dict) else None
        if not isinstance(name, str) or not isinstance(role, str) or not name.strip():
            raise InputError(f"{source}: person {n} needs a 'name' and a 'role'.")
        people.append(Person(name.strip(), role.strip()))
    return people


def parse_declaration(line: str) -> Person:
    """`Jayden Thompson = Child A` as a Person; raises ValueError for anything else."""
    name, sep, role = line.partition("=")
    if not sep or not name.strip() or not role.strip():
        raise ValueError(
            "Write each person as: Name = Role (for example Jayden Thompson = Child A)."
        )
    return Person(name.strip(), role.strip())
