"""PR004 translation-placeholder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, other_lang
from taiyaku.rules.base import PairRule
from taiyaku.rules.context import placeholder_sizes

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair


class TranslationPlaceholder(PairRule):
    """A translation only stands in for one not made yet.

    ## What it does
    Reports the translation of a pair when it holds nearly no text against a source that
    holds plenty: at most 400 characters of text, and at most 15% of the source's, which
    holds at least 800. That is how a page reads that says "The English version of this
    page is not yet available; please see the Japanese page", or renders an "in
    preparation" component. The text counted is the pages' prose, headings, list items
    and table cells, without front matter, code or markup.

    The rules that compare what the two languages say (TM001, TM002, NM001, NM002,
    LK004, PV002) leave such a pair to this rule: every date, number, contact and link
    of the source would be "missing" from the translation, one finding each, for the one
    fact this rule states. Where this rule is not selected (or is ignored for the page),
    they report as usual; once the translation has text, they compare it.

    ## Why is this bad?
    A placeholder counts as a translation for pairing and coverage, yet a reader of that
    language finds none of the page's content; it is a translation still to be made.

    ## Example
    The English page says only that it is in preparation:

        content/en/notice/maintenance.md:1:1: info PR004 [translation-placeholder] EN page
        is a placeholder: 96 characters of text against JA's 2,474
        (content/notice/maintenance.md); its dates, numbers, contacts, links and clauses
        are not compared until it is translated
    """

    CODE = "PR004"
    NAME = "translation-placeholder"
    SEVERITY = Severity.INFO
    USES_SITE = False
    REPORTS_PLACEHOLDERS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        source_lang = ctx.site.source_lang
        if pair.bilingual:
            return
        source, translation = pair.side(source_lang), pair.side(other_lang(source_lang))
        sizes = placeholder_sizes(source.doc, translation.doc)
        if sizes is None:
            return
        mine, theirs = sizes
        yield Finding(
            translation.path,
            1,
            1,
            f"{LANG_LABEL[translation.lang]} page is a placeholder: {mine:,} characters of "
            f"text against {LANG_LABEL[source.lang]}'s {theirs:,} "
            f"({ctx.display_path(source.path)}); its dates, numbers, contacts, links and "
            "clauses are not compared until it is translated",
            related=(Related(source.path, 1, "the source"),),
            fingerprint_text="placeholder",
        )
