"""A known case meets its new information: the follow-up stage put before So what?.

What wsw knows is shown compactly (the stage's introduction, made to fit 80x24): the dates
and headlines of earlier reflections, the safety scale over time, and the last score with
its reason; the previous score is pre-filled as this note's "before". Then ordinary
questions, with ids an answers file or a draft can hold, all optional (an answers file
written before the case was known still renders, and `:skip` passes one by):

- `case-changed`: last time this would change your mind; has any of it happened?
- `case-action-ID` (done / not done / no longer needed) and `case-action-ID-outcome`;
- `case-question-ID`: a question still to ask; its answer if it has one (skip if not);
- `case-pattern`: is this part of a pattern across the reflections; does it raise the risk?

`record` turns the answers into the note's `follow_up` front matter, which the case history
reads to close actions and questions.
"""

from __future__ import annotations

from typing import Any

from wsw.cases.history import Case, build_case
from wsw.cases.index import Index
from wsw.packs.models import Choice, Question, Stage, Walk
from wsw.packs.questions import Answers
from wsw.walk.memory import Review

STAGE_ID = "case-review"
SHOWN = 4  # earlier reflections listed in the compact view; `:case` shows them all
STATUS = [
    Choice(value="done", label="Done"),
    Choice(value="not-done", label="Not done yet"),
    Choice(value="no-longer-needed", label="No longer needed"),
]
LINE = 76


def _quoted(text: str) -> str:
    """A quotation ending a sentence: its own full stop kept, one added if it has none."""
    text = " ".join(text.split())
    return f"\u201c{text}\u201d" + ("" if text[-1:] in ".?!" else ".")


def _cut(text: str, width: int = LINE) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "\u2026"


class IndexMemory:
    """The case memory a walk uses: the case index, opened once when first needed."""

    def __init__(self, index: Index | None = None) -> None:
        self._index = index
        self._cases: dict[str, Case | None] = {}

    def index(self) -> Index:
        if self._index is None:
            from wsw.cases.store import open_index

            self._index = open_index()
        return self._index

    def choices(self) -> list[Choice]:
        return [
            Choice(value=c["case"], label=f"{c['case']} ({c['notes']} earlier, last {c['last']})")
            for c in self.index().summaries()
        ]

    def case(self, ref: str) -> Case | None:
        if ref not in self._cases:
            notes = self.index().records(ref)
            self._cases[ref] = build_case(ref, notes) if notes else None
        return self._cases[ref]

    def review(self, walk: Walk, case: str) -> Review | None:
        found = self.case(case)
        if found is None or walk.case_review is None:
            return None
        before_qid = next(iter(walk.sources_of("safety_before")), None)
        last = found.last_safety()
        defaults = {before_qid: last} if before_qid and last is not None else {}
        return Review(
            stage=Stage(
                id=STAGE_ID,
                title="Since the last reflection on this case",
                intro=compact(found),
                questions=questions(found),
            ),
            defaults=defaults,
            record=lambda answers: record(found, answers),
            more=full(found),
        )


def compact(case: Case) -> str:
    """What wsw knows, in at most about a dozen lines (with the questions, it fits 80x24)."""
    lines = [f"Earlier reflections on this case ({len(case.notes)}):"]
    shown = case.notes[-SHOWN:]
    if len(case.notes) > SHOWN:
        lines.append(f"  ... {len(case.notes) - SHOWN} earlier (type :case to see them all)")
    lines += [_cut(f"  {n.date}  {n.headline or n.title}") for n in shown]
    if case.scores():
        lines.append(f"Safety scale over time: {case.trend()}")
    latest = case.latest
    if latest.safety_after is not None:
        reason = f': "{_cut(latest.safety_reason, 48)}"' if latest.safety_reason else ""
        lines.append(
            f"Last time ({latest.date}) the child's safety was {latest.safety_after}{reason}"
        )
    counts = f"{len(case.actions)} open action(s), {len(case.questions)} question(s) still to ask"
    lines.append(counts + ". Type :case for more.")
    return "\n".join(lines)


def full(case: Case) -> str:
    """Everything `:case` shows: every reflection, its source, scores and decision."""
    lines = [f"Reflections on this case, oldest first ({len(case.notes)}):"]
    for n in case.notes:
        scores = f"{n.safety_before} -> {n.safety_after}" if n.safety_after is not None else "-"
        lines.append(f"{n.date}  {n.headline or n.title}")
        lines.append(f"    source: {n.source or '-'}; safety {scores}; note {n.name}")
        if n.decision:
            lines.append(f"    decision: {_cut(n.decision, LINE - 14)}")
    for a in case.actions:
        due = f", due {a.due}" if a.due else ""
        lines.append(f"Open action [{a.id}]: {a.action} ({a.owner or 'no owner'}{due})")
    lines += [f"Still to ask [{q.id}]: {q.question}" for q in case.questions]
    return "\n".join(lines)


def questions(case: Case) -> list[Question]:
    latest = case.latest
    found: list[Question] = []
    if latest.change_mind:
        found.append(
            Question(
                id="case-changed",
                type="text",
                required=False,
                prompt=(
                    "Last time you said this would change your mind: "
                    f"{_quoted(latest.change_mind)} Has any of it happened?"
                ),
            )
        )
    for a in case.actions:
        who = f"{a.owner}, " if a.owner else ""
        due = f"due {a.due}" if a.due else "no due date"
        found.append(
            Question(
                id=f"case-action-{a.id}",
                type="choice",
                required=False,
                choices=list(STATUS),
                prompt=f"Open action: {a.action} ({who}{due}). Is it done?",
            )
        )
        found.append(
            Question(
                id=f"case-action-{a.id}-outcome",
                type="text",
                multiline=False,
                required=False,
                prompt="What came of it?",
            )
        )
    for q in case.questions:
        found.append(
            Question(
                id=f"case-question-{q.id}",
                type="text",
                multiline=False,
                required=False,
                prompt=f"Still to ask last time: {_quoted(q.question)} If it is answered now, "
                "what is the answer?",
            )
        )
    found.append(
        Question(
            id="case-pattern",
            type="text",
            required=False,
            prompt=(
                f"Across the reflections on this case (safety {case.trend() or 'not scored'}), "
                "is this new information part of a pattern? Does the pattern raise the risk?"
            ),
        )
    )
    return found


def record(case: Case, answers: Answers) -> dict[str, Any]:
    """The follow-up as front matter: what the next reflection and `wsw actions` read."""
    follow: dict[str, Any] = {"of": case.latest.name}
    if "case-changed" in answers:
        follow["changed"] = answers["case-changed"]
    actions = []
    for a in case.actions:
        status = answers.get(f"case-action-{a.id}")
        if isinstance(status, str):
            item = {"id": a.id, "action": a.action, "status": status}
            outcome = answers.get(f"case-action-{a.id}-outcome")
            if isinstance(outcome, str):
                item["outcome"] = outcome
            actions.append(item)
    follow["actions"] = actions
    follow["questions"] = [
        {
            "id": q.id,
            "question": q.question,
            "answered": True,
            "answer": answers[f"case-question-{q.id}"],
        }
        for q in case.questions
        if isinstance(answers.get(f"case-question-{q.id}"), str)
    ]
    if "case-pattern" in answers:
        follow["pattern"] = answers["case-pattern"]
    return {"follow_up": follow}
