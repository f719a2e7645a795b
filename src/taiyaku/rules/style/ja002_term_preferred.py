"""JA002 term-preferred."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.style._page import edit_finding, ja_page, page_term_matches
from taiyaku.rules.style._terms import TERMS

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class TermPreferred(PageRule):
    """Japanese text uses a term the site's term list says to write another way.

    ## What it does
    Reads the site's term list, ``terms.yml`` in the checks folder, written in prh's YAML
    format (``rules: - expected: … pattern: …``, with ``specs``, ``options`` and
    ``imports``), so a textlint-rule-prh dictionary works unchanged. Each match of a
    rule's pattern in Japanese prose whose replacement (``expected``, with ``$1``…
    filled in) differs from the matched text is reported, with the replacement as a
    safe fix. A match that already reads as the replacement is not reported; where two
    matches overlap, the one that starts first is kept.

    Only Japanese blocks and listed front-matter values (``ja-frontmatter-keys``) are
    read; code spans, code blocks, URLs, MDX expressions and English runs inside a
    Japanese block are passed over, and so are English blocks. A site without a term
    list gets no findings; a list that cannot be read, whose pattern is not a regular
    expression, or whose ``specs`` fail stops the run with exit code 2.

    ## Why is this bad?
    A site that calls one thing by two names makes readers wonder whether they are two
    things, and a search for one name misses the pages that use the other. The term
    list is where a team records its choice once.

    ## Example
    With ``- expected: 問い合わせ`` / ``pattern: [問合せ, 問合わせ]`` in
    ``checks/terms.yml``, the page's ``契約者からの問合せを`` gives:

        content/ucom/remote-support.md:71:11: warning JA002 [*] [term-preferred] '問合せ': the
        term list prefers '問い合わせ'
    """

    CODE = "JA002"
    NAME = "term-preferred"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = False

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        ctx.state(TERMS)  # read (and its specs checked) once, before workers fork

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not ctx.state(TERMS):
            return
        page = ja_page(ctx, doc)
        for prose, matches in zip(page.prose, page_term_matches(ctx, page), strict=True):
            for match in matches:
                note = f" ({match.term.note})" if match.term.note else ""
                message = f"'{match.found}': the term list prefers '{match.replacement}'{note}"
                yield edit_finding(prose, match.start, match.end, message, match.replacement)
