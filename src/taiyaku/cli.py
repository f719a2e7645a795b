"""The command line: ``taiyaku check``, ``report``, ``facts``, ``status``, ``rules`` and
``rule``.

Exit codes of ``check``: 0 no error-level findings; 1 error-level findings; 2 usage,
configuration or internal error (the tool's own failure is never reported as clean).
``report`` exits 0 once the report is written, whatever it found; 2 on a usage or
configuration error, when the output cannot be written, or on an internal error (the
report is still written, and lists the errors).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiyaku import __version__
from taiyaku.config.loading import Config, load_config
from taiyaku.config.options import Option, all_options
from taiyaku.errors import ConfigError
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

    _add_status_parser(commands)

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
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args)
        if args.command == "facts":
            return _facts(args)
        if args.command == "status":
            return _status(args)
        if args.command == "rules":
            return _rules(args.format)
        if args.command == "rule":
            return _rule(args.code)
    except ConfigError as exc:
        print(f"taiyaku: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("taiyaku: interrupted", file=sys.stderr)
        return EXIT_ERROR
    parser.print_help()
    return EXIT_ERROR


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
    baseline = _load_baseline(config)
    result = run(config, list(args.paths))
    for note in result.warnings:
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    if args.write_baseline:
        return _write_baseline(result, args.write_baseline)
    outcome: BaselineOutcome | None = None
    if baseline is not None:
        result, outcome = apply_baseline(result, baseline)
    sys.stdout.write(render(result))
    for error in result.internal_errors:
        print(f"taiyaku: error: {error.message}", file=sys.stderr)
    if outcome is not None:
        print(f"taiyaku: {outcome.summary(hint=not args.prune_baseline)}", file=sys.stderr)
        if args.prune_baseline and outcome.fixed and not result.internal_errors:
            print(f"taiyaku: {prune_baseline(outcome)}", file=sys.stderr)
    return result.exit_code


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
        sys.stdout.write(text)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
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
    sys.stdout.write(render(explain(config, list(args.paths), cwd), cwd))
    return EXIT_OK


def _add_status_parser(commands: Any) -> None:
    from taiyaku.output.status import SORTS, STATUS_FORMATS

    status = commands.add_parser(
        "status",
        help="how far behind each translation is, by the git history",
        description="List every page pair: up to date, N commits behind its source (since "
        "when, and the oldest commit it lacks), translation missing, or source missing. "
        "Changes are counted as ST001 counts them. Exit code 0; 2 when there is no full git "
        "history to read (not a repository, or a shallow clone).",
    )
    status.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pages or folders under the root"
    )
    status.add_argument("--config", type=Path, help="config file (taiyaku.toml or pyproject.toml)")
    status.add_argument("--no-config", action="store_true", help="ignore config files")
    status.add_argument("--format", dest="status_format", choices=STATUS_FORMATS, default="text")
    status.add_argument("--sort", choices=SORTS, default="behind", help="default: behind")
    status.add_argument(
        "--folder",
        action="append",
        default=[],
        help="only pairs under this root-relative folder (repeatable)",
    )
    _add_option_flags(status, [o for o in all_options() if o.key != "format"])


def _status(args: argparse.Namespace) -> int:
    from taiyaku.output.status import render, select_rows
    from taiyaku.rules.freshness.status import freshness_table
    from taiyaku.run.engine import context_for

    config = load_config(args.config, _flag_overrides(args), discover=not args.no_config)
    cwd = Path.cwd()
    ctx, warnings = context_for(config, list(args.paths), cwd)
    for note in warnings:
        print(f"taiyaku: warning: {note}", file=sys.stderr)
    try:
        table = freshness_table(ctx)
    finally:
        ctx.close()
    if table.note is not None:
        print(f"taiyaku: error: {table.note}", file=sys.stderr)
        return EXIT_ERROR
    rows = select_rows(table, args.folder, args.sort)
    sys.stdout.write(render(table, rows, args.status_format, root=ctx.site.root, cwd=cwd))
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
