"""Making a note safe to share: declared names become roles, identifiers are found and shown.

Redaction works on the answers, not on the finished Markdown, so the note's own words and
front matter are never rewritten; the finished note is then scanned for anything that could
still identify someone. The people declared live in the draft only, never in a note.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wsw.privacy import Ambiguity, Finding, Person, find_identifiers, redact
from wsw.walk.session import Session


@dataclass
class PrivacyReport:
    """What redaction did to a note, and what the scan of the result found."""

    replaced: Counter[tuple[str, str]] = field(default_factory=Counter)
    ambiguous: list[Ambiguity] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    markdown: str = ""

    @property
    def clean(self) -> bool:
        return not self.remaining and not self.ambiguous

    def line_of(self, finding: Finding) -> int:
        return self.markdown.count("\n", 0, finding.start) + 1

    def summary(self, show_text: bool) -> list[str]:
        """Lines for the practitioner; `show_text` False keeps identifiers out (for errors)."""
        lines = []
        for (original, role), count in sorted(self.replaced.items()):
            times = f" ({count} times)" if count > 1 else ""
            lines.append(f"Replaced: {original} -> {role}{times}" if show_text else
                         f"Replaced a declared name with {role}{times}")  # fmt: skip
        for a in self.ambiguous:
            who = " or ".join(a.candidates)
            what = f"'{a.original}'" if show_text else "A word"
            lines.append(f"{what} could be {who}: left as typed; edit the answer to say which.")
        for f in self.remaining:
            what = f": {f.text}" if show_text else ""
            note = f" ({f.note})" if f.note and show_text else ""
            lines.append(f"Still in the note, line {self.line_of(f)}: {f.kind}{what}{note}")
        return lines


def _redact_value(value: Any, people: list[Person], report: PrivacyReport) -> Any:
    if isinstance(value, str):
        result = redact(value, people)
        report.replaced.update((r.original, r.role) for r in result.replaced)
        report.ambiguous.extend(result.ambiguous)
        return result.text
    if isinstance(value, list):
        return [_redact_value(v, people, report) for v in value]
    if isinstance(value, dict):
        return {
            k: (_redact_value(v, people, report) if k != "due" else v) for k, v in value.items()
        }
    return value


def redacted(session: Session, people: list[Person]) -> tuple[Session, PrivacyReport]:
    """A copy of the session whose answers use roles for the people declared."""
    report = PrivacyReport()
    safe = copy.copy(session)
    safe.answers = {
        qid: _redact_value(value, people, report) if people else value
        for qid, value in session.answers.items()
    }
    return safe, report


def scan_note(markdown: str, people: list[Person], report: PrivacyReport) -> PrivacyReport:
    """Everything in the finished note that could still identify someone.

    A note is full of dates (its own, supervision, actions); only a date written as a date of
    birth ("DOB", "born") identifies a child, so only those are reported here. A name left
    because it was ambiguous is reported once, as an ambiguity.
    """
    report.markdown = markdown
    left = {a.original.casefold() for a in report.ambiguous}
    report.remaining = [
        f
        for f in find_identifiers(markdown, [p.name for p in people])
        if f.kind != "date" and not (f.kind == "name" and f.text.casefold() in left)
    ]
    return report
