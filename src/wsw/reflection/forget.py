"""`wsw case forget`: a case's notes, drafts and index entries removed, and said which.

Data about children must not outlive its need. The notes in the notes folder and the drafts
whose `case` answer is the case are deleted, then the index forgets them and is compacted,
so what was deleted does not linger in the database file or its log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wsw.cases.history import Case
from wsw.cases.index import Index
from wsw.reflection import drafts


@dataclass
class Forgotten:
    notes: list[Path] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"Deleted note {p}" for p in self.notes]
        lines += [f"Deleted draft {d}" for d in self.drafts]
        lines.append("Removed the case from the case index.")
        return lines


def drafts_of(ref: str) -> list[str]:
    """The drafts whose case answer is this case."""
    return [d.id for d in drafts.list_drafts().drafts if d.answers.get("case") == ref]


def forget(index: Index, case: Case) -> Forgotten:
    done = Forgotten()
    for note in case.notes:
        path = index.folder / note.name
        path.unlink(missing_ok=True)
        done.notes.append(path)
    for draft_id in drafts_of(case.ref):
        drafts.remove(draft_id)
        done.drafts.append(draft_id)
    index.remove([n.name for n in case.notes])
    index.compact()
    return done
