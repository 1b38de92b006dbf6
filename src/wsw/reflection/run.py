"""The reflection lifecycle: one runner for reflect, group and demo.

It owns the order of things that must not go wrong, whoever is at the keyboard: the draft
saved after every answer and on every interruption (with the half-typed answer), the people
declared before the first question, the note previewed before it is written, and the draft
removed only once the note is safely on disk. It talks to people only through the asker, so
a scripted asker tests every path of it in-process; the CLI only builds the pieces and turns
the Outcome into messages and an exit code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from wsw.catalogue.model import Catalogue
from wsw.errors import WswError
from wsw.infra import signals
from wsw.packs.models import Walk
from wsw.privacy.pseudonyms import Person
from wsw.reflection import drafts
from wsw.reflection.answers import case_memory, checked_answers, walk_for, walk_of
from wsw.reflection.lock import Lock, acquire
from wsw.reflection.notes import NoteTarget, case_notice, note_kind, render_note, write_note
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


@runtime_checkable
class Checkpointing(Protocol):
    """An asker that can save an answer being gathered piece by piece (group mode)."""

    checkpoint: Callable[[Pending], None] | None


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
        self.lock: Lock | None = None
        self.failure: str | None = None  # why the last save of the draft failed, if it did
        self.on_disk = False  # whether a draft file (possibly older) is there to resume
        self.saved: dict[str, object] = {}  # the answers as last saved

    def save(self, snapshot: Snapshot, target: Path | None = None) -> None:
        return None

    def discard(self) -> None:
        return None

    def lost(self, snapshot: Snapshot) -> list[str]:
        """The questions whose answers (as now) are not in the draft on disk: ids only."""
        answers = snapshot.session.answers
        ids = [q for q, v in answers.items() if self.saved.get(q) != v]
        ids += [q for q in self.saved if q not in answers]
        pending = snapshot.pending
        if pending is not None and pending.question not in ids:
            ids.append(f"{pending.question} (the answer being typed)")
        return ids

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


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
        try:
            drafts.write(draft, target)
        except WswError as exc:
            if target is None:
                self.failure = str(exc)
            raise
        self.created = draft.created
        if target is None:
            self.failure, self.on_disk, self.saved = None, True, dict(draft.answers)

    def discard(self) -> None:
        drafts.remove(self.ident)
        self.on_disk = False

    def take_lock(self) -> str:
        """Lock the draft against a second wsw; a warning when no lock could be made."""
        self.lock = acquire(drafts.lock_path(self.ident), self.ident)
        return self.lock.warning


@dataclass
class Reflection:
    """A walk about to run: its session, where its draft goes, and what was restored."""

    session: Session
    store: DraftStore
    people: list[Person] | None = None  # None: not declared yet (a new reflection)
    pending: Pending | None = None
    resume_command: str = "wsw reflect --resume"
    notices: list[str] = field(default_factory=list)  # to tell before the first question

    def snapshot(self, pending: Pending | None = None) -> Snapshot:
        return Snapshot(self.session, self.people or [], pending)

    def close(self) -> None:
        """Release the draft's lock: on every way out of the walk."""
        self.store.release()


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
    # Where the finished Markdown goes instead of a new note: `wsw supervise` adds it to the
    # note it is about. Returns the path written.
    into: Callable[[str], Path] | None = None


def begin(
    catalogue: Catalogue, walk_id: str, resume_command: str, options: Options | None = None
) -> Reflection:
    """A new reflection with a new draft, locked and saved at once so even a crash leaves a
    trace. A draft that cannot be saved (a full or read-only disk) does not stop the walk:
    the answers are kept in memory, saving is tried again after each one, and `:save PATH`
    can put them elsewhere."""
    session = Session(walk_of(catalogue.library, walk_id), catalogue.library,
                      suggester=catalogue.suggester, memory=case_memory())  # fmt: skip
    store = FileDrafts(drafts.new_id(), options=options)
    reflection = Reflection(session, store, None, None, resume_command)
    try:
        notice = store.take_lock()
        store.save(Snapshot(session, []))
    except WswError as exc:
        notice = f"{exc} {KEPT_IN_MEMORY}"
    if notice:
        reflection.notices.append(notice)
    return reflection


KEPT_IN_MEMORY = (
    "Your answers are kept in memory and saving is tried again after each one; "
    "to keep them now, type :save PATH with a path on another disk (a USB stick, a network "
    "folder)."
)


def is_path(draft_id: str | None) -> bool:
    """Whether `--resume` was given a saved copy's path rather than a draft id."""
    if not draft_id:
        return False
    return "/" in draft_id or "\\" in draft_id or draft_id.endswith((".json", ".yaml"))


def resume(
    catalogue: Catalogue,
    draft_id: str | None,
    resume_command: str,
    options: Options | None = None,
) -> tuple[Reflection, list[str]]:
    """A draft taken up again (locked), and warnings (damaged drafts, answers that no longer
    fit). `draft_id` may be the path of a copy saved with `:save PATH`: it is taken up as a
    new draft of wsw's own, and the copy is left as it was.

    Every stored answer is checked again through its question type: one that no longer fits
    (a pack changed, a draft edited by hand) is asked again rather than trusted.
    """
    if draft_id is not None and is_path(draft_id):
        draft, warnings = drafts.read_copy(Path(draft_id).expanduser()), []
        warnings.append(f"Resuming a copy of {draft_id} as draft {draft.id}; "
                        "the file itself is left as it was.")  # fmt: skip
    else:
        draft, warnings = drafts.load(draft_id)
    store = FileDrafts(draft.id, draft.created)
    notice = store.take_lock()  # raises DraftLocked when another wsw has it open
    try:
        reflection = _reopened(catalogue, draft, store, resume_command, options, warnings)
    except BaseException:
        store.release()
        raise
    if notice:
        warnings.append(notice)
    return reflection, warnings


def _reopened(
    catalogue: Catalogue,
    listed: drafts.Draft,
    store: FileDrafts,
    resume_command: str,
    options: Options | None,
    warnings: list[str],
) -> Reflection:
    # Read again now the lock is held: the holder before may have saved since it was listed.
    path = drafts.path_of(listed.id)
    draft = drafts.load_exact(listed.id) if path.is_file() else listed
    library = catalogue.library
    walk = walk_of(library, draft.walk)
    memory = case_memory()
    answers, problems = checked_answers(walk_for(walk, draft.answers, memory), library,
                                        draft.answers)  # fmt: skip
    if problems:
        count = len(problems)
        warnings.append(f"{count} saved answer{'s' if count != 1 else ''} no longer fit "
                        "their questions and will be asked again.")  # fmt: skip
    session = Session(walk, library, answers, draft.skipped, suggester=catalogue.suggester,
                      memory=memory)  # fmt: skip
    given = options or Options()
    store.options = given.over(Options.from_stored(draft.options))
    pending = _fitting(draft.pending, session.walk)  # a follow-up question's too
    reflection = Reflection(session, store, draft.people, pending, resume_command)
    if path.is_file():
        store.on_disk, store.saved = True, dict(answers)
    else:  # a copy from elsewhere: into the drafts folder at once
        _keep_quietly(reflection, warnings)
    return reflection


def _fitting(pending: Pending | None, walk: Walk) -> Pending | None:
    """A half-typed answer kept only for a question the walk still has."""
    if pending is None:
        return None
    known = {q.id for stage in walk.stages for q in stage.questions}
    return pending if pending.question in known else None


def _keep_quietly(reflection: Reflection, warnings: list[str]) -> None:
    try:
        reflection.store.save(reflection.snapshot(reflection.pending))
    except WswError as exc:
        warnings.append(f"{exc} {KEPT_IN_MEMORY}")


def run_walk(reflection: Reflection, asker: Asker, finish: Finish) -> Outcome:
    """Run the walk to its end: a note written, a draft saved, or an interruption survived.

    An interruption whose draft cannot be saved does not end the walk at once: the person is
    told, and the same question is asked again (with what was typed) so the answers can be
    saved elsewhere; a second interruption, SIGTERM or SIGHUP ends it, saying what was lost.
    """
    _attach_checkpoint(reflection, asker)
    unsaved_stops = 0
    try:
        while True:
            try:
                if reflection.people is None:
                    reflection.people = asker.declare_people()
                    _keep(reflection, asker)
                return _walk(reflection, asker, finish)
            except Interrupted as exc:
                pending = exc.pending()
            except (KeyboardInterrupt, EOFError, OSError):  # OSError: the terminal went away
                pending = None
            outcome = _interrupted(reflection, pending, final=unsaved_stops > 0)
            if outcome is not None:
                return outcome
            unsaved_stops += 1
            reflection.pending = pending
            asker.tell(_not_saved_message(reflection))
    finally:
        _attach_checkpoint(reflection, asker, detach=True)
        reflection.close()  # nothing writes the draft after this


def _attach_checkpoint(reflection: Reflection, asker: Asker, detach: bool = False) -> None:
    """Let an asker that gathers an answer piece by piece (group contributions) save each
    piece in the draft as it is captured, so kill -9 loses none."""
    if not isinstance(asker, Checkpointing):
        return
    asker.checkpoint = None if detach else (lambda p: _keep(reflection, asker, p))


def _keep(reflection: Reflection, asker: Asker, pending: Pending | None = None) -> None:
    """Save the draft as it stands; a failure is told, and the walk goes on.

    A full disk or read-only folder must not end the walk: the answers are still in memory,
    saving is tried again after the next answer, and `:save PATH` can put them somewhere
    that works. The long explanation is given once, until a save works again.
    """
    store = reflection.store
    failing = store.failure is not None
    try:
        with signals.held():
            store.save(reflection.snapshot(pending))
    except WswError as exc:
        if failing:
            asker.tell(f"The draft still cannot be saved ({exc}). Your answers are in memory; "
                       ":save PATH saves them elsewhere.")  # fmt: skip
        else:
            asker.tell(f"{exc} {KEPT_IN_MEMORY}")
        return
    if failing:
        asker.inform(f"The draft {store.ident} is saved again, with every answer.")


def _walk(reflection: Reflection, asker: Asker, finish: Finish) -> Outcome:
    session = reflection.session
    restored, reflection.pending = reflection.pending, None
    while True:
        stop = drive(session, asker, lambda _: _keep(reflection, asker), restored)
        restored = None
        if stop is not None:
            outcome = _saved(reflection, stop, asker)
            if outcome is not None:
                return outcome
            continue
        if finish.preview:
            choice = asker.preview(_preview(reflection, finish))
            if isinstance(choice, SaveDraft):
                outcome = _saved(reflection, Stop(), asker)
                if outcome is not None:
                    return outcome
                continue
            if isinstance(choice, GoToStage):
                session.go_to_stage(choice.stage_id)
                continue
        outcome = _write(reflection, finish, asker)
        if outcome is not None:
            return outcome


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


def _write(reflection: Reflection, finish: Finish, asker: Asker) -> Outcome | None:
    """Write the note; None when it could not be written and the preview is shown again
    (the answers are still here, and may be saved as a draft instead)."""
    if finish.target is None:
        return Outcome("shown")
    store = reflection.store
    content, _ = render_note(reflection.session, finish.target.fmt, reflection.people or [])
    try:
        into = finish.into
        kind = note_kind(reflection.session)
        path = into(content) if into else write_note(content, finish.target, store.ident, kind)
    except WswError as exc:
        if not finish.preview:
            raise
        asker.tell(f"The note was not written: {exc}")
        return None
    if not finish.keep_draft:
        store.discard()
    messages = [finish.written.format(path=path)] if path else []
    messages += case_notice(reflection.session, path)
    return Outcome("written", messages, path)


def _saved(reflection: Reflection, stop: Stop, asker: Asker) -> Outcome | None:
    """`:save` (optionally to another path) or "save as a draft" at the preview; None when
    the save failed and the walk goes on (the person is told why, and may give a path)."""
    store = reflection.store
    if not store.persistent:
        return Outcome("saved", ["Stopped. Nothing was saved."])
    elsewhere = Path(stop.path).expanduser() if stop.path else None
    try:
        with signals.held():
            store.save(reflection.snapshot(stop.pending), target=elsewhere)
    except WswError as exc:
        if elsewhere is not None and elsewhere.is_dir():
            asker.tell(f"{elsewhere} is a folder: give the path of a new file in it, "
                       f"such as :save {elsewhere / (store.ident + '.json')}")  # fmt: skip
        else:
            asker.tell(f"Nothing was saved: {exc} Give another path (:save PATH).")
        return None
    if elsewhere is not None:
        hint = f"{reflection.resume_command} {elsewhere}"
        message = f"Saved a copy of draft {store.ident} to {elsewhere}. Resume with: {hint}"
        if store.failure is not None:
            message += f" (the draft in wsw's folder could not be saved: {store.failure})"
        return Outcome("saved", [message], elsewhere)
    return Outcome("saved", [f"Saved draft {store.ident}. Resume with: {_resume(reflection)}"])


def _interrupted(reflection: Reflection, pending: Pending | None, final: bool) -> Outcome | None:
    """Ctrl-C, SIGTERM, SIGHUP or end of input: keep every answer (and the half-typed one).

    None when the draft could not be saved and the person can still be asked (a first
    Ctrl-C); else the outcome, which says what was lost if anything was.
    """
    session, store = reflection.session, reflection.store
    people = reflection.people or []
    stopped = f"\nStopped ({signals.cause()})."
    if not store.persistent:
        return Outcome("interrupted", [f"{stopped} Nothing was saved."])
    if not session.answers and not session.skipped and not pending and not people:
        with contextlib.suppress(WswError):
            store.discard()
        return Outcome("interrupted", [f"{stopped} No answer had been given; no draft was kept."])
    snapshot = Snapshot(session, people, pending)
    try:
        with signals.held():
            store.save(snapshot)
    except WswError:
        if not final and signals.ended_by() is None:
            return None
        return Outcome("interrupted", _lost_lines(reflection, snapshot, stopped))
    return Outcome(
        "interrupted",
        [
            f"{stopped} Your answers are saved in draft {store.ident}.",
            f"Resume with: {_resume(reflection)}",
        ],
    )


def _not_saved_message(reflection: Reflection) -> str:
    store = reflection.store
    return (
        f"The draft could not be saved ({store.failure}), so stopping now would lose answers. "
        "Type :save PATH to save them on another disk, free some space and answer on "
        "(saving is tried again after each answer), or press Ctrl-C again to stop and "
        "lose them."
    )


def _lost_lines(reflection: Reflection, snapshot: Snapshot, stopped: str) -> list[str]:
    """What an interruption whose draft could not be saved lost, by question id only."""
    store = reflection.store
    lost = store.lost(snapshot)
    lines = [f"{stopped} The draft could not be saved: {store.failure}"]
    if lost:
        lines.append(f"Not saved, and lost: the answers to {', '.join(lost)}.")
    if store.on_disk:
        lines.append(f"Draft {store.ident} on disk is older and lacks those; "
                     f"resume it with: {_resume(reflection)}")  # fmt: skip
    else:
        lines.append("No draft is on disk.")
    return lines


def _resume(reflection: Reflection) -> str:
    return f"{reflection.resume_command} {reflection.store.ident}"
