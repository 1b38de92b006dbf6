"""The one place where errors become messages and exit codes.

Everything a person reads goes to stderr; stdout carries only a command's output (a note,
JSON), so pipes stay clean. Error messages never include answer text: the core builds them
from ids, field names and file positions only.
"""

from __future__ import annotations

import contextlib
import gc
import sys

from wsw.errors import EXIT_INTERRUPTED, WswError


def report(error: WswError) -> None:
    """Print an error to stderr, plainly (no markup, so nothing in it is interpreted)."""
    for line in error.lines():
        print(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    # wsw uses no pydantic plugins; without this pydantic scans every installed package's
    # entry points the first time a model is built, which costs start-up time.
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_core_dumps()
    # Start-up only builds long-lived objects: the collector waits until the library is
    # loaded (`wsw.infra.collector.settle`), and is put back as it was when the command ends.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(argv)
    finally:
        if was_collecting:
            # Frozen objects are skipped by the collection the interpreter makes at exit.
            gc.freeze()
            gc.enable()


def _no_core_dumps() -> None:
    """A crash must not write what was typed to disk: no core dump for this process."""
    try:
        import resource
    except ImportError:  # not on Windows, which writes no core files by default
        return
    with contextlib.suppress(ValueError, OSError):  # a limit we may not lower: go on
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(argv: list[str] | None) -> int:
    """Run the command; the only place an error, an interruption or an exit becomes a code."""
    from wsw.cli.app import app

    try:
        app(args=argv, prog_name="wsw")
    except WswError as error:
        report(error)
        return error.exit_code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
