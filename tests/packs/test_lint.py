"""`wsw packs lint`: each warning appears for what it is about, located, and only then."""

from __future__ import annotations

from pathlib import Path

from helpers import Runner, write
from wsw.packs.layers import given_library
from wsw.packs.lint import LintWarning, lint

HEAD = """\
schema: 1
id: team-pack
title: Team pack
version: 1.0
requires: [core]
sources:
  - {id: team-review, title: Local review, publisher: Our Partnership, year: 2025}
"""


def point(pid: str, text: str, triggers: str = "[packed lunch]", extra: str = "") -> str:
    return (
        f"  - id: {pid}\n"
        "    themes: [neglect]\n"
        f"    title: Point {pid}\n"
        f"    text: {text}\n"
        "    source: {document: team-review, section: Findings}\n"
        f"    triggers: {triggers}\n{extra}"
    )


def warnings_for(tmp_path: Path, body: str, every_trigger: bool = False) -> list[LintWarning]:
    pack = write(tmp_path / "team.yaml", HEAD + body)
    library, given = given_library([pack], keep_marks=True)
    return lint(library, given, every_trigger=every_trigger)


def rules(found: list[LintWarning]) -> list[str]:
    return [w.rule for w in found]


EXAMPLE = """\
examples:
  - id: team.example
    fictional: true
    information: He came in with no packed lunch again.
    points: [team.one]
"""


def test_a_trigger_no_text_uses_is_unused_until_an_example_uses_it(tmp_path: Path) -> None:
    body = "learning_points:\n" + point("team.one", "Lunches were missed.", "[packed lunch]")
    (found,) = warnings_for(tmp_path, body, every_trigger=True)
    assert found.rule == "unused-trigger"
    assert str(found.problem).endswith(
        "team.yaml:14:16: learning_points[0].triggers[0]: trigger 'packed lunch' matches no "
        "example, scenario or other point: add an example that uses it, so a change that loses "
        "it is seen"
    )
    assert warnings_for(tmp_path, body + EXAMPLE) == []


def test_unused_triggers_are_counted_per_pack_unless_every_trigger(tmp_path: Path) -> None:
    body = "learning_points:\n" + point("team.one", "Lunches.", '[zebra crossing, "okapi!"]')
    (summary,) = warnings_for(tmp_path, body)
    assert "2 of 2 point triggers match no example" in summary.problem.message
    assert len(warnings_for(tmp_path, body, every_trigger=True)) == 2


def test_one_word_triggers_that_fire_on_common_words(tmp_path: Path) -> None:
    body = "learning_points:\n" + point(
        "team.one", "The lunch.", "[the, ch*, ~there, packed lunch]"
    )
    found = [w for w in warnings_for(tmp_path, body + EXAMPLE) if w.rule == "common-trigger"]
    assert [w.problem.path for w in found] == [
        "learning_points[0].triggers[0]",
        "learning_points[0].triggers[1]",
    ]  # a weak trigger (~) says it is common already
    assert "common word" in found[0].problem.message
    assert "every word starting 'ch'" in found[1].problem.message


def test_near_duplicate_points_name_the_first(tmp_path: Path) -> None:
    text = "Children arrived hungry at school and nobody asked what they had eaten that day."
    body = "learning_points:\n" + point("team.one", text) + point("team.two", text + " Again.")
    (found,) = [w for w in warnings_for(tmp_path, body + EXAMPLE) if w.rule == "near-duplicate"]
    assert found.problem.path == "learning_points[1].text"
    assert "point 'team.one'" in found.problem.message


def test_figures_need_a_population(tmp_path: Path) -> None:
    figures = '    figures: ["35%", "7 of 12 families"]\n'
    body = "learning_points:\n" + point("team.one", "Lunches.", extra=figures)
    found = [w for w in warnings_for(tmp_path, body + EXAMPLE) if w.rule == "figure-population"]
    assert [w.problem.path for w in found] == [
        "learning_points[0].figures",  # the source says nothing of what its figures count
        "learning_points[0].figures[0]",  # and "35%" says not of what
    ]


def test_checks_without_a_source_are_shown_as_wsws_own(tmp_path: Path) -> None:
    body = (
        "checks:\n  - {id: team.check, text: Who has seen the child?, stage: then-what}\n"
        "  - id: team.sourced\n    text: Who else?\n    stage: then-what\n"
        "    source: {document: team-review, section: Findings}\n"
    )
    (found,) = warnings_for(tmp_path, body)
    assert found.rule == "no-source" and found.problem.path == "checks[0]"


def test_hard_reading_is_flagged_and_plain_english_is_not(tmp_path: Path) -> None:
    hard = (
        "Notwithstanding considerable organisational complexity, interagency communication "
        "deficiencies substantially compromised comprehensive multidisciplinary "
        "safeguarding intervention effectiveness throughout the investigative period, "
        "necessitating fundamental reconceptualisation of organisational accountability."
    )
    plain = (
        "Nobody asked the children what they had eaten. The school saw they were hungry "
        "but did not tell anyone, and the family was not asked."
    )
    body = "learning_points:\n" + point("team.one", hard) + point("team.two", plain)
    found = [w for w in warnings_for(tmp_path, body + EXAMPLE) if w.rule == "reading-level"]
    assert [w.problem.path for w in found] == ["learning_points[0].text"]


def test_advice_in_a_finding_but_not_advice_reported_or_in_a_prompt(tmp_path: Path) -> None:
    body = "learning_points:\n" + (
        point("team.one", "Lunches were missed. Ask the school what the child eats.")
        + point("team.two", "The review says to ask the school what the child eats.")
        + point("team.three", "Lunches were missed.", extra="    prompt: Ask the school.\n")
    )
    found = [w for w in warnings_for(tmp_path, body + EXAMPLE) if w.rule == "advice-in-finding"]
    assert [w.problem.path for w in found] == ["learning_points[0].text"]
    assert "'Ask the school what ...'" in found[0].problem.message


def test_lint_warns_but_exits_0_unless_strict(tmp_path: Path, wsw: Runner) -> None:
    pack = write(tmp_path / "team.yaml", HEAD + "learning_points:\n" + point("t.one", "Lunch."))
    result = wsw("packs", "lint", str(pack))
    assert result.code == 0
    assert "[unused-trigger]" in result.out and "1 warning in 1 pack." in result.err
    assert wsw("packs", "lint", "--strict", str(pack)).code == 1


def test_lint_json(tmp_path: Path, wsw: Runner) -> None:
    import json

    pack = write(tmp_path / "team.yaml", HEAD + "learning_points:\n" + point("t.one", "Lunch."))
    payload = json.loads(wsw("packs", "lint", "--json", str(pack)).out)
    assert payload["version"] == 1
    (warning,) = payload["warnings"]
    assert warning["rule"] == "unused-trigger"
    assert warning["file"].endswith("team.yaml")
    assert (warning["line"], warning["column"]) == (14, 16)
    assert warning["field"] == "learning_points[0].triggers[0]"


def test_the_built_in_packs_have_no_warnings_of_the_kinds_that_can_be_fixed(wsw: Runner) -> None:
    """Cited text is kept as the source words it (reading level, near-duplicate context)."""
    result = wsw("packs", "lint")
    assert result.code == 0
    for rule in ("common-trigger", "advice-in-finding", "figure-population"):
        assert f"[{rule}]" not in result.out


def test_a_lone_plain_word_in_a_pack_fitting_never_saw(tmp_path: Path) -> None:
    """Such a word alone brings its point up only when the text is about the theme too."""
    body = "learning_points:\n" + point("team.one", "Lunches.", '[lunchbox, "lunchbag!", ~box]')
    found = [w for w in warnings_for(tmp_path, body) if w.rule == "lone-word"]
    assert [w.problem.path for w in found] == ["learning_points[0].triggers[0]"]
    assert "make it strong ('lunchbox!') or a phrase" in found[0].problem.message
    pack = write(tmp_path / "team.yaml", HEAD + body)
    library, given = given_library([pack], keep_marks=True)
    weighed = lint(library, given, fitted=frozenset({"team.one"}))  # as the built-in packs are
    assert "lone-word" not in rules(weighed)
