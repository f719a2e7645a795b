"""The source lines diagnostics quote, read from the run's parsed pages.

Reporters show a finding's own line (and the report, its related lines too); they never
read a page themselves.  The run collects those lines here, from the Documents it parsed,
or from what its worker processes sent back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from taiyaku.model.diagnostics import Diagnostic
from taiyaku.rules.context import Context

__all__ = ["collect_sources", "read_line"]


def read_line(ctx: Context, path: Path, line: int) -> str | None:
    """The text of ``line`` of the page at ``path``; None for a file that is no page of
    the site, a page that could not be read, or a line it does not have."""
    page = ctx.site.page_for_path(path)
    if page is None:
        return None
    doc = ctx.document(page)
    if not doc.readable or not 1 <= line <= len(doc.lines):
        return None
    return doc.lines[line - 1]


def collect_sources(
    ctx: Context,
    diagnostics: Iterable[Diagnostic],
    known: Mapping[tuple[Path, int], str],
    *,
    related: bool,
) -> dict[tuple[Path, int], str]:
    """Every line the diagnostics quote (``related``: their related lines too), taken
    from ``known`` where a worker read it, else from the page."""
    sources: dict[tuple[Path, int], str] = {}
    for d in diagnostics:
        places = [(d.path, d.line)]
        if related:
            places += [(r.path, r.line) for r in d.related]
        for place in places:
            if place in sources:
                continue
            text = known.get(place)
            if text is None:
                text = read_line(ctx, *place)
            if text is not None:
                sources[place] = text
    return sources
