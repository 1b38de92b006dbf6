"""The note's Summary: what a supervisor needs in one screen, before the full record.

Which answers go into it is said in the walk (a question's `summary` label), not assumed
here, so a team's own walk (or the quick walk) gets a summary by labelling its questions. A
text answer is cut to its first sentences (the whole stays in its section); an answer that is
short or a list (a score, a choice, the actions, the questions for supervision) is shown only
here, so the note says it once. A yes/no appears only when the answer is yes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wsw.packs.models import Question
from wsw.packs.questions import Value
from wsw.text.markdown import escape

SENTENCES = 2
WORDS = 45
INLINE_TYPES = ("choice", "multichoice", "yesno", "scale", "date")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]*\s+(?=[A-Z0-9\"\u201c\u2018(])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "etc", "p", "pp", "s", "no", "vs"}


def sentences(text: str) -> list[str]:
    """The sentences of a typed answer, with its lines joined ("Mr X" and "e.g." kept whole)."""
    flat = " ".join(text.split())
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(flat):
        words = flat[start : match.start()].split()
        last = words[-1].rstrip(".!?").casefold() if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append(flat[start : match.end()].strip())
        start = match.end()
    if flat[start:].strip():
        out.append(flat[start:].strip())
    return out


def first_sentences(text: str, count: int = SENTENCES, words: int = WORDS) -> str:
    """The first sentence or two of an answer as Markdown, with an ellipsis if more follows.

    A second sentence is added only while the two stay within `words`, so a summary line
    stays a line or two however long the answer.
    """
    parts = sentences(text)
    taken = parts[:1]
    for part in parts[1:count]:
        if len(" ".join([*taken, part]).split()) > words:
            break
        taken.append(part)
    return escape(" ".join(taken)) + (" \u2026" if len(parts) > len(taken) else "")


def shown_only_in_summary(question: Question, value: Value | None) -> bool:
    """Answers the summary shows whole, so their own section leaves them out.

    A "no" is not in the summary, so it stays in its section.
    """
    if question.summary is None or question.type == "text" or value in (None, "", []):
        return False
    return not (question.type == "yesno" and not value)


def summary_markdown(
    questions: list[Question],
    answers: dict[str, Value],
    render: Callable[[Question], str],
) -> str:
    """The summary's paragraphs: short answers share a line, the rest one paragraph each.

    `questions` are the visible ones in walk order; `render` gives an answer as the note
    writes it (choices as labels, dates in words).
    """
    blocks: list[str] = []
    line: list[str] = []
    for q in questions:
        if q.summary is None or q.id not in answers or answers[q.id] in ("", [], None):
            continue
        if q.type == "yesno" and not answers[q.id]:
            continue
        label = f"**{escape(q.summary)}:**"
        if q.type in INLINE_TYPES:
            line.append(f"{label} {render(q)}")
            continue
        if line:
            blocks.append(" \u00b7 ".join(line))
            line = []
        if q.type == "text":
            blocks.append(f"{label} {first_sentences(str(answers[q.id]))}")
        else:
            blocks.append(f"{label}\n\n{render(q)}")
    if line:
        blocks.append(" \u00b7 ".join(line))
    return "\n\n".join(blocks)
