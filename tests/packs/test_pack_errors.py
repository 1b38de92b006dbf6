"""A broken pack gets one clear message per problem: file, line, column, field, and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINIMAL_PACK, Runner, load_library, write
from wsw.errors import PackError


def problems_for(tmp_path: Path, text: str, name: str = "team.yaml") -> list[str]:
    pack = write(tmp_path / "packs" / name, text)
    with pytest.raises(PackError) as info:
        load_library([pack.parent], user=False, env=False)
    return [str(p) for p in info.value.problems]


def test_minimal_pack_loads_on_top_of_builtins(tmp_path: Path) -> None:
    pack = write(tmp_path / "packs" / "team.yaml", MINIMAL_PACK)
    library = load_library([pack.parent], user=False, env=False)
    assert "team.one" in library.point_by_id
    assert library.point_by_id["team.one"].pack == "team-pack"


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    broken = MINIMAL_PACK.replace("title: Team pack", "title: [Team pack")
    (message,) = problems_for(tmp_path, broken)
    assert "team.yaml:" in message
    assert "YAML syntax error" in message
    line = int(message.split("team.yaml:")[1].split(":")[0])
    assert 3 <= line <= 6


def test_unknown_theme_names_field_and_line(tmp_path: Path) -> None:
    (message,) = problems_for(
        tmp_path, MINIMAL_PACK.replace("themes: [neglect]", "themes: [neglet]")
    )
    assert "team.yaml:8:14: learning_points[0].themes[0]: unknown theme 'neglet'" in message
    assert "did you mean 'neglect'" in message


def test_missing_field(tmp_path: Path) -> None:
    text = MINIMAL_PACK.replace("    text: Something the team has learnt.\n", "")
    (message,) = problems_for(tmp_path, text)
    assert "team.yaml:7:5: learning_points[0].text: missing required field 'text'" in message


def test_wrong_type(tmp_path: Path) -> None:
    text = MINIMAL_PACK.replace("page: 16", "page: sixteen")
    (message,) = problems_for(tmp_path, text)
    assert "team.yaml:11:" in message
    assert "learning_points[0].source.page" in message
    assert "'sixteen'" in message


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    text = MINIMAL_PACK.replace("    title: A team", "    titel: A team")
    messages = problems_for(tmp_path, text)
    assert any("unknown field 'titel' (did you mean 'title'?)" in m for m in messages)
    assert any("missing required field 'title'" in m for m in messages)


def test_duplicate_id_across_packs_names_both_files(tmp_path: Path) -> None:
    write(tmp_path / "packs" / "a.yaml", MINIMAL_PACK)
    second = MINIMAL_PACK.replace("id: team-pack", "id: other-pack")
    write(tmp_path / "packs" / "b.yaml", second)
    with pytest.raises(PackError) as info:
        load_library([tmp_path / "packs"], user=False, env=False)
    (problem,) = info.value.problems
    assert problem.file.endswith("b.yaml")
    assert "duplicate content id 'team.one'" in problem.message
    assert "a.yaml:7" in problem.message


def test_duplicate_key_in_one_mapping(tmp_path: Path) -> None:
    text = MINIMAL_PACK.replace("version: 1.0\n", "version: 1.0\nversion: 2.0\n")
    (message,) = problems_for(tmp_path, text)
    assert "team.yaml:5:1: version: key 'version' appears twice" in message


def test_schema_version_mismatch(tmp_path: Path) -> None:
    (message,) = problems_for(tmp_path, MINIMAL_PACK.replace("schema: 1", "schema: 2"))
    assert "team.yaml:1:9: schema:" in message
    assert "reads schema 1" in message


def test_unknown_source_document_and_stage(tmp_path: Path) -> None:
    text = MINIMAL_PACK.replace("document: rip-scr-2017-19", "document: rip-2017").replace(
        "    triggers: [packed lunch]", "    triggers: [packed lunch]\n    stages: [so-wat]"
    )
    messages = problems_for(tmp_path, text)
    assert any("unknown source document 'rip-2017'" in m for m in messages)
    assert any("unknown walk stage 'so-wat' (did you mean 'so-what'?)" in m for m in messages)


def test_bad_trigger_syntax(tmp_path: Path) -> None:
    (message,) = problems_for(tmp_path, MINIMAL_PACK.replace("[packed lunch]", "['... lunch']"))
    assert "learning_points[0].triggers[0]" in message
    assert "cannot start with '...'" in message


def test_condition_refers_to_unknown_question(tmp_path: Path) -> None:
    text = MINIMAL_PACK + (
        "checks:\n"
        "  - id: team.check\n"
        "    text: Ask about lunch.\n"
        "    when: {answer: {question: lunch-box, equals: yes}}\n"
    )
    (message,) = problems_for(tmp_path, text)
    assert "checks[0].when.answer.question: unknown question 'lunch-box'" in message


def test_not_a_mapping_and_empty_files(tmp_path: Path) -> None:
    assert "must be a mapping" in problems_for(tmp_path, "- just\n- a list\n")[0]
    assert "the file is empty" in problems_for(tmp_path, "", name="empty.yaml")[0]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path / "packs" / "a.yaml", MINIMAL_PACK.replace("page: 16", "page: p16"))
    write(tmp_path / "packs" / "b.yaml", "id: [")
    with pytest.raises(PackError) as info:
        load_library([tmp_path / "packs"], user=False, env=False)
    files = sorted(Path(p.file).name for p in info.value.problems)
    assert files == ["a.yaml", "b.yaml"]


def test_folder_pack_parts_report_their_own_file(tmp_path: Path) -> None:
    folder = tmp_path / "packs" / "team"
    head, points = MINIMAL_PACK.split("learning_points:\n")
    write(folder / "pack.yaml", head)
    write(folder / "points.yaml", "learning_points:\n" + points.replace("[neglect]", "[neglekt]"))
    with pytest.raises(PackError) as info:
        load_library([tmp_path / "packs"], user=False, env=False)
    (problem,) = info.value.problems
    assert problem.file.endswith("team/points.yaml")
    assert problem.line == 3


def test_folder_pack_loads(tmp_path: Path) -> None:
    folder = tmp_path / "packs" / "team"
    head, points = MINIMAL_PACK.split("learning_points:\n")
    write(folder / "pack.yaml", head)
    write(folder / "points.yaml", "learning_points:\n" + points)
    library = load_library([tmp_path / "packs"], user=False, env=False)
    assert library.point_by_id["team.one"].pack == "team-pack"


def test_cli_exit_2_and_no_traceback(tmp_path: Path, wsw: Runner) -> None:
    bad = write(tmp_path / "bad.yaml", MINIMAL_PACK.replace("[neglect]", "[neglet]"))
    result = wsw("packs", "validate", str(bad))
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "bad.yaml:8:14: learning_points[0].themes[0]: unknown theme 'neglet'" in result.err
    assert result.out == ""


def test_broken_user_pack_stops_every_command_clearly(wsw_home: Path, wsw: Runner) -> None:
    write(wsw_home / "data" / "packs" / "mine.yaml", "schema: 1\nid: mine\n")
    result = wsw("suggest", "no food in the house")
    assert result.code == 2
    assert "mine.yaml:1:1: title: missing required field 'title'" in result.err
    assert "Traceback" not in result.err


def test_a_broken_core_does_not_bury_its_problem_under_hundreds(tmp_path: Path) -> None:
    from wsw.infra.paths import builtin_packs_dir
    from wsw.packs.files import pack_paths
    from wsw.packs.layers import build_library

    copy = tmp_path / "content"
    copy.mkdir()
    for pack in pack_paths(builtin_packs_dir()):
        (copy / pack.name).write_text(pack.read_text(encoding="utf-8"), encoding="utf-8")
    core = copy / "core.yaml"
    core.write_text(core.read_text(encoding="utf-8").replace("title: wsw core", "title: [wsw"))
    with pytest.raises(PackError) as info:
        build_library([(p, "given") for p in pack_paths(copy)])
    (problem,) = info.value.problems
    assert problem.file.endswith("core.yaml")
