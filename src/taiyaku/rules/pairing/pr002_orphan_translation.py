"""PR002 orphan-translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import LANG_NAME, other_lang
from taiyaku.rules.base import PageRule
from taiyaku.rules.pairing.pr001_missing_translation import (
    counterpart_path,
    misnamed_deferral,
)

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class OrphanTranslation(PageRule):
    """A translation has no page in the source language.

    ## What it does
    Reports a page of the translation language (English on a Japanese-first site,
    Japanese on an English-first one: ``source-language``) whose source (``<path>`` for
    ``en/<path>`` in the ``prefix`` layout of a Japanese-first site) does not exist.
    Partials and pages that only redirect are not reported.

    ## Why is this bad?
    The source page is the one the translation follows. When it was renamed or
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
        source = ctx.site.source_lang
        translation = other_lang(source)
        if page.lang != translation or page.counterpart is not None or page.partial:
            return
        if "redirect_to" in (doc.frontmatter.data or {}):
            return
        expected = counterpart_path(ctx, page.rel, translation)
        yield Finding(
            doc.path,
            1,
            1,
            f"{LANG_NAME[translation]} page has no {LANG_NAME[source]} source "
            f"(expected {expected})",
            deferred_to=misnamed_deferral(ctx, page.rel),
        )
