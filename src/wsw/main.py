"""The one place where errors become messages and exit codes.

Everything a person reads goes to stderr; stdout carries only a command's output (a note,
JSON), so pipes stay clean. Error messages never include answer text: the core builds them
from ids, field names and file positions only.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import sys

from wsw.errors import EXIT_INTERRUPTED, WswError


def report(error: WswError) -> None:
    """Print an error to stderr, plainly (no markup, so nothing in it is interpreted)."""
    _tell(error.lines())


def _tell(lines: list[str]) -> None:
    """To stderr; a terminal that has gone away (SIGHUP) or a full stderr is not an error."""
    with contextlib.suppress(OSError, ValueError):
        for line in lines:
            print(line, file=sys.stderr)
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C before the command began, or as it ended
        from wsw.infra import signals

        _tell([f"Interrupted ({signals.cause()})."])
        return signals.exit_code(EXIT_INTERRUPTED)


def _main(argv: list[str] | None) -> int:
    # wsw uses no pydantic plugins; without this pydantic scans every installed package's
    # entry points the first time a model is built, which costs start-up time.
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_core_dumps()
    from wsw.infra import signals

    signals.install()
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
    from wsw.infra import signals

    try:
        from wsw.cli.app import app  # inside: Ctrl-C while it loads is an interruption too

        try:
            app(args=argv, prog_name="wsw")
        finally:
            _flush_stdout()
    except WswError as error:
        report(error)
        return error.exit_code
    except OSError as exc:  # output that could not be written (`> /dev/full`, a closed pipe)
        if exc.errno not in OUTPUT_ERRORS:
            raise
        _silence_stdout()
        report(OutputFailed(f"Cannot write to standard output: {exc.strerror}."))
        return OutputFailed.exit_code
    except KeyboardInterrupt:
        _tell([f"Interrupted ({signals.cause()})."])
        return signals.exit_code(EXIT_INTERRUPTED)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except Exception as exc:  # a bug: said plainly, never as a traceback holding answer text
        import os

        if os.environ.get("WSW_DEBUG"):
            raise
        report(InternalError(exc))
        return InternalError.exit_code
    return 0


class InternalError(WswError):
    """A mistake in wsw itself (exit 1). The message names the kind of error and where it
    happened in wsw's code, never its text, which could hold an answer."""

    exit_code = 1

    def __init__(self, exc: BaseException) -> None:
        import traceback

        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "wsw" in f.filename]
        where = ""
        if frames:
            last = frames[-1]
            module = last.filename.replace("\\", "/").rsplit("/wsw/", 1)[-1]
            where = f" in wsw/{module} line {last.lineno}"
        super().__init__(
            f"wsw stopped on an internal error ({type(exc).__name__}{where}). Nothing you "
            "typed is shown here, and drafts are as last saved. Please report it; WSW_DEBUG=1 "
            "shows the full traceback."
        )


OUTPUT_ERRORS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG}


def _flush_stdout() -> None:
    """Flush the command's output now, so a full disk or closed pipe (`> /dev/full`) is a
    message and exit 2, not a traceback from the interpreter at exit."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or "it is closed"
        raise OutputFailed(f"Cannot write to standard output: {reason}.") from None


def _silence_stdout() -> None:
    """Point stdout at nothing, so the interpreter's own flush at exit has nothing to fail."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    with contextlib.suppress(OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit


class OutputFailed(WswError):
    """Standard output could not be written (exit 2)."""
