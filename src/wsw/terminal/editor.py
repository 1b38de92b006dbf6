"""`:edit`: an answer written in the person's own editor, as `git commit` does."""

from __future__ import annotations

import os
from pathlib import Path


class EditorError(Exception):
    """The editor could not be used; the message says what to do."""


def open_editor(initial: str) -> str:
    """Edit text in $VISUAL or $EDITOR, via a private temporary file in wsw's own folder."""
    import shlex
    import subprocess
    import tempfile

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise EditorError("Set EDITOR (for example EDITOR=nano) to use :edit.")
    from wsw.infra.storage import editor_file_prefix, ensure_private_dir
    from wsw.reflection.drafts import drafts_dir

    # In wsw's own private folder rather than the shared temporary folder: it holds an answer.
    folder = drafts_dir()
    ensure_private_dir(folder)
    fd, name = tempfile.mkstemp(prefix=editor_file_prefix(), suffix=".txt", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError:
            raise EditorError(f"Could not start the editor '{command}'.") from None
        if result.returncode != 0:
            raise EditorError("The editor exited with an error; nothing was changed.")
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
