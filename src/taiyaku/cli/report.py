"""``taiyaku report``: the maintainer's report, one HTML page or a Markdown summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from taiyaku.cli.check import console_for, load_baseline, load_config_for, progress_for
from taiyaku.cli.exits import EXIT_ERROR, EXIT_OK
from taiyaku.cli.parsers import DEFAULT_HTML_REPORT
from taiyaku.run.baseline import apply_baseline

__all__ = ["report"]


def report(args: argparse.Namespace) -> int:
    from taiyaku.output.report.model import build_report
    from taiyaku.run.engine import run

    config = load_config_for(args)
    fmt = args.report_format
    output = args.output or (DEFAULT_HTML_REPORT if fmt == "html" else "-")
    console = console_for(args)
    if output != "-":
        console.output_file = Path(output)
    baseline = load_baseline(config)
    with progress_for(args, console) as progress:
        result = run(config, list(args.paths), progress=progress, describe_pages=True)
    if baseline is not None:
        result, _outcome = apply_baseline(result, baseline)
    for note in result.warnings:
        console.note(f"warning: {note}")
    built = build_report(result)
    if fmt == "html":
        from taiyaku.output.report import html as report_html

        text = report_html.render(built)
    else:
        from taiyaku.output.report import markdown as report_markdown

        text = report_markdown.render(built, top=args.top)
    console.write(text)
    if output != "-":
        counts = ", ".join(
            f"{n} {word}{'' if n == 1 else 's'}"
            for n, word in (
                (result.files, "page"),
                (result.pairs, "pair"),
                (len(result.diagnostics), "finding"),
            )
        )
        console.note(f"wrote {output} ({counts})")
    for error in result.internal_errors:
        console.error(error.message)
    return EXIT_ERROR if result.internal_errors else EXIT_OK
