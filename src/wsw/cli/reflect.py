"""`wsw reflect`: reflect on new case information at the terminal and write a note."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.options import (
    DraftIdArg,
    ForceOpt,
    Format,
    KeepDraftOpt,
    NamesOpt,
    OutputOpt,
    ResumeOpt,
    StrictOpt,
    WalkFormatOpt,
    WalkOpt,
    finish,
    kept_output,
    needs_terminal,
    resume_only_with_flag,
    say,
    settings,
)
from wsw.walk_ids import DEFAULT_WALK

if TYPE_CHECKING:
    from collections.abc import Callable

    from wsw.catalogue.model import Catalogue
    from wsw.reflection.run import Options, Reflection
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
    fmt: WalkFormatOpt = None,
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

    if answers is not None:
        target = NoteTarget(output, (fmt or Format.md).value, force)
        from wsw.cli.render import render_file

        render_file(ctx, walk, answers, target, names, strict)
        return
    resume_only_with_flag(draft_id, resume)
    needs_terminal(
        "wsw reflect asks questions and needs a terminal. To run without one, write an "
        "answers file (see `wsw prompts`) and use `wsw reflect --answers FILE` or "
        "`wsw render FILE`."
    )
    from wsw.reflection.run import Options
    from wsw.terminal.asker import TerminalAsker

    given = Options(kept_output(output), fmt.value if fmt else None)
    run_at_terminal(ctx, walk, draft_id if resume else None, resume, given, (force, keep_draft),
                    lambda _: TerminalAsker(), "wsw reflect --resume")  # fmt: skip


def run_at_terminal(
    ctx: typer.Context,
    walk_id: str,
    draft_id: str | None,
    resume: bool,
    given: Options,
    note: tuple[bool, bool],
    make_asker: Callable[[Options], Asker],
    resume_command: str,
    into: Callable[[Options], Callable[[str], Path]] | None = None,
) -> None:
    """Start or resume a reflection and run it (reflect and group).

    `given` are the options on this command line; a resumed draft's own fill the gaps, so
    `--resume` writes where and how the reflection was started. `note` is (force, keep).
    The draft's lock is released however the walk ends.
    """
    from wsw.infra.storage import clean_private_folders
    from wsw.reflection import run
    from wsw.reflection.notes import NoteTarget

    catalogue = settings(ctx).catalogue()
    clean_private_folders()
    if resume:
        reflection = _resumed(ctx, catalogue, draft_id, resume_command, given)
        if reflection is None:
            return
    else:
        reflection = run.begin(catalogue, walk_id, resume_command, given)
        say(f"Draft {reflection.store.ident} is saved after every answer. "
            "Type :help at any prompt for help.")  # fmt: skip
    try:
        for notice in reflection.notices:
            say(notice)
        options = reflection.store.options
        force, keep = note
        output = Path(options.output) if options.output else None
        target = NoteTarget(output, "html" if options.format == "html" else "md", force)
        asker = make_asker(options)
        written = "Supervision record added to {path}" if into else "Note written to {path}"
        writer = into(options) if into is not None else None
        done = run.Finish(target, keep_draft=keep, written=written, into=writer)
        outcome = run.run_walk(reflection, asker, done)
    finally:
        reflection.close()
    finish(outcome)


def _resumed(
    ctx: typer.Context,
    catalogue: Catalogue,
    draft_id: str | None,
    resume_command: str,
    given: Options,
) -> Reflection | None:
    """The draft resumed and locked; None when the person only viewed it or stopped.

    A draft open in another wsw is not opened under it: the person may view it, wait for
    it to be closed, or take it over when its holder is gone.
    """
    from wsw.errors import Stopped
    from wsw.reflection import lock, run
    from wsw.terminal.lockprompt import ask_about_lock

    while True:
        try:
            reflection, warnings = run.resume(catalogue, draft_id, resume_command, given)
        except lock.DraftLocked as locked:
            choice = ask_about_lock(locked.draft_id, locked.holder)
            if choice == "view":
                from wsw.cli.drafts import show_draft

                show_draft(ctx, locked.draft_id)
                return None
            if choice == "stop":
                raise Stopped([f"Stopped; draft {locked.draft_id} was left as it was."]) from None
            if choice == "wait":
                say("Waiting for the draft to be closed (Ctrl-C stops) ...")
                lock.wait_for(locked.path)
            lock.take_over(locked.path, locked.draft_id, lock.read_holder(locked.path)
                           or locked.holder).release()  # fmt: skip
            draft_id = locked.draft_id
            continue
        for warning in warnings:
            say(warning)
        say(f"Resuming draft {reflection.store.ident}.")
        return reflection
