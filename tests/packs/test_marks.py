"""Marks: a file's node tree set aside after it validates, composed again to locate a problem."""

from __future__ import annotations

from pathlib import Path

from wsw.packs.yamlfile import read_yaml

PACK = "id: team\nlearning_points:\n  - id: team.one\n    themes: [neglet]\n"


def test_a_tree_set_aside_is_composed_again_to_give_a_line(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    _, marks = read_yaml(path)
    marks.set_aside()
    assert marks.root is None
    assert marks.locate(("learning_points", 0, "themes", 0)) == (4, 14)


def test_a_file_gone_since_it_was_read_locates_nothing_and_breaks_nothing(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    _, marks = read_yaml(path)
    marks.set_aside()
    path.unlink()
    problem = marks.problem(("learning_points", 0, "themes", 0), "unknown theme 'neglet'")
    assert (problem.line, problem.column) == (None, None)
    assert problem.message == "unknown theme 'neglet'"


def test_a_released_tree_is_never_read_again(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    _, marks = read_yaml(path)
    marks.release()
    assert marks.locate(("id",)) == (None, None)
