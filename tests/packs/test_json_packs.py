"""Packs written as JSON (`wsw packs build`): the same packs, held to the same checks."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINIMAL_PACK, Runner, load_library, write
from wsw.errors import PackError
from wsw.infra import paths
from wsw.packs.files import pack_paths
from wsw.packs.jsonfile import pack_json, read_json
from wsw.packs.loader import load_pack
from wsw.packs.problems import FileProblems


def _built(tmp_path: Path, wsw: Runner, *given: Path) -> Path:
    out = tmp_path / "built"
    result = wsw("packs", "build", *map(str, given), "--out", str(out))
    assert result.code == 0, result.err
    return out


def test_every_built_in_pack_built_as_json_reads_back_the_same(tmp_path: Path, wsw: Runner) -> None:
    out = _built(tmp_path, wsw, paths.builtin_packs_dir())
    for yaml_pack in pack_paths(paths.builtin_packs_dir()):
        pack_id = load_pack(yaml_pack).pack.id
        built = out / f"{pack_id}.pack.json"
        assert load_pack(built).pack == load_pack(yaml_pack).pack
        assert stat.S_IMODE(built.stat().st_mode) == 0o600


def test_a_library_of_json_packs_suggests_as_the_yaml_one_does(tmp_path: Path, wsw: Runner) -> None:
    team = write(tmp_path / "src" / "team.yaml", MINIMAL_PACK)
    out = _built(tmp_path, wsw, team)
    assert [p.name for p in out.iterdir()] == ["team-pack.pack.json"]
    text = "The school says he has had no packed lunch for a week."
    from_yaml = wsw("--packs", str(team), "suggest", text, "--json")
    from_json = wsw("--packs", str(out), "suggest", text, "--json")
    assert from_yaml.code == from_json.code == 0, from_json.err
    assert json.loads(from_json.out) == json.loads(from_yaml.out)
    assert "team.one" in from_json.out
    listed = wsw("--packs", str(out), "packs", "list", "--json")
    (team_entry,) = [p for p in json.loads(listed.out)["packs"] if p["id"] == "team-pack"]
    assert team_entry["path"].endswith("team-pack.pack.json")


def test_a_folder_pack_is_built_as_one_file(tmp_path: Path, wsw: Runner) -> None:
    folder = tmp_path / "src" / "team"
    write(folder / "pack.yaml", MINIMAL_PACK)
    more = MINIMAL_PACK.split("learning_points:\n")[1].replace("team.one", "team.two")
    write(folder / "more.yaml", "learning_points:\n" + more)
    out = _built(tmp_path, wsw, folder)
    ids = [
        p["id"] for p in json.loads((out / "team-pack.pack.json").read_text())["learning_points"]
    ]
    assert ids == ["team.one", "team.two"]
    assert load_pack(out / "team-pack.pack.json").pack == load_pack(folder).pack


def test_build_checks_first_and_never_replaces_a_file(tmp_path: Path, wsw: Runner) -> None:
    broken = write(tmp_path / "src" / "team.yaml", MINIMAL_PACK.replace("[neglect]", "[neglet]"))
    refused = wsw("packs", "build", str(broken), "--out", str(tmp_path / "built"))
    assert refused.code == 2
    assert "unknown theme 'neglet'" in refused.err
    assert not (tmp_path / "built").exists()
    good = write(tmp_path / "src" / "team.yaml", MINIMAL_PACK)
    out = _built(tmp_path, wsw, good)
    again = wsw("packs", "build", str(good), "--out", str(out))
    assert again.code != 0
    assert "already exists; use --force" in again.err
    assert wsw("packs", "build", str(good), "--out", str(out), "--force").code == 0


def test_build_will_not_write_beside_the_packs_it_reads(tmp_path: Path, wsw: Runner) -> None:
    team = write(tmp_path / "src" / "team.yaml", MINIMAL_PACK)
    for source in (team, team.parent):
        refused = wsw("packs", "build", str(source), "--out", str(team.parent))
        assert refused.code == 2
        assert "write the JSON to another folder" in refused.err
    assert [p.name for p in team.parent.iterdir()] == ["team.yaml"]


def test_only_pack_json_files_are_packs(tmp_path: Path, wsw: Runner) -> None:
    out = _built(tmp_path, wsw, write(tmp_path / "src" / "team.yaml", MINIMAL_PACK))
    (out / "wsw-pack.schema.json").write_text("{}")  # as `wsw packs new` writes beside packs
    (out / "notes.json").write_text("[]")
    assert [p.name for p in pack_paths(out)] == ["team-pack.pack.json"]
    named = wsw("packs", "validate", str(out / "notes.json"))
    assert named.code == 2
    assert "a pack in JSON is named NAME.pack.json" in named.err


def _json_problems(tmp_path: Path, text: str) -> list[str]:
    pack = write(tmp_path / "packs" / "team.pack.json", text)
    with pytest.raises(PackError) as info:
        load_library([pack.parent], user=False, env=False)
    return [str(p) for p in info.value.problems]


def _minimal_data() -> dict[str, object]:
    import yaml

    data = yaml.safe_load(MINIMAL_PACK)
    assert isinstance(data, dict)
    return data


def test_a_problem_in_a_json_pack_names_its_line(tmp_path: Path) -> None:
    data = _minimal_data()
    data["learning_points"][0]["themes"] = ["neglet"]  # type: ignore[index]
    text = pack_json(data)
    line = next(n for n, s in enumerate(text.splitlines(), 1) if '"neglet"' in s)
    (message,) = _json_problems(tmp_path, text)
    assert f"team.pack.json:{line}:" in message
    assert "learning_points[0].themes[0]: unknown theme 'neglet'" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema": 1, "id": "x",', "team.pack.json:1:"),  # cut short: a syntax error
        ('{"schema": 1, "id": "a", "id": "b"}', "key 'id' appears twice"),
        ('{"schema": NaN}', "'NaN' is not a number a pack can hold"),
        ('{"schema": ' + "9" * 5000 + "}", "longer than 4,300 digits"),
        ("[1, 2]", "must be a mapping"),
        ('{"schema": 1, "id": "x", "title": "a\\u001b[2Jb", "version": "1"}', "ESC"),
        ('{"schema": 1, "id": "x", "title": "a\u202eb", "version": "1"}', "control characters"),
        ('{"schema": 1, "id": "x", "title": "a\\rb", "version": "1"}', "control characters"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_json_pack_that_cannot_be_a_pack_says_why(
    tmp_path: Path, text: str, expected: str
) -> None:
    messages = _json_problems(tmp_path, text)
    assert any(expected in m for m in messages), messages


def test_a_duplicate_key_is_shown_at_its_line(tmp_path: Path) -> None:
    text = '{\n "schema": 1,\n "id": "a",\n "id": "b"\n}\n'
    (message,) = _json_problems(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'packs' / 'team.pack.json'}:4:") or ":4:" in message
    assert "key 'id' appears twice" in message


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "team.pack.json"
    pack.write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(FileProblems) as info:
        read_json(pack)
    assert "not UTF-8" in str(info.value.problems[0])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_never_a_crash(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "x.pack.json"
        pack.write_bytes(b'{"schema": 1, ' + data)
        try:
            read_json(pack)
        except FileProblems as exc:
            assert exc.problems and all(p.message for p in exc.problems)
