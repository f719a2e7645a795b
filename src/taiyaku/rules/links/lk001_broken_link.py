"""LK001 broken-link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Fix, Severity
from taiyaku.rules.base import PageRule, RuleOption
from taiyaku.rules.links._fixes import retarget
from taiyaku.rules.links._resolver import link_resolver
from taiyaku.rules.links._targets import arrow, with_fragment
from taiyaku.site.links import LinkResolver, Target, is_file_url

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Link
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page

TRAILING_SLASH = RuleOption(
    "trailing-slash",
    str,
    "strict",
    "a link to a page with a trailing slash its URL lacks: strict (report) or ignore",
    choices=("strict", "ignore"),
)


class BrokenLink(PageRule):
    """A relative or root-relative link leads to no page, file or redirect.

    ## What it does
    Resolves every internal link the way the site generator does: Markdown links,
    reference-style links, images, HTML ``<a href>`` and ``<img src>``, and MDX component
    props such as ``href="/x"``. A URL is resolved against the page's URL under the
    configured ``url-style`` (``./x`` on ``/a/b`` is ``/a/x`` under ``preserve``); a link
    written as a file path (``../chat.md``) against the page's file. The link is broken
    when the result is not a page, not a static file (beside the page or in a
    ``static-dirs`` folder) and no address a page's front matter gives it
    (``redirect_from``, Hugo's ``aliases``, ``permalink``, Hugo's ``url``, ``slug``: a
    site serves the page there too, so such a link is never called broken). The message
    suggests the nearest existing page: first what the link meant when the page had the
    other trailing-slash form of its URL (``../email-form/`` written for ``/support/chat/``),
    then the closest URL in the same folder or the site. When no page or file exists under
    the target's folder at all, it says so ("target folder /faq/ not in this site"), which
    tells links into another part of a partial checkout apart from typos.

    External URLs are never fetched. Relative links in partials (``_note.md``) are not
    checked: they mean something only on the page that includes them.

    **Trailing slashes** (option ``trailing-slash``, default ``strict``). Under
    ``preserve``, ``support/email-form.md`` is built to ``support/email-form.html`` and
    served at ``/support/email-form``. A static host does not serve it at
    ``/support/email-form/``: GitHub Pages (utelecon's host), nginx and Apache look for
    ``support/email-form/index.html`` and answer 404, and utelecon's own
    ``npm run broken-link`` checks a URL ending in ``/`` only as ``…/index.html``. Astro's
    dev server accepts both forms, so the mistake survives preview; ``strict`` reports it
    with the canonical URL. Use ``ignore`` behind a host that redirects the slash form
    (Cloudflare Pages, Netlify with pretty URLs). A *missing* slash on a folder URL
    (``/support`` for ``/support/``) is accepted in both modes: every static host
    redirects it.

    ## Why is this bad?
    A relative link written when the site's URLs ended in a slash (``../email-form/``)
    points one folder too high once the URLs lose it; the fix often lands in one language
    and not the other. Readers get a 404 page.

    ## Example
    ``content/support/chat.md`` is served at ``/support/chat``:

        [メールフォーム](../email-form/)

        content/support/chat.md:17:81: error LK001 [*] [broken-link] broken link ../email-form/
        (→ /email-form/): no page, file or redirect there; did you mean
        /support/email-form? (the link was written for the page URL /support/chat/)

    Use instead ``[メールフォーム](./email-form)``.

    ## Fix
    Safe, when the right target is certain: a trailing slash the page's URL lacks is
    dropped (``./email-form/`` → ``./email-form``), and a relative link written for the
    other trailing-slash form of the page's URL is rewritten for the current one
    (``../email-form/`` → ``./email-form``; unsafe when it has a fragment the target page
    does not define). The new link keeps the old one's form (relative or root-relative)
    and must resolve to that page. A near spelling is only a suggestion, never a fix.
    """

    CODE = "LK001"
    NAME = "broken-link"
    SEVERITY = Severity.ERROR
    OPTIONS = (TRAILING_SLASH,)

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        ctx.site.redirects()  # read every page's front matter once, not once per worker

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        resolver = link_resolver(ctx)
        strict = ctx.option("trailing-slash") != "ignore"
        for link in doc.links:
            target = resolver.resolve(page, link.href)
            if target.kind == "missing":
                message = missing_message(resolver, page, target)
                fix = _fix_missing(doc, page, link, resolver, target)
            elif strict and target.slash_variant:
                message = slash_message(target)
                fix = _fix_slash(doc, page, link, resolver, target)
            else:
                continue
            yield Finding(doc.path, link.line, link.column, message, fix=fix)


def _fragment(link: Link) -> str:
    return link.href.partition("#")[2]


def _fix_slash(
    doc: Document, page: Page, link: Link, resolver: LinkResolver, target: Target
) -> Fix | None:
    """The page's own URL, without the slash static hosts do not serve."""
    assert target.page is not None and target.page.url is not None
    return retarget(doc, page, link, resolver, target.page.url, _fragment(link))


def _fix_missing(
    doc: Document, page: Page, link: Link, resolver: LinkResolver, target: Target
) -> Fix | None:
    """Only the one certain candidate: what a relative link meant when it was written for
    the other trailing-slash form of the page's URL (a near spelling is a guess)."""
    suggestion = resolver.suggest(page, target)
    if suggestion is None or not suggestion.note or target.file_link:
        return None
    fragment = _fragment(link)
    safe = True
    if fragment:  # (the landing page's anchors: a parse, only where a fragment needs one)
        landed = resolver.resolve(page, suggestion.url).page
        known = resolver.anchors(landed) if landed is not None else None
        safe = fragment in (known or ())
    return retarget(
        doc, page, link, resolver, suggestion.url, fragment, "safe" if safe else "unsafe"
    )


def missing_message(resolver: LinkResolver, page: Page, target: Target) -> str:
    head = f"broken link {target.href.raw.strip()}{arrow(target)}"
    suggestion = resolver.suggest(page, target)
    folder = resolver.absent_folder(target.url)
    if target.file_link:
        text = f"{head}: no page file {target.url.lstrip('/')} under the root"
    elif is_file_url(target.url) and not resolver.has_static_files:
        text = f"{head}: no such file (no static file at all under the root or static-dirs: "
        text += "set `static-dirs`?)"
    elif folder is not None and not (suggestion and suggestion.note):
        text = f"{head}: target folder {folder} not in this site"
    elif is_file_url(target.url):
        text = f"{head}: no such file"
    else:
        text = f"{head}: no page, file or redirect there"
    if suggestion is not None:
        text += f"; did you mean {with_fragment(suggestion.url, target)}?"
        if suggestion.note:
            text += f" ({suggestion.note})"
    return text


def slash_message(target: Target) -> str:
    assert target.page is not None and target.page.url is not None
    canonical = target.page.url
    return (
        f"link {target.href.raw.strip()}{arrow(target)} has a trailing slash the page's URL "
        f"lacks: {target.page.rel} is served at {canonical}, and static hosts answer 404 for "
        f"{target.url}; did you mean {with_fragment(canonical, target)}?"
    )
