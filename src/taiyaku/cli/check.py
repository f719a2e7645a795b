"""``taiyaku check``: run the rules, report, and optionally fix or write a baseline."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiyaku.cli.console import Console
from taiyaku.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from taiyaku.config.loading import Config, load_config
from taiyaku.config.options import all_options
from taiyaku.errors import ConfigError
from taiyaku.run.baseline import (
    Baseline,
    BaselineOutcome,
    apply_baseline,
    prune_baseline,
    write_baseline,
)

if TYPE_CHECKING:
    from taiyaku.run.fixes import FixReport
    from taiyaku.run.result import Progress, RunResult

__all__ = [
    "check",
    "console_for",
    "flag_overrides",
    "load_baseline",
    "load_config_for",
    "progress_for",
]


def flag_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given as flags (they win over the config file)."""
    overrides: dict[str, Any] = {}
    for option in all_options():
        value = getattr(args, option.key.replace("-", "_"), None)
        if value is not None:
            overrides[option.key] = value
    return overrides


def load_config_for(args: argparse.Namespace) -> Config:
    """The configuration: ``--config``, else the nearest one above the paths given (the
    first of them), else above the working directory; and the flags."""
    start = None
    paths = getattr(args, "paths", None) or []
    if paths:
        first = Path(paths[0]).resolve()
        start = first if first.is_dir() else first.parent
    return load_config(args.config, flag_overrides(args), discover=not args.no_config, start=start)


def console_for(args: argparse.Namespace) -> Console:
    return Console(
        output_file=getattr(args, "output_file", None),
        color_choice=getattr(args, "color", "auto"),
        quiet=getattr(args, "quiet", False),
    )


def load_baseline(config: Config) -> Baseline | None:
    """The configured baseline, read before the run so that a missing one fails fast."""
    path = config.get("baseline")
    return Baseline.load(Path(path)) if path else None


def progress_for(args: argparse.Namespace, console: Console) -> Any:
    """A context manager yielding the progress callback (or None)."""
    from taiyaku.output.progress import progress_bar, wants_progress

    wanted = args.progress if args.progress is not None else wants_progress()
    return progress_bar(bool(wanted) and not console.quiet, delay=1.0)


def check(args: argparse.Namespace) -> int:
    from taiyaku.output import get_reporter

    config = load_config_for(args)
    console = console_for(args)
    render = get_reporter(config.get("format"))
    _check_flags(args)
    if args.write_baseline:
        config.values["baseline"] = None  # record every finding, old ones too
    elif args.prune_baseline and not config.get("baseline"):
        raise ConfigError("--prune-baseline needs a baseline (--baseline FILE)")
    baseline = load_baseline(config)
    if args.diff:
        return _diff(config, args, baseline, console)
    fixed: FixReport | None = None
    with progress_for(args, console) as progress:
        if args.fix or args.fix_only:
            result, fixed = _fix(config, args, baseline, progress)
        else:
            result = _run(config, args, progress)
    _tell_setup(result, config, console, verbose=args.verbose)
    for note in result.warnings:
        console.note(f"warning: {note}")
    if args.write_baseline:
        return _write_baseline(result, args.write_baseline, console)
    outcome: BaselineOutcome | None = None
    if baseline is not None:
        result, outcome = apply_baseline(result, baseline)
    if fixed is not None:
        _tell_fixed(fixed, result, console, show=args.show_fixes)
        if args.fix_only:
            return EXIT_ERROR if _errors(result, console) else EXIT_OK
    if args.statistics:
        from taiyaku.output.statistics import render as render_statistics

        console.write(render_statistics(result, as_json=config.get("format") == "json"))
    else:
        console.write(_render(render, result, console))
    _errors(result, console)
    if outcome is not None:
        console.note(outcome.summary(hint=not args.prune_baseline))
        if args.prune_baseline and outcome.fixed and not result.internal_errors:
            console.note(prune_baseline(outcome))
    if args.exit_zero and result.exit_code == EXIT_FINDINGS:
        return EXIT_OK
    return result.exit_code


def _render(render: Callable[..., str], result: RunResult, console: Console) -> str:
    """The report in the chosen format; the text formats take colour, width, quiet."""
    from taiyaku.output import takes_style

    if takes_style(render):
        return render(result, color=console.color, width=console.width, quiet=console.quiet)
    return render(result)


def _run(config: Config, args: argparse.Namespace, progress: Progress | None) -> RunResult:
    from taiyaku.run.engine import run

    return run(config, list(args.paths), progress=progress)


def _tell_setup(result: RunResult, config: Config, console: Console, *, verbose: bool) -> None:
    """What the run decided about the site, and whence: always when a generator's files
    decided something (zero-config), else with ``--verbose``."""
    setup = result.setup
    if setup is None:
        return
    given = {"default", "flag", config.source.name if config.source else "flag"}
    detected = any(source not in given for _value, source in setup.settings.values())
    if verbose or (setup.generator and detected):
        console.note(setup.line)


def _check_flags(args: argparse.Namespace) -> None:
    fixing = args.fix or args.fix_only or args.diff
    if args.diff and (args.fix or args.fix_only):
        raise ConfigError("--diff shows what --fix would do: use one or the other")
    if fixing and (args.write_baseline or args.prune_baseline):
        raise ConfigError("fixing and writing a baseline are separate runs: fix first")
    if args.unsafe_fixes and not fixing:
        raise ConfigError("--unsafe-fixes goes with --fix, --fix-only or --diff")
    if args.show_fixes and not (args.fix or args.fix_only):
        raise ConfigError("--show-fixes goes with --fix or --fix-only")
    if args.statistics and (args.write_baseline or args.diff):
        raise ConfigError("--statistics reports findings: not with --write-baseline or --diff")


# -- fixes ------------------------------------------------------------------------------------


def _visible(baseline: Baseline | None) -> Callable[[RunResult], RunResult]:
    """The findings as reported: those the baseline does not hide."""
    if baseline is None:
        return lambda result: result
    return lambda result: apply_baseline(result, baseline)[0]


def _diff(
    config: Config, args: argparse.Namespace, baseline: Baseline | None, console: Console
) -> int:
    from taiyaku.run.fixes import plan_fixes, unified_diff

    result = _run(config, args, None)
    plan = plan_fixes(_visible(baseline)(result), unsafe=args.unsafe_fixes)
    for note in (*result.warnings, *plan.warnings):
        console.note(f"warning: {note}")
    console.write(unified_diff(plan, result.cwd))
    if _errors(result, console):
        return EXIT_ERROR
    fixes, files = _plural(len(plan.applied), "fix", "fixes"), _plural(len(plan.files), "file")
    later = f"; {plan.deferred} more after those" if plan.deferred else ""
    console.note(f"{fixes} in {files} would be applied{later}")
    return EXIT_FINDINGS if plan.files else EXIT_OK


def _fix(
    config: Config,
    args: argparse.Namespace,
    baseline: Baseline | None,
    progress: Progress | None,
) -> tuple[RunResult, FixReport]:
    """Fix until nothing more is fixed; the last check's result (before the baseline,
    which the caller applies) and what was fixed."""
    from taiyaku.run.fixes import fix_until_stable

    return fix_until_stable(
        lambda: _run(config, args, progress),
        unsafe=args.unsafe_fixes,
        cwd=Path.cwd(),
        visible=_visible(baseline),
    )


def _tell_fixed(report: FixReport, result: RunResult, console: Console, *, show: bool) -> None:
    for note in report.warnings:
        console.note(f"warning: {note}")
    count, files = len(report.applied), len(report.files)
    console.note(f"fixed {_plural(count, 'finding')} in {_plural(files, 'file')}")
    if not show:
        return
    by_file: dict[Path, dict[str, int]] = {}
    for d in report.applied:
        codes = by_file.setdefault(d.path, {})
        codes[d.code] = codes.get(d.code, 0) + 1
    for path in sorted(by_file):
        counts = ", ".join(f"{n} × {code}" for code, n in sorted(by_file[path].items()))
        console.detail(f"  {result.display(path)}: {counts}")


# -- baseline and errors -----------------------------------------------------------------------


def _write_baseline(result: RunResult, path: Path, console: Console) -> int:
    if _errors(result, console):
        console.error(f"{path} not written: the run was incomplete")
        return EXIT_ERROR
    try:
        console.note(write_baseline(result, path))
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    return EXIT_OK


def _errors(result: RunResult, console: Console) -> bool:
    for error in result.internal_errors:
        console.error(error.message)
    return bool(result.internal_errors)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"
