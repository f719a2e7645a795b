"""Every pair's freshness, for ``taiyaku status`` and the report's freshness section.

The same computation as ST001's (:func:`~taiyaku.rules.freshness.behind.pair_freshness`),
for every pair among the run's pages, plus the pages without their other language: a
source page without translation is ``missing``, a translation without source an
``orphan`` (partials, pages that only redirect and pages that hold both languages are
not listed, as the PR rules do not report them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from taiyaku.model.freshness import FreshnessTable, PairFreshness
from taiyaku.rules.freshness.behind import Side, pair_freshness
from taiyaku.rules.freshness.state import FRESHNESS, source_and_translation

if TYPE_CHECKING:
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page

__all__ = ["freshness_table", "side_of"]


def freshness_table(ctx: Context) -> FreshnessTable:
    """The freshness of every pair among ``ctx.targets``."""
    state = ctx.state(FRESHNESS)
    history = state.history
    lang = ctx.site.source_lang
    if not history.usable:
        return FreshnessTable(note=history.problem, source_lang=lang)
    rows: list[PairFreshness] = []
    for page in ctx.targets:
        pair = source_and_translation(ctx, page)
        if pair is not None:
            if page is pair[0]:
                row = pair_freshness(state, side_of(ctx, pair[0]), side_of(ctx, pair[1]))
                if row is None:  # git failed
                    return FreshnessTable(note=history.problem, source_lang=lang)
                rows.append(row)
            continue
        row = _alone(ctx, page)
        if row is not None:
            rows.append(row)
    return FreshnessTable(tuple(rows), head=history.head, source_lang=lang)


def side_of(ctx: Context, page: Page) -> Side:
    return Side(page, lambda: ctx.document(page))


def _alone(ctx: Context, page: Page) -> PairFreshness | None:
    """A page without its other language, if the status table lists it."""
    if page.lang is None or page.partial or page.counterpart is not None:
        return None
    doc = ctx.document(page)
    if "redirect_to" in (doc.frontmatter.data or {}):
        return None
    if page.lang == ctx.site.source_lang:
        if doc.readable and doc.bilingual:
            return None
        return PairFreshness(page.key, page.rel, None, "missing")
    return PairFreshness(page.key, None, page.rel, "orphan")
