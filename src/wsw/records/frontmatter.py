"""The structured fields of notes' front matter, read fast enough for a team's whole folder.

A team lead's view (`wsw patterns`) reads only the fields that are codes, never the answers:
dates, the walk, case type, age bands, themes, safety scores, referral, escalation and
supervision. wsw writes those with PyYAML's `safe_dump` as one line each (`key: value`) or a
list of plain items (`- item`), so one regular expression picks out those keys' lines, never
reading the answer text that sits in other keys. Each value is read as YAML would read it
for the few forms safe_dump writes (null, true/false, integers, plain and single-quoted
strings); anything else (a note edited by hand into another form) sends that note's front
matter through YAML itself, keeping only the coded keys, so the result is always what YAML
would say. 10,000 notes take
about a second of CPU this way (bench/patterns.py), where YAML for every note takes several.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

FIELDS = (
    "date",
    "walk",
    "case_type",
    "age_bands",
    "themes",
    "safety_before",
    "safety_after",
    "referral",
    "disagreement",
    "escalation_stage",
    "situational_supervision",
    "supervised",
)
KEYS = frozenset(FIELDS)
HEAD_LIMIT = 64 * 1024  # front matter longer than this is not wsw's
PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _./-]*\Z")
RANGE = re.compile(r"[0-9]+(?:-[0-9]+)+\Z")  # an age band such as 1-5; YAML reads a string
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")  # YAML would read a date
INTEGER = re.compile(r"-?[0-9]+\Z")
QUOTED = re.compile(r"'((?:[^']|'')*)'\Z")
NAMED = {"null": None, "~": None, "": None, "true": True, "false": False}
# Words YAML 1.1 reads as null or booleans in some spelling: only the spellings above are
# taken here, any other goes to YAML.
SPECIAL_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


class NotSimple(Exception):
    """A value safe_dump would not have written this way: read the note with YAML."""


def scalar(text: str) -> Any:
    """A one-line YAML scalar in the forms safe_dump writes; NotSimple for any other."""
    if text in NAMED:
        return NAMED[text]
    if INTEGER.match(text):
        return int(text)
    quoted = QUOTED.match(text)
    if quoted:
        return quoted.group(1).replace("''", "'")
    if PLAIN.match(text) and text.lower() not in SPECIAL_WORDS:
        return text
    if RANGE.match(text) and not TIMESTAMP.match(text):
        return text
    raise NotSimple(text)


CHUNK = 8192
END = "\n---\n"
# A wanted key's line with its value, and the list items just under it, in one match.
# (It starts with a newline rather than `^`, so the regex engine can skip to each line.)
WANTED = re.compile(r"\n(" + "|".join(FIELDS) + r"):([^\n]*)((?:\n- [^\n]*)*)")


def head(path: Path) -> str | None:
    """The front matter's text (with its last newline), read no further than needed."""
    try:
        with path.open("rb") as file:
            data = file.read(CHUNK)
            if not data.startswith(b"---\n"):
                return None
            while True:
                end = data.find(b"\n---\n", 3)
                if end == -1 and data.endswith(b"\n---"):
                    end = len(data) - 4
                if end != -1:
                    return data[4 : end + 1].decode("utf-8")
                more = file.read(CHUNK)
                if not more or len(data) > HEAD_LIMIT:
                    return None
                data += more
    except (OSError, UnicodeDecodeError):
        return None


def fields(front: str) -> dict[str, Any]:
    """The wanted fields of one note's front matter."""
    try:
        return _simple(front)
    except NotSimple:
        return _by_yaml(front)


def _simple(front: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    text = "\n" + front
    for match in WANTED.finditer(text):
        key, value, items = match.groups()
        if value and not value.startswith(" "):
            raise NotSimple(key)
        value = value.strip()
        if value == "":
            found[key] = [scalar(item) for item in items.split("\n- ")[1:]]
        elif items:
            raise NotSimple(key)
        elif value == "[]":
            found[key] = []
        else:
            found[key] = scalar(value)
        if text.startswith("\n  ", match.end()):  # a wrapped value continues on the next line
            raise NotSimple(key)
    return found


def _by_yaml(front: str) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(front, Loader=loader)
    except yaml.YAMLError:
        return {}
    return {k: v for k, v in data.items() if k in KEYS} if isinstance(data, dict) else {}


def read_fields(path: Path) -> dict[str, Any] | None:
    """A note's wanted fields; None for a file that is not a note wsw wrote."""
    front = head(path)
    if front is None or "\nwalk: " not in "\n" + front:
        return None
    return fields(front)
