"""Fixes the link rules attach: a link's target rewritten in place.

A fix is offered only when it is certain to land where it should: the new target is
written in the same form as the old (root-relative stays root-relative, relative stays
relative), it is resolved again exactly as the site generator would resolve it and must
land on the intended page (and anchor), and the old target must be written in the page
exactly as taiyaku read it (a percent-encoded or reference-style link, whose target sits
elsewhere, gets no fix).
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Applicability, Edit, Fix

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Link
    from taiyaku.site.links import LinkResolver
    from taiyaku.site.pages import Page

__all__ = ["retarget"]


def retarget(
    doc: Document,
    page: Page,
    link: Link,
    resolver: LinkResolver,
    url: str,
    fragment: str = "",
    applicability: Applicability = "safe",
) -> Fix | None:
    """A fix that points ``link`` at the page served at ``url`` (with ``#fragment``), or
    None when no rewrite is certain to land there."""
    if link.kind not in ("markdown", "html", "jsx", "image", "autolink") or page.url is None:
        return None
    written = link.href
    line_text = doc.line_text(link.line)
    start = link.column - 1
    if not written or line_text[start : start + len(written)] != written:
        return None
    new = _same_form(written, page.url, url) + (f"#{fragment}" if fragment else "")
    query = written.split("#", 1)[0].partition("?")[2]
    if query:
        return None  # a query string means something to the server: leave it to a person
    target = resolver.resolve(page, new)
    if target.page is None or target.page.url != url or not target.canonical:
        return None
    if target.slash_variant or (fragment and target.fragment != fragment):
        return None
    edit = Edit(doc.path, link.line, link.column, link.line, link.column + len(written), new)
    return Fix((edit,), applicability, f"replace {written} by {new}")


def _same_form(written: str, page_url: str, url: str) -> str:
    """``url`` written as ``written`` was: root-relative, or relative to the page."""
    if written.startswith("/"):
        return url
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(url, folder)
    if url.endswith("/") and not relative.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    if not relative.startswith("."):
        relative = "./" + relative
    return relative
