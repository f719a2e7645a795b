"""LK005 link-outside-root."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.links._resolver import link_resolver

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class LinkOutsideRoot(PageRule):
    """A relative link climbs out of the content root or above the site's ``/``.

    ## What it does
    Reports a link written as a file path whose ``..`` segments leave the content root
    (``../../../x.md`` from ``support/chat.md``), and a URL whose ``..`` segments climb
    above ``/`` (``../../x`` on ``/support/chat``). Nothing outside the root is ever read.

    ## Why is this bad?
    A file outside the content root is not part of the site, so the link is broken once
    published. Browsers silently stop a URL's ``..`` at ``/``, so ``../../x`` happens to
    open ``/x`` today, but the link says something else and breaks as soon as the page
    moves one folder down.

    ## Example
    ``content/support/chat.md``:

        [the form](../../email-form)

        content/support/chat.md:9:11: error LK005 [link-outside-root] link ../../email-form
        climbs above the site root (browsers stop at / and open /email-form)
    """

    CODE = "LK005"
    NAME = "link-outside-root"
    SEVERITY = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        resolver = link_resolver(ctx)
        for link in doc.links:
            target = resolver.resolve(page, link.href)
            if target.kind != "outside":
                continue
            written = target.href.raw.strip()
            if target.file_link:
                message = f"link {written} climbs out of the content root ({page.rel} is in it)"
            else:
                message = (
                    f"link {written} climbs above the site root "
                    f"(browsers stop at / and open {target.url})"
                )
            yield Finding(doc.path, link.line, link.column, message)
