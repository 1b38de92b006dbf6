"""`wsw reflect`: reflect on new case information at the terminal and write a note."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.options import (
    DraftIdArg,
    ForceOpt,
    Format,
    FormatOpt,
    KeepDraftOpt,
    NamesOpt,
    OutputOpt,
    ResumeOpt,
    StrictOpt,
    WalkOpt,
    finish,
    needs_terminal,
    resume_only_with_flag,
    say,
    settings,
)
from wsw.walk_ids import DEFAULT_WALK

if TYPE_CHECKING:
    from wsw.reflection.notes import NoteTarget
    from wsw.walk.engine import Asker


def reflect(
    ctx: typer.Context,
    draft_id: DraftIdArg = None,
    resume: ResumeOpt = False,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Take every answer from FILE; ask nothing."),
    ] = None,
    output: OutputOpt = None,
    fmt: FormatOpt = Format.md,
    force: ForceOpt = False,
    keep_draft: KeepDraftOpt = False,
    walk: WalkOpt = DEFAULT_WALK,
    names: NamesOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Reflect on new case information and write a note.

    Walks through What? So what? Then what?, one question at a time, bringing in the
    learning from the reviews that bears on the information, and writes a Markdown note for
    supervision. The draft is saved after every answer.
    """
    from wsw.reflection.notes import NoteTarget

    target = NoteTarget(output, fmt.value, force)
    if answers is not None:
        from wsw.cli.render import render_file

        render_file(ctx, walk, answers, target, names, strict)
        return
    resume_only_with_flag(draft_id, resume)
    needs_terminal(
        "wsw reflect asks questions and needs a terminal. To run without one, write an "
        "answers file (see `wsw prompts`) and use `wsw reflect --answers FILE` or "
        "`wsw render FILE`."
    )
    from wsw.terminal.asker import TerminalAsker

    run_at_terminal(ctx, walk, draft_id if resume else None, resume, target, keep_draft,
                    TerminalAsker(), "wsw reflect --resume")  # fmt: skip


def run_at_terminal(
    ctx: typer.Context,
    walk_id: str,
    draft_id: str | None,
    resume: bool,
    target: NoteTarget,
    keep_draft: bool,
    asker: Asker,
    resume_command: str,
) -> None:
    """Start or resume a reflection and run it with `asker` (reflect and group)."""
    from wsw.infra.storage import clean_private_folders
    from wsw.reflection import run

    catalogue = settings(ctx).catalogue()
    clean_private_folders()
    if resume:
        reflection, warnings = run.resume(catalogue, draft_id, resume_command)
        for warning in warnings:
            say(warning)
        say(f"Resuming draft {reflection.store.ident}.")
    else:
        reflection = run.begin(catalogue, walk_id, resume_command)
        say(f"Draft {reflection.store.ident} is saved after every answer. "
            "Type :help at any prompt for help.")  # fmt: skip
    finish(run.run_walk(reflection, asker, run.Finish(target, keep_draft=keep_draft)))
