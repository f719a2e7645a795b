"""Link resolution: what a link on a page lands on, the way the site generator resolves it.

One :class:`LinkResolver` per :class:`~taiyaku.site.pages.Site` and run answers, for a link
written on a page, a :class:`Target`: a page, a static file, a ``redirect_from`` entry, an
external URL, nothing (``missing``), or a place outside the site (``outside``).  The LK
rules read only Targets; none of them resolves a link itself.

How a link is resolved:

* ``https://…``, ``mailto:…`` and other schemes are ``external`` and never fetched.
* ``#frag`` and ``?query`` alone point at the page itself.
* A link written as a path to a page file (``../chat.md``, ``/support/chat.md``) is resolved
  against the *file's* folder (or the content root), never read outside the root.
* Any other link is a URL: resolved against the page's URL (``./x`` on ``/a/b`` is ``/a/x``
  under ``preserve``, ``/a/b/x`` under ``pretty``), then looked up with
  :meth:`Site.lookup_url`: a page (possibly through a non-canonical trailing-slash form),
  a static file, or a ``redirect_from`` entry.
* A link to a file (``img/x.png``, ``terms/a.pdf``) is also found beside the page *file*,
  which is how Astro resolves Markdown images (they are imported relative to the file).
* A URL served by a route that is not Markdown (``x.astro``, ``x.html``, an endpoint such as
  ``rss.xml.ts``) exists; a folder with a dynamic route (``[slug].astro``) cannot be
  checked offline, so links into it are ``unchecked``.
* Relative URL links in a partial (``_note.md``) mean something only on the page that
  includes the partial, so they are ``unchecked``; its root-relative links and its
  images (resolved against the file) are checked.

Resolving needs the site index, plus the front matter of all pages for ``redirect_from``
(only when a URL matches nothing else) and the anchors of target pages: a Markdown parse,
never the Japanese analysis.  Results are cached per run.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from taiyaku.model.lang import Lang
from taiyaku.model.records import cached_property, quick_init
from taiyaku.model.spelling import closest
from taiyaku.site.pages import Page, Site
from taiyaku.site.urls import Href, is_page_file, join_path, parse_href, url_dir

__all__ = [
    "LinkResolver",
    "Suggestion",
    "Target",
    "TargetKind",
    "is_file_url",
    "url_extension",
]

TargetKind = Literal["page", "static", "redirect", "external", "missing", "outside", "unchecked"]

# Fragments every page has: the top of the document (HTML's "top" and the empty fragment).
_ALWAYS_THERE = frozenset({"", "top"})
_PAGE_EXTENSIONS = frozenset({"", ".html", ".htm"})
_OTHER_ROUTE_SUFFIXES = (".astro", ".html", ".mdoc", ".markdown")
_ENDPOINT_SUFFIXES = (".js", ".ts", ".mjs")
_IMPORT = re.compile(
    r"""^import\s+[\w{}\s,*]+\s+from\s+["'](\.{1,2}/[^"']+\.mdx?)["']""", re.MULTILINE
)


@quick_init
@dataclass(frozen=True)
class Target:
    """Where a link lands.

    ``url`` is the resolved root-relative URL path (for a file-path link, the page's URL
    when found, else the resolved file path); for an external link it is the link as
    written.  ``page`` is the page landed on (for a redirect, the page it leads to).
    ``canonical`` is False when the page was reached through a URL form the generator does
    not produce (see :meth:`Site.lookup_url`).
    """

    kind: TargetKind
    href: Href
    url: str
    page: Page | None = None
    static: Path | None = None
    fragment: str = ""
    canonical: bool = True
    file_link: bool = False  # written as a path to a page file (``../chat.md``)
    same_page: bool = False  # ``#frag`` or ``?query`` alone
    reason: str = ""  # why a link is ``unchecked``

    @property
    def broken(self) -> bool:
        return self.kind in ("missing", "outside")

    @property
    def slash_variant(self) -> bool:
        """Reached a page only through a URL form static hosts do not serve.

        A missing trailing slash on a folder URL (``/support`` for ``/support/``) is not a
        variant: every static host redirects it.  An added one (``/support/chat/`` for the
        page ``support/chat.md`` at ``/support/chat``) is: GitHub Pages, nginx and Apache
        answer 404.
        """
        if self.kind != "page" or self.canonical or self.page is None:
            return False
        redirected = not self.url.endswith("/") and self.url + "/" == self.page.url
        return not redirected


@dataclass(frozen=True)
class Suggestion:
    url: str
    note: str = ""  # why this URL, when it is not just "nearest by spelling"


@quick_init
@dataclass(frozen=True)
class _Found:
    """What a URL lands on, independently of the link and page that lead there."""

    kind: TargetKind
    page: Page | None = None
    static: Path | None = None
    canonical: bool = True
    reason: str = ""


class LinkResolver:
    """Resolves links for one site; every answer is cached for the run."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._targets: dict[tuple[str, str], Target] = {}
        self._found: dict[str, _Found] = {}
        self._folder_names: dict[str, frozenset[str]] = {}
        self._folder_keys: dict[str, frozenset[str]] = {}
        self._anchors: dict[str, frozenset[str] | None] = {}
        self._near: dict[str, Suggestion | None] = {}

    # -- resolving ---------------------------------------------------------------------

    def resolve(self, page: Page, href: str) -> Target:
        """What ``href``, written on ``page``, lands on."""
        key = (page.rel, href)
        target = self._targets.get(key)
        if target is None:
            target = self._resolve(page, parse_href(href))
            self._targets[key] = target
        return target

    def _resolve(self, page: Page, href: Href) -> Target:
        if not href.raw.strip():
            return Target("unchecked", href, "", reason="empty link")
        if href.is_template:
            return Target("unchecked", href, "", reason="written with template syntax")
        if href.is_external:
            href = self._own_url(href)
            if href.is_external:
                return Target("external", href, href.raw.strip())
        if href.path == "":
            if page.url is None:
                return Target("unchecked", href, "", reason="in-page link in a partial")
            return Target("page", href, page.url, page, fragment=href.fragment, same_page=True)
        if href.is_file_path:
            return self._resolve_file(page, href)
        if href.is_root_relative:
            return self._resolve_url(page, href)
        file_like = is_file_url(href.path)
        if page.url is None:
            if file_like:
                return self._beside_file(page, href) or self._missing(page, href)
            return Target(
                "unchecked",
                href,
                "",
                reason="relative link in a partial: it depends on the page that includes it",
            )
        target = self._resolve_url(page, href)
        if target.kind == "missing" and file_like:
            return self._beside_file(page, href) or target
        return target

    def _own_url(self, href: Href) -> Href:
        """An absolute URL to the site's own origin (``site-url``) as the root-relative
        link it stands for; any other link as it is."""
        site_url = self.site.site_url
        if site_url is None:
            return href
        path = site_url.local_path(href.scheme, href.netloc, href.path)
        return href if path is None else replace(href, scheme="", netloc="", path=path)

    def _resolve_url(self, page: Page, href: Href) -> Target:
        base = url_dir(page.url) if page.url else "/"
        url, escaped = join_path(base, href.path)
        if href.is_root_relative and self.site.site_url is not None:
            url = self.site.site_url.strip_base(url) or url
        if escaped:
            return Target("outside", href, url, fragment=href.fragment)
        found = self._found_at(url)
        return Target(
            found.kind,
            href,
            url,
            found.page,
            found.static,
            href.fragment,
            found.canonical,
            reason=found.reason,
        )

    def _found_at(self, url: str) -> _Found:
        """What the site serves at ``url`` (a root-relative, normalised URL path)."""
        found = self._found.get(url)
        if found is None:
            found = self._find(url)
            self._found[url] = found
        return found

    def _find(self, url: str) -> _Found:
        match = self.site.lookup_url(url)
        if match.page is not None:
            return _Found("page", match.page, canonical=match.canonical)
        if match.static is not None:
            return _Found("static", static=match.static)
        if match.redirect_of is not None:
            return _Found("redirect", match.redirect_of)
        post = self.site.post_at(url) or self.site.html_page_at(url)
        if post is not None:  # a Jekyll post or HTML page: a page taiyaku does not check
            return _Found("page", static=post)
        return self._other_route(url) or _Found("missing")

    def _resolve_file(self, page: Page, href: Href) -> Target:
        path, escaped = _beside(page, href.path)
        if escaped:
            return Target("outside", href, path, fragment=href.fragment, file_link=True)
        found = self.site.by_rel.get(path.lstrip("/"))
        if found is None:
            found = self.site.untranslated_source(path.lstrip("/"))
        if found is None:
            return Target("missing", href, path, fragment=href.fragment, file_link=True)
        return Target(
            "page", href, found.url or path, found, fragment=href.fragment, file_link=True
        )

    def _beside_file(self, page: Page, href: Href) -> Target | None:
        """A file next to the page's source file (how Markdown images are resolved)."""
        path, escaped = _beside(page, href.path)
        if escaped:
            return None
        static = self.site.static_file(path)
        if static is None:
            return None
        return Target("static", href, path, static=static, fragment=href.fragment)

    def _missing(self, page: Page, href: Href) -> Target:
        path, escaped = _beside(page, href.path)
        return Target("outside" if escaped else "missing", href, path, fragment=href.fragment)

    def _other_route(self, url: str) -> _Found | None:
        """A non-Markdown route serving ``url``: ``.astro``/``.html``, an endpoint, a
        dynamic route (``[slug].astro`` beside it, ``[...rest].astro`` above it), or a
        page Docusaurus's blog generates (tags, archive, authors, pages of posts)."""
        parts = [p for p in url.split("/") if p]
        if self.site.layout == "docusaurus" and _generated_blog_page(parts, self.site):
            return _Found("unchecked", reason="a page Docusaurus's blog generates")
        base = parts[-1] if parts else ""
        names = self._listdir(*parts[:-1])
        wanted = {base + suffix for suffix in _OTHER_ROUTE_SUFFIXES}
        if "." in base:
            wanted |= {base + suffix for suffix in _ENDPOINT_SUFFIXES}
        index = {"index" + suffix for suffix in _OTHER_ROUTE_SUFFIXES}
        if base:
            if found := names & wanted:
                return _Found("page", static=self.site.root.joinpath(*parts[:-1], min(found)))
            if found := self._listdir(*parts) & index:
                return _Found("page", static=self.site.root.joinpath(*parts, min(found)))
        dynamic = any(name.startswith("[") for name in names)
        for depth in range(len(parts) - 1):  # a catch-all route in a folder above
            if dynamic:
                break
            dynamic = any(name.startswith("[...") for name in self._listdir(*parts[:depth]))
        if dynamic:
            return _Found("unchecked", reason="a dynamic route (`[…]`) serves it")
        return None

    def file_url(self, path: Path) -> str | None:
        """The URL path a static file or a non-Markdown route file is served at, as its
        file name says (``/about.html``): one key for ``/about`` and ``/about.html``."""
        for base in (self.site.root, *self.site.static_dirs):
            if path.is_relative_to(base):
                return "/" + path.relative_to(base).as_posix()
        return None

    def _listdir(self, *parts: str) -> frozenset[str]:
        """The names in a folder under the root (cached; empty when there is none).

        A folder whose parent lists no name like it (compared as a case- and
        normalisation-insensitive file system would) does not exist, and is not asked
        for: most links that reach no page name folders that are not there."""
        key = "/".join(parts)
        names = self._folder_names.get(key)
        if names is None:
            listed = self._listed_on_the_way(parts)
            names = _listdir(self.site.root.joinpath(*parts)) if listed else frozenset()
            self._folder_names[key] = names
        return names

    def _listed_on_the_way(self, parts: tuple[str, ...]) -> bool:
        """Whether each of ``parts`` is listed in the folder before it, from the root
        down (each folder listed once per run; the first one missing ends the walk)."""
        for depth in range(len(parts)):
            above = parts[:depth]  # (listed already, with every folder above it)
            key = "/".join(above)
            keys = self._folder_keys.get(key)
            if keys is None:
                keys = self._folder_keys[key] = frozenset(map(_fs_key, self._listdir(*above)))
            if _fs_key(parts[depth]) not in keys:
                return False
        return True

    # -- anchors -----------------------------------------------------------------------

    def anchors(self, page: Page) -> frozenset[str] | None:
        """The ids a page defines, with those of the partials it imports (MDX).

        None when the page could not be read (its anchors are unknown).
        """
        if page.rel not in self._anchors:
            self._anchors[page.rel] = None  # guards against import cycles
            doc = self.site.document(page)
            if not doc.readable:
                return None
            ids = set(doc.anchor_ids())
            for partial in self._imported_partials(page, doc.source):
                ids |= self.anchors(partial) or set()
            self._anchors[page.rel] = frozenset(ids)
        return self._anchors[page.rel]

    def _imported_partials(self, page: Page, source: str) -> list[Page]:
        if "import" not in source:
            return []
        found = []
        for match in _IMPORT.finditer(source):
            path, escaped = _beside(page, match.group(1))
            partial = None if escaped else self.site.by_rel.get(path.lstrip("/"))
            if partial is not None:
                found.append(partial)
        return found

    def has_anchor(self, target: Target) -> bool | None:
        """Whether the target page defines the link's fragment (None: cannot tell)."""
        if target.page is None:
            return None
        if target.fragment in _ALWAYS_THERE:
            return True
        ids = self.anchors(target.page)
        return None if ids is None else target.fragment in ids

    # -- suggestions -------------------------------------------------------------------

    def suggest(self, page: Page, target: Target) -> Suggestion | None:
        """The nearest existing page for a missing target, or None when none is near.

        In order: what the link meant when the page had the other trailing-slash form of
        its URL; a page in the same folder whose name is a near spelling; when that folder
        holds no page, a page of the same language tree whose whole URL is a near
        spelling (a typo in a folder name).
        A page of the same name in another folder is not suggested: on a real site that
        is another topic (``/zoom/signin/`` is not ``/webex/signin``).
        """
        if target.kind != "missing" or target.file_link:
            return self._suggest_file(target) if target.file_link else None
        if is_file_url(target.url):
            return None
        old = self._as_if_other_url(page, target)
        if old is not None:
            return old
        if target.url not in self._near:
            self._near[target.url] = self._near_spelling(target.url)
        return self._near[target.url]

    def _near_spelling(self, url: str) -> Suggestion | None:
        name = _name(url)
        if not name:
            return None
        folder = url_dir(url.rstrip("/"))
        siblings = self._by_folder.get(folder, {})
        near = closest(name, siblings, cutoff=0.85)
        if near is not None:
            return Suggestion(siblings[near])
        if folder in self._folders:
            return None
        near = closest(url, self._page_urls_in(url), cutoff=0.85)
        return Suggestion(near) if near is not None else None

    def _as_if_other_url(self, page: Page, target: Target) -> Suggestion | None:
        """A relative link written for the page's URL with(out) a trailing slash.

        ``../email-form/`` on ``/support/chat`` was written when the page was served at
        ``/support/chat/``; against that URL it means ``/support/email-form/``.
        """
        href = target.href
        if page.url is None or href.is_root_relative or _is_index(page):
            return None
        if page.url.endswith("/"):
            other = page.url.rstrip("/")
        else:
            other = page.url.removesuffix(".html") + "/"
        url, escaped = join_path(url_dir(other), href.path)
        if escaped:
            return None
        found = self._found_at(url)
        if found.kind != "page" or found.page is None or found.page.url is None:
            return None
        return Suggestion(found.page.url, f"the link was written for the page URL {other}")

    def _suggest_file(self, target: Target) -> Suggestion | None:
        folder = posixpath.dirname(target.url.lstrip("/"))
        siblings = {
            posixpath.basename(rel): rel
            for rel in self.site.by_rel
            if posixpath.dirname(rel) == folder
        }
        name = posixpath.basename(target.url)
        close = difflib.get_close_matches(name, list(siblings), n=1, cutoff=0.8)
        return Suggestion(siblings[close[0]]) if close else None

    def suggest_anchor(self, target: Target) -> str | None:
        ids = self.anchors(target.page) if target.page is not None else None
        if not ids:
            return None
        wanted = target.fragment
        for ident in ids:
            if ident.lower() == wanted.lower():
                return ident
        close = difflib.get_close_matches(wanted, sorted(ids), n=1, cutoff=0.6)
        return close[0] if close else None

    @cached_property
    def _page_urls(self) -> list[str]:
        return sorted({p.url for p in self.site.pages if p.url is not None})

    @cached_property
    def _by_folder(self) -> dict[str, dict[str, str]]:
        """Page URLs by folder and name: ``/support/`` → ``{"chat": "/support/chat"}``."""
        index: dict[str, dict[str, str]] = {}
        for url in self._page_urls:
            index.setdefault(url_dir(url.rstrip("/")), {})[_name(url)] = url
        return index

    def _page_urls_in(self, url: str) -> list[str]:
        """Page URLs in the same language tree as ``url``."""
        return self._page_urls_by_language.get(self.site.languages.url_lang(url), [])

    @cached_property
    def _page_urls_by_language(self) -> dict[Lang | None, list[str]]:
        """Page URLs by the language tree they are in."""
        trees: dict[Lang | None, list[str]] = {}
        for url in self._page_urls:
            trees.setdefault(self.site.languages.url_lang(url), []).append(url)
        return trees

    # -- what the site holds -----------------------------------------------------------

    @cached_property
    def _folders(self) -> frozenset[str]:
        """Every URL folder that holds a page (``/``, ``/support/``, …)."""
        folders = {"/"}
        for url in self._page_urls:
            parts = [p for p in url.split("/") if p]
            for depth in range(1, len(parts) + (1 if url.endswith("/") else 0)):
                folders.add("/" + "/".join(parts[:depth]) + "/")
        return frozenset(folders)

    def absent_folder(self, url: str) -> str | None:
        """The outermost folder of ``url`` with no page and no file under it at all.

        A link to ``/faq/x`` when nothing lives under ``/faq/`` points at a part of the
        site this checkout does not hold (or at a folder that was removed).
        """
        parts = [p for p in url.split("/") if p]
        depth = len(parts) if url.endswith("/") else len(parts) - 1
        for index in range(1, depth + 1):
            folder = "/" + "/".join(parts[:index]) + "/"
            if folder in self._folders:
                continue
            inner = folder.strip("/")
            if self._listdir(inner) or any(_listdir(d / inner) for d in self.site.static_dirs):
                continue
            return folder
        return None

    @cached_property
    def has_static_files(self) -> bool:
        """Whether any non-page file exists under the root or the static folders."""
        for base in (self.site.root, *self.site.static_dirs):
            for _dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = [d for d in dirnames if d[0] != "." and d != "node_modules"]
                if any(not is_page_file(n) and not n.startswith(".") for n in filenames):
                    return True
        return False


_BLOG_PAGES = frozenset({"tags", "archive", "authors", "page"})


def _generated_blog_page(parts: list[str], site: Site) -> bool:
    """``/blog/tags/news``, ``/ja/blog/archive``: the blog's generated pages."""
    code = site.languages.code(site.languages.translation)
    if parts[:1] == [code]:
        parts = parts[1:]
    return len(parts) >= 2 and parts[0] == "blog" and parts[1] in _BLOG_PAGES


def is_file_url(url: str) -> bool:
    """A URL naming a file (``x.png``, ``a.pdf``) rather than a page (``x``, ``x/``, ``x.html``)."""
    return url_extension(url) not in _PAGE_EXTENSIONS


def url_extension(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path.rstrip("/")))[1].lower()


def _name(url: str) -> str:
    """The last segment of a URL path: ``/a/b/`` → ``b``, ``/a/b.html`` → ``b``."""
    return posixpath.basename(url.rstrip("/")).removesuffix(".html")


def _beside(page: Page, path: str) -> tuple[str, bool]:
    """``path`` resolved against the folder of the page's *file* (root-relative)."""
    folder = posixpath.dirname(page.rel)
    return join_path(f"/{folder}/" if folder else "/", path)


def _is_index(page: Page) -> bool:
    return posixpath.basename(posixpath.splitext(page.route)[0]) == "index"


def _fs_key(name: str) -> str:
    """A file name as a case- and normalisation-insensitive file system (macOS, Windows)
    compares it: two names of one key may be one file there."""
    return unicodedata.normalize("NFC", name).casefold()


def _listdir(folder: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()
