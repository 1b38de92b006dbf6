"""Answers files: a whole reflection written by hand (YAML or JSON), read and checked.

The shape is a draft's, `{"answers": {...}, "meta": {...}}`. Every answer from every source
(an answers file, a draft being resumed) is checked through its question type's spec, and
all problems are reported together, by question id, never by the text typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wsw.errors import InputError
from wsw.packs.library import Library
from wsw.packs.models import Walk
from wsw.packs.questions import Answers, BadValue, check_value, choices_for
from wsw.privacy.pseudonyms import Person
from wsw.walk.memory import CaseMemory, with_review
from wsw.walk.session import Session
from wsw.walk_ids import DEFAULT_WALK

if TYPE_CHECKING:
    from wsw.catalogue.model import Catalogue


class AnswersError(InputError):
    """Problems in an answers file, all listed together."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source

    def lines(self) -> list[str]:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''} with the answers:"
        return [head, *(f"  {p}" for p in self.problems)]


@dataclass
class AnswersFile:
    """What an answers file holds, before it is checked against a walk."""

    answers: dict[str, Any]
    meta: dict[str, Any]


def _parse_yaml(text: str) -> Any:
    """Safe YAML, parsed by PyYAML's C loader where it has one (ten times quicker).

    When the text is not valid, the pure-Python loader reads it again: its error marks point
    at the line with the mistake, where the C loader's may point at the end of the file.
    """
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _parse_json(text: str) -> Any:
    """JSON (a draft, a tool's answers) with the json module: a tenth of PyYAML's import and
    parse time. None when it is not JSON, so YAML reads it and locates the mistake."""
    import json

    try:
        return json.loads(text)
    except ValueError:
        return None


def read_answers_file(path: Path) -> AnswersFile:
    """Read a YAML or JSON answers file (or a draft); `-` reads standard input."""
    from wsw.infra.reading import read_text

    name = str(path)
    text = read_text(path)  # a regular file or stdin, within a size limit
    data = _parse_json(text) if text.lstrip().startswith("{") else None
    if data is None:
        data = _yaml_or_error(text, name)
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise InputError(f"{name}: expected a mapping with an 'answers' mapping inside it.")
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(f"{name}: 'meta' should be a mapping.")
    return AnswersFile({str(k): v for k, v in data["answers"].items()}, meta)


def _yaml_or_error(text: str, name: str) -> Any:
    import yaml

    try:
        return _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{name}{where}: not valid YAML or JSON.") from None
    except ValueError:  # int() of a number longer than Python reads
        raise InputError(
            f"{name}: a number longer than 4,300 digits; wsw does not read it."
        ) from None


def checked_answers(
    walk: Walk, library: Library, answers: dict[str, Any]
) -> tuple[Answers, list[str]]:
    """The answers that fit their questions, and a problem for each one that does not.

    Nothing is changed in place; unknown question ids and bad values are left out.
    """
    known = {q.id: q for s in walk.stages for q in s.questions}
    titles = {t: t for t in library.themes}
    good: Answers = {}
    problems = [
        f"{named(q, 'an answer under a key')} is not a question in the '{walk.id}' walk"
        for q in answers
        if q not in known
    ]
    for qid, value in answers.items():
        question = known.get(qid)
        if question is None:
            continue
        try:
            good[qid] = check_value(question, value, choices_for(question, titles))
        except BadValue as exc:
            problems.append(f"'{qid}' {exc}")
    return good, problems


def missing_answers(walk: Walk, library: Library, answers: dict[str, Any]) -> list[str]:
    """Required questions that apply and have no answer.

    Which questions apply is judged on the answers as given (conditions tolerate any value),
    so a bad answer is reported once, not again as a knock-on "missing" answer.
    """
    session = Session(walk, library, answers)
    return [
        f"'{q.id}' is required but has no answer ({q.prompt})"
        for _, q in session.visible()
        if q.required and q.id not in answers
    ]


def case_memory() -> CaseMemory:
    """The case index as a walk's memory (opened only once a case is asked about)."""
    from wsw.cases.review import IndexMemory

    return IndexMemory()


def walk_for(walk: Walk, answers: dict[str, Any], memory: CaseMemory | None) -> Walk:
    """The walk with a known case's follow-up questions, so their answers can be checked."""
    case = answers.get(walk.case_from) if walk.case_from else None
    if memory is None or not isinstance(case, str) or not case.strip():
        return walk
    return with_review(walk, memory.review(walk, case.strip()))


def walk_of(library: Library, walk_id: str) -> Walk:
    if walk_id not in library.walks:
        known = ", ".join(library.walks) or "none"
        name = named(walk_id, "with that name")
        raise InputError(f"There is no walk {name} in the loaded packs (walks: {known}).")
    return library.walks[walk_id]


_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,47}")


def named(key: str, otherwise: str) -> str:
    """A key as a message may show it: quoted when it looks like an id, else described.

    A key that is not an id may be answer text (a YAML indentation slip makes a line of an
    answer into a key, a hand-edited draft may put anything in `meta.walk`), and messages
    never show what was typed.
    """
    if _ID.fullmatch(key):
        return f"'{key}'"
    return f"{otherwise} ({len(key)} characters, not shown: not an id)"


def people_in(meta: dict[str, Any], source: str) -> list[Person]:
    if not meta.get("people"):
        return []
    from wsw.privacy.people import people_from

    return people_from(meta["people"], source)


def session_from_file(
    catalogue: Catalogue, walk_id: str | None, source: Path
) -> tuple[Session, list[Person]]:
    """A checked, complete session from an answers file or draft, and the people declared."""
    library = catalogue.library
    found = read_answers_file(source)
    people = people_in(found.meta, str(source))
    walk = walk_of(library, walk_id or str(found.meta.get("walk") or DEFAULT_WALK))
    skipped_meta = found.meta.get("skipped")
    skipped = [str(s) for s in skipped_meta] if isinstance(skipped_meta, list) else []
    memory = case_memory()
    full = walk_for(walk, found.answers, memory)
    good, problems = checked_answers(full, library, found.answers)
    problems += missing_answers(full, library, found.answers)
    if problems:
        raise AnswersError(str(source), problems)
    session = Session(walk, library, good, skipped, suggester=catalogue.suggester, memory=memory)
    return session, people
