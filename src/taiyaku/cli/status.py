"""``taiyaku status``: how far behind each translation is, by the git history."""

from __future__ import annotations

import argparse
from pathlib import Path

from taiyaku.cli.check import load_config_for
from taiyaku.cli.console import emit, say
from taiyaku.cli.exits import EXIT_ERROR, EXIT_OK

__all__ = ["status"]


def status(args: argparse.Namespace) -> int:
    from taiyaku.output.status import render, select_rows
    from taiyaku.rules.freshness.status import freshness_table
    from taiyaku.run.engine import context_for

    config = load_config_for(args)
    cwd = Path.cwd()
    ctx, warnings, _setup = context_for(config, list(args.paths), cwd)
    for note in warnings:
        say(f"taiyaku: warning: {note}")
    try:
        table = freshness_table(ctx)
    finally:
        ctx.close()
    if table.note is not None:
        say(f"taiyaku: error: {table.note}")
        return EXIT_ERROR
    rows = select_rows(table, args.folder, args.sort)
    emit(render(table, rows, args.status_format, root=ctx.site.root, cwd=cwd))
    return EXIT_OK
