"""PR001 missing-translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class MissingTranslation(PageRule):
    """A Japanese page has no English counterpart.

    ## What it does
    Reports a Japanese page for which the layout's English path (``en/<path>`` in the
    ``prefix`` layout, ``page.en.md`` in ``suffix``) holds no page. Partials (``_name.md``),
    pages that only redirect (``redirect_to``) and bilingual pages, which carry both
    languages in one file, are not reported.

    ## Why is this bad?
    An English reader who switches language lands on a missing page, and nothing else in
    the pair checks (hours, clauses, links) can run for this page.

    ## Example
    ``content/support/remote.md`` exists, ``content/en/support/remote.md`` does not:

        content/support/remote.md:1:1: info PR001 [missing-translation] no English translation
        (expected content/en/support/remote.md)
    """

    CODE = "PR001"
    NAME = "missing-translation"
    SEVERITY = Severity.INFO

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        if page.lang != "ja" or page.counterpart is not None or page.partial:
            return
        data = doc.frontmatter.data or {}
        if "redirect_to" in data or (doc.readable and doc.bilingual):
            return
        expected = expected_translation_path(ctx, page.rel)
        yield Finding(doc.path, 1, 1, f"no English translation (expected {expected})")


def expected_translation_path(ctx: Context, rel: str) -> str:
    layout = ctx.site.layout
    if layout == "suffix":
        stem, _dot, ext = rel.rpartition(".")
        target = f"{stem}.en.{ext}"
    elif layout == "dirs":
        target = "en/" + rel.removeprefix("ja/")
    else:
        target = f"en/{rel}"
    return ctx.display_path(ctx.site.root / target)
