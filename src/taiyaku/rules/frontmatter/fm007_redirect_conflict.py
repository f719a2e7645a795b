"""FM007 redirect-conflict."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.rules.base import SiteRule
from taiyaku.rules.frontmatter._breadcrumb import resolve_url, usable_data
from taiyaku.rules.frontmatter._schema import key_column

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page


class RedirectConflict(SiteRule):
    """Two pages claim the same old address, or a redirect takes over a page's address.

    ## What it does
    Collects every ``redirect_from`` entry of every page in the site (also when only some
    pages are checked) and reports, on the entry's line in each checked page:

    * an address that another page, served at a different URL, claims too;
    * an address that is the URL of an existing page, including the page's own URL.
      A page that only redirects (``redirect_to``) to the claiming page is not a
      conflict: both send readers to the same place.

    Addresses are compared as the server sees them: query and fragment dropped,
    percent-escapes decoded, a leading ``/`` added, ``index.html`` and ``.html`` removed,
    and the trailing ``/`` ignored. ``/supports`` and ``/supports/`` are one address:
    Astro matches routes with or without the slash (``trailingSlash: "ignore"``), and
    static hosts redirect ``/x`` to ``/x/`` when a folder ``x/`` exists, so the two
    cannot lead to different places. Two files served at the same URL (``index.md`` and
    ``index.mdx`` side by side) that claim the same address do not conflict here: the
    redirect goes to the same URL either way.

    ## Why is this bad?
    The redirect plugin keeps one target per address, so whichever page it reads last
    silently wins; a redirect over an existing page makes the page unreachable or the
    build reports a route collision. Readers following an old link land on the wrong page.

    ## Example
    ``content/support/chat.md`` and ``content/support/online-call.md`` both list
    ``/support/zoom`` under ``redirect_from``:

        content/support/chat.md:5:3: error FM007 [redirect-conflict] redirect_from '/support/zoom'
        is also claimed by content/support/online-call.md (served at /support/online-call):
        an address can redirect to only one page
    """

    CODE = "FM007"
    NAME = "redirect-conflict"
    SEVERITY = Severity.ERROR
    CACHED = True  # the site's front matter and the pages checked decide it

    def check(self, ctx: Context) -> Iterator[Finding]:
        claims: dict[str, list[_Claim]] = {}
        served: dict[str, list[Page]] = {}
        for page in ctx.site.pages:
            if page.url is None:
                continue
            served.setdefault(normalise_address(page.url), []).append(page)
            if not ctx.site.may_mention(page, (b"redirect_from",)):
                continue  # no claim: its front matter need not be parsed
            for claim in _claims(page, ctx.document(page)):
                claims.setdefault(claim.address, []).append(claim)
        for address, group in claims.items():
            for claim in group:
                if ctx.is_target(claim.page):
                    yield from self._conflicts(ctx, claim, group, served.get(address, []))

    def _conflicts(
        self, ctx: Context, claim: _Claim, group: list[_Claim], existing: list[Page]
    ) -> Iterator[Finding]:
        doc = ctx.document(claim.page)
        column = key_column(doc, claim.line)
        here = _served_at(claim.page)
        rivals = [c for c in group if _served_at(c.page) != here]
        if rivals:
            names = ", ".join(
                f"{ctx.display_path(c.page.path)} (served at {c.page.url})" for c in rivals
            )
            message = (
                f"redirect_from '{claim.source}' is also claimed by {names}: an address can "
                "redirect to only one page"
            )
            related = tuple(Related(c.page.path, c.line, "also claims it") for c in rivals)
            yield Finding(doc.path, claim.line, column, message, related=related)
        for page in existing:
            if _served_at(page) == here:
                message = (
                    f"redirect_from '{claim.source}' is this page's own address "
                    f"({claim.page.url}): the page would redirect to itself"
                )
                yield Finding(doc.path, claim.line, column, message)
                return
        for page in existing:
            if _forwards_to(ctx, page, here):
                continue
            message = (
                f"redirect_from '{claim.source}' is the address of an existing page, "
                f"{ctx.display_path(page.path)} (served at {page.url}; a trailing '/' does not "
                "make it another address): the redirect and the page collide"
            )
            related = (Related(page.path, 1, "the page already there"),)
            yield Finding(doc.path, claim.line, column, message, related=related)


@dataclass(frozen=True)
class _Claim:
    page: Page
    source: str  # as written
    address: str  # normalised
    line: int


def _claims(page: Page, doc: Document) -> Iterator[_Claim]:
    data = usable_data(doc)
    if not data:
        return
    value = data.get("redirect_from")
    lines = doc.frontmatter.key_lines
    if isinstance(value, str):
        entries = [(value, lines.get(("redirect_from",), 1))]
    elif isinstance(value, list):
        entries = [
            (item, lines.get(("redirect_from", str(i)), lines.get(("redirect_from",), 1)))
            for i, item in enumerate(value)
            if isinstance(item, str)
        ]
    else:
        return
    for source, line in entries:
        parts = urlsplit(source.strip())
        if parts.scheme or parts.netloc or not source.strip():
            continue  # another site's address, or nothing: not a route of this site
        yield _Claim(page, source, normalise_address(source), line)


def normalise_address(url: str) -> str:
    """A URL path as the server matches it (see the rule's documentation)."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = "/" + path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path.rstrip("/") or "/"


def _served_at(page: Page) -> str:
    return normalise_address(page.url or "")


def _forwards_to(ctx: Context, page: Page, address: str) -> bool:
    """Whether ``page`` only redirects (``redirect_to``) to ``address``."""
    data = usable_data(ctx.document(page)) or {}
    target = data.get("redirect_to")
    if not isinstance(target, str):
        return False
    parts = urlsplit(target.strip())
    if parts.scheme or parts.netloc or page.url is None:
        return False
    return normalise_address(resolve_url(target, page.url)) == address
