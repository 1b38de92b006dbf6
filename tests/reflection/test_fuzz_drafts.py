"""Mutated drafts and answers files, read every way wsw reads them: never a traceback."""

from __future__ import annotations

import random
import traceback
from pathlib import Path

import pytest
from fuzzing import base_draft, cases, encode, mutate, write_case

from helpers import builtin
from wsw.cli.check import _draft_names
from wsw.errors import WswError
from wsw.privacy.detect import find_identifiers
from wsw.reflection import drafts, run
from wsw.reflection.answers import checked_answers, session_from_file, walk_of
from wsw.reflection.notes import render_note, render_unredacted
from wsw.walk.engine import Stop
from wsw.walk.scripted import ScriptedAsker
from wsw.walk.session import Session


def read_every_way(answers_file: Path) -> None:
    """What `drafts list`, `drafts show`, `reflect --resume`, `render` and `check` do."""
    catalogue = builtin()
    library = catalogue.library
    for draft in drafts.list_drafts().drafts:
        try:
            walk = walk_of(library, draft.walk)
        except WswError:
            continue
        answers, _ = checked_answers(walk, library, draft.answers)
        render_unredacted(Session(walk, library, answers, draft.skipped), "md")
    try:
        reflection, _ = run.resume(catalogue, None, "wsw reflect --resume")
    except WswError:
        pass
    else:
        outcome = run.run_walk(reflection, ScriptedAsker([Stop()]), run.Finish(None))
        assert outcome.status in ("saved", "shown")  # "shown": every answer still fits
    try:
        text = answers_file.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    find_identifiers(text, _draft_names(text))  # `wsw check` on the file
    try:
        session, people = session_from_file(catalogue, None, answers_file)
    except WswError:
        return
    render_note(session, "html", people)


def test_mutated_drafts_and_answers_files_never_crash(wsw_home: Path, tmp_path: Path) -> None:
    count, seed = cases(default=150)
    rng = random.Random(seed)
    base = base_draft()
    folder = wsw_home / "data" / "drafts"
    failures: list[str] = []
    for n in range(count):
        for old in folder.glob("*") if folder.exists() else []:
            old.unlink()
        raw = encode(mutate(base, rng), rng, as_yaml=n % 4 == 3)
        write_case(folder / f"20261201-0900-{n:04x}.json", raw)
        answers_file = write_case(
            tmp_path / ("answers.yaml" if n % 4 == 3 else "answers.json"), raw
        )
        try:
            read_every_way(answers_file)
        except WswError:
            pass
        except Exception:
            failures.append(f"case {n} (seed {seed}): {traceback.format_exc(limit=-3)}")
    assert not failures, f"{len(failures)} of {count} cases crashed:\n" + "\n".join(failures[:3])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_fuzzer_really_changes_the_files(seed: int) -> None:
    rng = random.Random(seed)
    base = base_draft()
    assert all(mutate(base, rng) != base for _ in range(20))
