"""Answer values: what each question type accepts, from a keyboard or from an answers file.

Two doors lead in. `parse_typed` turns what someone typed at a prompt into a value, with a
message to show them when it will not do. `check_value` checks a value read from an answers
file or a draft. Both produce the same plain JSON-ready values, so drafts, answers files and
notes share one format.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wsw.packs.models import AGE_BANDS, Choice, Question

SCALE_MIN, SCALE_MAX = 0, 10
Value = str | bool | int | list[str] | list[dict[str, str]]


class BadValue(ValueError):
    """An answer that does not fit its question; the message says what would."""


def choices_for(question: Question, theme_titles: dict[str, str]) -> list[Choice]:
    """The question's choices, filling `choices_from` from the library."""
    if question.choices is not None:
        return list(question.choices)
    if question.choices_from == "themes":
        return [Choice(value=k, label=v) for k, v in theme_titles.items()]
    if question.choices_from == "age-bands":
        labels = {
            "under-1": "Under 1",
            "1-5": "1 to 5",
            "6-10": "6 to 10",
            "11-15": "11 to 15",
            "16-17": "16 to 17",
        }
        return [Choice(value=b, label=labels[b]) for b in AGE_BANDS]
    return []


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    cleaned = text.strip().lower()
    today = today or dt.date.today()
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + dt.timedelta(days=1)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise BadValue("That is not a date I can read: use 2026-12-01, 1/12/2026 or 'today'.")


def _choice(raw: str, choices: list[Choice]) -> str:
    text = raw.strip()
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].value
    for choice in choices:
        if text.lower() in (choice.value.lower(), choice.label.lower()):
            return choice.value
    raise BadValue(f"Choose a number from 1 to {len(choices)}.")


def parse_typed(
    question: Question, raw: str | list[str], choices: list[Choice], today: dt.date | None = None
) -> Value:
    """A typed answer as a value. `raw` is one line, or the lines of a multi-line answer."""
    lines = [raw] if isinstance(raw, str) else list(raw)
    text = "\n".join(lines).strip()
    kind = question.type
    if kind == "text":
        if not text:
            raise BadValue("Type an answer, or :skip if it is optional.")
        return text
    if kind == "list":
        items = [line.strip().lstrip("-*• ").strip() for line in lines]
        return [item for item in items if item]
    if kind == "choice":
        return _choice(text, choices)
    if kind == "multichoice":
        parts = [p for p in re.split(r"[,\s]+", text) if p]
        picked: list[str] = []
        for part in parts:
            value = _choice(part, choices)
            if value not in picked:
                picked.append(value)
        return picked
    if kind == "yesno":
        if text.lower() in ("y", "yes"):
            return True
        if text.lower() in ("n", "no"):
            return False
        raise BadValue("Answer yes or no (y/n).")
    if kind == "scale":
        if re.fullmatch(r"\d{1,2}", text) and SCALE_MIN <= int(text) <= SCALE_MAX:
            return int(text)
        raise BadValue(f"Give a whole number from {SCALE_MIN} to {SCALE_MAX}.")
    if kind == "date":
        return parse_date(text, today).isoformat()
    if kind == "actions":
        return [parse_action(line, today) for line in lines if line.strip()]
    raise BadValue(f"unknown question type {kind}")  # pragma: no cover - models forbid it


def parse_action(line: str, today: dt.date | None = None) -> dict[str, str]:
    """`action | owner | due`: the action is required; owner and due date may follow."""
    parts = [p.strip() for p in re.split(r"\s*[|;]\s*", line.strip())]
    if not parts[0]:
        raise BadValue("Each action needs a description: 'action | owner | due date'.")
    if len(parts) > 3:
        raise BadValue("Use at most two separators: 'action | owner | due date'.")
    owner = parts[1] if len(parts) > 1 else ""
    due = parse_date(parts[2], today).isoformat() if len(parts) > 2 and parts[2] else ""
    return {"action": parts[0], "owner": owner, "due": due}


def check_value(question: Question, value: Any, choices: list[Choice]) -> Value:
    """A value from an answers file or a draft, checked against its question's type."""
    kind = question.type
    values = [c.value for c in choices]
    if kind == "text":
        if isinstance(value, str) and value.strip():
            return value
        raise BadValue("should be text")
    if kind == "list":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v for v in value if v.strip()]
        raise BadValue("should be a list of short texts")
    if kind == "choice":
        if isinstance(value, str) and value in values:
            return value
        raise BadValue(f"should be one of: {', '.join(values)}")
    if kind == "multichoice":
        if isinstance(value, list) and all(isinstance(v, str) and v in values for v in value):
            return list(dict.fromkeys(value))
        raise BadValue(f"should be a list of: {', '.join(values)}")
    if kind == "yesno":
        if isinstance(value, bool):
            return value
        raise BadValue("should be true or false")
    if kind == "scale":
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
            return value
        raise BadValue("should be a whole number from 0 to 10")
    if kind == "date":
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise BadValue("should be a date like 2026-12-01")
    if kind == "actions":
        return _check_actions(value)
    raise BadValue(f"unknown question type {kind}")  # pragma: no cover


def _check_actions(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise BadValue("should be a list of {action, owner, due}")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("action"), str):
            raise BadValue("each action needs at least an 'action' text")
        unknown = set(item) - {"action", "owner", "due"}
        if unknown:
            raise BadValue(f"an action has unknown keys: {', '.join(sorted(unknown))}")
        due = item.get("due") or ""
        if isinstance(due, dt.date):
            due = due.isoformat()
        elif due:
            try:
                due = dt.date.fromisoformat(str(due)).isoformat()
            except ValueError:
                raise BadValue("an action's due date should look like 2026-12-01") from None
        out.append({"action": item["action"], "owner": str(item.get("owner") or ""), "due": due})
    return out
