"""JA006 fullwidth-alphanumeric."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule, RuleOption
from taiyaku.rules.style._page import edit_finding, ja_page, term_deferral

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")

ALLOWED = RuleOption(
    "ja-fullwidth-allowed",
    str,
    "",
    "full-width letters and digits a Japanese page may use (e.g. '０１２３４５６７８９')",
)


class FullwidthAlphanumeric(PageRule):
    """Latin letters or digits written in full width (ＡＢＣ, １２３) in Japanese text.

    ## What it does
    Reports each run of full-width Latin letters and digits (``Ａ``–``Ｚ``, ``ａ``–``ｚ``,
    ``０``–``９``) in Japanese prose, with a safe fix: the same characters in half
    width. The characters the site allows, ``ja-fullwidth-allowed`` (for example
    ``"０１２３４５６７８９"`` for a site that writes numbers in full width; half-width
    forms may be given too), are not reported. Full-width symbols (``（``, ``：``,
    ``％``) are no letters or digits and are left to the punctuation rule. Code,
    URLs, MDX expressions and English blocks are not read.

    ## Why is this bad?
    ``ＵＴｏｋｙｏ`` and ``UTokyo`` are the same name to a reader but not to search
    (in the site or in a browser's find), and full-width digits break the reading of
    numbers by screen readers and by tools that compare the Japanese page with the
    English one. Most style guides for Japanese web text write Latin letters and
    digits in half width.

    ## Example
    ``Ｗ(農)`` in a table of buildings gives:

        src/pages/notice/2026/0331-rikaku.md:40:3: warning JA006 [*] [fullwidth-alphanumeric]
        full-width 'Ｗ': write 'W'
    """

    CODE = "JA006"
    NAME = "fullwidth-alphanumeric"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    OPTIONS = (ALLOWED,)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        allowed = set(unicodedata.normalize("NFKC", ctx.option(ALLOWED.key) or ""))
        page = ja_page(ctx, doc)
        if not _FULLWIDTH.search(page.text):
            return
        for index, prose in enumerate(page.prose):
            for run in _FULLWIDTH.finditer(prose.text):
                for start, end in _not_allowed(run, allowed):
                    if not prose.is_prose(start, end):
                        continue
                    written = prose.text[start:end]
                    half = unicodedata.normalize("NFKC", written)
                    message = f"full-width '{written}': write '{half}'"
                    deferred = term_deferral(ctx, page, index, start, end)
                    yield edit_finding(prose, start, end, message, half, deferred_to=deferred)


def _not_allowed(run: re.Match[str], allowed: set[str]) -> Iterator[tuple[int, int]]:
    """The parts of ``run`` made of characters the site does not allow."""
    start = None
    for offset, char in enumerate(run.group(), run.start()):
        if unicodedata.normalize("NFKC", char) in allowed:
            if start is not None:
                yield start, offset
                start = None
        elif start is None:
            start = offset
    if start is not None:
        yield start, run.end()
