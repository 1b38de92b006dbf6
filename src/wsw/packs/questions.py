"""The question types: one spec per type, the only place a type's rules live.

A question type is part of the pack format, so everything wsw knows about one is here, in its
spec: how a typed answer is parsed (with a message when it will not do), how a value from an
answers file or a draft is checked, its JSON Schema, how it reads in a note, how it is shown
at a prompt, and whether it takes several lines. Adding a type means adding one spec and one
`case` in `spec_for`, which mypy keeps exhaustive.

Values are plain JSON-ready data, so drafts, answers files and notes share one format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, assert_never

from wsw.packs.models import AGE_BANDS, Choice, Question, QuestionType
from wsw.text.markdown import date_words, escape, paragraphs, strip_controls

SCALE_MIN, SCALE_MAX = 0, 10
Action = dict[str, str]
Value = str | bool | int | list[str] | list[Action]
Answers = dict[str, Value]
Labels = Mapping[str, str]

AGE_BAND_LABELS = {
    "under-1": "Under 1",
    "1-5": "1 to 5",
    "6-10": "6 to 10",
    "11-15": "11 to 15",
    "16-17": "16 to 17",
}
ACTION_KEYS = ("action", "owner", "due")


class BadValue(ValueError):
    """An answer that does not fit its question; the message says what would."""


class BadLines(BadValue):
    """Some lines of a multi-line answer do not fit: the good ones are kept to go on with.

    `problems` are (line number, what is wrong) pairs; the message names each line.
    """

    def __init__(self, good: list[str], problems: list[tuple[int, str]]) -> None:
        self.good = good
        self.problems = problems
        said = " ".join(f"Line {n} will not do ({why})." for n, why in problems)
        kept = len(good)
        if kept:
            said += f" {'The good line is' if kept == 1 else f'The {kept} good lines are'} kept."
        super().__init__(said)


def choices_for(question: Question, theme_titles: Mapping[str, str]) -> list[Choice]:
    """The question's choices, filling `choices_from` from the library."""
    if question.choices is not None:
        return list(question.choices)
    if question.choices_from == "themes":
        return [Choice(value=k, label=v) for k, v in theme_titles.items()]
    if question.choices_from == "age-bands":
        return [Choice(value=b, label=AGE_BAND_LABELS[b]) for b in AGE_BANDS]
    return []


# -- reading dates and actions ------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    cleaned = text.strip().lower()
    today = today or dt.date.today()
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + dt.timedelta(days=1)
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise BadValue(_why_not_a_date(text.strip()))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")


def _why_not_a_date(text: str) -> str:
    """What is wrong with a date that looks like one ("31/11/2026: November has 30 days")."""
    import calendar

    match = _NUMERIC_DATE.fullmatch(text)
    if match is not None:
        d, m, y = match.group(1, 2, 3) if match.group(1) else match.group(6, 5, 4)
        day, month, year = int(d), int(m), int(y) + (2000 if len(y) == 2 else 0)
        if not 1 <= month <= 12:
            return f"{text}: there is no month {month} (day/month/year, or year-month-day)"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            name = calendar.month_name[month] + (f" {year}" if month == 2 else "")
            return f"{text}: {name} has {days} days"
    if len(text) <= 20 and any(c.isdigit() for c in text):  # a date mistyped, not an answer
        return f"{text}: not a date I can read; use 2026-12-01, 1/12/2026 or 'today'"
    return "That is not a date I can read: use 2026-12-01, 1/12/2026 or 'today'."


_TIME = re.compile(r"\s*(?:at|by)?\s*(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|\d{1,2}[:.]\d{2})$", re.I)


def parse_action(line: str, today: dt.date | None = None) -> Action:
    """`action | owner | due`: the action is required; owner and due date may follow.

    A time after the due date ("today 15:00", "tomorrow 9am") is kept with the action, as
    "(by 15:00)": what must happen today often has an hour.
    """
    parts = [p.strip() for p in re.split(r"\s*[|;]\s*", line.strip())]
    if not parts[0]:
        raise BadValue("each action needs a description: 'action | owner | due date'")
    if len(parts) > 3:
        raise BadValue("use at most two separators: 'action | owner | due date'")
    action, owner = parts[0], parts[1] if len(parts) > 1 else ""
    due_text = parts[2] if len(parts) > 2 else ""
    time = _TIME.search(due_text) if due_text else None
    if time is not None:
        due_text = due_text[: time.start()].strip() or "today"
        action = f"{action} (by {time.group(1).replace(' ', '')})"
    due = parse_date(due_text, today).isoformat() if due_text else ""
    return {"action": action, "owner": owner, "due": due}


_RELATIVE = re.compile(r"today(?:\s*([+-])\s*(\d{1,3}))?")


def relative_date(value: Any, today: dt.date) -> Any:
    """`today`, `today+3` or `today-2` as an ISO date; anything else unchanged.

    Scenarios write their dates this way, so a demo's dates fall around the day it is run.
    """
    match = _RELATIVE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return value
    sign, days = match.groups()
    offset = int(days or 0) * (-1 if sign == "-" else 1)
    return (today + dt.timedelta(days=offset)).isoformat()


def with_dates_resolved(question: Question, value: Any, today: dt.date) -> Any:
    """A scenario's example answer with its relative dates (its own, or actions' due dates)."""
    if question.type == "date":
        return relative_date(value, today)
    if question.type == "actions" and isinstance(value, list):
        return [
            {**item, "due": relative_date(item.get("due"), today)}
            if isinstance(item, dict) and "due" in item
            else item
            for item in value
        ]
    return value


def _choice(raw: str, choices: Sequence[Choice]) -> str:
    """A choice by its number, its words, or the start of them ("private" for "Private law")."""
    text = raw.strip()
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].value
    typed = text.casefold()
    for choice in choices:
        if typed in (choice.value.casefold(), choice.label.casefold()):
            return choice.value
    starts = [c for c in choices if typed and _starts(c, typed)]
    if len(starts) == 1:
        return starts[0].value
    if len(starts) > 1:
        names = ", ".join(c.label for c in starts[:4])
        raise BadValue(f"That could be {names}: type more of it, or its number.")
    raise BadValue(f"Choose a number from 1 to {len(choices)}.")


def _starts(choice: Choice, typed: str) -> bool:
    """Whether what was typed begins the choice's label or value, or one of its words."""
    label = choice.label.casefold()
    words = label.replace("(", " ").replace(",", " ").split()
    return (
        label.startswith(typed)
        or choice.value.casefold().startswith(typed)
        or any(w.startswith(typed) for w in words)
    )


def _values(choices: Sequence[Choice]) -> list[str]:
    return [c.value for c in choices]


# -- the specs ----------------------------------------------------------------------------------


class QuestionSpec:
    """What one question type means everywhere. Subclasses override what differs."""

    multiline = False
    summary = ""  # how the type reads in `wsw prompts` and the answers schema

    def takes_lines(self, question: Question) -> bool:
        """Whether the answer is typed over several lines, ended by an empty line."""
        return self.multiline

    def hint(self, question: Question) -> str:
        raise NotImplementedError

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        """What was typed at a prompt (one line, or the lines of a multi-line answer)."""
        raise NotImplementedError

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        """A value read from an answers file or a draft; raises BadValue ("should be ...")."""
        raise NotImplementedError

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        """The value as Markdown for the note's body."""
        return escape(self.show(value, labels))

    def show(self, value: Value, labels: Labels) -> str:
        """The value in a line, as the terminal shows a current or example answer."""
        return labels.get(str(value), str(value))


class TextSpec(QuestionSpec):
    def takes_lines(self, question: Question) -> bool:
        return question.multiline

    def hint(self, question: Question) -> str:
        return "Type your answer" + ("; finish with an empty line." if question.multiline else ".")

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        text = "\n".join(lines).strip()
        if not text:
            raise BadValue("Type an answer, or :skip if it is optional.")
        return text

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if isinstance(value, str) and value.strip():
            return value
        raise BadValue("should be text")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        text = str(value)
        samples = [s for s in (question.example, question.help) if s]
        flag = ""
        if any(text.strip().casefold() == s.strip().casefold() for s in samples):
            flag = " _(Flag: this is the example text, not an answer.)_"
        return paragraphs(text) + flag

    def show(self, value: Value, labels: Labels) -> str:
        return str(value)


class ListSpec(QuestionSpec):
    multiline = True

    def hint(self, question: Question) -> str:
        return "One item per line; finish with an empty line."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        items = [line.strip().lstrip("-*• ").strip() for line in lines]
        return [item for item in items if item]

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v for v in value if v.strip()]
        raise BadValue("should be a list of short texts")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        items = value if isinstance(value, list) else []
        return "\n".join(f"- {escape(str(item))}" for item in items) if items else "_None._"

    def show(self, value: Value, labels: Labels) -> str:
        items = value if isinstance(value, list) else []
        return "; ".join(str(item) for item in items) if items else "(none)"


class ChoiceSpec(QuestionSpec):
    def hint(self, question: Question) -> str:
        return "Type the number of your choice."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        return _choice("\n".join(lines), choices)

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if isinstance(value, str) and value in _values(choices):
            return value
        raise BadValue(f"should be one of: {', '.join(_values(choices))}")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "string", "enum": _values(choices)}


class MultichoiceSpec(QuestionSpec):
    def hint(self, question: Question) -> str:
        return "Type the numbers that apply, separated by commas."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        parts = [p for p in re.split(r"[,\s]+", "\n".join(lines)) if p]
        return list(dict.fromkeys(_choice(part, choices) for part in parts))

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        values = _values(choices)
        if isinstance(value, str) and value in values:
            return [value]  # an answer from when the question took one choice
        if isinstance(value, list) and all(isinstance(v, str) and v in values for v in value):
            return list(dict.fromkeys(value))
        raise BadValue(f"should be a list of: {', '.join(values)}")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        # As `check` reads it: a list (repeats dropped), or one value from when the question
        # took one choice.
        items = {"type": "string", "enum": _values(choices)}
        return {"anyOf": [{"type": "array", "items": items}, items]}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        items = value if isinstance(value, list) else []
        chosen = [escape(labels.get(str(v), str(v))) for v in items]
        return ", ".join(chosen) if chosen else "_None chosen._"

    def show(self, value: Value, labels: Labels) -> str:
        items = value if isinstance(value, list) else []
        return "; ".join(labels.get(str(v), str(v)) for v in items) if items else "(none)"


class YesNoSpec(QuestionSpec):
    def hint(self, question: Question) -> str:
        return "Type y or n."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        text = "\n".join(lines).strip().lower()
        if text in ("y", "yes"):
            return True
        if text in ("n", "no"):
            return False
        raise BadValue("Answer yes or no (y/n).")

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if isinstance(value, bool):
            return value
        raise BadValue("should be true or false")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "boolean"}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        return "Yes" if value else "No"

    def show(self, value: Value, labels: Labels) -> str:
        return "yes" if value else "no"


class ScaleSpec(QuestionSpec):
    def hint(self, question: Question) -> str:
        return f"Type a number from {SCALE_MIN} to {SCALE_MAX}."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        text = "\n".join(lines).strip()
        if re.fullmatch(r"\d{1,2}", text) and SCALE_MIN <= int(text) <= SCALE_MAX:
            return int(text)
        raise BadValue(f"Give a whole number from {SCALE_MIN} to {SCALE_MAX}.")

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if is_int and SCALE_MIN <= value <= SCALE_MAX:
            return int(value)
        raise BadValue(f"should be a whole number from {SCALE_MIN} to {SCALE_MAX}")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "integer", "minimum": SCALE_MIN, "maximum": SCALE_MAX}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        return f"{value} out of {SCALE_MAX}"


class DateSpec(QuestionSpec):
    def hint(self, question: Question) -> str:
        return "Type a date, e.g. 2026-12-01 or 1/12/2026."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        return parse_date("\n".join(lines), today).isoformat()

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise BadValue("should be a date like 2026-12-01")

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "string", "format": "date"}

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        return date_words(str(value))


class ActionsSpec(QuestionSpec):
    multiline = True

    def hint(self, question: Question) -> str:
        return "One action per line as: action | owner | due date. Finish with an empty line."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        """Every line an action; a line that will not do is named, the good ones kept."""
        actions: list[Action] = []
        good: list[str] = []
        problems: list[tuple[int, str]] = []
        for n, line in enumerate((line for line in lines if line.strip()), 1):
            try:
                actions.append(parse_action(line, today))
                good.append(line)
            except BadValue as exc:
                problems.append((n, str(exc)))
        if problems:
            raise BadLines(good, problems)
        return list(actions)

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if not isinstance(value, list):
            raise BadValue("should be a list of {action, owner, due}")
        return [self._check_one(item) for item in value]

    @staticmethod
    def _check_one(item: Any) -> Action:
        if not isinstance(item, dict) or not isinstance(item.get("action"), str):
            raise BadValue("each action needs at least an 'action' text")
        unknown = [k for k in item if k not in ACTION_KEYS]
        if unknown:
            raise BadValue(f"an action has {len(unknown)} unknown key(s); use action, owner, due")
        due = item.get("due") or ""
        if isinstance(due, dt.date):
            due = due.isoformat()
        elif due:
            try:
                due = dt.date.fromisoformat(str(due)).isoformat()
            except ValueError:
                raise BadValue("an action's due date should look like 2026-12-01") from None
        return {"action": item["action"], "owner": str(item.get("owner") or ""), "due": due}

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["action"],
                "additionalProperties": False,
                "properties": {
                    "action": {"type": "string", "minLength": 1},
                    "owner": {"type": "string"},
                    "due": {"type": "string", "format": "date"},
                },
            },
        }

    def render(self, question: Question, value: Value, labels: Labels) -> str:
        actions = [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []
        if not actions:
            return "_No actions recorded._"
        rows = ["| Action | Owner | Due |", "| --- | --- | --- |"]
        for a in actions:
            cells = [
                escape(a.get("action", "")),
                escape(a.get("owner", "")) or "-",
                date_words(a["due"]) if a.get("due") else "-",
            ]
            rows.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
        return "\n".join(rows)

    def show(self, value: Value, labels: Labels) -> str:
        actions = [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []
        parts = [" | ".join(v for v in a.values() if v) for a in actions]
        return "; ".join(parts) if parts else "(none)"


CASE_REF_MAX = 80


def case_ref_problem(text: str) -> str | None:
    """Why a case reference will not do, or None: one line, short, and nothing identifying.

    The reference is kept in every note of the case and in the case index, so the same
    privacy check as the note's applies to it (NHS numbers, dates of birth, postcodes...).
    """
    from wsw.privacy import find_identifiers

    if not text.strip():
        return "should be a pseudonymous case reference"
    if "\n" in text.strip() or len(text.strip()) > CASE_REF_MAX:
        return f"should be one line of at most {CASE_REF_MAX} characters"
    found = find_identifiers(text)
    if found:
        return f"looks like it contains an identifier ({found[0].kind}): use a pseudonym"
    return None


class CaseSpec(QuestionSpec):
    """Which case a reflection is about: a known one by its number, or a new reference.

    The known cases are the question's choices (filled by the session from the case index,
    most recent first); anything else typed is a new pseudonymous reference.
    """

    def hint(self, question: Question) -> str:
        return "Type the number of a case above, or a new pseudonymous reference."

    def parse(
        self, question: Question, lines: list[str], choices: Sequence[Choice], today: dt.date
    ) -> Value:
        text = " ".join(line.strip() for line in lines).strip()
        if text.isdigit() and choices:
            if 1 <= int(text) <= len(choices):
                return choices[int(text) - 1].value
            raise BadValue(f"Choose a case from 1 to {len(choices)}, or type a new reference.")
        for choice in choices:
            if text.casefold() == choice.value.casefold():
                return choice.value
        problem = case_ref_problem(text)
        if problem:
            raise BadValue(f"The case reference {problem}.")
        return text

    def check(self, value: Any, choices: Sequence[Choice]) -> Value:
        if not isinstance(value, str):
            raise BadValue("should be a pseudonymous case reference")
        problem = case_ref_problem(value)
        if problem:
            raise BadValue(problem)
        return value.strip()

    def schema(self, choices: Sequence[Choice]) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": CASE_REF_MAX}

    def show(self, value: Value, labels: Labels) -> str:
        return str(value)


TEXT, LIST, CHOICE, MULTICHOICE = TextSpec(), ListSpec(), ChoiceSpec(), MultichoiceSpec()
YESNO, SCALE, DATE, ACTIONS = YesNoSpec(), ScaleSpec(), DateSpec(), ActionsSpec()
CASE = CaseSpec()


def spec_for(kind: QuestionType) -> QuestionSpec:
    """The spec of a question type; mypy checks that every type has one."""
    match kind:
        case "text":
            return TEXT
        case "list":
            return LIST
        case "choice":
            return CHOICE
        case "multichoice":
            return MULTICHOICE
        case "yesno":
            return YESNO
        case "scale":
            return SCALE
        case "date":
            return DATE
        case "actions":
            return ACTIONS
        case "case":
            return CASE
        case _:
            assert_never(kind)


# -- the two doors ------------------------------------------------------------------------------


def parse_typed(
    question: Question,
    raw: str | list[str],
    choices: Sequence[Choice],
    today: dt.date | None = None,
) -> Value:
    """A typed answer as a value. `raw` is one line, or the lines of a multi-line answer."""
    lines = [raw] if isinstance(raw, str) else list(raw)
    return spec_for(question.type).parse(question, lines, choices, today or dt.date.today())


def check_value(question: Question, value: Any, choices: Sequence[Choice]) -> Value:
    """A value from any source (the terminal, a group, an answers file, a draft being
    resumed, a scenario), checked against its question: the one check every answer passes.

    Control and bidi-override characters are taken out of every string first: typed at a
    prompt they are already gone, and a file must not bring back what the prompt removes.
    """
    return spec_for(question.type).check(without_controls(value), choices)


def without_controls(value: Any) -> Any:
    """Strings (in lists and mappings too) without control or bidi-override characters."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: without_controls(v) for k, v in value.items()}
    return value


def takes_lines(question: Question) -> bool:
    return spec_for(question.type).takes_lines(question)
