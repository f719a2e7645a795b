"""Breadcrumb trails as utelecon's layout walks them (shared by FM005 and FM006).

Starting from the page's URL, the parent is ``breadcrumb.parent`` resolved as a URL
against the page's URL (as ``new URL(parent, page)`` does in a browser).  Without
``parent`` it is ``..`` for an index page (URL ending in ``/``) and ``.`` otherwise, so
``/support/chat`` has the parent ``/support/``.  The walk stops at the top page of each
language (``/`` and ``/en/`` on a Japanese-first site, see :func:`stops`);
every other parent must be the ``index.md``/``index.mdx`` page served at that URL, and
must itself have a ``breadcrumb``, whose ``parent`` continues the walk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page, Site

__all__ = [
    "Break",
    "ParentRef",
    "Step",
    "breadcrumb_of",
    "index_page",
    "parent_ref",
    "resolve_url",
    "stops",
    "usable_data",
    "walk",
]


def stops(site: Site) -> frozenset[str]:
    """Where the walk ends: the top page of each language (``/`` and ``/en/``)."""
    return frozenset({site.languages.home("ja"), site.languages.home("en")})


_BASE = "http://taiyaku.invalid"
_MAX_STEPS = 1000


def usable_data(doc: Document) -> dict[str, Any] | None:
    """The page's front matter as a mapping ({} without front matter); None when unusable."""
    if not doc.readable:
        return None
    fm = doc.frontmatter
    if fm.data is None:
        return None if fm.present else {}
    return fm.data


def _truthy(value: Any) -> bool:
    """JavaScript truthiness of a YAML value (the layout tests ``if (!breadcrumb)``)."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == value and value != 0  # NaN and 0 are falsy
    return True


def breadcrumb_of(doc: Document) -> Any | None:
    """The page's ``breadcrumb`` value when the layout would show one, else None."""
    data = usable_data(doc)
    if data is None:
        return None
    value = data.get("breadcrumb")
    return value if _truthy(value) else None


@dataclass(frozen=True)
class ParentRef:
    text: str  # the relative URL followed
    explicit: bool  # written as breadcrumb.parent (else the default)

    def describe(self) -> str:
        if self.explicit:
            return f"parent: '{self.text}'"
        return f"default '{self.text}'"


def parent_ref(breadcrumb: Any, url: str) -> ParentRef | None:
    """The parent reference of a breadcrumb on the page at ``url``; None if not a string."""
    value = breadcrumb.get("parent") if isinstance(breadcrumb, dict) else None
    if value is None:  # JavaScript `??`: only null/undefined fall back to the default
        return ParentRef(".." if url.endswith("/") else ".", explicit=False)
    if not isinstance(value, str):
        return None  # FM003 reports the type; the layout's behaviour is not worth guessing
    return ParentRef(value, explicit=True)


def resolve_url(ref: str, url: str) -> str:
    """``ref`` resolved against the page URL ``url``, as a decoded path (query dropped)."""
    joined = urljoin(_BASE + url, ref.strip())
    return unquote(urlsplit(joined).path) or "/"


def index_page(site: Site, url: str) -> Page | None:
    """The ``index.md``/``index.mdx`` page served at folder URL ``url`` (``.md`` first)."""
    if not url.endswith("/"):
        return None
    inner = url.strip("/")
    stem = f"{inner}/index" if inner else "index"
    pages = [p for p in site.pages_for_stem(stem) if p.url is not None]
    pages.sort(key=lambda p: (p.suffix != ".md", p.rel))
    return pages[0] if pages else None


@dataclass(frozen=True)
class Step:
    """A page whose breadcrumb the walk followed, and the parent reference it used."""

    url: str
    page: Page
    ref: ParentRef


@dataclass(frozen=True)
class Break:
    """Where a breadcrumb trail stops before reaching ``/`` or ``/en/``.

    ``steps[-1]`` is the page whose parent is broken; ``url`` is that parent.  ``target``
    is the page found there (``no-breadcrumb``) or the page the trail loops back to
    (``cycle``).
    """

    kind: Literal["no-page", "no-breadcrumb", "cycle"]
    url: str
    steps: tuple[Step, ...]
    target: Page | None = None

    @property
    def trail(self) -> str:
        return " → ".join([*(s.url for s in self.steps), self.url])


def walk(ctx: Context, page: Page, doc: Document) -> Break | None:
    """Follow the page's breadcrumb trail; the first break, or None if it reaches a stop.

    Also None when the trail cannot be followed with confidence: a ``parent`` that is not
    a string, or a parent page whose front matter does not load (FM003 and FM001 report
    those).
    """
    crumb = breadcrumb_of(doc)
    if crumb is None or page.url is None:
        return None
    url, current = page.url, page
    seen: dict[str, Page] = {url: page}
    steps: list[Step] = []
    for _ in range(_MAX_STEPS):
        ref = parent_ref(crumb, url)
        if ref is None:
            return None
        steps.append(Step(url, current, ref))
        parent_url = resolve_url(ref.text, url)
        if parent_url in stops(ctx.site):
            return None
        parent = index_page(ctx.site, parent_url)
        if parent is None:
            return Break("no-page", parent_url, tuple(steps))
        if parent_url in seen:
            return Break("cycle", parent_url, tuple(steps), seen[parent_url])
        parent_doc = ctx.document(parent)
        if usable_data(parent_doc) is None:
            return None
        crumb = breadcrumb_of(parent_doc)
        if crumb is None:
            return Break("no-breadcrumb", parent_url, tuple(steps), parent)
        seen[parent_url] = parent
        url, current = parent_url, parent
    return None
