"""`wsw cpd`: every field Social Work England asks for, the learning in, the case left out."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from helpers import DATA, Runner, case_answers, notes_in, write
from wsw.records.cpd import near_identical


def what_answers() -> list[str]:
    """The full answers file's What? stage answers (the text ones a reader would recognise)."""
    answers = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))["answers"]
    return [answers[k] for k in ("information", "source", "when-where", "evidence")]


def one_note(tmp_path: Path, home: Path, wsw: Runner, **changes: object) -> Path:
    answers = case_answers(tmp_path, "a.yaml", "Child A", **changes)
    assert wsw("render", str(answers)).code == 0
    (note,) = notes_in(home)
    return note


def test_every_field_with_the_practice_learning_and_nothing_from_what(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = one_note(tmp_path, wsw_home, wsw)
    result = wsw("cpd", str(note), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert next(iter(data)) == "version" and data["version"] == 1
    assert set(data["cpd"]) == {"type", "title", "description", "date", "learning", "impact",
                                "peer_reflection"}  # fmt: skip
    record = data["cpd"]
    assert all(record[k] for k in ("type", "title", "description", "date", "learning", "impact"))
    assert "Ask who lives in the home, and who visits, at the first contact" in record["learning"]
    assert "who is really in the home" in record["impact"]
    assert record["peer_reflection"] is None  # a reflection alone is not peer reflection
    assert "domestic abuse" in record["title"] and record["date"] == json.loads(
        json.dumps(yaml.safe_load(note.read_text().split("---")[1])["date"])
    )
    whole = json.dumps(record)
    for answer in what_answers():
        for line in answer.splitlines():
            assert line not in whole
    assert "Child A" not in whole and "mother's new partner" not in whole


def test_group_discussion_is_peer_reflection(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    answers = write(tmp_path / "g.yaml", yaml.safe_dump({
        "meta": {"walk": "group"},
        "answers": {
            "case-ref": "Child B", "case": "Child B", "age-bands": ["6-10"],
            "information": "A bruise on the arm, seen by the class teacher on Monday.",
            "clarifying": ["Who saw it? The teacher"], "passed-on": "no", "disagreement": False,
            "themes": ["physical-abuse"], "meaning": ["He may be hurt at home"],
            "daily-life": ["School, then home"], "safety-now": ["Not known"],
            "future-risk": ["Could escalate"], "alternatives": ["An accident at play"],
            "options": ["Refer"], "response": "I will refer today.", "referral": "s47",
            "manager": "The presenter, today", "actions": [],
            "practice-learning": "Ask for the school's own account before the first meeting.",
        },
    }))  # fmt: skip
    assert wsw("render", str(answers)).code == 0, "group note"
    (note,) = notes_in(wsw_home)
    record = json.loads(wsw("cpd", str(note), "--json").out)["cpd"]
    assert record["type"].startswith("Peer reflection")
    assert "school's own account" in record["peer_reflection"]
    assert "bruise" not in json.dumps(record)


def test_declared_names_never_appear(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    note = one_note(tmp_path, wsw_home, wsw, **{
        "practice-learning": "With Smith and others, ask about new partners early."})  # fmt: skip
    names = write(tmp_path / "names.yaml", "people:\n  - {name: Smith, role: the family}\n")
    result = wsw("cpd", str(note), "--names", str(names), "--json")
    assert result.code == 0
    assert "Smith" not in result.out and "the family" in result.out


def test_an_identifier_left_in_the_learning_is_warned_of(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = one_note(tmp_path, wsw_home, wsw, **{
        "practice-learning": "Ring 07700 900123 before every visit."})  # fmt: skip
    result = wsw("cpd", str(note))
    assert result.code == 0 and "may still identify someone (phone)" in result.err
    assert "900123" not in result.err  # the warning names the kind, never the text


def test_a_near_identical_record_beside_it_is_warned_of(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    note = one_note(tmp_path, wsw_home, wsw)
    first, second = tmp_path / "cpd-1.md", tmp_path / "cpd-2.json"
    assert "near-identical" not in wsw("cpd", str(note), "-o", str(first)).err
    again = wsw("cpd", str(note), "--json", "-o", str(second))
    assert again.code == 0 and "near-identical to" in again.err and "cpd-1.md" in again.err
    assert json.loads(second.read_text())["cpd"]["learning"]
    assert (second.stat().st_mode & 0o777) == 0o600


def test_near_identical_compares_words_not_formatting() -> None:
    a = "Ask who lives in the home at the first contact, and check every new adult."
    assert near_identical(a, a.replace(",", "").upper())
    assert not near_identical(a, "Neglect: look at the child's daily life, morning to night.")


def test_missing_learning_is_said_and_a_file_that_is_not_a_note_refused(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    answers = case_answers(tmp_path, "a.yaml", "Child A")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    del data["answers"]["practice-learning"], data["answers"]["practice-impact"]
    write(answers, yaml.safe_dump(data))
    assert wsw("render", str(answers)).code == 0
    (note,) = notes_in(wsw_home)
    result = wsw("cpd", str(note))
    assert result.code == 0 and "What will you take from this" in result.err
    other = write(tmp_path / "plain.md", "# Shopping\n\n- milk\n")
    refused = wsw("cpd", str(other))
    assert refused.code == 2 and "not a note wsw wrote" in refused.err and "milk" not in refused.err
