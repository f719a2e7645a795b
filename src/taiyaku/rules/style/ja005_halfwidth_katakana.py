"""JA005 halfwidth-katakana."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.style._page import edit_finding, ja_page, term_deferral

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

# Half-width katakana, their sound marks and the half-width 。「」、・ (U+FF61–U+FF9F).
_HALFWIDTH = re.compile("[\uff61-\uff9f]+")


class HalfwidthKatakana(PageRule):
    """Japanese text written in half-width katakana (ｶﾀｶﾅ).

    ## What it does
    Reports each run of half-width katakana and half-width Japanese punctuation
    (U+FF61–U+FF9F: ``ｱ``…``ﾝ``, ``ﾞ``, ``ﾟ``, ``｡``, ``｢``, ``｣``, ``､``, ``･``) in
    Japanese prose, with a safe fix: the same text in full width (Unicode NFKC, which
    also joins ``ｶﾞ`` into ``ガ``). Code spans, code blocks, URLs, MDX expressions and
    English blocks are not read.

    ## Why is this bad?
    Half-width katakana are a legacy of old terminals: they render inconsistently,
    screen readers and search treat ``ｶﾀｶﾅ`` and ``カタカナ`` as different words, and
    style guides for Japanese web text (JTF, the government's) forbid them.

    ## Example
    ``ﾊﾟｽﾜｰﾄﾞを変更してください`` gives:

        content/support/index.md:12:1: warning JA005 [*] [halfwidth-katakana] half-width katakana
        'ﾊﾟｽﾜｰﾄﾞ': write 'パスワード'
    """

    CODE = "JA005"
    NAME = "halfwidth-katakana"
    SEVERITY = Severity.WARNING
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ja_page(ctx, doc)
        if not _HALFWIDTH.search(page.text):
            return
        for index, prose in enumerate(page.prose):
            for run in _HALFWIDTH.finditer(prose.text):
                start, end = run.span()
                if not prose.is_prose(start, end):
                    continue
                full = unicodedata.normalize("NFKC", run.group())
                message = f"half-width katakana '{run.group()}': write '{full}'"
                deferred = term_deferral(ctx, page, index, start, end)
                yield edit_finding(prose, start, end, message, full, deferred_to=deferred)
