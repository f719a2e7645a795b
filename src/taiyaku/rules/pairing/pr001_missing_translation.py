"""PR001 missing-translation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import LANG_NAME, Lang, other_lang
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class MissingTranslation(PageRule):
    """A page in the source language has no translation.

    ## What it does
    Reports a page of the source language (``source-language``: Japanese by default) for
    which the layout's place of the translation (``en/<path>`` in the ``prefix`` layout of
    a Japanese-first site, ``ja/<path>`` of an English-first one, ``page.en.md`` in
    ``suffix``, ``i18n/ja/docusaurus-plugin-content-docs/current/…`` in ``docusaurus``)
    holds no page. Partials (``_name.md``), pages that only redirect (``redirect_to``) and
    bilingual pages, which carry both languages in one file, are not reported.

    ## Why is this bad?
    A reader who switches language lands on a missing page, and nothing else in the pair
    checks (hours, clauses, links) can run for this page.

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
        source = ctx.site.source_lang
        if page.lang != source or page.counterpart is not None or page.partial:
            return
        data = doc.frontmatter.data or {}
        if "redirect_to" in data or (doc.readable and doc.bilingual):
            return
        expected = counterpart_path(ctx, page.rel, source)
        name = LANG_NAME[other_lang(source)]
        yield Finding(
            doc.path,
            1,
            1,
            f"no {name} translation (expected {expected})",
            deferred_to=misnamed_deferral(ctx, page.rel),
        )


def misnamed_deferral(ctx: Context, rel: str) -> tuple[tuple[str, Path], ...]:
    """PR003 says it better when this page, or the page that should be its partner, is
    misnamed."""
    from taiyaku.rules.pairing.pr003_misnamed_language import misnamed_for, misnamed_partner_of

    entry = misnamed_for(ctx, rel) or misnamed_partner_of(ctx, rel)
    return (("PR003", entry.page.path),) if entry is not None else ()


def counterpart_path(ctx: Context, rel: str, lang: Lang) -> str:
    """Where the other language's version of the ``lang`` page ``rel`` would be."""
    target = ctx.site.languages.counterpart_rel(rel, lang)
    return ctx.display_path(ctx.site.root / target)
