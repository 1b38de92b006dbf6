"""The one place where errors become messages and exit codes.

Everything a person reads goes to stderr; stdout carries only a command's output (a note,
JSON), so pipes stay clean. Error messages never include answer text: the core builds them
from ids, field names and file positions only.
"""

# Only `sys` (already loaded by Python) at module level: the console script imports this
# module before `main` can catch anything, so a Ctrl-C while it loaded would be a traceback.
# Everything else is imported inside `main`'s guard (there is no `from __future__ import
# annotations` either: it imports a module too).
import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing takes 10 ms
if TYPE_CHECKING:
    from wsw.errors import WswError


def report(error: "WswError") -> None:
    """Print an error to stderr, plainly (no markup, so nothing in it is interpreted)."""
    _tell(error.lines())


def _tell(lines: list[str]) -> None:
    """To stderr; a terminal that has gone away (SIGHUP) or a full stderr is not an error."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        for line in lines:
            print(line, file=sys.stderr)
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C before the command began, or as it ended
        return _interrupted()


def _interrupted() -> int:
    from wsw.errors import EXIT_INTERRUPTED
    from wsw.infra import signals

    _tell([f"Interrupted ({signals.cause()})."])
    return signals.exit_code(EXIT_INTERRUPTED)


def _main(argv: list[str] | None) -> int:
    # wsw uses no pydantic plugins; without this pydantic scans every installed package's
    # entry points the first time a model is built, which costs start-up time.
    import gc
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
    import contextlib

    try:
        import resource
    except ImportError:  # not on Windows, which writes no core files by default
        return
    with contextlib.suppress(ValueError, OSError):  # a limit we may not lower: go on
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(argv: list[str] | None) -> int:
    """Run the command; the only place an error, an interruption or an exit becomes a code."""
    from wsw.errors import InternalError, OutputFailed, WswError
    from wsw.infra import signals

    try:
        with signals.starting():  # a Ctrl-C while the command line loads waits till it has
            from wsw.cli.app import app

        try:
            app(args=argv, prog_name="wsw")
        finally:
            _flush_stdout()
    except WswError as error:
        report(error)
        return error.exit_code
    except OSError as exc:  # output that could not be written (`> /dev/full`, a closed pipe)
        if exc.errno not in _output_errors():
            raise
        _silence_stdout()
        report(OutputFailed(f"Cannot write to standard output: {exc.strerror}."))
        return OutputFailed.exit_code
    except KeyboardInterrupt:
        return _interrupted()
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except Exception as exc:  # a bug: said plainly, never as a traceback holding answer text
        import os

        if signals.received():  # e.g. an import Ctrl-C broke half-way (RuntimeError)
            return _interrupted()
        if os.environ.get("WSW_DEBUG"):
            raise
        report(InternalError(exc))
        return InternalError.exit_code
    return 0


def _output_errors() -> set[int]:
    """What a full disk, a closed pipe or a gone terminal look like when stdout is written."""
    import errno

    return {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG}


def _flush_stdout() -> None:
    """Flush the command's output now, so a full disk or closed pipe (`> /dev/full`) is a
    message and exit 2, not a traceback from the interpreter at exit."""
    from wsw.errors import OutputFailed

    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or "it is closed"
        raise OutputFailed(f"Cannot write to standard output: {reason}.") from None


def _silence_stdout() -> None:
    """Point stdout at nothing, so the interpreter's own flush at exit has nothing to fail."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    with contextlib.suppress(OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
