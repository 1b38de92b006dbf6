"""`wsw packs ...` as a pack author and a practitioner meet it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, Runner, write

MARKUP_PACK = (
    MINIMAL_PACK.replace("title: Team pack", 'title: "Team [/] pack [bold red]loud"')
    .replace("title: A team learning point", 'title: "Point [link=x]here[/link]"')
    .replace("text: Something the team has learnt.", 'text: "Packed lunches [/] [red]x."')
)


def test_pack_text_that_looks_like_markup_is_shown_as_written(tmp_path: Path, wsw: Runner) -> None:
    pack = write(tmp_path / "team.yaml", MARKUP_PACK)
    listed = wsw("--packs", str(pack), "packs", "list")
    assert listed.code == 0, listed.err
    assert "[/]" in listed.out and "[bold" in listed.out
    shown = wsw("--packs", str(pack), "packs", "show", "team-pack")
    assert shown.code == 0, shown.err
    assert "Packed lunches [/] [red]x." in shown.out
    assert "Point [link=x]here[/link]" in shown.out
    suggested = wsw("--packs", str(pack), "suggest", "He brought no packed lunch again")
    assert suggested.code == 0, suggested.err
    assert "Packed lunches [/] [red]x." in suggested.out


def test_packs_list_says_where_each_pack_came_from_in_the_table(
    tmp_path: Path, wsw: Runner
) -> None:
    pack = write(tmp_path / "team.yaml", MINIMAL_PACK)
    listed = wsw("--packs", str(pack), "packs", "list")
    team_row = next(line for line in listed.out.splitlines() if "team-pack" in line)
    assert "--packs" in team_row
    core_row = next(line for line in listed.out.splitlines() if "│ core" in line)
    assert "built-in" in core_row


@pytest.mark.parametrize(
    ("escaped", "named"),
    [
        ("\\e[2J", "U+001B ESC"),  # clear screen
        ("\\e]52;c;aGVsbG8=\\a", "U+001B ESC"),  # write to the clipboard (OSC 52)
        ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\\x9b", "U+009B CSI"),
        ("\\b", "U+0008 BS"),
    ],
)
def test_validate_refuses_control_characters_with_their_place(
    tmp_path: Path, wsw: Runner, escaped: str, named: str
) -> None:
    text = MINIMAL_PACK.replace(
        "text: Something the team has learnt.", f'text: "Something {escaped}learnt."'
    )
    pack = write(tmp_path / "team.yaml", text)
    result = wsw("packs", "validate", str(pack))
    assert result.code == 2
    assert "team.yaml:10:11: learning_points[0].text: a control character" in result.err
    assert f"({named}) at character 11" in result.err
    assert "\x1b" not in result.err and "\u202e" not in result.err
    # and a command that loads it never shows the pack's text
    listed = wsw("--packs", str(pack), "packs", "list")
    assert listed.code == 2 and "\x1b" not in listed.out + listed.err


def test_tabs_and_line_breaks_are_fine_in_pack_text(tmp_path: Path, wsw: Runner) -> None:
    text = MINIMAL_PACK.replace(
        "text: Something the team has learnt.", 'text: "Something\\tthe team\\nhas learnt."'
    )
    result = wsw("packs", "validate", str(write(tmp_path / "team.yaml", text)))
    assert result.code == 0, result.err


def test_packs_new_writes_a_starter_that_validates_and_whose_example_passes(
    tmp_path: Path, wsw: Runner
) -> None:
    made = wsw("packs", "new", "our-team", "--dir", str(tmp_path / "packs"))
    assert made.code == 0, made.err
    pack = tmp_path / "packs" / "our-team.yaml"
    text = pack.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./wsw-pack.schema.json\n")
    for part in ("sources:", "themes: [neglect", "text:", "prompt:", "triggers:", "examples:"):
        assert part in text
    assert (tmp_path / "packs" / "wsw-pack.schema.json").is_file()
    assert wsw("packs", "validate", str(pack)).code == 0
    tested = wsw("packs", "test", str(pack))
    assert tested.code == 0, tested.out + tested.err
    assert "PASS our-team.lunch-example" in tested.out


def test_the_schema_beside_a_new_pack_named_by_a_glob_is_explained_not_read_as_a_pack(
    tmp_path: Path, wsw: Runner
) -> None:
    """`wsw packs lint packs/*` names the schema `new` wrote: it used to be read as a broken
    pack with nine problems ("unknown field '$defs'")."""
    assert wsw("packs", "new", "our-team", "--dir", str(tmp_path)).code == 0
    globbed = sorted(str(p) for p in tmp_path.iterdir())
    linted = wsw("packs", "lint", *globbed)
    assert linted.code == 2
    assert "wsw-pack.schema.json: a JSON Schema for editors" in linted.err
    assert "$defs" not in linted.err and "1 problem" in linted.err
    assert wsw("packs", "lint", str(tmp_path)).code == 0  # the folder reads its YAML only
    notes = write(tmp_path / "notes.txt", "id: x\n")
    assert "packs are YAML files" in wsw("packs", "validate", str(notes)).err


def test_packs_new_never_overwrites(tmp_path: Path, wsw: Runner) -> None:
    existing = write(tmp_path / "our-team.yaml", "mine\n")
    again = wsw("packs", "new", "our-team", "--dir", str(tmp_path))
    assert again.code == 1
    assert "already exists" in again.err
    assert existing.read_text() == "mine\n"


def test_packs_new_refuses_an_id_packs_cannot_have(tmp_path: Path, wsw: Runner) -> None:
    result = wsw("packs", "new", "Our Team", "--dir", str(tmp_path))
    assert result.code == 2
    assert "not a valid pack id" in result.err
    assert not list(tmp_path.iterdir())


EXAMPLES = """\
examples:
  - id: team.lunch
    fictional: true
    information: The school says Jo has come in without a packed lunch all week.
    points: [team.one]
  - id: team.partner
    fictional: true
    information: Mum has a new partner who shouts at the children.
    themes: [male-carers]
    points: [team.one]
"""


def test_packs_test_reports_passes_misses_and_what_came_up(tmp_path: Path, wsw: Runner) -> None:
    pack = write(tmp_path / "team.yaml", MINIMAL_PACK + EXAMPLES)
    result = wsw("packs", "test", str(pack))
    assert result.code == 1
    assert "PASS team.lunch (team-pack)" in result.out
    assert "MISS team.partner (team-pack)" in result.out
    assert "not brought up: point team.one" in result.out
    assert "male-carers" in result.out.split("MISS team.partner")[1]  # what came up instead
    assert "2 examples: 1 passed, 1 missed." in result.err


def test_packs_test_follows_the_triggers(tmp_path: Path, wsw: Runner) -> None:
    """A trainer changes the vocabulary and sees the effect."""
    widened = MINIMAL_PACK.replace(
        "triggers: [packed lunch]", 'triggers: [packed lunch, "shouts at ... children"]'
    )
    pack = write(tmp_path / "team.yaml", widened + EXAMPLES)
    assert wsw("packs", "test", str(pack)).code == 0


def test_packs_test_json(tmp_path: Path, wsw: Runner) -> None:
    import json

    pack = write(tmp_path / "team.yaml", MINIMAL_PACK + EXAMPLES)
    payload = json.loads(wsw("packs", "test", str(pack), "--json").out)
    assert payload["version"] == 1
    lunch, partner = payload["examples"]
    assert lunch["passed"] and not partner["passed"]
    assert partner["missed_points"] == ["team.one"] and partner["missed_themes"] == []
    assert "male-carers" in partner["themes"]


def test_an_example_names_known_themes_and_points(tmp_path: Path, wsw: Runner) -> None:
    broken = EXAMPLES.replace("points: [team.one]\n  - id", "points: [team.two]\n  - id")
    pack = write(tmp_path / "team.yaml", MINIMAL_PACK + broken)
    result = wsw("packs", "validate", str(pack))
    assert result.code == 2
    assert "examples[0].points[0]: unknown point 'team.two'" in result.err


def test_the_built_in_packs_examples_pass(wsw: Runner) -> None:
    result = wsw("packs", "test")
    assert result.code == 0, result.out
    assert result.out.count("PASS ") >= 6
