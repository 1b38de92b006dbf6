"""Reading children's ages out of case information, in the forms practitioners write them.

"a four month old baby", "Jayden (7)", "Boy is 6", "10 wk old's", "6yo", "2/12" (months),
"7/52" (weeks), "18mo", "Y9", "kids are 4 and 6", "(3 & 7)", "Twins, 9 months,", "girl, 15,",
"says he's 16". A number is read as an age only
in one of these forms, so "Mother is 40", "40 miles" and "10:40" are never ages. Bands the
practitioner states are authoritative; bands read from the text hold back points for other
ages (see the engine).
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
    rf"\b{_NUM}{_SEP}(day|week|wk|month|mth|mo|year|yr)s?{_SEP}old\b"
    rf"|\baged?\s+{_NUM}\b(?:\s*(month|week))?",
    re.IGNORECASE,
)
# "6yo", "6 y/o", "14yrs", "18mo", "10 wks" (not "10 weeks pregnant": that is the next rule's)
_SHORT_AGE = re.compile(
    r"\b(\d{1,2})\s?(y/?o|yrs?|mo|mos|mths?|m/o|wks?|w/o)\b(?!\s*(?:pregnant|gestation))",
    re.IGNORECASE,
)
# "2/12" is two months, "7/52" seven weeks, "3/7" three days; "3/12/2024" is a date.
_FRACTION_AGE = re.compile(r"(?<![/\d])(\d{1,2})/(12|52|7)\b(?!/)")
# "Boy is 6", "Kai is 4": a child (or a name that is not a parent's) is N.
_ADULTS = (
    "mum|mother|dad|father|nan|gran|grandmother|grandad|partner|carer|aunt|uncle|"
    "stepdad|stepmum|she|he|it|this|that|there|which|who|what"
)
_IS_AGE = re.compile(
    rf"\b(?!(?:{_ADULTS})\b)(boy|girl|child|son|daughter|toddler|kid|[A-Z][a-z]+)\s+"
    r"(?:is|was|turned|turns|now)\s+(\d{1,2})\b(?!\s*(?:[:.,]\d|%|miles?|mins?|minutes|hours?|"
    r"times|(?:weeks?|wks?|months?|mths?)\s+pregnant|am|pm|o'clock|kg|cm))"
    r"(?:\s*(days?|weeks?|wks?|months?|mths?)\b)?",
)
# "Y9", "Yr 10", "Year 6": the child's school year (Year N is about N + 5 years old).
_SCHOOL_YEAR = re.compile(r"\b(?:Y|Yr|Year)\s?([1-9]|1[0-3])\b")
# "children are 4 and 6", "kids (3 & 7)", "aged 2 and 4", "(6 and 9)"
_AGE_LIST = re.compile(
    r"(?:\b(?:children|kids|boys|girls|twins|sons|daughters|siblings|cyp|aged|ages)"
    r"(?:\s+(?:are|aged|of|now))?[\s,(]+|\()"
    r"(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\b(?!\s*(?:[:.]\d|%|miles?|mins?|hours?|times))",
    re.IGNORECASE,
)
_BRACKET_AGE = re.compile(
    r"\((\d{1,2})\s*(months?|mths?|m|weeks?|wks?|w|years?|yrs?|y/?o)?\s*[,);]", re.IGNORECASE
)
_PREGNANT = re.compile(
    r"\b(pregnan\w*|unborn|pre-?birth|\d{1,2}/40)\b|\b\d{1,2}/52\b", re.IGNORECASE
)
# "Twins, 9 months,", "girl, 15,", "Baby, 6 weeks": a child, a comma, an age (no "old").
_NOUN_COMMA_AGE = re.compile(
    r"\b(?:baby|babies|twins|boy|girl|child|son|daughter|toddler|infant|newborn|kid|lad)"
    r"\s*,\s*(\d{1,2})\s*(days?|weeks?|wks?|months?|mths?|years?|yrs?)?(?:\s+old)?\s*[,;.)]",
    re.IGNORECASE,
)
# "says he's 16", "she is 15": a person is N (an adult's age gives no band: 18 and over).
_PRONOUN_AGE = re.compile(
    r"\b(?:he's|she's|he is|she is)\s+(\d{1,2})\b(?!\s*(?:[:./]\d|%|miles?|mins?|minutes|"
    r"hours?|times|(?:weeks?|wks?|months?|mths?)\s+pregnant|am|pm|o'clock|kg|cm))"
    r"(?:\s*(days?|weeks?|wks?|months?|mths?)\b)?",
    re.IGNORECASE,
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


def _band_in(number: int, unit: str) -> AgeBand | None:
    """The band of an age given in days, weeks, months or years."""
    if unit[0] in "dw" or (unit[0] == "m" and number < 12):
        return "under-1"
    return band_for_age(number // 12 if unit[0] == "m" else number)


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
        if unit[0] in "dw" or (unit[0] == "m" and number < 12):
            add("under-1")
        elif unit[0] == "m":
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
    for band in _practitioner_forms(text):
        add(band)
    if _INFANT_WORDS.search(text) or _PREGNANT.search(text):
        add("under-1")
    return found


def _practitioner_forms(text: str) -> list[AgeBand | None]:
    """Bands from the shorthand forms: "6yo", "2/12", "Boy is 6", "Y9", "kids are 4 and 6"."""
    bands: list[AgeBand | None] = []
    # a number and its unit, if any (years if none): "6yo", "Kiki is 5 months", "girl, 15,"
    for pattern, number, unit in _NUMBER_AND_UNIT:
        for m in pattern.finditer(text):
            bands.append(_band_in(int(m.group(number)), (m.group(unit) or "year").lower()))
    for m in _FRACTION_AGE.finditer(text):
        value, base = int(m.group(1)), m.group(2)
        if (base == "12" and value < 12) or (base == "52" and value < 52) or base == "7":
            bands.append("under-1")
    for m in _SCHOOL_YEAR.finditer(text):
        bands.append(band_for_age(int(m.group(1)) + 5))
    for m in _AGE_LIST.finditer(text):
        bands.extend(band_for_age(int(n)) for n in re.findall(r"\d{1,2}", m.group(1)))
    return bands


# Each form with the groups holding its number and its unit.
_NUMBER_AND_UNIT: tuple[tuple[re.Pattern[str], int, int], ...] = (
    (_SHORT_AGE, 1, 2),
    (_IS_AGE, 2, 3),
    (_NOUN_COMMA_AGE, 1, 2),
    (_PRONOUN_AGE, 1, 2),
)
