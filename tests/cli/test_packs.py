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
