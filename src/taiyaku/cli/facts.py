"""``taiyaku facts``: the dates and times read on pages, block by block."""

from __future__ import annotations

import argparse
from pathlib import Path

from taiyaku.cli.check import load_config_for
from taiyaku.cli.console import emit
from taiyaku.cli.exits import EXIT_OK

__all__ = ["facts"]


def facts(args: argparse.Namespace) -> int:
    from taiyaku.output.facts import render
    from taiyaku.run.explain import explain

    config = load_config_for(args)
    cwd = Path.cwd()
    emit(render(explain(config, list(args.paths), cwd), cwd))
    return EXIT_OK
