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
    with pytest.raises(EditorError, match="Set EDITOR"):
        open_editor("")
    monkeypatch.setenv("EDITOR", "false")
    with pytest.raises(EditorError, match="exited with an error"):
        open_editor("")
