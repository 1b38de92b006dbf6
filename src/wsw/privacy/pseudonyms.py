"""Replacing the names a practitioner declared with the roles they stand for.

A supervisor needs to know that Child A's mother said something, not who she is. The
practitioner declares the people ("Jayden Thompson" is "Child A") and every way the text
refers to them becomes the role: full name, first name, surname, possessives, any case or
accenting. Where a word could be more than one person (a shared surname) it is left alone and
flagged rather than guessed, because a wrong role is worse than a visible name the
practitioner can fix. Structured identifiers are never rewritten, only reported: whether an
NHS number belongs in a note is a judgement, not a substitution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wsw.privacy.detect import Finding, NameSpan, match_names, scan_structured


@dataclass(frozen=True)
class Person:
    """Someone the practitioner writes about, and the role a note should call them by."""

    name: str
    role: str


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    original: str
    role: str


@dataclass(frozen=True)
class Ambiguity:
    start: int
    end: int
    original: str
    candidates: tuple[str, ...]


@dataclass
class Redaction:
    """The redacted text, and what was changed, left for the practitioner, or still there.

    `replaced` and `ambiguous` index the original text; `remaining` indexes the redacted one.
    """

    text: str
    replaced: list[Replacement]
    ambiguous: list[Ambiguity]
    remaining: list[Finding]


def redact(text: str, people: Sequence[Person]) -> Redaction:
    """Declared names become roles; identifiers and ambiguous words are reported, not changed."""
    scan = scan_structured(text)
    spans = match_names(
        text,
        [(person.name, person.role) for person in people],
        blocked=scan.claimed,
        shielded=[person.role for person in people],
    )
    replaced = [_replacement(text, span) for span in spans if len(span.labels) == 1]
    ambiguous = [_ambiguity(text, span) for span in spans if len(span.labels) > 1]
    remaining = _shifted(list(scan.findings), replaced)
    return Redaction(_spliced(text, replaced), replaced, ambiguous, remaining)


def _replacement(text: str, span: NameSpan) -> Replacement:
    return Replacement(span.start, span.end, text[span.start : span.end], span.labels[0])


def _ambiguity(text: str, span: NameSpan) -> Ambiguity:
    return Ambiguity(span.start, span.end, text[span.start : span.end], span.labels)


def _spliced(text: str, replaced: list[Replacement]) -> str:
    parts: list[str] = []
    pos = 0
    for r in replaced:
        parts += [text[pos : r.start], r.role]
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def _shifted(findings: list[Finding], replaced: list[Replacement]) -> list[Finding]:
    """Findings moved to where they sit in the redacted text; no replacement ever overlaps one."""
    moved: list[Finding] = []
    shift = 0
    i = 0
    for f in findings:
        while i < len(replaced) and replaced[i].end <= f.start:
            shift += len(replaced[i].role) - (replaced[i].end - replaced[i].start)
            i += 1
        moved.append(Finding(f.kind, f.start + shift, f.end + shift, f.text, f.note))
    return moved
