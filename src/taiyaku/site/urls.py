"""URL mapping: page file ⇄ URL under the site generator's URL style, and link resolution.

A relative link means something only against the URL the page is served at, not its
file path.  Three URL styles are supported:

``preserve`` (Astro ``build.format: "preserve"``, utelecon)
    ``a/index.md`` → ``/a/``; ``a/b.md`` → ``/a/b``.
``pretty`` (Hugo, Docusaurus, Jekyll ``permalink: pretty``)
    ``a/index.md`` → ``/a/``; ``a/b.md`` → ``/a/b/``.
``jekyll`` (Jekyll's default permalinks)
    ``a/index.md`` → ``/a/``; ``a/b.md`` → ``/a/b.html``, also served as ``/a/b``.

Paths here are *routes*: POSIX paths of page files in URL space (``en/support/chat.md``);
the site layout decides how a file's path becomes its route (see :mod:`taiyaku.site.pages`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from taiyaku.model.records import quick_init

UrlStyle = Literal["preserve", "pretty", "jekyll"]
URL_STYLES: tuple[UrlStyle, ...] = ("preserve", "pretty", "jekyll")
PAGE_SUFFIXES = (".md", ".mdx", ".markdown")

__all__ = [
    "PAGE_SUFFIXES",
    "URL_STYLES",
    "Href",
    "RouteCandidate",
    "UrlStyle",
    "is_page_file",
    "join_path",
    "parse_href",
    "route_stem",
    "route_to_url",
    "url_dir",
    "url_to_routes",
]


def is_page_file(name: str) -> bool:
    return name.endswith(PAGE_SUFFIXES)


def route_stem(route: str) -> str:
    """``support/chat.md`` → ``support/chat``."""
    stem, _ext = posixpath.splitext(route)
    return stem


def route_to_url(route: str, style: UrlStyle) -> str:
    """The URL a page route is served at."""
    stem = route_stem(route)
    parent, _, name = stem.rpartition("/")
    if name == "index":
        return f"/{parent}/" if parent else "/"
    if style == "preserve":
        return f"/{stem}"
    if style == "pretty":
        return f"/{stem}/"
    return f"/{stem}.html"


@quick_init
@dataclass(frozen=True)
class RouteCandidate:
    """A route stem that a URL path may be served from.

    ``canonical`` is False for forms a server reaches only through a redirect or a
    lenient rule, such as ``/a/b/`` for ``a/b.md`` under ``preserve`` (the trailing-slash
    variant).
    """

    stem: str
    canonical: bool


def url_to_routes(path: str, style: UrlStyle) -> list[RouteCandidate]:
    """The route stems that could serve URL ``path`` (decoded, starting with ``/``)."""
    inner = path.lstrip("/")
    if inner == "" or inner == "index.html":
        return [RouteCandidate("index", True)]
    if inner.endswith("/index.html"):
        return [RouteCandidate(inner[: -len(".html")], True)]
    if inner.endswith("/"):
        base = inner.rstrip("/")
        slash_variant = style in ("preserve", "jekyll")
        return [
            RouteCandidate(f"{base}/index", True),
            RouteCandidate(base, not slash_variant),
        ]
    if inner.endswith(".html"):
        base = inner[: -len(".html")]
        return [RouteCandidate(base, style != "pretty")]
    # No trailing slash: a page, or a folder the server redirects to its slash form.
    return [
        RouteCandidate(inner, style != "pretty"),
        RouteCandidate(f"{inner}/index", False),
    ]


@quick_init
@dataclass(frozen=True)
class Href:
    """A link target split into its parts."""

    raw: str
    scheme: str
    path: str  # percent-decoded
    query: str
    fragment: str  # percent-decoded
    netloc: str = ""  # the host of an absolute (or ``//host/…``) URL

    @property
    def is_external(self) -> bool:
        return bool(self.scheme) or bool(self.netloc) or self.raw.strip().startswith("//")

    @property
    def is_template(self) -> bool:
        """Written with template syntax (``{{ site.baseurl }}/x``, ``{% link x.md %}``):
        what it becomes is known only once the generator has run."""
        return "{{" in self.raw or "{%" in self.raw

    @property
    def is_fragment_only(self) -> bool:
        return not self.is_external and self.path == "" and bool(self.fragment)

    @property
    def is_root_relative(self) -> bool:
        return self.path.startswith("/")

    @property
    def is_file_path(self) -> bool:
        """A link written as a path to a page file (``../chat.md``), resolved on disk."""
        return is_page_file(self.path)


def parse_href(raw: str) -> Href:
    value = raw.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    parts = urlsplit(value)
    scheme = parts.scheme
    if len(scheme) == 1:  # a Windows drive letter, not a scheme
        scheme = ""
    return Href(
        raw, scheme, unquote(parts.path), parts.query, unquote(parts.fragment), parts.netloc
    )


def join_path(base_dir: str, relative: str) -> tuple[str, bool]:
    """Resolve ``relative`` against the absolute folder ``base_dir`` (``/a/b/``).

    Returns the normalised absolute path and whether ``..`` climbed above ``/``
    (browsers clamp that silently; a linter reports it).  A trailing slash survives.
    """
    segments = [] if relative.startswith("/") else [s for s in base_dir.split("/") if s]
    rest = relative
    escaped = False
    parts = rest.split("/")
    for part in parts:
        if part in ("", "."):
            continue
        if part == "..":
            if segments:
                segments.pop()
            else:
                escaped = True
            continue
        segments.append(part)
    trailing = (
        rest.endswith("/")
        or rest.endswith("/.")
        or rest.endswith("/..")
        or rest
        in (
            "",
            ".",
            "..",
        )
    )
    joined = "/" + "/".join(segments)
    if trailing and segments:
        joined += "/"
    return joined, escaped


def url_dir(url: str) -> str:
    """The folder a relative link is resolved against: ``/a/b`` → ``/a/``, ``/a/b/`` → same."""
    if url.endswith("/"):
        return url
    return url.rsplit("/", 1)[0] + "/"
