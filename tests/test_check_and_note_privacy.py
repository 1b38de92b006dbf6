"""`wsw check`, names files, and the redaction of a note before it is written."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import DATA, Runner, builtin_library, session_from_answers, write
from wsw.note.redaction import redacted, scan_note
from wsw.privacy import Person
from wsw.privacy.people import parse_declaration, people_from, read_people
from wsw.reflection.notes import render_note

TEXT = "DOB 03/06/2019. Jayden's nan lives at M1 1AE; call 07700 900123 or jo@example.org.\n"


def test_check_finds_identifiers_and_exits_1(tmp_path: Path, wsw: Runner) -> None:
    source = write(tmp_path / "note.md", TEXT)
    result = wsw("check", str(source), "--json")
    assert result.code == 1
    payload = json.loads(result.out)
    assert list(payload) == ["version", "findings"]
    kinds = [f["kind"] for f in payload["findings"]]
    assert kinds == ["date-of-birth", "postcode", "phone", "email"]
    for f in payload["findings"]:
        assert list(f) == ["kind", "strength", "note", "start", "end", "text", "line", "column"]
        assert TEXT[f["start"] : f["end"]] == f["text"]
        lines = TEXT.splitlines()
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["text"])
    assert payload["findings"][0]["strength"] == "strong"
    assert payload["findings"][0]["note"] == "near 'DOB'"


def test_check_offsets_count_crlf_as_written(tmp_path: Path, wsw: Runner) -> None:
    source = tmp_path / "n.txt"
    source.write_bytes(b"line one\r\nM1 1AE\r\n")
    (finding,) = json.loads(wsw("check", str(source), "--json").out)["findings"]
    assert finding["start"] == 10


def test_check_clean_text_exits_0_and_bad_input_exits_2(tmp_path: Path, wsw: Runner) -> None:
    assert wsw("check", "-", stdin="Child A was seen at school.").code == 0
    assert wsw("check", str(tmp_path / "missing.md")).code == 2
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\xff\xfe\x00")
    assert wsw("check", str(binary)).code == 2


def test_check_uses_names_files_and_draft_declarations(tmp_path: Path, wsw: Runner) -> None:
    names = write(tmp_path / "names.yaml", "people:\n  - {name: Jayden Thompson, role: Child A}\n")
    result = wsw("check", "-", "--names", str(names), "--json", stdin="Jayden was sad.")
    assert [f["kind"] for f in json.loads(result.out)["findings"]] == ["name"]
    draft = {"answers": {"information": "Kelly rang."},
             "meta": {"people": [{"name": "Kelly Thompson", "role": "Mother"}]}}  # fmt: skip
    source = write(tmp_path / "draft.json", json.dumps(draft))
    found = json.loads(wsw("check", str(source), "--json").out)["findings"]
    assert any(f["kind"] == "name" and f["text"] == "Kelly" for f in found)


def test_names_files_in_both_shapes(tmp_path: Path) -> None:
    listed = write(tmp_path / "a.yaml", "people:\n  - {name: A B, role: Child A}\n")
    mapping = write(tmp_path / "b.yaml", "A B: Child A\n")
    assert read_people(listed) == read_people(mapping) == [Person("A B", "Child A")]
    assert parse_declaration(" Jayden Thompson =  Child A ") == Person("Jayden Thompson", "Child A")
    assert people_from([], "x") == []


def test_a_note_uses_roles_and_reports_what_is_left() -> None:
    library = builtin_library()
    session = session_from_answers(library, None, DATA / "answers-full.yaml")
    session.answers["information"] = "Kelly Thompson says Jayden, DOB 03/06/2019, is fine."
    session.answers["before"] = "Thompson family known since 2020."
    people = [Person("Jayden Thompson", "Child A"), Person("Kelly Thompson", "Mother")]
    markdown, report = render_note(session, "md", people)
    assert "Mother says Child A, DOB" in markdown
    assert "Kelly" not in markdown and "Jayden" not in markdown
    assert [a.original for a in report.ambiguous] == ["Thompson"]
    assert {f.kind for f in report.remaining} == {"date-of-birth"}  # in the summary and What?
    assert not report.clean
    hidden = report.summary(show_text=False)
    assert all("03/06/2019" not in line and "Thompson" not in line for line in hidden)
    assert any("03/06/2019" in line for line in report.summary(show_text=True))
    assert str(session.answers["information"]).startswith("Kelly")  # the draft keeps what was typed


def test_dates_that_are_not_dates_of_birth_do_not_block_a_note() -> None:
    library = builtin_library()
    session = session_from_answers(library, None, DATA / "answers-full.yaml")
    safe, report = redacted(session, [])
    markdown, report = render_note(session, "md", [])
    assert report.clean, report.summary(show_text=True)
    assert scan_note(markdown, [], report).clean
    assert safe.answers == session.answers
