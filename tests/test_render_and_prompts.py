"""Non-interactive use: `wsw render`, `wsw reflect --answers`, `wsw prompts`, `wsw drafts`."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import yaml

from helpers import DATA, Runner, write


def test_render_writes_a_private_note_and_prints_its_path(tmp_path: Path, wsw: Runner) -> None:
    target = tmp_path / "notes" / "note.md"
    result = wsw("render", str(DATA / "answers-full.yaml"), "-o", str(target))
    assert result.code == 0, result.err
    assert f"Note written to {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Child A")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_render_never_overwrites_without_force(tmp_path: Path, wsw: Runner) -> None:
    target = write(tmp_path / "note.md", "my earlier note")
    result = wsw("render", str(DATA / "answers-full.yaml"), "-o", str(target))
    assert result.code == 1
    assert "already exists" in result.err and "--force" in result.err
    assert target.read_text() == "my earlier note"
    assert wsw("render", str(DATA / "answers-full.yaml"), "-o", str(target), "--force").code == 0
    assert target.read_text().startswith("---")


def test_render_default_location_is_the_notes_folder(wsw_home: Path, wsw: Runner) -> None:
    result = wsw("render", str(DATA / "answers-full.yaml"), "--format", "html")
    assert result.code == 0, result.err
    (written,) = (wsw_home / "notes").glob("*.html")
    assert str(written) in result.err
    assert "<!DOCTYPE html>" in written.read_text(encoding="utf-8")


def test_render_to_stdout(wsw: Runner) -> None:
    result = wsw("render", str(DATA / "answers-full.yaml"), "-o", "-")
    assert result.out.startswith("---\ntitle:")


def test_reflect_with_answers_asks_nothing(tmp_path: Path, wsw: Runner) -> None:
    target = tmp_path / "n.md"
    result = wsw("reflect", "--answers", str(DATA / "answers-full.yaml"), "-o", str(target))
    assert result.code == 0, result.err
    assert "## So what?" in target.read_text(encoding="utf-8")


def test_answers_file_problems_are_listed_together(tmp_path: Path, wsw: Runner) -> None:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    answers = data["answers"]
    del answers["decision"]
    answers["scale-after"] = 11
    answers["case-type"] = "civil"
    answers["favourite-colour"] = "blue"
    answers["actions"] = [{"action": "Call", "due": "next week"}]
    bad = write(tmp_path / "bad.yaml", yaml.safe_dump(data))
    result = wsw("render", str(bad), "-o", str(tmp_path / "n.md"))
    assert result.code == 2
    assert "5 problems" in result.err
    for expected in ("'favourite-colour' is not a question", "'scale-after' should be a whole",
                     "'case-type' should be one of: private-law, public-law, other",
                     "'decision' is required", "due date"):  # fmt: skip
        assert expected in result.err
    assert not (tmp_path / "n.md").exists()
    assert "Traceback" not in result.err


def test_answers_file_that_is_not_yaml(tmp_path: Path, wsw: Runner) -> None:
    bad = write(tmp_path / "bad.yaml", "answers: [unclosed")
    result = wsw("render", str(bad))
    assert result.code == 2
    assert "bad.yaml:1:" in result.err and "not valid YAML" in result.err


def test_answers_file_in_json(tmp_path: Path, wsw: Runner) -> None:
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    source = write(tmp_path / "a.json", json.dumps(data, default=str))
    assert wsw("render", str(source), "-o", str(tmp_path / "n.md")).code == 0


def test_prompts_json_shape(wsw: Runner) -> None:
    payload = json.loads(wsw("prompts", "--json").out)
    assert list(payload) == ["version", "walk", "stages"]
    assert payload["walk"] == "individual"
    for stage in payload["stages"]:
        assert list(stage) == ["id", "title", "questions"]
        for q in stage["questions"]:
            assert list(q) == ["id", "type", "prompt", "required", "conditional", "when", "choices"]
            assert isinstance(q["choices"], list)
    types = {q["type"] for s in payload["stages"] for q in s["questions"]}
    assert types == {"text", "choice", "multichoice", "yesno", "scale", "date", "actions", "list",
                     "case"}  # fmt: skip
    themes = next(q for s in payload["stages"] for q in s["questions"] if q["id"] == "themes")
    assert "neglect" in themes["choices"]


def test_prompts_outline_and_schema(wsw: Runner) -> None:
    outline = wsw("prompts").out
    assert "So what?" in outline and "case-ref" in outline
    schema = json.loads(wsw("prompts", "--schema").out)
    props = schema["properties"]["answers"]["properties"]
    assert props["scale-before"] == {**props["scale-before"], "type": "integer", "maximum": 10}
    assert schema["properties"]["answers"]["additionalProperties"] is False


def test_reflect_without_a_terminal_says_how_to_run(wsw: Runner) -> None:
    result = wsw("reflect", stdin="")
    assert result.code == 2
    assert "--answers" in result.err and "Traceback" not in result.err


def test_drafts_commands(wsw_home: Path, wsw: Runner) -> None:
    assert "No drafts" in wsw("drafts", "list").err
    data = yaml.safe_load((DATA / "answers-full.yaml").read_text(encoding="utf-8"))
    answers = {k: data["answers"][k] for k in ("case-ref", "case-type")}
    draft = {"answers": answers, "meta": {"draft": "20261124-0900-abcd", "walk": "individual",
             "updated": "2026-11-24T09:00:00"}}  # fmt: skip
    write(wsw_home / "data" / "drafts" / "20261124-0900-abcd.json", json.dumps(draft))
    write(wsw_home / "data" / "drafts" / "broken.json", "{not json")
    listed = wsw("drafts", "list")
    assert "20261124-0900-abcd" in listed.out and "Child A" in listed.out
    assert "broken.json.damaged" in listed.err
    assert (wsw_home / "data" / "drafts" / "broken.json.damaged").exists()
    shown = wsw("drafts", "show", "20261124-0900")
    assert "Private law" in shown.out and "_Not answered._" in shown.out
    assert wsw("drafts", "discard", "nope").code == 2
    assert wsw("drafts", "discard", "20261124-0900-abcd").code == 0
    assert not (wsw_home / "data" / "drafts" / "20261124-0900-abcd.json").exists()
    assert "Deleted 1 draft" in wsw("drafts", "discard", "--all").err


def test_drafts_are_listed_even_when_a_pack_is_broken(wsw_home: Path, wsw: Runner) -> None:
    draft = {"answers": {"case-ref": "Child A"}, "meta": {"draft": "20261124-0900-abcd",
             "walk": "individual", "updated": "2026-11-24T09:00:00"}}  # fmt: skip
    write(wsw_home / "data" / "drafts" / "20261124-0900-abcd.json", json.dumps(draft))
    write(wsw_home / "data" / "packs" / "bad.yaml", "schema: 1\nid: bad\n")
    listed = wsw("drafts", "list")
    assert listed.code == 0 and "20261124-0900-abcd" in listed.out
    assert "packs have problems" in listed.err


def test_render_that_writes_identifiers_says_so_without_them(tmp_path: Path, wsw: Runner) -> None:
    answers = tmp_path / "answers.yaml"
    text = (DATA / "answers-full.yaml").read_text(encoding="utf-8")
    answers.write_text(
        text.replace("At the first hearing", "Call 07700 900123. At the first hearing")
    )
    result = wsw("render", str(answers), "-o", str(tmp_path / "note.md"))
    assert result.code == 0 and (tmp_path / "note.md").exists()
    assert "Warning: the note still contains" in result.err and "phone" in result.err
    assert "07700" not in result.err  # the kind and line, never the text
    assert "--strict" in result.err


def test_a_group_discussion_note_is_named_as_one(
    tmp_path: Path, wsw_home: Path, wsw: Runner
) -> None:
    answers = tmp_path / "group.yaml"
    answers.write_text(
        "answers:\n  case-ref: Child E\n  age-bands: [11-15]\n  information: Missing twice.\n"
        "  clarifying: [When?]\n  passed-on: unknown\n  disagreement: false\n  themes: []\n"
        "  meaning: [Risk]\n  daily-life: [School]\n  safety-now: [Unclear]\n"
        "  future-risk: [Higher]\n  alternatives: [Visiting a friend]\n  options: [Refer]\n"
        "  response: We refer today.\n  referral: s47\n  manager: Presenter, today\n"
        "  actions: [{action: Refer, owner: FCA, due: 2026-12-02}]\n"
        "meta:\n  walk: group\n",
        encoding="utf-8",
    )
    result = wsw("render", str(answers))
    assert result.code == 0, result.err
    (written,) = (wsw_home / "notes").glob("*.md")
    assert "-group-discussion-" in written.name
