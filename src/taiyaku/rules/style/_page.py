"""A page as the JA rules read it, shared by them: its Japanese prose (built once, kept
for the few pages being checked), the term list's matches in it, and how a JA finding
with a fix is made."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Applicability, Edit, Finding, Fix
from taiyaku.model.records import cached_property
from taiyaku.rules.context import RunState
from taiyaku.rules.style._terms import TERMS, TermMatch
from taiyaku.rules.style._text import FRONTMATTER_KEYS, Prose, build_prose

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

__all__ = [
    "PAGE_PROSE",
    "JaPage",
    "edit_finding",
    "finding_at",
    "ja_page",
    "page_term_matches",
    "term_deferral",
]


@dataclass(eq=False)
class JaPage:
    """A page as the JA rules read it: its Japanese prose, and what they share of it."""

    doc: Document
    prose: list[Prose]

    @cached_property
    def text(self) -> str:
        """All the prose's text, one piece a line: for a first look at what it holds."""
        return "\n".join(p.text for p in self.prose)

    # The term list's matches in each Prose (found by :func:`page_term_matches`, once).
    term_matches: list[list[TermMatch]] | None = None


#: The pages read last (the JA rules of one page run one after another; kept for a few
#: pages, not for the run, so that memory holds no more than the pages being checked).
PAGE_PROSE: RunState[OrderedDict[str, JaPage]] = RunState(
    "ja-page-prose", lambda _ctx: OrderedDict()
)
_KEEP_PAGES = 4


def ja_page(ctx: Context, doc: Document) -> JaPage:
    """The Japanese prose of ``doc``, built once for all the JA rules of the page."""
    cache = ctx.state(PAGE_PROSE)
    key = str(doc.path)
    found = cache.get(key)
    if found is None or found.doc is not doc:
        keys = ctx.option(FRONTMATTER_KEYS) or ()
        found = cache[key] = JaPage(doc, list(build_prose(doc, keys)))
        while len(cache) > _KEEP_PAGES:
            cache.popitem(last=False)
    return found


def page_term_matches(ctx: Context, page: JaPage) -> list[list[TermMatch]]:
    """The term list's matches in each Prose of ``page`` (in prose only), found once
    for the JA rules of the page."""
    if page.term_matches is None:
        terms = ctx.state(TERMS)
        if terms and page.prose:
            terms = terms.within(page.text)
        page.term_matches = [
            [m for m in terms.find(p.text) if p.is_prose(m.start, m.end)] if terms else []
            for p in page.prose
        ]
    return page.term_matches


def term_deferral(
    ctx: Context, page: JaPage, index: int, start: int, end: int
) -> tuple[tuple[str, Path], ...]:
    """``Finding.deferred_to`` for a JA finding on ``page.prose[index].text[start:end]``:
    JA002, when a listed term covers part of that span (one fact, one message)."""
    for match in page_term_matches(ctx, page)[index]:
        if match.start < end and start < match.end:
            return (("JA002", page.doc.path),)
    return ()


def edit_finding(
    prose: Prose,
    start: int,
    end: int,
    message: str,
    replacement: str | None,
    *,
    applicability: Applicability = "safe",
    deferred_to: tuple[tuple[str, Path], ...] = (),
) -> Finding:
    """A finding on ``prose.text[start:end]``; with a fix that writes ``replacement``
    there when the file holds exactly that text on one line."""
    exact = prose.exact_spot(start, end)
    fix = None
    if exact is not None and replacement is not None:
        edit = Edit(
            prose.doc.path,
            exact.line,
            exact.column,
            exact.end_line or exact.line,
            exact.end_column or exact.column,
            replacement,
        )
        found = prose.text[start:end]
        fix = Fix((edit,), applicability, f"replace '{found}' by '{replacement}'")
    return finding_at(prose, start, end, message, fix, deferred_to)


def finding_at(
    prose: Prose,
    start: int,
    end: int,
    message: str,
    fix: Fix | None = None,
    deferred_to: tuple[tuple[str, Path], ...] = (),
) -> Finding:
    """A finding on ``prose.text[start:end]`` (its end too, where the file holds that
    text as it is), with ``fix``."""
    spot = prose.spot(start, end)
    return Finding(
        prose.doc.path,
        spot.line,
        spot.column,
        message,
        end_line=spot.end_line,
        end_column=spot.end_column,
        deferred_to=deferred_to,
        fix=fix,
    )
