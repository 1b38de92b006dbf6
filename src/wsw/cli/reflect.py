"""`wsw reflect`, `wsw render` and `wsw prompts`: the walk and the note."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wsw.cli import app, settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from wsw.ask import TerminalAsker
    from wsw.packs import Library
    from wsw.reflect import NoteTarget
    from wsw.walk.session import Session


class Format(StrEnum):
    md = "md"
    html = "html"


OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the note to PATH ('-' for standard output)."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Markdown or printable HTML.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing file at PATH.")]
WalkOpt = Annotated[str, typer.Option("--walk", help="Which walk to use (see `wsw prompts`).")]
NamesOpt = Annotated[
    Path | None,
    typer.Option(
        "--names", metavar="FILE", help="People to replace by roles (YAML: people: [{name, role}])."
    ),
]
StrictOpt = Annotated[
    bool,
    typer.Option("--strict", help="Refuse to write a note that still contains identifiers."),
]


DraftIdArg = Annotated[
    str | None, typer.Argument(metavar="[ID]", help="With --resume: the draft to resume.")
]
ResumeOpt = Annotated[
    bool, typer.Option("--resume", help="Continue a draft (the latest unless ID is given).")
]
KeepDraftOpt = Annotated[
    bool, typer.Option("--keep-draft", help="Keep the draft after the note is written.")
]


def _say(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
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
    walk: WalkOpt = "individual",
    names: NamesOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Reflect on new case information and write a note.

    Walks through What? So what? Then what?, one question at a time, bringing in the
    learning from the reviews that bears on the information, and writes a Markdown note for
    supervision. The draft is saved after every answer.
    """
    from wsw.reflect import NoteTarget

    library = settings(ctx).library()
    target = NoteTarget(output, fmt.value, force)
    if answers is not None:
        _render_file(library, walk, answers, target, names, strict)
        return
    if draft_id is not None and not resume:
        raise typer.BadParameter("give --resume to continue a draft", param_hint="ID")
    if not sys.stdin.isatty():
        from wsw.errors import InputError

        raise InputError(
            "wsw reflect asks questions and needs a terminal. To run without one, write an "
            "answers file (see `wsw prompts`) and use `wsw reflect --answers FILE` or "
            "`wsw render FILE`."
        )
    from wsw.ask import TerminalAsker

    _interactive(library, walk, resume, draft_id, target, keep_draft, TerminalAsker.with_prefill)


def _interactive(
    library: Library,
    walk_id: str,
    resume: bool,
    draft_id: str | None,
    target: NoteTarget,
    keep_draft: bool,
    make_asker: Callable[[dict[str, str]], TerminalAsker],
) -> None:
    """Run a walk at the terminal with a draft saved after every answer (reflect and group)."""
    from wsw import drafts
    from wsw.storage import clean_private_folders

    clean_private_folders()
    from wsw.ask import Interrupted
    from wsw.reflect import walk_of
    from wsw.walk.session import Session

    prefill: dict[str, str] = {}
    people: list[dict[str, str]] = []
    if resume:
        draft = drafts.load(draft_id)
        session = Session(walk_of(library, draft.walk), library, draft.answers, draft.skipped)
        if draft.pending and draft.pending.get("question") and draft.pending.get("text"):
            prefill[draft.pending["question"]] = draft.pending["text"]
        ident, created, people = draft.id, draft.created, draft.people
        asker = make_asker(prefill)
        _say(f"Resuming draft {ident}.")
    else:
        session = Session(walk_of(library, walk_id), library)
        ident, created = drafts.new_id(), ""
        created = drafts.save(session, ident).created
        _say(f"Draft {ident} is saved after every answer. Type :help at any prompt for help.")
        asker = make_asker(prefill)
        try:
            people = [{"name": n, "role": r} for n, r in asker.declare_people()]
        except (KeyboardInterrupt, EOFError):
            _stopped(session, ident, created, None, [])
        drafts.save(session, ident, created, people=people)
    try:
        _loop(session, asker, ident, created, target, keep_draft, people)
    except Interrupted as exc:
        pending = {"question": exc.question_id, "text": exc.partial} if exc.partial else None
        _stopped(session, ident, created, pending, people)
    except (KeyboardInterrupt, EOFError):
        _stopped(session, ident, created, None, people)


def _stopped(
    session: Session,
    ident: str,
    created: str,
    pending: dict[str, str] | None,
    people: list[dict[str, str]],
) -> None:
    """Ctrl-C or end of input: keep every answer (and the half-typed one), then exit 130."""
    from wsw import drafts

    if not session.answers and not session.skipped and not pending and not people:
        drafts.discard(ident)
        _say("\nStopped before any answer was given; no draft was kept.")
    else:
        drafts.save(session, ident, created, pending=pending, people=people)
        _say(f"\nStopped. Your answers are saved in draft {ident}.")
        _say(f"Resume with: wsw reflect --resume {ident}")
    raise typer.Exit(130)


def _loop(
    session: Session,
    asker: Any,
    ident: str,
    created: str,
    target: NoteTarget,
    keep: bool,
    people: list[dict[str, str]],
) -> None:
    from wsw import drafts
    from wsw.errors import WswError
    from wsw.note_privacy import people_from
    from wsw.reflect import prepare_note, write_note
    from wsw.walk.engine import drive

    persons = people_from(people, "the draft")

    def save(s: Session) -> None:
        try:
            drafts.save(s, ident, created, people=people)
        except WswError as exc:
            # A full disk or read-only folder must not end the walk: the answers are still
            # in memory and `:save PATH` can put them somewhere that works.
            asker.tell(f"{exc} Your answers are kept here; use :save PATH to save elsewhere.")

    while True:
        stop = drive(session, asker, save)
        if stop is not None:
            elsewhere = Path(stop.path).expanduser() if stop.path else None
            drafts.save(session, ident, created, target=elsewhere, people=people)
            where = f" to {elsewhere}" if elsewhere else ""
            _say(f"Saved draft {ident}{where}. Resume with: wsw reflect --resume {ident}")
            return
        stages = [(s.id, s.title) for s in session.walk.stages]
        markdown, report = prepare_note(session, "md", persons)
        choice = asker.preview(markdown, stages, report.summary(show_text=True))
        if choice == "save":
            _say(f"Saved draft {ident}. Resume with: wsw reflect --resume {ident}")
            return
        if choice != "write":
            session.go_to_stage(choice)
            continue
        content, _ = prepare_note(session, target.fmt, persons)
        path = write_note(content, target, label=ident)
        if not keep:
            drafts.discard(ident)
        if path:
            _say(f"Note written to {path}")
        return


@app.command()
def group(
    ctx: typer.Context,
    draft_id: DraftIdArg = None,
    resume: ResumeOpt = False,
    timebox: Annotated[
        int | None,
        typer.Option("--timebox", min=1, metavar="MINUTES", help="Time box for each stage."),
    ] = None,
    output: OutputOpt = None,
    fmt: FormatOpt = Format.md,
    force: ForceOpt = False,
    keep_draft: KeepDraftOpt = False,
) -> None:
    """Run a group case discussion on a shared screen.

    The presenter shares the new information, the group asks clarifying questions, reflects
    while the presenter listens, suggests options and agrees actions. Each prompt takes many
    contributions; the result is a group reflection note.
    """
    from wsw.group import GroupAsker
    from wsw.reflect import NoteTarget

    library = settings(ctx).library()
    if draft_id is not None and not resume:
        raise typer.BadParameter("give --resume to continue a draft", param_hint="ID")
    if not sys.stdin.isatty():
        from wsw.errors import InputError

        raise InputError("wsw group is typed live by the team lead and needs a terminal.")
    target = NoteTarget(output, fmt.value, force)

    def make_asker(prefill: dict[str, str]) -> GroupAsker:
        return GroupAsker(timebox=timebox, prefill=prefill)

    _interactive(library, "group", resume, draft_id, target, keep_draft, make_asker)


@app.command()
def render(
    ctx: typer.Context,
    answers: Annotated[Path, typer.Argument(metavar="ANSWERS", help="An answers file or a draft.")],
    output: OutputOpt = None,
    fmt: FormatOpt = Format.md,
    force: ForceOpt = False,
    walk: Annotated[
        str | None, typer.Option("--walk", help="Which walk (default: the file's, or individual).")
    ] = None,
    names: NamesOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Write a note from an answers file, asking nothing."""
    from wsw.reflect import NoteTarget

    library = settings(ctx).library()
    _render_file(library, walk, answers, NoteTarget(output, fmt.value, force), names, strict)


def _render_file(
    library: Library,
    walk: str | None,
    answers: Path,
    target: NoteTarget,
    names: Path | None,
    strict: bool,
) -> None:
    """Render an answers file, replacing declared names; with strict, refuse if anything is left."""
    from wsw.errors import Refusal
    from wsw.note_privacy import read_people
    from wsw.reflect import answers_and_people, prepare_note, write_note

    session, people = answers_and_people(library, walk, answers)
    if names is not None:
        people = [*people, *read_people(names)]
    content, report = prepare_note(session, target.fmt, people)
    if strict and not report.clean:
        message = "The note still contains identifiers, so it was not written:"
        raise Refusal(message, report.summary(show_text=False))
    path = write_note(content, target)
    if path:
        _say(f"Note written to {path}")


@app.command()
def prompts(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the walk as JSON.")] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of an answers file.")
    ] = False,
    walk: WalkOpt = "individual",
) -> None:
    """Show the walk's questions (for answers files)."""
    import json

    from wsw.reflect import walk_of
    from wsw.walk.values import choices_for

    library = settings(ctx).library()
    chosen = walk_of(library, walk)
    titles = {t.id: t.title for t in library.themes.values()}
    if schema:
        from wsw.walk.answers_schema import answers_schema

        typer.echo(json.dumps(answers_schema(chosen, titles), indent=2))
        return
    stages = [
        {
            "id": s.id,
            "title": s.title,
            "questions": [
                {
                    "id": q.id,
                    "type": q.type,
                    "prompt": q.prompt,
                    "required": q.required,
                    "choices": [c.value for c in choices_for(q, titles)],
                }
                for q in s.questions
            ],
        }
        for s in chosen.stages
    ]
    if as_json:
        typer.echo(json.dumps({"walk": chosen.id, "stages": stages}, indent=2, ensure_ascii=False))
        return
    from wsw import views

    views.print_walk(chosen, titles)
