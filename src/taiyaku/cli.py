"""The command line: ``taiyaku check``, ``report``, ``facts``, ``rules`` and ``rule``.

Exit codes of ``check``: 0 no error-level findings; 1 error-level findings; 2 usage,
configuration or internal error (the tool's own failure is never reported as clean).
``report`` exits 0 once the report is written, whatever it found; 2 on a usage or
configuration error, when the output cannot be written, or on an internal error (the
report is still written, and lists the errors).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiyaku import __version__
from taiyaku.config.loading import Config, load_config
from taiyaku.config.options import Option, all_options
from taiyaku.errors import ConfigError, Interrupted, OutputError
from taiyaku.model.atomic import write_atomically
from taiyaku.output import check_formats, get_reporter, report_formats
from taiyaku.rules.registry import all_rules, get_rule
from taiyaku.run.baseline import (
    Baseline,
    BaselineOutcome,
    apply_baseline,
    prune_baseline,
    write_baseline,
)

if TYPE_CHECKING:
    from taiyaku.run.fixes import FixReport
    from taiyaku.run.result import RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"taiyaku: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _add_option_flags(parser: argparse.ArgumentParser, options: Sequence[Option]) -> None:
    for option in options:
        if not option.flag:
            continue
        flag = f"--{option.key}"
        dest = option.key.replace("-", "_")
        default_note = "" if option.default in (None, [], {}) else f" (default: {option.default})"
        help_text = option.help + default_note
        if option.kind == "bool":
            parser.add_argument(
                flag, dest=dest, action=argparse.BooleanOptionalAction, default=None, help=help_text
            )
        elif option.kind in ("list", "paths", "table"):
            parser.add_argument(
                flag, dest=dest, action="append", default=None, metavar="VALUE", help=help_text
            )
        elif option.kind == "choice" or option.key == "format":
            choices = check_formats() if option.key == "format" else option.choices
            parser.add_argument(flag, dest=dest, choices=choices, default=None, help=help_text)
        elif option.kind == "int":
            parser.add_argument(flag, dest=dest, type=int, default=None, help=help_text)
        elif option.kind == "float":
            parser.add_argument(flag, dest=dest, type=float, default=None, help=help_text)
        else:
            parser.add_argument(flag, dest=dest, default=None, metavar="VALUE", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="taiyaku",
        description="Lint a website's Japanese pages against their English counterparts.",
    )
    parser.add_argument("--version", action="version", version=f"taiyaku {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check pages (default: the configured root)")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="pages or folders under the content root",
    )
    check.add_argument("--config", type=Path, help="config file (taiyaku.toml or pyproject.toml)")
    check.add_argument("--no-config", action="store_true", help="ignore config files")
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record the findings in FILE (see --baseline) instead of reporting them; exit 0",
    )
    check.add_argument(
        "--prune-baseline",
        action="store_true",
        help="rewrite the --baseline file without the entries that are fixed",
    )
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes")
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix, --fix-only or --diff: the unsafe fixes too (they may change meaning)",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print what --fix would change as a unified diff; write nothing (exit 1 if any)",
    )
    fixing.add_argument(
        "--fix-only", action="store_true", help="apply fixes, and do not report what remains"
    )
    fixing.add_argument(
        "--show-fixes", action="store_true", help="with --fix: list what was fixed, per file"
    )
    _add_option_flags(check, all_options())

    _add_report_parser(commands)

    facts = commands.add_parser(
        "facts",
        help="print the dates and times read on pages, block by block",
        description="Print, block by block, the dates, times and periods taiyaku reads on "
        "each page (with the year a date takes from the page and where it came from), the "
        "date- or time-like text it cannot read, and which section of the counterpart each "
        "block is compared with.",
    )
    facts.add_argument("paths", nargs="+", type=Path, metavar="PAGE", help="pages to explain")
    facts.add_argument("--config", type=Path, help="config file (taiyaku.toml or pyproject.toml)")
    facts.add_argument("--no-config", action="store_true", help="ignore config files")
    _add_option_flags(facts, [o for o in all_options() if o.key != "format"])

    rules = commands.add_parser("rules", help="list all rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code", help="rule code or name, e.g. TM001 or hours-mismatch")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A run allocates many small objects and frees them all at exit: collecting young
    # garbage every 700 allocations costs a third of the run for nothing.
    gc.set_threshold(100_000, 50, 100)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    with _stop_on_signals():
        try:
            code = _dispatch(parser, args)
            _emit("")  # what print() left in the buffer: its failure is ours too
            return code
        except ConfigError as exc:
            _say(f"taiyaku: error: {exc}")
        except KeyboardInterrupt:
            _say("taiyaku: interrupted (SIGINT)")
        except Interrupted as stop:
            _say(f"taiyaku: interrupted ({stop.signal_name})")
        except BrokenPipeError:  # the reader went away (`taiyaku … | head`): say nothing
            _silence_stdout()
    return EXIT_ERROR


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args)
    if args.command == "report":
        return _report(args)
    if args.command == "facts":
        return _facts(args)
    if args.command == "rules":
        return _rules(args.format)
    if args.command == "rule":
        return _rule(args.code)
    parser.print_help()
    return EXIT_ERROR


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


def _emit(text: str) -> None:
    """Write ``text`` to stdout; a failed write (a full disk) is the tool's failure."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def _say(line: str) -> None:
    """A line on stderr (never an error of its own: stderr may be gone too)."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's final flush of what is
    still buffered cannot fail again on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _flag_overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for option in all_options():
        value = getattr(args, option.key.replace("-", "_"), None)
        if value is not None:
            overrides[option.key] = value
    return overrides


def _check(args: argparse.Namespace) -> int:
    from taiyaku.run.engine import run

    config = load_config(args.config, _flag_overrides(args), discover=not args.no_config)
    render = get_reporter(config.get("format"))
    if args.write_baseline:
        config.values["baseline"] = None  # record every finding, old ones too
    elif args.prune_baseline and not config.get("baseline"):
        raise ConfigError("--prune-baseline needs a baseline (--baseline FILE)")
    _check_fix_flags(args)
    baseline = _load_baseline(config)
    if args.diff:
        return _diff(config, args, baseline)
    fixed: FixReport | None = None
    if args.fix or args.fix_only:
        result, fixed = _fix(config, args, baseline)
    else:
        result = run(config, list(args.paths))
    for note in result.warnings:
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    if args.write_baseline:
        return _write_baseline(result, args.write_baseline)
    outcome: BaselineOutcome | None = None
    if baseline is not None:
        result, outcome = apply_baseline(result, baseline)
    if fixed is not None:
        _tell_fixed(fixed, result, show=args.show_fixes)
        if args.fix_only:
            _errors(result)
            return EXIT_ERROR if result.internal_errors else EXIT_OK
    _emit(render(result))
    for error in result.internal_errors:
        print(f"taiyaku: error: {error.message}", file=sys.stderr)
    if outcome is not None:
        print(f"taiyaku: {outcome.summary(hint=not args.prune_baseline)}", file=sys.stderr)
        if args.prune_baseline and outcome.fixed and not result.internal_errors:
            print(f"taiyaku: {prune_baseline(outcome)}", file=sys.stderr)
    return result.exit_code


def _check_fix_flags(args: argparse.Namespace) -> None:
    if args.diff and (args.fix or args.fix_only):
        raise ConfigError("--diff shows what --fix would do: use one or the other")
    if (args.fix or args.fix_only or args.diff) and (args.write_baseline or args.prune_baseline):
        raise ConfigError("fixing and writing a baseline are separate runs: fix first")
    if args.unsafe_fixes and not (args.fix or args.fix_only or args.diff):
        raise ConfigError("--unsafe-fixes goes with --fix, --fix-only or --diff")
    if args.show_fixes and not (args.fix or args.fix_only):
        raise ConfigError("--show-fixes goes with --fix or --fix-only")


def _visible(baseline: Baseline | None) -> Callable[[RunResult], RunResult]:
    """The findings as reported: those the baseline does not hide."""
    if baseline is None:
        return lambda result: result
    return lambda result: apply_baseline(result, baseline)[0]


def _diff(config: Config, args: argparse.Namespace, baseline: Baseline | None) -> int:
    from taiyaku.run.engine import run
    from taiyaku.run.fixes import plan_fixes, unified_diff

    result = run(config, list(args.paths))
    plan = plan_fixes(_visible(baseline)(result), unsafe=args.unsafe_fixes)
    for note in (*result.warnings, *plan.warnings):
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    _emit(unified_diff(plan, result.cwd))
    if _errors(result):
        return EXIT_ERROR
    count = len(plan.applied)
    files = len(plan.files)
    print(
        f"taiyaku: {_plural(count, 'fix', 'fixes')} in {_plural(files, 'file')} would be applied"
        + (f"; {plan.deferred} more after those" if plan.deferred else ""),
        file=sys.stderr,
    )
    return EXIT_FINDINGS if plan.files else EXIT_OK


def _fix(
    config: Config, args: argparse.Namespace, baseline: Baseline | None
) -> tuple[RunResult, FixReport]:
    """Fix until nothing more is fixed; the last check's result (before the baseline,
    which the caller applies) and what was fixed."""
    from taiyaku.run.engine import run
    from taiyaku.run.fixes import fix_until_stable

    return fix_until_stable(
        lambda: run(config, list(args.paths)),
        unsafe=args.unsafe_fixes,
        cwd=Path.cwd(),
        visible=_visible(baseline),
    )


def _tell_fixed(report: FixReport, result: RunResult, *, show: bool) -> None:
    for note in report.warnings:
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    count, files = len(report.applied), len(report.files)
    _say(f"taiyaku: fixed {_plural(count, 'finding')} in {_plural(files, 'file')}")
    if not show:
        return
    by_file: dict[Path, dict[str, int]] = {}
    for d in report.applied:
        codes = by_file.setdefault(d.path, {})
        codes[d.code] = codes.get(d.code, 0) + 1
    for path in sorted(by_file):
        counts = ", ".join(f"{n} × {code}" for code, n in sorted(by_file[path].items()))
        print(f"  {result.display(path)}: {counts}", file=sys.stderr)


def _errors(result: RunResult) -> bool:
    for error in result.internal_errors:
        print(f"taiyaku: error: {error.message}", file=sys.stderr)
    return bool(result.internal_errors)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _load_baseline(config: Config) -> Baseline | None:
    """The configured baseline, read before the run so that a missing one fails fast."""
    path = config.get("baseline")
    return Baseline.load(Path(path)) if path else None


def _add_report_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write a report for maintainers: one HTML page, or a Markdown summary",
        description="Write a report of the run: a self-contained HTML page (coverage, findings "
        "per rule and folder, each pair's findings side by side), or with --format markdown a "
        "summary for a pull-request comment. Exit code 0 when the report was written, even "
        "with findings; 2 on usage, configuration or internal errors.",
    )
    report.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pages or folders under the root"
    )
    report.add_argument("--config", type=Path, help="config file (taiyaku.toml or pyproject.toml)")
    report.add_argument("--no-config", action="store_true", help="ignore config files")
    report.add_argument(
        "--format",
        dest="report_format",
        choices=report_formats(),
        default="html",
        help="html: one page for a browser (default); markdown: a summary for a PR comment",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"where to write ('-': stdout; default: {DEFAULT_HTML_REPORT} for html, "
        "stdout for markdown)",
    )
    report.add_argument(
        "--top", type=int, default=20, metavar="N", help="markdown: findings listed (default: 20)"
    )
    report.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: for html on a terminal)",
    )
    _add_option_flags(report, [o for o in all_options() if o.key != "format"])


DEFAULT_HTML_REPORT = "taiyaku-report.html"


def _report(args: argparse.Namespace) -> int:
    from taiyaku.output.progress import progress_bar, wants_progress
    from taiyaku.output.report.model import build_report
    from taiyaku.run.engine import run

    config = load_config(args.config, _flag_overrides(args), discover=not args.no_config)
    fmt = args.report_format
    output = args.output or (DEFAULT_HTML_REPORT if fmt == "html" else "-")
    show = args.progress if args.progress is not None else fmt == "html" and wants_progress()
    baseline = _load_baseline(config)
    with progress_bar(show) as progress:
        result = run(config, list(args.paths), progress=progress, describe_pages=True)
    if baseline is not None:
        result, _outcome = apply_baseline(result, baseline)
    for note in result.warnings:
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    report = build_report(result)
    if fmt == "html":
        from taiyaku.output.report import html as report_html

        text = report_html.render(report)
    else:
        from taiyaku.output.report import markdown as report_markdown

        text = report_markdown.render(report, top=args.top)
    if output == "-":
        _emit(text)
    else:
        try:
            write_atomically(Path(output), text)
        except OSError as exc:
            print(f"taiyaku: error: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        counts = ", ".join(
            f"{n} {word}{'' if n == 1 else 's'}"
            for n, word in (
                (result.files, "page"),
                (result.pairs, "pair"),
                (len(result.diagnostics), "finding"),
            )
        )
        print(f"taiyaku: wrote {output} ({counts})", file=sys.stderr)
    for error in result.internal_errors:
        print(f"taiyaku: error: {error.message}", file=sys.stderr)
    return EXIT_ERROR if result.internal_errors else EXIT_OK


def _write_baseline(result: RunResult, path: Path) -> int:
    for error in result.internal_errors:
        print(f"taiyaku: error: {error.message}", file=sys.stderr)
    if result.internal_errors:
        print(f"taiyaku: error: {path} not written: the run was incomplete", file=sys.stderr)
        return EXIT_ERROR
    try:
        print(f"taiyaku: {write_baseline(result, path)}", file=sys.stderr)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    return EXIT_OK


def _facts(args: argparse.Namespace) -> int:
    from taiyaku.output.facts import render
    from taiyaku.run.explain import explain

    config = load_config(args.config, _flag_overrides(args), discover=not args.no_config)
    cwd = Path.cwd()
    _emit(render(explain(config, list(args.paths), cwd), cwd))
    return EXIT_OK


def _rules(fmt: str) -> int:
    rules = all_rules()
    if fmt == "json":
        data = [
            {
                "code": r.CODE,
                "name": r.NAME,
                "severity": r.SEVERITY.value,
                "scope": r.SCOPE,
                "summary": r.doc().summary,
            }
            for r in rules
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(r.NAME) for r in rules)
    print(f"{'CODE':<6}  {'NAME':<{width}}  {'SEVERITY':<8}  {'SCOPE':<5}  SUMMARY")
    for r in rules:
        print(
            f"{r.CODE:<6}  {r.NAME:<{width}}  {r.SEVERITY.value:<8}  {r.SCOPE:<5}  "
            f"{r.doc().summary}"
        )
    return EXIT_OK


def _rule(selector: str) -> int:
    rule = get_rule(selector)
    print(
        f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY.value}; scope: {rule.SCOPE})\n"
    )
    print(rule.doc().text)
    return EXIT_OK
