"""Reading a pack written as JSON (`NAME.pack.json`, as `wsw packs build` writes them).

The same pack, in a format made for reading rather than writing: Python's JSON reader takes
about a fifteenth of the time PyYAML's takes to compose the same pack with line marks (a
library of 100,000 points: 0.4 s against 5-6 s on one machine). Everything else is as for a
YAML pack: the same schema and checks, a duplicate key or a control character refused, and
a problem reported at its line. The lines are found only when a problem needs one, by
composing the file as YAML (JSON as `wsw packs build` writes it is also YAML).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wsw.errors import Problem
from wsw.packs.marks import Marks
from wsw.packs.problems import TOO_LONG_NUMBER, FileProblems, forbidden_values, pack_text
from wsw.text.shown import FORBIDDEN

# How JSON can spell a character wsw refuses in pack text: \u escapes, and \b, \f and \r.
# A raw control character inside a JSON string is a syntax error already, so what is left is
# DEL and the non-ASCII ones (C1 controls, bidi marks). Any of these only means every string
# is looked at; most files need no walk at all.
_ESCAPE = re.compile(r"\\[ubfr]")


def _may_hold_forbidden(text: str) -> bool:
    # Each test a single fast scan; the slower ones only when a quicker one cannot say.
    if "\\" in text and _ESCAPE.search(text):
        return True
    if "\x7f" in text:
        return True
    return not text.isascii() and FORBIDDEN.search(text) is not None


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is an error, as in a YAML pack."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


class _NotANumber(Exception):
    """JSON's reader takes NaN and Infinity, which are not JSON and no pack holds."""


def _constant(name: str) -> Any:
    raise _NotANumber(f"'{name}' is not a number a pack can hold")


def read_json(path: Path, shown_as: str | None = None) -> tuple[Any, Marks]:
    """Parse one JSON pack file. Raises FileProblems for anything a pack file cannot be."""
    name = shown_as or str(path)
    text = pack_text(path, name)
    marks = Marks(name, None, lambda: _compose(path))
    try:
        data = json.loads(text, object_pairs_hook=_mapping, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        message = f"JSON syntax error: {exc.msg}"
        raise FileProblems([Problem(name, exc.lineno, exc.colno, "", message)]) from None
    except _Duplicate as exc:
        from wsw.packs.yamlfile import duplicate_keys

        found = duplicate_keys(path, name)  # with their lines, when it reads as YAML
        problem = Problem(name, None, None, "", f"key '{exc.key}' appears twice")
        raise FileProblems(found or [problem]) from None
    except _NotANumber as exc:
        raise FileProblems([Problem(name, None, None, "", str(exc))]) from None
    except ValueError:  # a number longer than Python reads (4,300 digits)
        raise FileProblems([Problem(name, None, None, "", TOO_LONG_NUMBER)]) from None
    except RecursionError:
        message = "nested too deeply to be a pack"
        raise FileProblems([Problem(name, None, None, "", message)]) from None
    if not isinstance(data, dict):
        raise FileProblems(
            [Problem(name, 1, 1, "", "a pack file must be a mapping of keys to values")]
        )
    if _may_hold_forbidden(text):
        try:
            held = forbidden_values(data, ())
        except RecursionError:
            held = [((), "nested too deeply to be a pack")]
        if held:
            raise FileProblems([marks.problem(loc, message) for loc, message in held])
    return data, marks


def _compose(path: Path) -> Any:
    """The file's node tree, read as YAML, to find a field's line; None if it does not read."""
    from wsw.packs.yamlfile import compose_tree

    return compose_tree(path)


def pack_json(data: Any) -> str:
    """A pack's data as `wsw packs build` writes it: one value a line where it can be.

    Indented, so a problem's line says where it is; not escaped beyond what JSON needs, so
    the text reads as written; no NaN or Infinity (not JSON, and no pack holds them).
    """
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
