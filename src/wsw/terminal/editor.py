"""`:edit`: an answer written in the person's own editor, as `git commit` does.

The editor is found as git finds it: `$VISUAL`, then `$EDITOR`, then the system's `editor`
(Debian's alternatives), then `vi`. The file opens with the question as comment lines
(`#`), which are removed from what comes back; for a text answer, lines wrapped by the editor
are joined into paragraphs again.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

from wsw.packs.questions import spec_for
from wsw.walk.session import Step

COMMENT = "#"
FALLBACKS = ("editor", "vi")


class EditorError(Exception):
    """The editor could not be used; the message says what to do."""


def editor_command() -> str:
    """The editor to run: $VISUAL, $EDITOR, then `editor` or `vi` on the PATH."""
    for variable in ("VISUAL", "EDITOR"):
        command = os.environ.get(variable, "").strip()
        if command:
            return command
    for name in FALLBACKS:
        if shutil.which(name):
            return name
    raise EditorError("No editor found: set EDITOR (for example EDITOR=nano) to use :edit.")


def with_question(step: Step, answer: str) -> str:
    """The file the editor opens: the question and how to answer it as comments, then the
    answer so far."""
    hint = spec_for(step.question.type).hint(step.question)
    about = [step.question.prompt.strip(), "", hint, "Lines starting with # are left out."]
    comments = [
        f"{COMMENT} {line}".rstrip()
        for part in about
        for line in (textwrap.wrap(part, 70) if part else [""])
    ]
    return "\n".join([*comments, "", answer]).rstrip() + "\n"


def from_editor(text: str, *, paragraphs: bool) -> list[str]:
    """The answer's lines, without the comment lines. For a text answer each paragraph is one
    line (the editor's wrapping undone), with an empty line between paragraphs."""
    lines = [line.rstrip() for line in text.splitlines() if not line.startswith(COMMENT)]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not paragraphs:
        return [line for line in lines if line.strip()]
    joined: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            joined += [*([""] if joined else []), " ".join(current)]
            current = []
    return joined


def open_editor(initial: str) -> str:
    """Edit text in the editor, via a private temporary file in wsw's own folder."""
    import shlex
    import subprocess
    import tempfile

    command = editor_command()
    from wsw.infra.storage import editor_file_prefix, ensure_private_dir
    from wsw.reflection.drafts import drafts_dir

    # In wsw's own private folder rather than the shared temporary folder: it holds an answer.
    folder = drafts_dir()
    ensure_private_dir(folder)
    # Named with wsw's pid, so that a file left by a wsw that was killed is cleaned up later.
    fd, name = tempfile.mkstemp(prefix=editor_file_prefix(), suffix=".txt", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*shlex.split(command), str(path)], check=False)
        except (OSError, ValueError):
            raise EditorError(f"Could not start the editor '{command}'.") from None
        if result.returncode != 0:
            raise EditorError("The editor exited with an error; nothing was changed.")
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
