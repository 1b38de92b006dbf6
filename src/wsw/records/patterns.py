"""The team's view: what a folder of notes says, from the front matter's codes only.

For a team lead deciding what the next group supervision or seven-minute briefing should be
about: how often each theme came up, month by month; referrals and escalations; safety
scores that fell between before and after; situational supervision asked for; and the
learning themes that never came up. Only coded fields are read (wsw.records.frontmatter),
never an answer, so the view can be shared with the team without sharing a case.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsw.records.frontmatter import read_fields

JSON_VERSION = 1
SUGGEST = 3
RECENT_MONTHS = 3


@dataclass
class ThemeCount:
    theme: str
    title: str
    count: int
    by_month: dict[str, int]


@dataclass
class Patterns:
    """The figures for a set of notes."""

    notes: int = 0
    first: str = ""
    last: str = ""
    walks: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    themes: list[ThemeCount] = field(default_factory=list)
    referrals: Counter[str] = field(default_factory=Counter)
    disagreements: int = 0
    escalation_stages: Counter[str] = field(default_factory=Counter)
    safety_fell: int = 0
    safety_fell_by: Counter[int] = field(default_factory=Counter)
    situational: int = 0
    supervised: int = 0
    never: list[tuple[str, str]] = field(default_factory=list)  # (theme id, title)
    suggestions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "notes": self.notes,
            "first": self.first or None,
            "last": self.last or None,
            "walks": dict(self.walks),
            "notes_by_month": dict(sorted(self.months.items())),
            "themes": [vars(t) for t in self.themes],
            "referrals": dict(self.referrals),
            "escalations": {
                "disagreements": self.disagreements,
                "stages": dict(self.escalation_stages),
            },
            "safety_fell": {
                "notes": self.safety_fell,
                "by_points": {str(k): v for k, v in sorted(self.safety_fell_by.items())},
            },
            "situational_supervision": self.situational,
            "supervised": self.supervised,
            "never_came_up": [{"theme": t, "title": title} for t, title in self.never],
            "suggestions": self.suggestions,
        }


def note_files(folders: Iterable[Path]) -> Iterator[Path]:
    """Every `.md` file in the folders (one level, as wsw writes them), in name order."""
    for folder in folders:
        try:
            names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".md"))
        except OSError:
            continue
        for name in names:
            yield folder / name


def records(folders: Iterable[Path]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in note_files(folders):
        found = read_fields(path)
        if found is not None:
            yield path, found


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, bool) else str(value)


def _score(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def count(notes: Iterable[dict[str, Any]], themes: dict[str, str]) -> Patterns:
    """The figures; `themes` maps every theme id the packs know to its title."""
    result = Patterns()
    theme_months: dict[str, Counter[str]] = {}
    dates: list[str] = []
    for note in notes:
        result.notes += 1
        day = _text(note.get("date"))[:10]
        month = day[:7]
        if day:
            dates.append(day)
            result.months[month] += 1
        result.walks[_text(note.get("walk")) or "unknown"] += 1
        listed = note.get("themes")
        for theme in set(listed) if isinstance(listed, list) else ():
            theme_months.setdefault(str(theme), Counter())[month or "undated"] += 1
        _tally(result, note)
    if dates:
        result.first, result.last = min(dates), max(dates)
    result.themes = sorted(
        (ThemeCount(t, themes.get(t, t), sum(m.values()), dict(sorted(m.items())))
         for t, m in theme_months.items()),
        key=lambda c: (-c.count, c.title),
    )  # fmt: skip
    result.never = [(t, title) for t, title in themes.items() if t not in theme_months]
    result.suggestions = suggestions(result)
    return result


def _tally(result: Patterns, note: dict[str, Any]) -> None:
    referral = _text(note.get("referral"))
    if referral:
        result.referrals[referral] += 1
    if note.get("disagreement") is True:
        result.disagreements += 1
        stage = _text(note.get("escalation_stage"))
        result.escalation_stages[stage or "not recorded"] += 1
    before, after = _score(note.get("safety_before")), _score(note.get("safety_after"))
    if before is not None and after is not None and after < before:
        result.safety_fell += 1
        result.safety_fell_by[before - after] += 1
    if note.get("situational_supervision") is True:
        result.situational += 1
    if note.get("supervised"):
        result.supervised += 1


def _recent(theme: ThemeCount, months: list[str]) -> int:
    return sum(theme.by_month.get(m, 0) for m in months)


def suggestions(result: Patterns) -> list[str]:
    """Themes for the next group supervision or seven-minute briefing (wsw's own advice).

    The themes that came up most in the last three months with notes, and one theme that
    never came up (learning the team may not be looking for).
    """
    months = sorted(m for m in result.months if m != "undated")[-RECENT_MONTHS:]
    ranked = sorted(result.themes, key=lambda t: (-_recent(t, months), -t.count, t.title))
    span = "month" if len(months) == 1 else f"{len(months)} months"
    found = [
        f"{t.title}: {_recent(t, months)} note(s) in the last {span} with notes"
        for t in ranked[:SUGGEST]
        if _recent(t, months)
    ]
    if result.never and result.notes:
        found.append(f"{result.never[0][1]}: in none of the notes; is the team looking for it?")
    return found


def jsonl_lines(found: Iterable[tuple[Path, dict[str, Any]]]) -> Iterator[str]:
    """One JSON object per note, the coded fields only, with the note's file name."""
    import json

    for path, note in found:
        record = {"note": path.name, **{k: _plain(v) for k, v in note.items()}}
        yield json.dumps(record, ensure_ascii=False, sort_keys=False)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # a date YAML read as a date
