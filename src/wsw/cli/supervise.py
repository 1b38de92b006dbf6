"""`wsw supervise`: the supervision record, added to the note it is about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.options import NamesOpt, ResumeOpt, kept_output, needs_terminal, say, settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from wsw.reflection.run import Options

WALK = "supervision"
RESUME = "wsw supervise --resume"


def supervise(
    ctx: typer.Context,
    note: Annotated[
        str | None,
        typer.Argument(
            metavar="NOTE", help="The note that was supervised (with --resume: a draft id)."
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Take every answer from FILE; ask nothing."),
    ] = None,
    resume: ResumeOpt = False,
    names: NamesOpt = None,
) -> None:
    """Record a supervision in the note: decision, support, learning, resources, actions.

    The supervision walk follows the four functions of supervision (management, support,
    development, mediation). The record is added at the end of the note and its front matter
    gains the date, the supervisor's role and the agreed actions; nothing already in the note
    changes.
    """
    from wsw.errors import InputError

    if resume:
        if answers is not None:
            raise InputError("--resume and --answers cannot be used together.")
        _at_terminal(ctx, note, None)
        return
    if note is None:
        raise InputError("Name the note that was supervised: wsw supervise NOTE.")
    path = _note_path(note)
    if answers is not None:
        _from_answers(ctx, path, answers, names)
        return
    _at_terminal(ctx, None, path)


def _note_path(typed: str) -> Path:
    from wsw.errors import InputError

    path = Path(typed).expanduser()
    if not path.is_file():
        raise InputError(f"{path} is not a file; give the path of a note wsw wrote.")
    from wsw.records.reading import read_note

    read_note(path)  # refuses a file that is not wsw's note before any question is asked
    return path.absolute()


def _from_answers(ctx: typer.Context, path: Path, answers: Path, names: Path | None) -> None:
    from wsw.privacy.people import read_people
    from wsw.reflection.answers import session_from_file
    from wsw.reflection.notes import render_note

    session, people = session_from_file(settings(ctx).catalogue(), WALK, answers)
    if names is not None:
        people = [*people, *read_people(names)]
    content, report = render_note(session, "md", people)
    if not report.clean:
        for line in report.summary(show_text=False):
            say(line)
    say(f"Supervision record added to {_into(path)(content)}")


def _into(path: Path) -> Callable[[str], Path]:
    """Writes a finished supervision walk's Markdown into the note at `path`."""

    def write(markdown: str) -> Path:
        from wsw.records.supervision import supervise_note, supervision_from

        return supervise_note(path, supervision_from(markdown))

    return write


def _at_terminal(ctx: typer.Context, draft_id: str | None, path: Path | None) -> None:
    from wsw.cli.reflect import run_at_terminal
    from wsw.reflection.run import Options
    from wsw.terminal.asker import TerminalAsker

    needs_terminal(
        "wsw supervise asks questions and needs a terminal. Without one, write an answers "
        "file (`wsw prompts --walk supervision --schema`) and give it with --answers FILE."
    )

    def into(options: Options) -> Callable[[str], Path]:
        from wsw.errors import InputError

        if not options.output:
            raise InputError("That draft is not a supervision record: resume it with wsw reflect.")
        return _into(Path(options.output))

    given = Options(kept_output(path))
    run_at_terminal(ctx, WALK, draft_id, draft_id is not None or path is None, given,
                    (True, False), lambda _: TerminalAsker(), RESUME, into)  # fmt: skip
