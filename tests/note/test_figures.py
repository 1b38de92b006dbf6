"""Findings apart from wsw's advice, and figures shown with what they are: tables whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import DATA, MINIMAL_PACK, Runner, load_library, write
from wsw.errors import PackError
from wsw.infra.paths import builtin_packs_dir
from wsw.note.cards import build_cards
from wsw.note.figures import table_markdown
from wsw.packs.library import Library

GOLDEN_PACKS = [builtin_packs_dir() / "core.yaml", DATA / "golden-points.yaml"]


def golden_library() -> Library:
    return load_library(GOLDEN_PACKS, builtin=False, user=False, env=False)


def test_a_table_renders_as_a_table_with_its_notes_and_source() -> None:
    library = golden_library()
    text = table_markdown(library.tables["golden.table"], library, ["1-5"])
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert [t.type for t in tokens].count("tr_open") == 4  # the head and three rows
    assert "| 1 to 5 | 3 | 25% | yes |" in text  # the row for this case's age is marked
    assert "_Fictional: the percentages are of the 12 cases._" in text
    assert "Source: Fictional study (Nobody, 2026): Fictional findings, p. 4." in text


def test_wsws_suggestion_follows_the_citation_and_says_it_is_wsws() -> None:
    library = golden_library()
    cards = build_cards(library, library.walks["individual"])
    line = next(x for x in cards.splitlines() if "A fictional finding with figures" in x)
    source = line.index("_Source: Fictional study")
    own = line.index("**wsw suggests (not from the source):** A fictional suggestion")
    assert source < own
    assert "(as at June 2021)" in line[source:own]
    assert "## Figures" in cards and "Counts of fictional cases, not rates" in cards


def test_a_row_of_the_wrong_width_and_an_unknown_table_are_pack_errors(tmp_path: Path) -> None:
    pack = MINIMAL_PACK.replace(
        "    triggers: [packed lunch]\n", "    triggers: [packed lunch]\n    tables: [team.tabel]\n"
    ) + (
        "tables:\n"
        "  - id: team.table\n"
        "    title: A table\n"
        "    columns: [A, B]\n"
        "    rows:\n"
        "      - {cells: [one, two]}\n"
        "      - {cells: [three]}\n"
        "    source: {document: rip-scr-2017-19, section: Key data}\n"
    )
    write(tmp_path / "packs" / "team.yaml", pack)
    with pytest.raises(PackError, match="row 2 has 1 cells; the table has 2 columns"):
        load_library([tmp_path / "packs"], user=False, env=False)
    write(tmp_path / "packs" / "team.yaml", pack.replace("      - {cells: [three]}\n", ""))
    with pytest.raises(PackError, match=r"unknown data table 'team\.tabel'"):
        load_library([tmp_path / "packs"], user=False, env=False)


def test_packs_show_prints_tables_and_suggest_json_carries_the_prompt(
    tmp_path: Path, wsw: Runner
) -> None:
    packs = tmp_path / "packs"
    write(packs / "golden.yaml", (DATA / "golden-points.yaml").read_text(encoding="utf-8"))
    shown = wsw("--packs", str(packs), "packs", "show", "golden-points")
    assert shown.code == 0, shown.err
    assert "Table 1: Fictional cases by age" in shown.out and "6 and over" in shown.out
    assert "wsw suggests (not from the source): A fictional suggestion" in shown.out
    info = "Mum's new partner moved in"
    found = wsw("--packs", str(packs), "suggest", "--json", "-n", "200", info)
    import json

    rows = {r["id"]: r for r in json.loads(found.out)["suggestions"]}
    assert (
        rows["golden.figures"]["prompt"] == "A fictional suggestion of wsw's own, for tests only."
    )
    text = wsw("--packs", str(packs), "suggest", "-n", "200", info).out
    assert "About the figures from Fictional study: Counts of fictional cases" in text


def test_a_note_shows_the_rows_a_point_cites_and_a_bad_row_is_a_pack_error(
    tmp_path: Path,
) -> None:
    library = golden_library()
    table = library.tables["golden.table"]
    text = table_markdown(table, library, [], rows=["6 and over"])
    assert "| 6 and over | 7 | 58% |" in text and "Under 1" not in text
    assert "Fictional: the percentages" in text  # what the table counts, and no more
    from wsw.note.figures import where_whole

    assert "`wsw packs show golden-points`" in where_whole([table], library)
    with_age = table_markdown(table, library, ["under-1"], rows=["6 and over"])
    assert "| Under 1 | 2 | 17% | yes |" in with_age  # the case's own age comes too
    pack = (
        (DATA / "golden-points.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "    tables: [golden.table]", '    tables: [{table: golden.table, rows: ["6 and ovr"]}]'
        )
    )
    write(tmp_path / "golden.yaml", pack)
    with pytest.raises(PackError, match=r"'golden\.table' has no row '6 and ovr'"):
        load_library([GOLDEN_PACKS[0], tmp_path / "golden.yaml"], builtin=False, user=False,
                     env=False)  # fmt: skip
