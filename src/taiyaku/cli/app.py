"""``main``: read the command line, run the command, and make every failure exit 2.

No failure may look like success, nor like findings (exit 1): a configuration error, a
mistyped flag, output that cannot be written, an interruption (SIGINT, SIGTERM, SIGHUP)
and any unexpected exception (a bug: one line, and its traceback with ``--debug``) all
exit 2.  A closed output pipe (``taiyaku … | head``) ends the run quietly, also with 2.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import sys
import traceback
from collections.abc import Iterator, Sequence

from taiyaku import __version__
from taiyaku.cli.console import emit, say, silence_stdout
from taiyaku.cli.exits import EXIT_ERROR, EXIT_OK
from taiyaku.cli.parsers import command_parser, print_top_help
from taiyaku.errors import ConfigError, Interrupted

__all__ = ["main"]

_REPORT_BUG = "please report it, with the output of the same command with --debug"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    with _stop_on_signals():
        try:
            code = _main(args)
            emit("")  # what print() left in the buffer: its failure is ours too
            return code
        except ConfigError as exc:
            say(f"taiyaku: error: {exc}")
        except KeyboardInterrupt:
            say("taiyaku: interrupted (SIGINT)")
        except Interrupted as stop:
            say(f"taiyaku: interrupted ({stop.signal_name})")
        except BrokenPipeError:  # the reader went away (`taiyaku … | head`): say nothing
            silence_stdout()
        except Exception as exc:  # a bug: never a traceback unless asked, never exit 1
            say(f"taiyaku: internal error: {type(exc).__name__}: {exc} ({_REPORT_BUG})")
            if debug:
                with contextlib.suppress(OSError, ValueError):
                    traceback.print_exc(file=sys.stderr)
    return EXIT_ERROR


def _main(args: list[str]) -> int:
    if args[:1] in (["--version"], ["-V"]):
        emit(f"taiyaku {__version__}\n")
        return EXIT_OK
    if not args or args[0] in ("-h", "--help"):
        print_top_help()
        return EXIT_OK if args else EXIT_ERROR
    if args[0].startswith("-"):
        from taiyaku.cli.parsers import UsageError

        raise UsageError(f"unknown option {args[0]} before the command (see `taiyaku --help`)")
    name = args[0]
    parser = command_parser(name)
    try:
        namespace = parser.parse_args(args[1:])
    except SystemExit as exc:  # --help printed
        return int(exc.code or 0)
    # A run allocates many small objects and frees them all at exit: collecting young
    # garbage every 700 allocations costs a third of the run for nothing.
    gc.set_threshold(100_000, 50, 100)
    return _run(name, namespace)


def _run(name: str, namespace: object) -> int:
    if name == "check":
        from taiyaku.cli.check import check

        return check(namespace)  # type: ignore[arg-type]
    if name == "report":
        from taiyaku.cli.report import report

        return report(namespace)  # type: ignore[arg-type]
    if name == "facts":
        from taiyaku.cli.facts import facts

        return facts(namespace)  # type: ignore[arg-type]
    if name == "status":
        from taiyaku.cli.status import status

        return status(namespace)  # type: ignore[arg-type]
    from taiyaku.cli import info

    return info.run(name, namespace)  # type: ignore[arg-type]


# SIGTERM (a CI job cancelled, `kill`) and SIGHUP (the terminal closed) stop a run the way
# Ctrl-C does: the workers are stopped, no file is left half-written, and the exit code is 2.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    def stop(signum: int, _frame: object) -> None:
        raise Interrupted(signal.Signals(signum).name)

    try:
        previous = [(sig, signal.signal(sig, stop)) for sig in _STOP_SIGNALS]
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        previous = []
    try:
        yield
    finally:
        for sig, handler in previous:
            signal.signal(sig, handler)
