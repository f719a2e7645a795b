"""LK002 broken-anchor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.links._resolver import link_resolver

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class BrokenAnchor(PageRule):
    """A ``#fragment`` names no heading or id on the page it points to.

    ## What it does
    For each link with a fragment, on the same page (``#form``) or another page
    (``/support/#email-form``, ``../chat.md#before``), checks that the target page defines
    that id: a heading slug as the site generator makes it (github-slugger, as in Astro:
    lower case, punctuation dropped, Japanese kept, repeated headings numbered ``-1``,
    ``-2``), a kramdown IAL id (``{:#id}``), or an HTML/JSX ``id=`` (``name=`` on ``<a>``).
    Ids of the partials an MDX page imports count as the page's own. Percent-encoded
    fragments are decoded first (``#%E6%97%A5…`` is ``#日…``). ``#`` and ``#top`` always
    exist. Fragments on static files (``x.pdf#page=2``) and links LK001 reports are not
    checked.

    ## Why is this bad?
    The browser opens the page at its top instead of the section the reader was sent to;
    headings are renamed in one language and not the other, and nothing else notices.

    ## Example
    ``content/en/support/index.md`` has ``## Support via Email Form`` with ``{:#email}``:

        see [the email form notes](/en/support/#email-form)

        content/en/index.md:12:30: error LK002 [broken-anchor] broken anchor #email-form:
        /en/support/ has no heading or id "email-form"; did you mean #email?
    """

    CODE = "LK002"
    NAME = "broken-anchor"
    SEVERITY = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        resolver = link_resolver(ctx)
        for link in doc.links:
            target = resolver.resolve(page, link.href)
            if target.kind not in ("page", "redirect") or target.page is None:
                continue
            if resolver.has_anchor(target) is not False:
                continue
            where = "this page" if target.page is page else target.page.url or target.page.rel
            message = (
                f'broken anchor #{target.fragment}: {where} has no heading or id "'
                f'{target.fragment}"'
            )
            close = resolver.suggest_anchor(target)
            if close is not None:
                message += f"; did you mean #{close}?"
            yield Finding(doc.path, link.line, link.column, message)
