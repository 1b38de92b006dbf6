"""Finding identifiers in what practitioners type, before a note leaves their hands.

Notes for supervision should carry roles, not identities, yet people type NHS numbers,
postcodes and dates of birth without thinking. This module points at them, offline, with
nothing but patterns and published check digits: it never changes the text, so a false alarm
costs a glance while a miss could cost a child's privacy. Where in doubt it reports.

Offsets always index the text exactly as given. Names are matched on folded word tokens
(case, accents and Unicode composition ignored) whose boundaries come from the original
characters, so no mapping between normalised and original text is ever needed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

KINDS = (
    "nhs-number",
    "ni-number",
    "postcode",
    "phone",
    "email",
    "date-of-birth",
    "date",
    "case-number",
    "name",
)


@dataclass(frozen=True)
class Finding:
    """Something in the text that could identify a person.

    `note` is empty unless it says more than `kind` does. A past date is a `date-of-birth`
    only just after a birth word ("DOB", "born"); any other past date is a `date`, reported
    as weak: it may be a date of birth, or a meeting.
    """

    kind: str
    start: int
    end: int
    text: str
    note: str = ""

    @property
    def strength(self) -> str:
        """'strong': this shape identifies someone (a check digit passes, a birth word is
        near); 'weak': it only may (a past date alone, ten digits failing the NHS check)."""
        weak = self.kind == "date" or self.note == POSSIBLE_NHS_NOTE
        return "weak" if weak else "strong"


@dataclass(frozen=True)
class Scan:
    """Structured identifiers, and every span any detector claimed.

    Redaction must leave names inside any claimed span alone, even one that lost to a longer
    overlapping identifier; otherwise half an identifier could be rewritten.
    """

    findings: tuple[Finding, ...]
    claimed: tuple[tuple[int, int], ...]


def find_identifiers(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Sorted by start; overlapping findings resolved so the longest/most specific wins."""
    scan = scan_structured(text)
    spans = match_names(text, [(name, "name") for name in names], blocked=scan.claimed)
    found = [Finding("name", s.start, s.end, text[s.start : s.end]) for s in spans]
    return sorted([*scan.findings, *found], key=lambda f: f.start)


# --- NHS numbers -----------------------------------------------------------------------------


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit for nine digits, or None where no valid number can exist."""
    if len(first_nine) != 9 or not (first_nine.isascii() and first_nine.isdigit()):
        raise ValueError("an NHS number check needs exactly nine digits")
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_valid_nhs_number(number: str) -> bool:
    """True if, ignoring spaces and hyphens, this is ten digits with a correct check digit."""
    digits = number.replace(" ", "").replace("-", "")
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()):
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


# --- Structured detectors --------------------------------------------------------------------
# Each pattern is bounded (no unbounded repeats inside repeats), so scanning stays linear.

def _lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled the first time it is used, then kept.

    Many commands import this module on the way to something else (listing drafts, the
    suggestions); compiling every identifier pattern up front cost them about 7 ms.
    """
    return cache(lambda: re.compile(pattern, flags))


_NHS = _lazy(r"(?<!\w)[0-9]{3}(?P<sep>[ -]?)[0-9]{3}(?P=sep)[0-9]{4}(?!\w)")
_NI = _lazy(r"(?<!\w)[A-Za-z]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-Da-d](?!\w)")
_CASE = _lazy(r"(?<!\w)[A-Za-z]{2}[0-9]{2}[A-Za-z][0-9]{5}(?!\w)")
# Inward codes never use C, I, K, M, O or V, which keeps "M6 5am"-like text out.
_POSTCODE = _lazy(
    r"(?<!\w)[A-Za-z]{1,2}[0-9][A-Za-z0-9]?[ \u00a0]?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?!\w)"
)
_EMAIL = _lazy(
    r"(?<![\w%+'-])[\w%+'-][\w.%+'-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])"
)
_PHONE = _lazy(
    r"(?<![\w+])(?P<prefix>(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|\(0[0-9]{1,4}\)[ -]?|0(?!044))"
    r"(?P<body>[0-9](?:[ -]?[0-9]){3,12})"
)
_NUMERIC_DATE = _lazy(
    r"(?<![\w./-])(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![\w]|[./-][0-9])"
)
_ISO_DATE = _lazy(
    r"(?<![\w./-])(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![\w]|[./-][0-9])"
)
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH_DATE = _lazy(
    rf"(?<!\w)(?P<day>[0-9]{{1,2}}){_ORDINAL}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH},?\s{{1,3}}"
    r"(?P<year>[0-9]{4})(?!\w)",
    re.IGNORECASE,
)
# 22-Aug-1987, 22/Aug/1987, 22.aug.87: a month's name between the same two separators.
_BARE_MONTH = _MONTH.removesuffix(r"\.?")
_DASHED_MONTH_DATE = _lazy(
    rf"(?<![\w./-])(?P<day>[0-9]{{1,2}})(?P<sep>[-/.]){_BARE_MONTH}(?P=sep)"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![\w]|[./-][0-9])",
    re.IGNORECASE,
)
_MONTH_DAY_DATE = _lazy(
    rf"(?<!\w){_MONTH}\s{{1,3}}(?P<day>[0-9]{{1,2}}){_ORDINAL},?\s{{1,3}}(?P<year>[0-9]{{4}})(?!\w)",
    re.IGNORECASE,
)
_BIRTH_WORDS = _lazy(r"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born)(?!\w)", re.IGNORECASE)
_NEAR = 30
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Lower wins a tie between two equally long overlapping candidates.
_RANK = {
    "nhs-number": 0,
    "ni-number": 1,
    "case-number": 2,
    "email": 3,
    "postcode": 4,
    "phone": 5,
    "possible-nhs": 6,
    "date-of-birth": 7,
    "date": 8,
}
POSSIBLE_NHS_NOTE = "possible NHS number (fails the check digit)"


@dataclass(frozen=True)
class _Candidate:
    finding: Finding
    rank: int


def scan_structured(text: str) -> Scan:
    """Every structured identifier, overlaps resolved, plus the spans all candidates claimed."""
    candidates = [c for detect in _DETECTORS for c in detect(text) if _bounded(text, c.finding)]
    claimed = tuple((c.finding.start, c.finding.end) for c in candidates)
    return Scan(tuple(_resolve(candidates, len(text))), claimed)


def _resolve(candidates: list[_Candidate], size: int) -> list[Finding]:
    taken = bytearray(size)
    kept: list[Finding] = []
    order = sorted(candidates, key=lambda c: (c.finding.start - c.finding.end, c.rank))
    for candidate in order:
        f = candidate.finding
        if taken.find(1, f.start, f.end) == -1:
            taken[f.start : f.end] = b"\x01" * (f.end - f.start)
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may overlap: a rejected match must not hide a valid one inside it."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _bounded(text: str, finding: Finding) -> bool:
    """Identifiers never start or end inside a word; combining marks count as part of one."""
    before = finding.start > 0 and _wordlike(text[finding.start - 1])
    after = finding.end < len(text) and _wordlike(text[finding.end])
    return not (before or after)


def _found(kind: str, m: re.Match[str], note: str = "", rank: str = "") -> _Candidate:
    finding = Finding(kind, m.start(), m.end(), m.group(0), note)
    return _Candidate(finding, _RANK[rank or kind])


def _nhs(text: str) -> Iterator[_Candidate]:
    for m in _matches(_NHS(), text):
        if is_valid_nhs_number(m.group(0)):
            yield _found("nhs-number", m, "passes the NHS modulus 11 check")
        elif m.group("sep"):
            yield _found("nhs-number", m, POSSIBLE_NHS_NOTE, rank="possible-nhs")


def _ni(text: str) -> Iterator[_Candidate]:
    for m in _matches(_NI(), text):
        yield _found("ni-number", m)


def _case(text: str) -> Iterator[_Candidate]:
    for m in _matches(_CASE(), text):
        yield _found("case-number", m)


def _postcode(text: str) -> Iterator[_Candidate]:
    for m in _matches(_POSTCODE(), text):
        yield _found("postcode", m)


def _email(text: str) -> Iterator[_Candidate]:
    for m in _matches(_EMAIL(), text):
        yield _found("email", m)


def _phone(text: str) -> Iterator[_Candidate]:
    for m in _matches(_PHONE(), text):
        end = _phone_end(m)
        if end is not None:
            finding = Finding("phone", m.start(), end, text[m.start() : end])
            yield _Candidate(finding, _RANK["phone"])


def _phone_end(m: re.Match[str]) -> int | None:
    """Where the number ends once trailing digit groups that cannot belong are dropped.

    Digits after the trunk 0 (or after +44) must number 9 or 10, so "07700 900123 12" is a
    phone number followed by something else, not an overlong number.
    """
    prefix, body = m.group("prefix"), m.group("body")
    while len(_national(prefix, body)) > 10:
        cut = max(body.rfind(" "), body.rfind("-"))
        if cut <= 0:
            return None
        body = body[:cut]
    national = _national(prefix, body)
    if len(national) < 9 or national.startswith("0"):
        return None
    return m.start("body") + len(body)


def _national(prefix: str, body: str) -> str:
    digits = _digits(body)
    if prefix.startswith(("+44", "0044")):
        return digits[1:] if digits.startswith("0") and "(0)" not in prefix else digits
    return _digits(prefix)[1:] + digits


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# --- Dates -----------------------------------------------------------------------------------


def _dates(text: str) -> Iterator[_Candidate]:
    for m in _matches(_NUMERIC_DATE(), text):
        yield from _date_candidate(text, m, *_numeric_dmy(m))
    for m in _matches(_ISO_DATE(), text):
        yield from _date_candidate(text, m, m["day"], m["month"], m["year"])
    for pattern in (_DAY_MONTH_DATE(), _MONTH_DAY_DATE(), _DASHED_MONTH_DATE()):
        for m in _matches(pattern, text):
            yield from _date_candidate(text, m, m["day"], _month_number(m["month"]), m["year"])


def _month_number(word: str) -> str:
    """Case-insensitive matching lets in look-alikes ("ſep" for "sep"); folding maps them back."""
    key = name_key(word)[:3]
    return str(_MONTHS.index(key) + 1) if key in _MONTHS else "0"


def _numeric_dmy(m: re.Match[str]) -> tuple[str, str, str]:
    """Day first, as written in England; month first only when day first is impossible."""
    a, b, year = m["a"], m["b"], m["year"]
    if _as_date(a, b, year) is None and _as_date(b, a, year) is not None:
        return b, a, year
    return a, b, year


def _date_candidate(
    text: str, m: re.Match[str], day: str, month: str, year: str
) -> Iterator[_Candidate]:
    """A date someone could have been born on: never a future one, nor today without a
    birth word (a note's own date, an action due today). Just after a birth word it is a
    date of birth; otherwise a past date, which only may be one."""
    date = _as_date(day, month, year)
    if date is None or date > dt.date.today():
        return
    note = _date_note(text, m.start())
    if note:
        yield _found("date-of-birth", m, note)
    elif date < dt.date.today():
        yield _found("date", m, NO_BIRTH_WORD)


NO_BIRTH_WORD = "no birth word near it"


def _as_date(day: str, month: str, year: str) -> dt.date | None:
    """The calendar date, if it is a real one a living person could have been born on."""
    this_year = dt.date.today().year
    full_year = int(year)
    if len(year) == 2:
        full_year += 2000 if full_year <= this_year % 100 else 1900
    if not 1900 <= full_year <= this_year:
        return None
    try:
        return dt.date(full_year, int(month), int(day))
    except ValueError:
        return None


def _date_note(text: str, start: int) -> str:
    """A date just after "DOB" or "born" is almost certainly one; others only may be."""
    window = max(0, start - _NEAR - 20)
    for m in _BIRTH_WORDS().finditer(text, window, start):
        if start - m.end() <= _NEAR:
            return f"near '{m.group(0)}'"
    return ""


_DETECTORS: tuple[Callable[[str], Iterator[_Candidate]], ...] = (
    _nhs,
    _ni,
    _case,
    _postcode,
    _email,
    _phone,
    _dates,
)


# --- Names -----------------------------------------------------------------------------------
# A declared name becomes "units": the full name, each word of it, and each piece of a
# hyphenated word, as sequences of folded tokens. Matching is whole-token, so "Jay" never
# matches inside "Jayden". Adjacent matches separated only by spaces form a run, and a run
# resolves to whichever label all its parts share: "Kelly Thompson" is Mother even though
# "Thompson" alone could also be Child A.

_APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u2032`")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "jr", "jnr", "sr", "snr", "ii", "iii", "iv"}
)
_LONGEST_GAP = 64
_BRACKET_TAIL = _lazy(r"[.,;:!?'\u2019]{0,3}\)")


@dataclass(frozen=True)
class NameSpan:
    """A stretch of text that is a declared name; more than one label means it is ambiguous."""

    start: int
    end: int
    labels: tuple[str, ...]


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class _Unit:
    keys: tuple[str, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class _Hit:
    first: int
    last: int
    labels: frozenset[str]


_Index = dict[str, list[tuple[_Unit, frozenset[str]]]]


def name_key(text: str) -> str:
    """The form two spellings of a name share: no case, no accents, no composition choice."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _wordlike(ch: str) -> bool:
    if ch.isalnum() or ch == "_":
        return True
    return not ch.isascii() and unicodedata.category(ch).startswith("M")


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    start = -1
    for i, ch in enumerate(text):
        if _wordlike(ch):
            start = i if start < 0 else start
        elif start >= 0:
            tokens.append(_Token(start, i, name_key(text[start:i])))
            start = -1
    if start >= 0:
        tokens.append(_Token(start, len(text), name_key(text[start:])))
    return tokens


def _canonical_gap(gap: str) -> str:
    """Gaps compare loosely: any spacing is one space, any apostrophe or hyphen the plain one."""
    if len(gap) > _LONGEST_GAP:
        return "\x00"
    out: list[str] = []
    for ch in gap:
        c = " " if ch.isspace() else "'" if ch in _APOSTROPHES else "-" if ch in _HYPHENS else ch
        if not (c == " " and out and out[-1] == " "):
            out.append(c)
    return "".join(out)


def match_names(
    text: str,
    declared: Iterable[tuple[str, str]],
    blocked: Iterable[tuple[int, int]] = (),
    shielded: Iterable[str] = (),
) -> list[NameSpan]:
    """Where declared (name, label) pairs occur, outside blocked spans and shielded phrases.

    Shielded phrases are the roles names get replaced by: they must never be taken for names,
    or a second pass would rewrite the first pass's output.
    """
    pairs = list(declared)
    index = _build_index(pairs)
    if not index:
        return []
    tokens = _tokenise(text)
    usable = _usable(tokens, len(text), blocked, shielded)
    order = {label: i for i, (_, label) in reversed(list(enumerate(pairs)))}
    hits = _hits(text, tokens, index, usable)
    segments = [seg for run in _runs(text, tokens, hits) for seg in _segments(run)]
    return [_closed(text, _span(tokens, seg, order)) for seg in segments]


def _build_index(pairs: Sequence[tuple[str, str]]) -> _Index:
    labels: dict[_Unit, set[str]] = {}
    for name, label in pairs:
        for unit in _units_of(name):
            labels.setdefault(unit, set()).add(label)
    index: _Index = {}
    for unit, found in labels.items():
        index.setdefault(unit.keys[0], []).append((unit, frozenset(found)))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0].keys))
    return index


def _units_of(name: str) -> list[_Unit]:
    words = name.split()
    units = [_sequence(" ".join(words))]
    for word in words:
        sequence = _sequence(word)
        units.append(sequence)
        units.extend(_pieces(sequence))
    return [unit for unit in dict.fromkeys(units) if _eligible(unit)]


def _sequence(text: str) -> _Unit:
    tokens = _tokenise(text)
    gaps = tuple(_canonical_gap(text[a.end : b.start]) for a, b in pairwise(tokens))
    return _Unit(tuple(t.key for t in tokens), gaps)


def _pieces(unit: _Unit) -> list[_Unit]:
    """The parts of a hyphenated word, each of which people also use on its own."""
    pieces: list[_Unit] = []
    keys: list[str] = list(unit.keys[:1])
    gaps: list[str] = []
    for gap, key in zip(unit.gaps, unit.keys[1:], strict=True):
        if gap == "-":
            pieces.append(_Unit(tuple(keys), tuple(gaps)))
            keys, gaps = [key], []
        else:
            keys.append(key)
            gaps.append(gap)
    return [*pieces, _Unit(tuple(keys), tuple(gaps))] if pieces else []


def _eligible(unit: _Unit) -> bool:
    """Single letters and titles alone ("A", "Mr") would match far too much to mean anyone."""
    letters = sum(ch.isalpha() for key in unit.keys for ch in key)
    return letters >= 2 and any(key not in _HONORIFICS for key in unit.keys)


def _usable(
    tokens: list[_Token], size: int, blocked: Iterable[tuple[int, int]], shielded: Iterable[str]
) -> list[bool]:
    claimed = bytearray(size)
    for start, end in blocked:
        start, end = max(start, 0), min(end, size)
        claimed[start:end] = b"\x01" * max(end - start, 0)
    usable = [claimed.find(1, t.start, t.end) == -1 for t in tokens]
    for i in _shielded_tokens(tokens, shielded):
        usable[i] = False
    return usable


def _shielded_tokens(tokens: list[_Token], phrases: Iterable[str]) -> set[int]:
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        keys = tuple(t.key for t in _tokenise(phrase))
        if keys:
            by_first.setdefault(keys[0], set()).add(keys)
    found: set[int] = set()
    for i, token in enumerate(tokens):
        for keys in by_first.get(token.key, ()):
            if tuple(t.key for t in tokens[i : i + len(keys)]) == keys:
                found.update(range(i, i + len(keys)))
    return found


def _hits(text: str, tokens: list[_Token], index: _Index, usable: list[bool]) -> list[_Hit]:
    gaps: dict[int, str] = {}

    def gap(i: int) -> str:
        if i not in gaps:
            gaps[i] = _canonical_gap(text[tokens[i].end : tokens[i + 1].start])
        return gaps[i]

    hits: list[_Hit] = []
    i = 0
    while i < len(tokens):
        hit = _hit_at(i, tokens, index, usable, gap)
        hits += [hit] if hit else []
        i = hit.last + 1 if hit else i + 1
    return hits


def _hit_at(
    i: int, tokens: list[_Token], index: _Index, usable: list[bool], gap: Callable[[int], str]
) -> _Hit | None:
    """The longest unit starting at token i: full name before first name."""
    for unit, labels in index.get(tokens[i].key, ()):
        last = i + len(unit.keys) - 1
        if last < len(tokens) and _fits(unit, i, tokens, usable, gap):
            return _Hit(i, last, labels)
    return None


def _fits(
    unit: _Unit, i: int, tokens: list[_Token], usable: list[bool], gap: Callable[[int], str]
) -> bool:
    for k, key in enumerate(unit.keys):
        if not usable[i + k] or tokens[i + k].key != key:
            return False
        if k and gap(i + k - 1) != unit.gaps[k - 1]:
            return False
    return True


def _runs(text: str, tokens: list[_Token], hits: list[_Hit]) -> list[list[_Hit]]:
    runs: list[list[_Hit]] = []
    for hit in hits:
        if runs and _adjacent(text, tokens, runs[-1][-1], hit):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return runs


def _adjacent(text: str, tokens: list[_Token], a: _Hit, b: _Hit) -> bool:
    return b.first == a.last + 1 and text[tokens[a.last].end : tokens[b.first].start].isspace()


def _segments(run: list[_Hit]) -> Iterator[tuple[_Hit, _Hit, frozenset[str]]]:
    """Split a run into the longest stretches that mean one label, or else stay ambiguous.

    From each start, extend while the parts still share a label; end at the furthest point
    where exactly one label is shared, or, if none, where the sharing stops.
    """
    k = 0
    while k < len(run):
        shared = run[k].labels
        settled = (k, shared) if len(shared) == 1 else None
        reach = (k, shared)
        for j in range(k + 1, len(run)):
            shared = shared & run[j].labels
            if not shared:
                break
            reach = (j, shared)
            settled = reach if len(shared) == 1 else settled
        end, labels = settled or reach
        yield run[k], run[end], labels
        k = end + 1


def _span(
    tokens: list[_Token], segment: tuple[_Hit, _Hit, frozenset[str]], order: dict[str, int]
) -> NameSpan:
    first, last, labels = segment
    ordered = tuple(sorted(labels, key=lambda label: order[label]))
    return NameSpan(tokens[first.first].start, tokens[last.last].end, ordered)


def _closed(text: str, span: NameSpan) -> NameSpan:
    """A name written with an opening bracket ("O'Brien (Jr.)") takes its closing one along.

    Otherwise replacing the name would leave a stray ".)" after the role.
    """
    inside = text[span.start : span.end]
    if inside.count("(") <= inside.count(")"):
        return span
    tail = _BRACKET_TAIL().match(text, span.end)
    return NameSpan(span.start, tail.end(), span.labels) if tail else span
