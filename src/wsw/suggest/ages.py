"""Reading children's ages out of case information ("a four month old baby", "Jayden (7)").

Inferred bands only nudge the ranking; bands the practitioner states are authoritative.
"""

from __future__ import annotations

import re

from wsw.packs.models import AgeBand

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "a": 1,
    "an": 1,
}
_NUM = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_SEP = r"[\s-]*"
_UNIT_OLD = re.compile(
    rf"\b{_NUM}{_SEP}(day|week|month|year|yr)s?{_SEP}old\b|\baged?\s+{_NUM}\b(?:\s*(month|week))?",
    re.IGNORECASE,
)
_BRACKET_AGE = re.compile(
    r"\((\d{1,2})\s*(months?|mths?|m|weeks?|wks?|w|years?|yrs?|y/?o)?\s*[,);]", re.IGNORECASE
)
_PREGNANT = re.compile(
    r"\b(pregnan\w*|unborn|pre-?birth|\d{1,2}/40)\b|\b\d{1,2}/52\b", re.IGNORECASE
)
_YEARS_MONTHS = re.compile(r"\((\d{1,2})\s*y\s*(\d{1,2})\s*m\)", re.IGNORECASE)
_INFANT_WORDS = re.compile(
    r"\b(baby|babies|newborn|new-born|infant|unborn|neonat\w*)\b", re.IGNORECASE
)


def _value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def band_for_age(years: int) -> AgeBand | None:
    if years < 1:
        return "under-1"
    if years <= 5:
        return "1-5"
    if years <= 10:
        return "6-10"
    if years <= 15:
        return "11-15"
    if years <= 17:
        return "16-17"
    return None


def infer_age_bands(text: str) -> list[AgeBand]:
    """Age bands mentioned in the text, in the order first mentioned."""
    found: list[AgeBand] = []

    def add(band: AgeBand | None) -> None:
        if band and band not in found:
            found.append(band)

    for m in _UNIT_OLD.finditer(text):
        if m.group(1):
            number, unit = _value(m.group(1)), m.group(2).lower()
        else:
            number, unit = _value(m.group(3)), (m.group(4) or "year").lower()
        if unit in ("day", "week") or (unit == "month" and number < 12):
            add("under-1")
        elif unit == "month":
            add(band_for_age(number // 12))
        else:
            add(band_for_age(number))
    for m in _BRACKET_AGE.finditer(text):
        number, unit = int(m.group(1)), (m.group(2) or "y").lower()
        if unit.startswith("w") or (unit.startswith("m") and number < 12):
            add("under-1")
        elif unit.startswith("m"):
            add(band_for_age(number // 12))
        else:
            add(band_for_age(number))
    for m in _YEARS_MONTHS.finditer(text):
        add(band_for_age(int(m.group(1))))
    if _INFANT_WORDS.search(text) or _PREGNANT.search(text):
        add("under-1")
    return found
