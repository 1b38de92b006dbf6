"""`wsw group`: a group case discussion, typed live by the team lead on a shared screen."""

from __future__ import annotations

from typing import Annotated

import typer

from wsw.cli.options import (
    DraftIdArg,
    ForceOpt,
    KeepDraftOpt,
    OutputOpt,
    ResumeOpt,
    WalkFormatOpt,
    kept_output,
    needs_terminal,
    resume_only_with_flag,
)
from wsw.walk_ids import GROUP_WALK


def group(
    ctx: typer.Context,
    draft_id: DraftIdArg = None,
    resume: ResumeOpt = False,
    timebox: Annotated[
        int | None,
        typer.Option("--timebox", min=1, metavar="MINUTES", help="Time box for each stage."),
    ] = None,
    output: OutputOpt = None,
    fmt: WalkFormatOpt = None,
    force: ForceOpt = False,
    keep_draft: KeepDraftOpt = False,
) -> None:
    """Run a group case discussion on a shared screen.

    The presenter shares the new information, the group asks clarifying questions, reflects
    while the presenter listens, suggests options and agrees actions. Each prompt takes many
    contributions; the result is a group reflection note.
    """
    from wsw.cli.reflect import run_at_terminal
    from wsw.reflection.run import Options
    from wsw.terminal.group import GroupAsker

    resume_only_with_flag(draft_id, resume)
    needs_terminal("wsw group is typed live by the team lead and needs a terminal.")
    given = Options(kept_output(output), fmt.value if fmt else None, timebox)
    run_at_terminal(ctx, GROUP_WALK, draft_id, resume, given, (force, keep_draft),
                    lambda options: GroupAsker(timebox=options.timebox),
                    "wsw group --resume")  # fmt: skip
