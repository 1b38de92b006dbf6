"""Finding identifiers in practitioners' text: each kind, overlaps, and robustness."""

from __future__ import annotations

import datetime as dt
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsw.privacy import KINDS, Finding, find_identifiers, is_valid_nhs_number, nhs_check_digit


def kinds(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, names)]


def only(text: str) -> Finding:
    found = find_identifiers(text)
    assert len(found) == 1, found
    return found[0]


def published_check_digit(first_nine: str) -> int | None:
    """The NHS modulus 11 rule written out from its definition, independently of wsw."""
    weighted = [int(first_nine[i]) * (10 - i) for i in range(9)]
    remainder = sum(weighted) % 11
    check = 11 - remainder
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


# --- NHS numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers_are_reported(number: str) -> None:
    found = only(f"NHS no. {number} seen today")
    assert (found.kind, found.text) == ("nhs-number", number)
    assert "check" in found.note and "fails" not in found.note


@pytest.mark.parametrize("number", ["943 476 5910", "943-476-5918"])
def test_grouped_nhs_shapes_failing_the_check_are_still_reported(number: str) -> None:
    found = only(f"NHS {number}")
    assert (found.kind, found.text) == ("nhs-number", number)
    assert found.note == "possible NHS number (fails the check digit)"


def test_plain_ten_digits_failing_the_check_are_not_nhs_numbers() -> None:
    assert kinds("reference 9434765910 on file") == []


def test_nhs_numbers_are_not_found_inside_longer_numbers() -> None:
    assert kinds("94347659191") == []
    assert kinds("x9434765919") == []


def test_mixed_separators_are_not_an_nhs_grouping() -> None:
    assert kinds("943 476-5910") == []


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nhs_check_digit_agrees_with_the_published_rule(prefix: str) -> None:
    assert nhs_check_digit(prefix) == published_check_digit(prefix)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9))
def test_nhs_validity_follows_the_check_digit(prefix: str, last: int) -> None:
    expected = published_check_digit(prefix) == last
    assert is_valid_nhs_number(f"{prefix}{last}") is expected
    plain = [f.kind for f in find_identifiers(f"no. {prefix}{last}")]
    if expected:
        assert plain == ["nhs-number"]
    elif prefix.startswith("0"):
        assert plain in ([], ["phone"])
    else:
        assert plain == []


@pytest.mark.parametrize("bad", ["", "12345678", "1234567890", "12345678a", "١٢٣٤٥٦٧٨٩"])
def test_nhs_check_digit_needs_nine_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        nhs_check_digit(bad)


def test_an_nhs_number_is_not_also_a_phone_number() -> None:
    # 0123456789 passes the check and also has the shape of a short UK number.
    assert kinds("no. 0123456789") == [("nhs-number", "0123456789")]


# --- National Insurance numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["QQ123456C", "QQ 12 34 56 C", "qq123456c", "Ab 123456 d", "AB12 34 56A"]
)
def test_ni_numbers_in_any_case_and_spacing(number: str) -> None:
    found = only(f"NI: {number}.")
    assert (found.kind, found.text) == ("ni-number", number)


@pytest.mark.parametrize("text", ["QQ123456E", "QQ12345C", "QQ1234567C", "XQQ123456C", "Q123456C"])
def test_not_ni_numbers(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "ni-number"] == []


# --- Postcodes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode",
    [
        "M1 1AE",  # A9 9AA
        "B33 8TH",  # A99 9AA
        "W1A 0AX",  # A9A 9AA
        "CR2 6XH",  # AA9 9AA
        "DN55 1PT",  # AA99 9AA
        "SW1A 1AA",  # AA9A 9AA
        "EC1A1BB",
        "B338TH",
        "m1 1ae",
        "sw1a 1aa",
    ],
)
def test_postcodes_in_every_format(postcode: str) -> None:
    found = only(f"Lives at {postcode}, with mum.")
    assert (found.kind, found.text) == ("postcode", postcode)


@pytest.mark.parametrize(
    "text", ["XSW1A 1AA", "SW1A 1AAB", "SW1A1AA7", "M6 5am", "ABC1 1AA", "1 1AA", "SW1A 1A"]
)
def test_not_postcodes(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "postcode"] == []


# --- Phone numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "+44 (0)20 7946 0018",
        "020 7946 0018",
        "(020) 7946 0018",
        "0117 496 0123",
        "01632 960001",
        "(01632) 960001",
        "0161-496-0000",
        "0121 496 0000",
        "0113 496 0000",
        "0808 157 0000",
    ],
)
def test_uk_phone_numbers_including_drama_ranges(number: str) -> None:
    found = only(f"Ring {number} after 5.")
    assert (found.kind, found.text) == ("phone", number)


@pytest.mark.parametrize(
    "text",
    [
        "0770 090",  # too short
        "077009001234567",  # too long, no grouping to drop
        "00 7700 900123",  # international prefix, not a national number
        "7700 900123",  # no leading 0 or +44
        "x07700900123",
        "07700900123x",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "phone"] == []


def test_a_trailing_number_is_not_swallowed_into_a_phone_number() -> None:
    assert kinds("07700 900123 12 times") == [("phone", "07700 900123")]


def test_a_phone_number_is_not_also_a_date() -> None:
    assert kinds("call 0161-496-0000 or 01-02-2019") == [
        ("phone", "0161-496-0000"),
        ("date", "01-02-2019"),
    ]


# --- Email -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address", ["jo.bloggs+x@example.co.uk", "j_o'brien@school.sch.uk", "zoë@example.org"]
)
def test_email_addresses(address: str) -> None:
    found = only(f"Email ({address}).")
    assert (found.kind, found.text) == ("email", address)


@pytest.mark.parametrize("text", ["jo@localhost", "jo@@example.com", "@example.com", "jo@.com"])
def test_not_email_addresses(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "email"] == []


def test_a_postcode_inside_an_email_is_part_of_the_email() -> None:
    assert kinds("sw1a1aa@example.com") == [("email", "sw1a1aa@example.com")]


# --- Dates of birth --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "03/06/2019",
        "3/6/19",
        "03-06-2019",
        "03.06.2019",
        "2019-06-03",
        "3rd June 2019",
        "12 March 2016",
        "June 3, 2019",
        "3 Jun 2019",
        "3 Sept. 2019",
        "1st of January 1990",
        "29/02/2020",
        "06/13/2019",  # month first, since day first is impossible
    ],
)
def test_dates_are_reported(date: str) -> None:
    found = only(f"Seen {date}.")
    assert (found.kind, found.text, found.strength) == ("date", date, "weak")


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2019",
        "29/02/2019",
        "2019-13-01",
        "32 March 2016",
        "1/1/1899",
        f"1/1/{dt.date.today().year + 1}",
        "3 Junebug 2019",
        "1.2.3",
        "10.30",
    ],
)
def test_invalid_or_implausible_dates_are_not_reported(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "DOB 03/06/2019",
        "DOB: 3rd June 2019",
        "D.O.B. 2019-06-03",
        "d.o.b 3/6/19",
        "Date of birth: 12 March 2016",
        "born on 3 Jun 2019",
        "Born in Leeds, 3 Jun 2019",
    ],
)
def test_dates_near_birth_words_are_marked(text: str) -> None:
    found = only(text)
    assert (found.kind, found.strength) == ("date-of-birth", "strong")
    assert found.note.startswith("near '")


def test_case_insensitive_look_alike_letters_in_month_names() -> None:
    assert kinds("3 ſep 2019") == [("date", "3 ſep 2019")]
    assert kinds("3 SEPT 2019, 4 Kan 2019") == [("date", "3 SEPT 2019")]


def test_dates_far_from_birth_words_are_reported_as_weak_not_as_dates_of_birth() -> None:
    text = "DOB was asked about, and then much later on, we met on 03/06/2019"
    found = only(text)
    assert (found.kind, found.note, found.strength) == ("date", "no birth word near it", "weak")
    assert only("newborn seen 03/06/2019").kind == "date"
    assert only("The hearing was on 12 October 2026").kind == "date"


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("NI number QQ-12-34-56-A.", "ni-number", "QQ-12-34-56-A"),
        ("Ring 0044 7700 900246 today.", "phone", "0044 7700 900246"),
        ("Born 22-Aug-1987.", "date-of-birth", "22-Aug-1987"),
        ("Seen 22/aug/87.", "date", "22/aug/87"),
    ],
)
def test_hyphenated_ni_numbers_0044_phones_and_dashed_month_dates(
    text: str, kind: str, found: str
) -> None:
    assert kinds(text) == [(kind, found)]


def test_a_possible_nhs_number_is_weak_a_checked_one_strong() -> None:
    assert [f.strength for f in find_identifiers("943 476 5919 and 943 476 5910")] == [
        "strong",
        "weak",
    ]


# --- Case numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["XX20P01234", "ab21c00001", "LV19C00123"])
def test_family_court_case_numbers(number: str) -> None:
    found = only(f"Case {number}:")
    assert (found.kind, found.text) == ("case-number", number)


@pytest.mark.parametrize("text", ["XX20P0123", "XX20P012345", "XXX20P01234", "X20P01234"])
def test_not_case_numbers(text: str) -> None:
    assert [k for k, _ in kinds(text) if k == "case-number"] == []


# --- Names -----------------------------------------------------------------------------------


def test_declared_names_are_found_in_every_form() -> None:
    text = "Zoe Smith, ZOË, zoë’s, Smith's and Zoe\u0308 came."
    found = kinds(text, ("Zoë Smith",))
    assert found == [
        ("name", "Zoe Smith"),
        ("name", "ZOË"),
        ("name", "zoë"),
        ("name", "Smith"),
        ("name", "Zoe\u0308"),
    ]


def test_names_are_whole_words() -> None:
    assert kinds("Jayden and Annual Anne", ("Jay", "Ann")) == []


def test_names_inside_identifiers_are_not_names() -> None:
    assert kinds("jayden@example.org", ("Jayden",)) == [("email", "jayden@example.org")]


# --- Robustness ------------------------------------------------------------------------------

SAMPLES = [
    "9434765919",
    "943 476 5910",
    "QQ 12 34 56 C",
    "SW1A 1AA",
    "07700 900123",
    "+44 (0)20 7946 0018",
    "jo@example.co.uk",
    "DOB 03/06/2019",
    "3rd June 2019",
    "3 ſep 2019",
    "XX20P01234",
    "Jayden's",
    "Zoë",
    "\u0301",
    "-",
    ".",
    "@",
    " ",
]

texts = st.lists(st.one_of(st.sampled_from(SAMPLES), st.text()), max_size=12).map("".join)


def assert_well_formed(text: str, found: list[Finding]) -> None:
    for f in found:
        assert f.kind in KINDS
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
    for a, b in pairwise(found):
        assert a.end <= b.start


@given(texts, st.lists(st.text(), max_size=3))
def test_never_raises_and_findings_index_the_text(text: str, names: list[str]) -> None:
    assert_well_formed(text, find_identifiers(text, names))


@given(texts)
def test_findings_survive_unicode_normalisation_of_the_offsets(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert_well_formed(decomposed, find_identifiers(decomposed, ["Zoë Smith"]))


LONG_CHUNKS = ["0", "1", "0 ", "9434765919 ", "a.", "a@", "a" * 70 + "@", "1/", "3 June "]


@pytest.mark.parametrize("chunk", [*LONG_CHUNKS, "Jayden ", "Jayden Thompson's ", "é\u0301"])
def test_long_texts_complete(chunk: str) -> None:
    text = chunk * (200_000 // len(chunk))
    assert_well_formed(text, find_identifiers(text, ["Jayden Thompson"]))


def test_a_future_date_is_never_a_date_of_birth() -> None:
    import datetime as dt

    today = dt.date.today()
    later = today + dt.timedelta(days=3)
    assert find_identifiers(f"Next visit {later:%d/%m/%Y}.") == []
    assert find_identifiers(f"Baby due, to be born {later.day} {later:%B %Y}.") == []
    assert find_identifiers(f"Reflection note written on {today:%d/%m/%Y}.") == []
    assert [f.kind for f in find_identifiers(f"DOB {today:%d/%m/%Y}")] == ["date-of-birth"]
