"""Layering validated packs into one library, and checking the references between them.

Packs load in order: built-in, then the user's data folder, then `WSW_PACKS`, then `--packs`.
A later pack may add themes, points and walks (or replace a walk it names with
`replaces: true`); it may not reuse an id. Every problem found is reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from wsw.errors import PackError, Problem, did_you_mean
from wsw.infra import collector, paths
from wsw.packs.files import is_pack_file, pack_paths
from wsw.packs.library import Library, LoadedPack, Part
from wsw.packs.marks import Loc
from wsw.packs.models import (
    CaseStudy,
    Check,
    Condition,
    DataTable,
    Example,
    Model,
    Point,
    Question,
    Reminder,
    Resource,
    Scenario,
    SourceRef,
    Walk,
)


def pack_targets(
    extra_dirs: list[Path] | None = None,
    *,
    builtin: bool = True,
    installed: bool = True,
    user: bool = True,
    env: bool = True,
) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Every pack path wsw should see, in layer order, with the origin of each.

    Built-in, then packs installed as Python packages, then the user's packs, then
    `WSW_PACKS`, then `--packs`; a folder named in `WSW_PACKS` or `--packs` that does not
    exist is a problem, reported with the rest.
    """
    sources: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    if builtin:
        sources.append((paths.builtin_packs_dir(), "built-in"))
    if installed:
        from wsw.packs.installed import installed_packs

        found, problems = installed_packs()
        sources.extend((Path(folder), origin) for folder, origin in found)
    if user:
        sources.append((paths.user_packs_dir(), "user"))
    if env:
        sources.extend((p, "WSW_PACKS") for p in paths.env_pack_dirs())
    sources.extend((p, "--packs") for p in extra_dirs or [])
    targets: list[tuple[Path, str]] = []
    for folder, origin in sources:
        if not folder.exists():
            if origin in ("WSW_PACKS", "--packs"):
                problems.append(Problem(str(folder), None, None, "", f"no such folder ({origin})"))
            continue
        if folder.is_file():
            targets.append((folder, origin))
        elif folder.is_dir():
            targets.extend((p, origin) for p in pack_paths(folder))
        else:
            problems.append(Problem(str(folder), None, None, "", f"{NOT_PACKS} ({origin})"))
    return targets, problems


NOT_PACKS = "not a pack file or a folder of packs (a device or a pipe)"


def load_packs(targets: list[tuple[Path, str]]) -> tuple[list[LoadedPack], list[Problem]]:
    """Load and validate each pack path on its own (a path seen twice is loaded once)."""
    # The YAML reader is needed only when the cache misses.
    from wsw.packs.loader import load_pack
    from wsw.packs.problems import FileProblems

    problems: list[Problem] = []
    loaded: list[LoadedPack] = []
    seen: set[Path] = set()
    for path, origin in targets:
        real = path.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            loaded.append(load_pack(path, origin, _shown(path)))
        except FileProblems as exc:
            problems.extend(exc.problems)
    return loaded, problems


def build_library(
    targets: list[tuple[Path, str]], problems: list[Problem] | None = None
) -> Library:
    """Load each pack path and check them together."""
    with collector.paused():
        loaded, found = load_packs(targets)
        return check_library(loaded, [*(problems or []), *found])


def check_library(
    loaded: list[LoadedPack], problems: list[Problem], *, keep_marks: bool = False
) -> Library:
    """Check references between loaded packs; raise PackError if anything is wrong.

    When a pack could not be read, references to what it defines would all look broken, so
    only its own problems are reported; references are checked once every pack reads.
    The marks (every value's line) are let go unless `keep_marks` (lint reports lines too).
    """
    problems = [*problems, *cross_check(loaded, references=not problems)]
    if problems:
        raise PackError(problems)
    if not keep_marks:
        for pack in loaded:
            for part in pack.parts:
                part.marks.release()
    return Library(loaded)


def given_library(
    given: list[Path], *, builtin: bool = True, keep_marks: bool = False
) -> tuple[Library, list[str]]:
    """The packs at `given` (files, pack folders or folders of packs), checked on top of the
    built-in packs unless `builtin` is False; and the ids of the given packs.

    A given pack with a built-in's id (an edited copy of `content/`) stands in for it. Raises
    PackError listing every problem, InputError for a path that does not exist.
    """
    from wsw.errors import InputError

    targets: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in given:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder.")
        if path.is_file() and not is_pack_file(path):
            problems.append(Problem(str(path), None, None, "", _not_a_pack_file(path)))
        elif path.is_file():
            targets.append((path, "given"))
        elif not path.is_dir():
            problems.append(Problem(str(path), None, None, "", NOT_PACKS))
        else:
            found = pack_paths(path)
            if not found:
                none_here = "no pack files (*.yaml, *.pack.json) here"
                problems.append(Problem(str(path), None, None, "", none_here))
            targets.extend((p, "given") for p in found)
    loaded, found_problems = load_packs(targets)
    problems.extend(found_problems)
    base: list[LoadedPack] = []
    if builtin:
        given_ids = {p.pack.id for p in loaded}
        given_files = {p.resolve() for p, _ in targets}
        builtins, builtin_problems = load_packs(
            [
                (p, "built-in")
                for p in pack_paths(paths.builtin_packs_dir())
                if p.resolve() not in given_files
            ]
        )
        base = [p for p in builtins if p.pack.id not in given_ids]
        problems.extend(builtin_problems)
    with collector.paused():
        library = check_library([*base, *loaded], problems, keep_marks=keep_marks)
    return library, [p.pack.id for p in loaded]


def _not_a_pack_file(path: Path) -> str:
    """Why a named file is not read as a pack: a folder's packs are its YAML files, and a
    file named on the command line is held to the same rule (`dir/*` names the schema too)."""
    if path.name.endswith(".schema.json"):
        return "a JSON Schema for editors (as `wsw packs new` writes), not a pack: leave it out"
    if path.suffix == ".json":
        return "not a pack file: a pack in JSON is named NAME.pack.json (`wsw packs build`)"
    return "not a pack file: packs are YAML files ending in .yaml or .yml"


def _shown(path: Path) -> str:
    """A path as short as it can be while still pointing at the file."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# -- cross-pack checks ---------------------------------------------------------------------


def _walk_models(obj: object, loc: Loc, skip: tuple[str, ...] = ()) -> Iterator[tuple[Loc, Model]]:
    """Every nested record in a pack part, with its field path (using YAML key names), but
    not those in the top-level fields named in `skip`."""
    # Only packs being read come here, and they have imported pydantic already.
    from wsw.packs.schema import record_fields

    def walk(obj: object, loc: Loc, skip: tuple[str, ...] = ()) -> Iterator[tuple[Loc, Model]]:
        if isinstance(obj, Model):
            yield loc, obj
            for name, key in record_fields(type(obj)):
                value = getattr(obj, name)
                if value is not None and name not in skip:
                    yield from walk(value, (*loc, key))
        elif isinstance(obj, list | tuple):
            for i, item in enumerate(obj):
                yield from walk(item, (*loc, i))

    return walk(obj, loc, skip)


class _Ids:
    """First definition of each id of one kind, to report duplicates naming both places."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.at: dict[str, tuple[Part, Loc]] = {}

    def add(self, key: str, part: Part, loc: Loc, problems: list[Problem]) -> None:
        first = self.at.get(key)
        if first is None:
            self.at[key] = (part, loc)
            return
        first_part, first_loc = first
        line, _ = first_part.marks.locate(first_loc)
        there = f"{first_part.file}:{line}" if line else first_part.file
        message = f"duplicate {self.kind} id '{key}' (first defined at {there})"
        problems.append(part.marks.problem(loc, message))


def cross_check(packs: list[LoadedPack], references: bool = True) -> list[Problem]:
    """Problems between packs: duplicate ids, unknown themes, sources, stages and questions."""
    problems: list[Problem] = []
    pack_ids = _Ids("pack")
    themes, sources, items, walks = _Ids("theme"), _Ids("source"), _Ids("content"), _Ids("walk")
    stage_ids: set[str] = set()
    question_ids: set[str] = set()
    walk_by_id: dict[str, Walk] = {}
    for loaded in packs:
        pack_ids.add(loaded.pack.id, loaded.parts[0], ("id",), problems)
        for part in loaded.parts:
            c = part.content
            for i, t in enumerate(c.themes):
                themes.add(t.id, part, ("themes", i, "id"), problems)
            for i, s in enumerate(c.sources):
                sources.add(s.id, part, ("sources", i, "id"), problems)
            for key in (
                "learning_points",
                "practice_points",
                "escalation_questions",
                "checks",
                "resources",
                "case_studies",
                "tables",
                "scenarios",
                "examples",
            ):
                for i, item in enumerate(getattr(c, key)):
                    items.add(item.id, part, (key, i, "id"), problems)
            for i, w in enumerate(c.walks):
                if w.replaces:
                    if w.id not in walks.at:
                        problems.append(
                            part.marks.problem(
                                ("walks", i, "replaces"),
                                f"there is no earlier walk '{w.id}' to replace",
                            )
                        )
                else:
                    walks.add(w.id, part, ("walks", i, "id"), problems)
                walk_by_id[w.id] = w
                for stage in w.stages:
                    stage_ids.add(stage.id)
                    question_ids.update(q.id for q in stage.questions)
    if not references:
        return problems
    rows = _table_rows(packs)
    known_packs = set(pack_ids.at)
    for loaded in packs:
        for i, req in enumerate(loaded.pack.requires):
            if req not in known_packs:
                problems.append(
                    loaded.parts[0].marks.problem(
                        ("requires", i),
                        f"requires pack '{req}', which is not loaded"
                        f"{did_you_mean(req, known_packs)}",
                    )
                )
        for part in loaded.parts:
            problems.extend(
                _part_references(
                    part, set(themes.at), set(sources.at), stage_ids, question_ids, set(items.at)
                )
            )
            for i, scenario in enumerate(part.content.scenarios):
                problems.extend(_scenario_problems(part, i, scenario, walk_by_id, set(themes.at)))
            problems.extend(_row_problems(part, rows))
    return problems


def _table_rows(packs: list[LoadedPack]) -> dict[str, set[str]]:
    """Each data table's rows by their first cell, for checking the rows points cite."""
    tables = [t for loaded in packs for part in loaded.parts for t in part.content.tables]
    return {t.id: {row.cells[0] for row in t.rows} for t in tables}


def _row_problems(part: Part, rows: dict[str, set[str]]) -> list[Problem]:
    """Rows a point cites must be rows of the table (named by their first cell)."""
    problems = []
    for key in ("learning_points", "practice_points"):
        for i, point in enumerate(getattr(part.content, key)):
            for j, cite in enumerate(point.table_cites):
                for k, row in enumerate(cite.rows):
                    if cite.table in rows and row not in rows[cite.table]:
                        hint = did_you_mean(row, rows[cite.table])
                        message = f"'{cite.table}' has no row '{row}'{hint}"
                        problems.append(
                            part.marks.problem((key, i, "tables", j, "rows", k), message)
                        )
    return problems


def _scenario_problems(
    part: Part, index: int, scenario: Scenario, walks: dict[str, Walk], themes: set[str]
) -> list[Problem]:
    """A scenario's answers must fit its walk: known question ids, values of the right type."""
    import datetime as dt

    from wsw.packs.questions import BadValue, check_value, choices_for, with_dates_resolved

    loc: Loc = ("scenarios", index)
    walk = walks.get(scenario.walk)
    if walk is None:
        return [
            part.marks.problem(
                (*loc, "walk"),
                f"unknown walk '{scenario.walk}'{did_you_mean(scenario.walk, walks)}",
            )
        ]
    questions = {q.id: q for s in walk.stages for q in s.questions}
    places = set(questions) | {s.id for s in walk.stages}
    problems = []
    for qid, value in scenario.answers.items():
        if qid not in questions:
            hint = did_you_mean(qid, questions)
            message = f"unknown question '{qid}' in walk '{walk.id}'{hint}"
            problems.append(part.marks.problem((*loc, "answers", qid), message))
            continue
        try:
            resolved = with_dates_resolved(questions[qid], value, dt.date.today())
            check_value(
                questions[qid], resolved, choices_for(questions[qid], {t: t for t in themes})
            )
        except BadValue as exc:
            problems.append(part.marks.problem((*loc, "answers", qid), f"the example answer {exc}"))
    for key in scenario.teaching_notes:
        if key not in places:
            problems.append(
                part.marks.problem(
                    (*loc, "teaching_notes", key),
                    f"'{key}' is not a question or stage of walk '{walk.id}'"
                    f"{did_you_mean(key, places)}",
                )
            )
    return problems


_POINT_LISTS = ("learning_points", "practice_points")


def _check_cites(
    loc: Loc, point: Point, check: Callable[[Loc, str, set[str], str], None], items: set[str]
) -> None:
    """The data tables a point cites must exist."""
    for i, cite in enumerate(point.table_cites):
        where = (
            (*loc, "tables", i)
            if isinstance(point.tables[i], str)
            else (*loc, "tables", i, "table")
        )
        check(where, cite.table, items, "data table")


def _part_references(
    part: Part,
    themes: set[str],
    sources: set[str],
    stages: set[str],
    questions: set[str],
    items: set[str],
) -> list[Problem]:
    problems: list[Problem] = []

    def check(loc: Loc, value: str, known: set[str], kind: str) -> None:
        if value not in known:
            problems.append(
                part.marks.problem(loc, f"unknown {kind} '{value}'{did_you_mean(value, known)}")
            )

    def check_all(loc: Loc, values: Sequence[str] | None, known: set[str], kind: str) -> None:
        for i, value in enumerate(values or []):
            check((*loc, i), value, known, kind)

    # Points are nearly all of a large library: checked field by field, not walked.
    for key in _POINT_LISTS:
        for i, point in enumerate(getattr(part.content, key)):
            at: Loc = (key, i)
            check_all((*at, "themes"), point.themes, themes, "theme")
            check_all((*at, "stages"), point.stages, stages, "walk stage")
            check_all((*at, "resources"), point.resources, items, "resource")
            check((*at, "source", "document"), point.source.document, sources, "source document")
            _check_cites(at, point, check, items)
    for loc, model in _walk_models(part.content, (), skip=_POINT_LISTS):
        if isinstance(model, Check):
            check_all((*loc, "themes"), model.themes, themes, "theme")
            if model.stage:
                check((*loc, "stage"), model.stage, stages, "walk stage")
            check_all((*loc, "stages"), model.stages, stages, "walk stage")
            if model.at:
                check((*loc, "at"), model.at, questions, "question")
        elif isinstance(model, Reminder) and model.at:
            check((*loc, "at"), model.at, questions, "question")
        elif isinstance(model, Resource | Scenario | DataTable):
            check_all((*loc, "themes"), model.themes, themes, "theme")
        elif isinstance(model, CaseStudy | Example):
            check_all((*loc, "themes"), model.themes, themes, "theme")
            check_all((*loc, "points"), model.points, items, "point")
        elif isinstance(model, SourceRef):
            check((*loc, "document"), model.document, sources, "source document")
        elif isinstance(model, Question):
            check_all((*loc, "suggest_from"), model.suggest_from, questions, "question")
        elif isinstance(model, Condition):
            check_all((*loc, "themes"), model.themes, themes, "theme")
            check_all((*loc, "all_themes"), model.all_themes, themes, "theme")
            if model.themes_count:
                check_all((*loc, "themes_count", "of"), model.themes_count.of, themes, "theme")
            if model.answer:
                check((*loc, "answer", "question"), model.answer.question, questions, "question")
                if model.answer.differs_from:
                    check(
                        (*loc, "answer", "differs_from"),
                        model.answer.differs_from,
                        questions,
                        "question",
                    )
    return problems
