"""The reflection lifecycle: one runner for reflect, group and demo.

It owns the order of things that must not go wrong, whoever is at the keyboard: the draft
saved after every answer and on every interruption (with the half-typed answer), the people
declared before the first question, the note previewed before it is written, and the draft
removed only once the note is safely on disk. It talks to people only through the asker, so
a scripted asker tests every path of it in-process; the CLI only builds the pieces and turns
the Outcome into messages and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from wsw.catalogue.model import Catalogue
from wsw.errors import WswError
from wsw.privacy.pseudonyms import Person
from wsw.reflection import drafts
from wsw.reflection.answers import checked_answers, walk_of
from wsw.reflection.notes import NoteTarget, render_note, write_note
from wsw.walk.engine import (
    Asker,
    GoToStage,
    Interrupted,
    Pending,
    Preview,
    SaveDraft,
    Stop,
    drive,
)
from wsw.walk.session import Session

Status = Literal["written", "saved", "shown", "interrupted"]


@dataclass(frozen=True)
class Options:
    """Command-line choices a reflection keeps in its draft, so `--resume` goes on with them.

    A value given again on the command line wins; None means not given.
    """

    output: str | None = None
    format: str | None = None
    timebox: int | None = None

    def over(self, saved: Options) -> Options:
        return Options(
            self.output if self.output is not None else saved.output,
            self.format if self.format is not None else saved.format,
            self.timebox if self.timebox is not None else saved.timebox,
        )

    def stored(self) -> dict[str, str | int]:
        values = {"output": self.output, "format": self.format, "timebox": self.timebox}
        return {k: v for k, v in values.items() if v is not None}

    @classmethod
    def from_stored(cls, values: dict[str, str | int]) -> Options:
        output, fmt, timebox = values.get("output"), values.get("format"), values.get("timebox")
        return cls(
            output if isinstance(output, str) else None,
            fmt if fmt in ("md", "html") else None,
            timebox if isinstance(timebox, int) and timebox > 0 else None,
        )


@dataclass(frozen=True)
class Snapshot:
    """What a draft keeps: the answers so far, the people declared, a half-typed answer."""

    session: Session
    people: list[Person]
    pending: Pending | None = None


class DraftStore:
    """Where a reflection in progress is kept. This base keeps it nowhere."""

    persistent = False

    def __init__(self, ident: str, created: str = "", options: Options | None = None) -> None:
        self.ident = ident
        self.created = created
        self.options = options or Options()

    def save(self, snapshot: Snapshot, target: Path | None = None) -> None:
        return None

    def discard(self) -> None:
        return None


class NullDrafts(DraftStore):
    """No draft at all: for demos, where nothing is real and nothing is kept."""


class FileDrafts(DraftStore):
    """A draft file in wsw's drafts folder, rewritten whole after every change."""

    persistent = True

    def save(self, snapshot: Snapshot, target: Path | None = None) -> None:
        session = snapshot.session
        draft = drafts.Draft(
            id=self.ident,
            walk=session.walk.id,
            answers=dict(session.answers),
            skipped=sorted(session.skipped),
            pending=snapshot.pending,
            people=list(snapshot.people),
            created=self.created,
            title=drafts.title_from(session.walk, session.answers),
            options=self.options.stored(),
        )
        drafts.write(draft, target)
        self.created = draft.created

    def discard(self) -> None:
        drafts.remove(self.ident)


@dataclass
class Reflection:
    """A walk about to run: its session, where its draft goes, and what was restored."""

    session: Session
    store: DraftStore
    people: list[Person] | None = None  # None: not declared yet (a new reflection)
    pending: Pending | None = None
    resume_command: str = "wsw reflect --resume"

    def snapshot(self) -> Snapshot:
        return Snapshot(self.session, self.people or [])


@dataclass(frozen=True)
class Outcome:
    """How a walk ended, with what to tell the person."""

    status: Status
    messages: list[str] = field(default_factory=list)
    path: Path | None = None


@dataclass(frozen=True)
class Finish:
    """What happens once every question is answered.

    `preview`: show the note and ask (else write straight away); `target` None: nowhere to
    write (the note is only shown); `keep_draft`: leave the draft after writing.
    """

    target: NoteTarget | None
    preview: bool = True
    keep_draft: bool = False
    written: str = "Note written to {path}"


def begin(
    catalogue: Catalogue, walk_id: str, resume_command: str, options: Options | None = None
) -> Reflection:
    """A new reflection with a new draft, saved at once so even a crash leaves a trace."""
    session = Session(walk_of(catalogue.library, walk_id), catalogue.library,
                      suggester=catalogue.suggester)  # fmt: skip
    store = FileDrafts(drafts.new_id(), options=options)
    store.save(Snapshot(session, []))
    return Reflection(session, store, None, None, resume_command)


def resume(
    catalogue: Catalogue,
    draft_id: str | None,
    resume_command: str,
    options: Options | None = None,
) -> tuple[Reflection, list[str]]:
    """A draft taken up again, and warnings (damaged drafts, answers that no longer fit).

    Every stored answer is checked again through its question type: one that no longer fits
    (a pack changed, a draft edited by hand) is asked again rather than trusted.
    """
    draft, warnings = drafts.load(draft_id)
    library = catalogue.library
    walk = walk_of(library, draft.walk)
    answers, problems = checked_answers(walk, library, draft.answers)
    if problems:
        count = len(problems)
        warnings.append(f"{count} saved answer{'s' if count != 1 else ''} no longer fit "
                        "their questions and will be asked again.")  # fmt: skip
    session = Session(walk, library, answers, draft.skipped, suggester=catalogue.suggester)
    given = options or Options()
    store = FileDrafts(draft.id, draft.created, given.over(Options.from_stored(draft.options)))
    return Reflection(session, store, draft.people, draft.pending, resume_command), warnings


def run_walk(reflection: Reflection, asker: Asker, finish: Finish) -> Outcome:
    """Run the walk to its end: a note written, a draft saved, or an interruption survived."""
    try:
        if reflection.people is None:
            reflection.people = asker.declare_people()
            _keep(reflection, asker)
        return _walk(reflection, asker, finish)
    except Interrupted as exc:
        return _interrupted(reflection, exc.pending())
    except (KeyboardInterrupt, EOFError):
        return _interrupted(reflection, None)


def _keep(reflection: Reflection, asker: Asker) -> None:
    """Save the draft as it stands; a failure is told, and the walk goes on.

    A full disk or read-only folder must not end the walk: the answers are still in memory
    and `:save PATH` can put them somewhere that works.
    """
    try:
        reflection.store.save(reflection.snapshot())
    except WswError as exc:
        asker.tell(f"{exc} Your answers are kept here; use :save PATH to save elsewhere.")


def _walk(reflection: Reflection, asker: Asker, finish: Finish) -> Outcome:
    session = reflection.session
    restored, reflection.pending = reflection.pending, None
    while True:
        stop = drive(session, asker, lambda _: _keep(reflection, asker), restored)
        restored = None
        if stop is not None:
            return _saved(reflection, stop)
        if finish.preview:
            choice = asker.preview(_preview(reflection, finish))
            if isinstance(choice, SaveDraft):
                return _saved(reflection, Stop())
            if isinstance(choice, GoToStage):
                session.go_to_stage(choice.stage_id)
                continue
        return _write(reflection, finish)


def _preview(reflection: Reflection, finish: Finish) -> Preview:
    session = reflection.session
    markdown, report = render_note(session, "md", reflection.people or [])
    return Preview(
        markdown=markdown,
        stages=[(s.id, s.title) for s in session.walk.stages],
        privacy=report.summary(show_text=True),
        can_write=finish.target is not None,
        can_save=reflection.store.persistent,
    )


def _write(reflection: Reflection, finish: Finish) -> Outcome:
    if finish.target is None:
        return Outcome("shown")
    store = reflection.store
    content, _ = render_note(reflection.session, finish.target.fmt, reflection.people or [])
    path = write_note(content, finish.target, label=store.ident)
    if not finish.keep_draft:
        store.discard()
    messages = [finish.written.format(path=path)] if path else []
    return Outcome("written", messages, path)


def _saved(reflection: Reflection, stop: Stop) -> Outcome:
    """`:save` (optionally to another path) or "save as a draft" at the preview."""
    store = reflection.store
    if not store.persistent:
        return Outcome("saved", ["Stopped. Nothing was saved."])
    elsewhere = Path(stop.path).expanduser() if stop.path else None
    store.save(reflection.snapshot(), target=elsewhere)
    where = f" to {elsewhere}" if elsewhere else ""
    message = f"Saved draft {store.ident}{where}. Resume with: {_resume(reflection)}"
    return Outcome("saved", [message], elsewhere)


def _interrupted(reflection: Reflection, pending: Pending | None) -> Outcome:
    """Ctrl-C or end of input: keep every answer (and the half-typed one)."""
    session, store = reflection.session, reflection.store
    people = reflection.people or []
    if not store.persistent:
        return Outcome("interrupted", ["\nStopped. Nothing was saved."])
    if not session.answers and not session.skipped and not pending and not people:
        store.discard()
        return Outcome("interrupted", ["\nStopped before any answer was given; no draft was kept."])
    store.save(Snapshot(session, people, pending))
    return Outcome(
        "interrupted",
        [
            f"\nStopped. Your answers are saved in draft {store.ident}.",
            f"Resume with: {_resume(reflection)}",
        ],
    )


def _resume(reflection: Reflection) -> str:
    return f"{reflection.resume_command} {reflection.store.ident}"
