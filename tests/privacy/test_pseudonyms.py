"""Replacing declared names by roles: every variant, ambiguity, idempotence and offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wsw.privacy import Person, Redaction, redact
from wsw.privacy.detect import name_key

FAMILY = [
    Person("Jayden Thompson", "Child A"),
    Person("Kelly Thompson", "Mother"),
    Person("Zoë Clarke", "Social worker"),
]


def redacted(text: str, people: list[Person] = FAMILY) -> str:
    return redact(text, people).text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Jayden Thompson was seen.", "Child A was seen."),
        ("Jayden was seen.", "Child A was seen."),
        ("JAYDEN and jayden", "Child A and Child A"),
        ("Jayden's coat", "Child A's coat"),
        ("Jayden’s coat", "Child A’s coat"),
        ("Kelly Thompson's flat", "Mother's flat"),
        ("Zoe Clarke visited", "Social worker visited"),
        ("ZOË and zoe and Zoe\u0308", "Social worker and Social worker and Social worker"),
        ("Clarke visited", "Social worker visited"),
        ("Thompson, Kelly said", "Thompson, Mother said"),
        ("Kelly Jayden Thompson", "Mother Child A"),
    ],
)
def test_declared_names_become_roles(text: str, expected: str) -> None:
    assert redacted(text) == expected


def test_accents_match_either_way() -> None:
    people = [Person("Zoe Bronte", "Child B")]
    assert redacted("Zoë Brontë, Zoe\u0308 Bronte\u0308", people) == "Child B, Child B"


def test_composed_and_decomposed_declarations_match_both_forms() -> None:
    for declared in ("Zoë", "Zoe\u0308"):
        people = [Person(declared, "Child B")]
        assert redacted("Zoë and Zoe\u0308", people) == "Child B and Child B"


@pytest.mark.parametrize(
    "name,text",
    [("Jay", "Jayden"), ("Ann", "Anne and Annual"), ("Ann", "Joanne"), ("Lee", "Lee2")],
)
def test_only_whole_words_match(name: str, text: str) -> None:
    assert redacted(text, [Person(name, "Person 1")]) == text


def test_a_shared_surname_alone_is_left_and_flagged() -> None:
    result = redact("Thompson said Kelly Thompson and Jayden Thompson left.", FAMILY)
    assert result.text == "Thompson said Mother and Child A left."
    assert [(a.original, a.candidates) for a in result.ambiguous] == [
        ("Thompson", ("Child A", "Mother"))
    ]
    assert result.ambiguous[0].start == 0


def test_two_people_side_by_side_are_not_garbled() -> None:
    people = [Person("Kelly Thompson", "Parent 1"), Person("Jayden Thompson", "Child A")]
    assert redacted("Kelly and Jayden Thompson", people) == "Parent 1 and Child A"
    assert "Parent 1 Child A" not in redacted("Thompson Thompson", people)


def test_the_same_role_for_two_people_is_not_ambiguous() -> None:
    people = [Person("Amy Smith", "Sibling"), Person("Ben Smith", "Sibling")]
    result = redact("Smith", people)
    assert (result.text, result.ambiguous) == ("Sibling", [])


def test_a_full_name_without_the_middle_name_is_one_replacement() -> None:
    people = [Person("Jayden Lee Thompson", "Child A")]
    assert redacted("Jayden Thompson and Lee", people) == "Child A and Child A"


def test_hyphenated_names_match_whole_and_in_parts() -> None:
    people = [Person("Mary-Jane Smith-Jones", "Aunt")]
    text = "Mary-Jane Smith-Jones, Mary–Jane, Smith and Jones"
    assert redacted(text, people) == "Aunt, Aunt, Aunt and Aunt"


def test_names_with_regex_metacharacters() -> None:
    people = [Person("Sean O'Brien (Jr.)", "Father")]
    text = "Sean O'Brien (Jr.) and O’Brien's van; Brien; Jr. stays"
    assert redacted(text, people) == "Father and Father's van; Brien; Jr. stays"


@pytest.mark.parametrize("name", ["", "   ", "A", "J.", "Mr", "(.*)", "\u0301"])
def test_empty_single_letter_and_title_only_names_are_ignored(name: str) -> None:
    text = "A J. Mr (.*) said"
    assert redacted(text, [Person(name, "Child A")]) == text


def test_roles_are_never_taken_for_names() -> None:
    people = [Person("Jayden Thompson", "Child A"), Person("Child Abbot", "Uncle")]
    result = redact("Jayden met Child Abbot and Child A.", people)
    assert result.text == "Child A met Uncle and Child A."
    assert redact(result.text, people).text == result.text


def test_a_single_letter_name_part_leaves_roles_alone() -> None:
    people = [Person("A Jones", "Child A"), Person("Mo Child", "Mother")]
    once = redacted("A Jones and Mo", people)
    assert once == "Child A and Mother"
    assert redacted(once, people) == once


def test_identifiers_are_not_touched_but_reported_in_the_redacted_text() -> None:
    text = "Jayden (jayden.thompson@x.org, XX20P01234, DOB 3 June 2019) and Jayden"
    people = [Person("Jayden Thompson", "Child A"), Person("June Clarke", "Nan")]
    result = redact(text, people)
    assert result.text == (
        "Child A (jayden.thompson@x.org, XX20P01234, DOB 3 June 2019) and Child A"
    )
    assert [f.kind for f in result.remaining] == ["email", "case-number", "date-of-birth"]
    for f in result.remaining:
        assert result.text[f.start : f.end] == f.text


def test_replacements_index_the_original_text() -> None:
    text = "Ask Kelly Thompson whether Jayden’s school rang."
    result = redact(text, FAMILY)
    assert [(r.original, r.role) for r in result.replaced] == [
        ("Kelly Thompson", "Mother"),
        ("Jayden", "Child A"),
    ]
    for r in result.replaced:
        assert text[r.start : r.end] == r.original


# --- Properties ------------------------------------------------------------------------------

LETTERS = "abcdefghijklmnoprstuvwyzéèëáäíïóöúüçñ"
FILLER = ["the", "went", "to", "school", "said", "and", "mum", "on", "Monday", "visit", "ok"]
SEPARATORS = [" ", ", ", ". ", "\n", " (", ") ", "; ", " - "]
ROLES = ["Child A", "Child B", "Mother", "Father", "Person 1"]
ROLE_WORDS = {name_key(word) for role in ROLES for word in role.split()}
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "jr", "jnr", "sr", "snr", "ii", "iii", "iv"}

parts = st.text(alphabet=LETTERS, min_size=2, max_size=8).map(str.capitalize)


@st.composite
def distinct_people(draw: st.DrawFn) -> list[Person]:
    count = draw(st.integers(1, len(ROLES)))
    names = draw(st.lists(st.tuples(parts, parts), min_size=count, max_size=count))
    folded = [name_key(p) for pair in names for p in pair]
    assume(len(set(folded)) == len(folded))
    assume(not set(folded) & (ROLE_WORDS | {name_key(w) for w in FILLER}))
    assume(not set(folded) & TITLES)
    return [Person(f"{a} {b}", role) for (a, b), role in zip(names, ROLES, strict=False)]


def variant(draw: st.DrawFn, name: str) -> str:
    forms: list[Callable[[str], str]] = [str, str.upper, str.lower, strip_accents, nfd, nfc]
    form = draw(st.sampled_from(forms))
    suffix = draw(st.sampled_from(["", "'s", "’s", "'"]))
    return form(name) + suffix


def strip_accents(text: str) -> str:
    return "".join(ch for ch in nfd(text) if not unicodedata.combining(ch))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def mentioned(name: str) -> st.SearchStrategy[str]:
    return st.composite(lambda draw: variant(draw, name))()


@st.composite
def writing(draw: st.DrawFn, people: list[Person]) -> str:
    mentions = [p for person in people for p in (person.name, *person.name.split())]
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(FILLER),
                st.sampled_from(mentions).flatmap(mentioned),
            ),
            max_size=15,
        )
    )
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, seps, strict=True))


@st.composite
def people_and_text(draw: st.DrawFn) -> tuple[list[Person], str]:
    people = draw(distinct_people())
    return people, draw(writing(people))


def survivors(text: str, people: list[Person]) -> list[str]:
    folded = name_key(text)
    found = []
    for person in people:
        for part in person.name.split():
            if re.search(rf"(?<!\w){re.escape(name_key(part))}(?!\w)", folded):
                found.append(part)
    return found


@given(people_and_text())
def test_declared_names_never_survive_in_any_variant(case: tuple[list[Person], str]) -> None:
    people, text = case
    result = redact(text, people)
    assert survivors(result.text, people) == []
    assert result.ambiguous == []


@given(people_and_text(), st.sampled_from(["Thompson", "Zoë", "Ann"]))
def test_shared_words_are_only_left_when_flagged(
    case: tuple[list[Person], str], shared: str
) -> None:
    people, text = case
    assume(name_key(shared) not in {name_key(p) for person in people for p in person.name.split()})
    sharing = [Person(f"{p.name} {shared}", p.role) for p in people]
    result = redact(f"{text}; {shared}. {text}", sharing)
    assert set(survivors(result.text, sharing)) <= {shared}
    assert all(name_key(a.original) == name_key(shared) for a in result.ambiguous)
    if len(sharing) > 1:
        assert result.ambiguous


def assert_consistent(text: str, result: Redaction) -> None:
    rebuilt, pos = [], 0
    for r in result.replaced:
        assert pos <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.original
        rebuilt += [text[pos : r.start], r.role]
        pos = r.end
    assert "".join([*rebuilt, text[pos:]]) == result.text
    for a in result.ambiguous:
        assert text[a.start : a.end] == a.original and len(a.candidates) > 1
    for f in result.remaining:
        assert result.text[f.start : f.end] == f.text


@given(people_and_text())
def test_redaction_is_idempotent_on_realistic_text(case: tuple[list[Person], str]) -> None:
    people, text = case
    once = redact(text, people)
    assert_consistent(text, once)
    assert redact(once.text, people).text == once.text


arbitrary_people = st.lists(
    st.builds(Person, st.one_of(st.text(), st.sampled_from(["O'Brien (Jr.)", "  ", "A B"])),
              st.one_of(st.sampled_from(ROLES), st.text())),
    max_size=4,
)  # fmt: skip
arbitrary_text = st.lists(
    st.one_of(st.text(), st.sampled_from(["Jayden's ", "O’Brien", "jo@x.org", " ", "Child A"])),
    max_size=10,
).map("".join)


@given(arbitrary_text, arbitrary_people)
def test_never_raises_and_is_idempotent_on_arbitrary_input(text: str, people: list[Person]) -> None:
    once = redact(text, people)
    assert_consistent(text, once)
    assert redact(once.text, people).text == once.text


def test_long_texts_complete() -> None:
    text = "Jayden Thompson's mum Kelly rang 07700 900123. Thompson! " * 4000
    result = redact(text, FAMILY)
    assert "Jayden" not in result.text and len(result.ambiguous) == 4000
