"""PR002 orphan-translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class OrphanTranslation(PageRule):
    """An English page has no Japanese page.

    ## What it does
    Reports an English page whose Japanese source (``<path>`` for ``en/<path>`` in the
    ``prefix`` layout) does not exist. Partials and pages that only redirect are not
    reported.

    ## Why is this bad?
    The Japanese page is the source the translation follows. When it was renamed or
    deleted, the English page is left behind: it drifts, and the language switch from it
    leads nowhere.

    ## Example
    ``content/en/support/old-chat.md`` exists, ``content/support/old-chat.md`` does not:

        content/en/support/old-chat.md:1:1: warning PR002 [orphan-translation] English page has no
        Japanese source (expected content/support/old-chat.md)
    """

    CODE = "PR002"
    NAME = "orphan-translation"
    SEVERITY = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        if page.lang != "en" or page.counterpart is not None or page.partial:
            return
        if "redirect_to" in (doc.frontmatter.data or {}):
            return
        expected = expected_source_path(ctx, page.rel)
        yield Finding(doc.path, 1, 1, f"English page has no Japanese source (expected {expected})")


def expected_source_path(ctx: Context, rel: str) -> str:
    layout = ctx.site.layout
    if layout == "suffix":
        target = rel.replace(".en.", ".", 1)
    elif layout == "dirs":
        target = "ja/" + rel.removeprefix("en/")
    else:
        target = rel.removeprefix("en/")
    return ctx.display_path(ctx.site.root / target)
