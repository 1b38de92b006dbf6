"""`:edit` through the person's own $EDITOR: a private temporary file, removed afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from wsw.terminal.editor import EditorError, open_editor


def test_the_editor_edits_a_private_file_that_is_then_removed(
    tmp_path: Path, wsw_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text(
        '#!/bin/sh\nstat -c %a "$1" > "$1.mode"\n'
        "printf 'Written in the editor\\nsecond line\\n' > \"$1\"\n"
    )
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    assert open_editor("before") == "Written in the editor\nsecond line\n"
    drafts = wsw_home / "data" / "drafts"
    (mode,) = [p.read_text().strip() for p in drafts.glob("*.mode")]
    assert mode == "600"  # it holds an answer
    assert not list(drafts.glob("wsw-edit-*.txt"))


def test_no_editor_or_a_failing_one_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # neither `editor` nor `vi` there
    with pytest.raises(EditorError, match="No editor found: set EDITOR"):
        open_editor("")
    monkeypatch.setenv("EDITOR", "false")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    with pytest.raises(EditorError, match="exited with an error"):
        open_editor("")


def test_the_editor_is_found_as_git_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$VISUAL, then $EDITOR, then the system's `editor`, then `vi`."""
    from wsw.terminal.editor import editor_command

    for name in ("editor", "vi"):
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o700)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("VISUAL", "code --wait")
    monkeypatch.setenv("EDITOR", "nano")
    assert editor_command() == "code --wait"
    monkeypatch.delenv("VISUAL")
    assert editor_command() == "nano"
    monkeypatch.delenv("EDITOR")
    assert editor_command() == "editor"
    (tmp_path / "editor").unlink()
    assert editor_command() == "vi"


def test_comment_lines_go_and_wrapped_lines_become_paragraphs() -> None:
    from wsw.terminal.editor import from_editor

    text = ("# What is the new information?\n#\n\nThe school rang at ten.\nShe said the\n"
            "bruise was new.\n\n\nMum was not told.\n")  # fmt: skip
    assert from_editor(text, paragraphs=True) == [
        "The school rang at ten. She said the bruise was new.", "", "Mum was not told.",
    ]  # fmt: skip
    assert from_editor("# a list\none\n\ntwo\n", paragraphs=False) == ["one", "two"]
