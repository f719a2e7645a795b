"""FM006 breadcrumb-parent-missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.frontmatter._breadcrumb import Break, index_page, walk
from taiyaku.rules.frontmatter._schema import key_column

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page


class BreadcrumbParentMissing(PageRule):
    """A page's breadcrumb trail leads to a page that does not exist or has no breadcrumb.

    ## What it does
    Walks the breadcrumb trail of every page whose front matter has a ``breadcrumb``,
    exactly as utelecon's layout does when it builds the page. The parent is
    ``breadcrumb.parent`` resolved as a URL against the page's own URL; without
    ``parent`` it is ``..`` on an index page (URL ending in ``/``) and ``.`` on any other
    page, so ``/support/chat`` has the parent ``/support/``. The walk ends at ``/`` or
    ``/en/``. Every other parent must be the ``index.md``/``index.mdx`` page at that URL
    and must have a ``breadcrumb`` itself, whose ``parent`` continues the walk. Reported:

    * a parent URL with no index page there (a hint says when the URL lacks its
      trailing ``/``, is served by a non-index page, or is only a ``redirect_from``);
    * a parent page without ``breadcrumb``;
    * a trail that loops back on itself (the build would never finish).

    The finding goes on the page whose own ``parent`` is broken, at that key's line (the
    ``breadcrumb`` line when the default is used). A page further down the trail is
    reported too when the broken page is not being checked in this run, so checking a
    single file still says why its build fails. Partials (``_name.md``) get no layout and
    are not checked; a ``parent`` that is not a string is left to FM003.

    ## Why is this bad?
    The build fails ("No parent found", "No breadcrumb found in parent"), for the page
    and for every page below it. A parent's breadcrumb is needed even on a top-level page
    that shows no trail itself.

    ## Example
    ``content/eccs/index.md`` has no ``breadcrumb``:

        content/eccs/support/index.md:3:1: error FM006 [breadcrumb-parent-missing] breadcrumb
        parent /eccs/ (default '..') has no breadcrumb of its own (content/eccs/index.md),
        so the trail cannot continue: add a 'breadcrumb' there
    """

    CODE = "FM006"
    NAME = "breadcrumb-parent-missing"
    SEVERITY = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        broken = walk(ctx, page, doc)
        if broken is None:
            return
        culprit = _culprit(broken, page)
        if culprit is page:
            line = _ref_line(doc, explicit=broken.steps[0].ref.explicit)
            related = _related(ctx, broken)
            message = _own_message(ctx, broken)
        elif ctx.is_target(culprit):
            return  # the broken page gets its own finding
        else:
            line = _ref_line(doc, explicit=False)
            explicit = next(s.ref.explicit for s in broken.steps if s.page is culprit)
            culprit_line = _ref_line(ctx.document(culprit), explicit=explicit)
            related = (Related(culprit.path, culprit_line, "the trail breaks here"),)
            message = (
                f"breadcrumb trail {broken.trail} breaks at "
                f"{ctx.display_path(culprit.path)}: {_own_message(ctx, broken)}"
            )
        yield Finding(doc.path, line, key_column(doc, line), message, related=related)


def _culprit(broken: Break, page: Page) -> Page:
    """The page whose own breadcrumb is wrong."""
    if broken.kind == "cycle":
        assert broken.target is not None
        return page if broken.target is page else broken.target
    return broken.steps[-1].page


def _ref_line(doc: Document, *, explicit: bool) -> int:
    lines = doc.frontmatter.key_lines
    if explicit and ("breadcrumb", "parent") in lines:
        return lines[("breadcrumb", "parent")]
    return lines.get(("breadcrumb",), 1)


def _related(ctx: Context, broken: Break) -> tuple[Related, ...]:
    if broken.kind == "no-breadcrumb" and broken.target is not None:
        return (Related(broken.target.path, 1, "the parent page"),)
    return ()


def _own_message(ctx: Context, broken: Break) -> str:
    step = broken.steps[-1]
    parent = f"breadcrumb parent {broken.url} ({step.ref.describe()})"
    if broken.kind == "cycle":
        if len(broken.steps) == 1:
            return f"{parent} is this page itself: the trail would never end"
        return f"breadcrumb trail loops: {broken.trail}; the trail would never end"
    if broken.kind == "no-breadcrumb":
        assert broken.target is not None
        where = ctx.display_path(broken.target.path)
        return (
            f"{parent} has no breadcrumb of its own ({where}), so the trail cannot "
            "continue: add a 'breadcrumb' there"
        )
    return f"{parent} is not a page: no index.md or index.mdx is served there{_hint(ctx, broken)}"


def _hint(ctx: Context, broken: Break) -> str:
    url = broken.url
    site = ctx.site
    if not url.endswith("/"):
        folder = index_page(site, url + "/")
        if folder is not None:
            return f" (a parent is a folder URL: did you mean '{url}/'?)"
        return " (a parent must be a folder URL ending in '/')"
    match = site.lookup_url(url)
    if match.page is not None:
        shown = ctx.display_path(match.page.path)
        return f" ({shown} is served at {match.page.url}, but a parent must be an index page)"
    if match.redirect_of is not None:
        shown = ctx.display_path(match.redirect_of.path)
        return f" ({url} only redirects to {match.redirect_of.url}, {shown})"
    return ""
