"""The site model: which pages exist, their languages, URLs and translations.

Discovery lists files only; pages are parsed lazily (see :meth:`Site.document`), so a
run over one changed file can still ask which pages, URLs and anchors exist.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.model.files import read_head, read_regular_file
from taiyaku.model.globs import PathPatterns
from taiyaku.model.lang import Lang
from taiyaku.model.records import quick_init
from taiyaku.parse.document import ReadLimits
from taiyaku.parse.frontmatter import raw_front_matter
from taiyaku.site.discovery import POST_NAME, Discovery, list_site_files
from taiyaku.site.layouts import LAYOUTS, LanguageLayout, Layout
from taiyaku.site.siteurl import SiteUrl
from taiyaku.site.urls import (
    UrlStyle,
    is_page_file,
    route_stem,
    route_to_url,
    url_to_routes,
)

if TYPE_CHECKING:
    from taiyaku.parse.document import Document

__all__ = ["LAYOUTS", "Layout", "Page", "Site", "UrlMatch", "layout_route"]


@dataclass(eq=False)
class Page:
    """One Markdown/MDX file under the content root."""

    path: Path  # absolute
    rel: str  # POSIX path relative to the content root
    lang: Lang | None  # None: outside both language trees (``dirs`` layout)
    route: str  # the file's path in URL space, e.g. ``en/support/chat.md``
    key: str  # language-neutral stem shared with the translation, e.g. ``support/chat``
    url: str | None  # None for partials, which are not routes
    counterpart: Page | None = field(default=None, repr=False)
    # A partial (``_note.md``) is included by other pages and is not a route; Hugo's
    # ``_index.md`` is a section's own page, not a partial.
    partial: bool = False
    # Matched by ``exclude``: the page exists (links to it work, it pairs), but it is
    # neither checked nor reported on.
    excluded: bool = False

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.rel)[1]

    def __repr__(self) -> str:
        return f"Page({self.rel!r}, lang={self.lang!r}, url={self.url!r})"


def layout_route(rel: str, layout: Layout) -> tuple[Lang | None, str]:
    """Split a file's root-relative path into its language and its route (a
    Japanese-first site; :class:`LanguageLayout` reads any)."""
    placement = LanguageLayout(layout).place(rel)
    return (placement.lang, placement.route) if placement else (None, rel)


@quick_init
@dataclass(frozen=True)
class UrlMatch:
    """What a URL path lands on: a page, a static file, or a redirect."""

    page: Page | None = None
    static: Path | None = None
    redirect_of: Page | None = None
    canonical: bool = True

    @property
    def found(self) -> bool:
        return self.page is not None or self.static is not None or self.redirect_of is not None


class Site:
    """Pages under a content root, paired JA ⇄ EN, addressable by path and URL."""

    def __init__(
        self,
        root: Path,
        *,
        layout: Layout | LanguageLayout = "prefix",
        url_style: UrlStyle = "preserve",
        source_lang: Lang = "ja",
        static_dirs: Iterable[Path] = (),
        exclude: PathPatterns | Iterable[str] = (),
        loader: Callable[[Page], Document] | None = None,
        discovery: Discovery | None = None,
        site_url: SiteUrl | None = None,
        max_page_bytes: int = ReadLimits.max_bytes,
    ) -> None:
        self.root = root.resolve()
        if isinstance(layout, str):
            layout = LanguageLayout(layout, source_lang)
        # How a file's path tells its language, and which language is the source (the
        # one pages are written in first; the other one is the translation).
        self.languages: LanguageLayout = layout
        self.layout: Layout = layout.kind
        self.source_lang: Lang = layout.source
        self.url_style: UrlStyle = url_style
        self.discovery = discovery or Discovery()
        self.site_url = site_url  # absolute links to this origin are the site's own
        self.static_dirs = tuple(p.resolve() for p in static_dirs)
        # pages not to check or report on; they still exist (:mod:`taiyaku.model.globs`)
        self.exclude = exclude if isinstance(exclude, PathPatterns) else PathPatterns(exclude)
        self.skipped: list[tuple[Path, str]] = []  # files passed over, with the reason
        self.pages: list[Page] = []
        self.assets: list[str] = []  # other files under the root (images, PDFs), root-relative
        self.posts: dict[tuple[str, str, str, str], Path] = {}  # Jekyll's dated posts
        # Jekyll: the ``permalink`` of an HTML file with front matter -> the file
        self.html_permalinks: dict[str, Path] = {}
        self.by_rel: dict[str, Page] = {}
        self._by_stem: dict[str, list[Page]] = {}
        self._page_by_path: dict[Path, Page | None] = {}
        self._static_by_url: dict[str, Path | None] = {}
        self._loader = loader
        self.max_page_bytes = max_page_bytes
        self._documents: dict[str, Document] = {}
        # Pages' bytes read before their Document (the site's tables read every page),
        # kept until the Document is made from them: each page is read once per run.
        self._bytes: dict[str, bytes] = {}
        self._bytes_kept = 0
        self._redirects: dict[str, list[Page]] | None = None
        self._discover()
        self._pair()

    # -- discovery -------------------------------------------------------------

    def _discover(self) -> None:
        listing = list_site_files(self.root, self.discovery)
        self.assets = listing.assets
        self.posts = _posts_by_date_and_name(listing.posts)
        if self.discovery.dated_posts:  # Jekyll renders .html files with front matter too
            self.html_permalinks = _html_permalinks(self.root, self.assets)
        self.skipped.extend(listing.skipped)
        for path, rel in listing.pages:
            link = path in listing.links
            if link and not self.contains(path.resolve()):
                self.skipped.append((path, "symbolic link to a file outside the root"))
                continue
            page = self._add(path, rel)
            if page is not None:
                page.excluded = self._excluded(rel)
            if page is not None and not link:  # its own path needs no resolving
                self._page_by_path[path] = page

    def _excluded(self, rel: str) -> bool:
        return self.exclude.match(rel)

    def _add(self, path: Path, rel: str) -> Page | None:
        placement = self.languages.place(rel)
        if placement is None:  # the layout has no place for it (Docusaurus: README.md)
            self.assets.append(rel)
            return None
        route = self._index_route(placement.route)
        partial = posixpath.basename(route).startswith("_")
        url = None if partial else route_to_url(route, self.url_style)
        key = self._index_route(placement.key) if route != placement.route else placement.key
        page = Page(path, rel, placement.lang, route, key, url, partial=partial)
        self.pages.append(page)
        self.by_rel[rel] = page
        self._by_stem.setdefault(route_stem(route), []).append(page)
        return page

    def _index_route(self, route: str) -> str:
        """``_index.md`` → ``index.md`` where the generator serves it as the folder's page."""
        folder, _, name = route.rpartition("/")
        stem, ext = posixpath.splitext(name)
        if stem != "index" and stem in self.discovery.index_names:
            return f"{folder}/index{ext}" if folder else f"index{ext}"
        return route

    def _pair(self) -> None:
        source, translation = self.source_lang, self.languages.translation
        by_key: dict[tuple[str, Lang], list[Page]] = {}
        for page in self.pages:
            if page.lang is not None:
                by_key.setdefault((page.key, page.lang), []).append(page)
        for (key, lang), originals in by_key.items():
            if lang != source:
                continue
            translations = by_key.get((key, translation), [])
            for original in originals:
                other = _best_counterpart(original, translations)
                if other is not None and other.counterpart is None:
                    original.counterpart = other
                    other.counterpart = original

    # -- queries ---------------------------------------------------------------

    def contains(self, path: Path) -> bool:
        try:
            path.relative_to(self.root)
        except ValueError:
            return False
        return True

    def page_for_path(self, path: Path) -> Page | None:
        """The page at ``path`` (symbolic links followed), or None.  Remembered, since
        the engine asks for every finding's file and resolving a path costs syscalls."""
        known = self._page_by_path.get(path, _UNKNOWN)
        if known is not _UNKNOWN:
            return known  # type: ignore[return-value]
        try:
            rel = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            page = None
        else:
            page = self.by_rel.get(rel)
        self._page_by_path[path] = page
        return page

    def pairs(self) -> list[tuple[Page, Page]]:
        return [(p, p.counterpart) for p in self.pages if p.lang == "ja" and p.counterpart]

    def pages_for_stem(self, stem: str) -> list[Page]:
        return self._by_stem.get(stem, [])

    def lookup_url(self, url_path: str) -> UrlMatch:
        """Find what a root-relative URL path (decoded, no query or fragment) serves."""
        best: UrlMatch | None = None
        for candidate in url_to_routes(url_path, self.url_style):
            for page in self.pages_for_stem(candidate.stem):
                if page.url is None:
                    continue
                match = UrlMatch(page=page, canonical=candidate.canonical)
                if candidate.canonical:
                    return match
                best = best or match
        static = self.static_file(url_path)
        if static is not None:
            return UrlMatch(static=static)
        redirect = self.redirects().get(_normalise_redirect(url_path))
        if redirect:
            return UrlMatch(redirect_of=redirect[0])
        if best is None and (self.layout == "docusaurus" or self.discovery.translation_fallback):
            # Docusaurus (MkDocs' i18n, Starlight) serves a page not yet translated at the
            # translation's URL, with the source's content: /ja/docs/intro is
            # docs/intro.md until it is translated.
            prefix = f"/{self.languages.code(self.languages.translation)}/"
            if url_path.startswith(prefix):
                served = self.lookup_url("/" + url_path[len(prefix) :])
                # the translation's address is the generator's own for it (its trailing
                # slash judged by the source page's, which is not this address)
                return UrlMatch(page=served.page) if served.page is not None else served
        return best or UrlMatch()

    def untranslated_source(self, rel: str) -> Page | None:
        """The source-language page served in place of the missing translation ``rel``
        (a file path), where the generator falls back to the source; else None."""
        if not self.discovery.translation_fallback and self.layout != "docusaurus":
            return None
        placement = self.languages.place(rel)
        if placement is None or placement.lang != self.languages.translation:
            return None
        return self.by_rel.get(self.languages.counterpart_rel(rel, placement.lang))

    def html_page_at(self, url_path: str) -> Path | None:
        """The HTML file whose front matter's ``permalink`` is ``url_path`` (Jekyll
        renders ``about.html`` with ``permalink: /about/`` at ``/about/``)."""
        if not self.html_permalinks:
            return None
        return self.html_permalinks.get(_normalise_redirect(url_path))

    def post_at(self, url_path: str) -> Path | None:
        """The Jekyll post (``_posts/2024-01-02-hello.md``) that ``url_path`` names.

        Under Jekyll's date permalinks (``date``, ``pretty``) that is the post whose date
        and name end the address (``/2024/01/02/hello.html``, with or without ``.html``
        or ``/``, after any category folders), so a wrong date is a broken link.  Under
        other permalink patterns, whose addresses taiyaku does not compute, an address
        ending in a post's name is taken as that post: never a false broken link."""
        if not self.posts:
            return None
        if self.discovery.post_dates_in_urls:
            found = _POST_URL.search(url_path)
            return None if found is None else self.posts.get(found.groups())  # type: ignore[arg-type]
        last = url_path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
        return self.posts.get(("", "", "", last))

    def static_file(self, url_path: str) -> Path | None:
        """A non-page file served at ``url_path``: beside the pages or in a static folder.
        Remembered per URL path, since resolving costs syscalls and pages repeat links."""
        if url_path not in self._static_by_url:
            self._static_by_url[url_path] = self._find_static_file(url_path)
        return self._static_by_url[url_path]

    def _find_static_file(self, url_path: str) -> Path | None:
        inner = url_path.lstrip("/")
        if not inner or inner.endswith("/") or is_page_file(inner):
            return None
        for base in (self.root, *self.static_dirs):
            joined = base / inner
            if not os.path.isfile(joined):  # one stat; resolving costs one per component
                continue
            candidate = joined.resolve()
            try:
                if candidate.is_relative_to(base) and candidate.is_file():
                    return candidate
            except OSError:  # a name too long for the file system, say: not a file
                continue
        return None

    # -- documents -------------------------------------------------------------

    def document(self, page: Page) -> Document:
        """The parsed page, parsed at most once per run."""
        doc = self._documents.get(page.rel)
        if doc is None:
            if self._loader is None:
                raise RuntimeError("this Site has no document loader")
            doc = self._loader(page)
            self._documents[page.rel] = doc
        return doc

    def loaded_document(self, page: Page) -> Document | None:
        """The page's Document if this run has read it already (never reads)."""
        return self._documents.get(page.rel)

    def loaded_documents(self) -> dict[str, Document]:
        """The Documents this run has read so far in this process, by page ``rel``."""
        return dict(self._documents)

    def static_inventory(self) -> list[str]:
        """Every file in the static folders, as ``folder-index:relative/path``."""
        listing = []
        for index, folder in enumerate(self.static_dirs):
            for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
                dirnames.sort()
                for name in sorted(filenames):
                    rel = Path(dirpath, name).relative_to(folder).as_posix()
                    listing.append(f"{index}:{rel}")
        return listing

    def set_document(self, page: Page, doc: Document) -> None:
        """Replace a page's parsed Document (the engine's stand-in after a timeout)."""
        self._documents[page.rel] = doc

    def page_bytes(self, page: Page) -> bytes:
        """The page's bytes (at most :attr:`max_page_bytes`; OSError as
        :func:`~taiyaku.model.files.read_regular_file` raises it), read once per run:
        kept, within a budget, until the page's Document is made from them."""
        data = self._bytes.get(page.rel)
        if data is None:
            data = read_regular_file(page.path, self.max_page_bytes)
            if self._bytes_kept + len(data) <= _BYTES_BUDGET:
                self._bytes[page.rel] = data
                self._bytes_kept += len(data)
        return data

    def page_size(self, page: Page) -> int:
        """The page's size in bytes: of the bytes :meth:`page_bytes` kept, else of its
        file; 0 for a file that cannot be asked."""
        data = self._bytes.get(page.rel)
        if data is not None:
            return len(data)
        try:
            return page.path.stat().st_size
        except OSError:
            return 0

    def take_page_bytes(self, page: Page) -> bytes | None:
        """The bytes :meth:`page_bytes` kept for the page, handed over (the loader's)."""
        data = self._bytes.pop(page.rel, None)
        if data is not None:
            self._bytes_kept -= len(data)
        return data

    def may_mention(self, page: Page, keys: tuple[bytes, ...]) -> bool:
        """Whether the page's front matter may hold one of ``keys``: True when it is
        parsed already, else a cheap look at the raw front matter, so that a rule
        reading one front-matter key over the whole site parses only the pages that
        have it."""
        if page.rel in self._documents:
            return True
        try:  # a regular file only (a FIFO put there since discovery would block)
            head = self.page_bytes(page)[: 64 * 1024]
        except OSError:  # unreadable or too large: IN001/IN002 report it
            return False
        front_matter = raw_front_matter(head)
        return any(key in front_matter for key in keys)

    def redirects(self) -> dict[str, list[Page]]:
        """URL → the pages its front matter says are served there: ``redirect_from``
        (Jekyll), ``aliases`` (Hugo), and the page's own address where the front matter
        sets it (``permalink``, Hugo's ``url``, ``slug``; see :func:`front_matter_urls`).

        Parses only the pages whose text mentions one of those keys (or that are parsed
        already), so a run over one changed file does not parse the whole site.
        """
        if self._redirects is None:
            table: dict[str, list[Page]] = {}
            for page in self.pages:
                if page.url is None or self._loader is None:
                    continue
                if not self.may_mention(page, _KEY_BYTES):
                    continue
                for source in front_matter_urls(self.document(page), page.url):
                    table.setdefault(_normalise_redirect(source), []).append(page)
            self._redirects = table
        return self._redirects


_UNKNOWN = object()  # page_for_path: a path not looked up yet
# The bytes of pages read before their Documents that a run keeps (Site.page_bytes).
_BYTES_BUDGET = 64 * 1024 * 1024
_REDIRECT_KEYS = ("redirect_from", "aliases")
_URL_KEYS = ("permalink", "url")
_KEY_BYTES = tuple(k.encode() for k in (*_REDIRECT_KEYS, *_URL_KEYS, "slug"))


def front_matter_urls(doc: Document, page_url: str) -> list[str]:
    """The root-relative URLs a page's front matter serves it at, besides its file's.

    ``redirect_from`` and ``aliases`` (lists or one string); ``permalink`` and ``url``
    when they are a path (``/about/``; a pattern with ``:title`` is not one page's URL);
    ``slug``: one without ``/`` replaces the last part of the page's URL (Hugo,
    Docusaurus), one with a leading ``/`` is taken as it is and also under the page's
    first URL folder (Docusaurus puts docs slugs under ``/docs``).  Only ever more URLs
    for a page: a link that reaches one of them is no broken link.
    """
    data = doc.frontmatter.data or {}
    found: list[str] = []
    for key in _REDIRECT_KEYS:
        value = data.get(key)
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found += [v for v in values if isinstance(v, str) and v.strip()]
    for key in _URL_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.startswith("/") and ":" not in value:
            found.append(value)
    slug = data.get("slug")
    if isinstance(slug, str) and slug.strip() and ":" not in slug:
        found += _slug_urls(slug.strip(), page_url)
    return found


def _slug_urls(slug: str, page_url: str) -> list[str]:
    if slug.startswith("/"):
        top = page_url.strip("/").split("/", 1)[0]
        return [slug, f"/{top}{slug}"] if top else [slug]
    if "/" in slug.strip("/"):
        return []
    parent = page_url.rstrip("/").rsplit("/", 1)[0]
    return [f"{parent}/{slug}"]


_POST_URL = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/([^/]+?)(?:\.html|/)?$")


_PERMALINK = re.compile(rb"^permalink:[ \t]*[\"']?(/[^\"'\s]*)", re.MULTILINE)
_MAX_HTML_READ = 2_000  # HTML files whose front matter is looked at, at most


def _html_permalinks(root: Path, assets: list[str]) -> dict[str, Path]:
    """The ``permalink`` of each ``.html`` file under ``root`` that starts with front
    matter, by normalised address (patterns with ``:`` are no one file's address)."""
    found: dict[str, Path] = {}
    html = [rel for rel in assets if rel.endswith((".html", ".htm"))][:_MAX_HTML_READ]
    for rel in html:
        path = root / rel
        try:
            head = read_head(path, 4096)
        except OSError:
            continue
        match = _PERMALINK.search(raw_front_matter(head))
        if match is not None and b":" not in match.group(1):
            found.setdefault(_normalise_redirect(match.group(1).decode("utf-8", "replace")), path)
    return found


def _posts_by_date_and_name(posts: list[Path]) -> dict[tuple[str, str, str, str], Path]:
    """Each post by (year, month, day, name), and by ("", "", "", name)."""
    table: dict[tuple[str, str, str, str], Path] = {}
    for path in posts:
        parts = POST_NAME.fullmatch(path.name)
        if parts is not None:
            year, month, day, name = parts.groups()
            table.setdefault((year, month, day, name), path)
            table.setdefault(("", "", "", name), path)
    return table


def _normalise_redirect(url: str) -> str:
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith("/"):
        url = "/" + url
    return url.rstrip("/") or "/"


def _best_counterpart(ja: Page, candidates: list[Page]) -> Page | None:
    free = [c for c in candidates if c.counterpart is None]
    if not free:
        return None
    for candidate in free:
        if candidate.suffix == ja.suffix:
            return candidate
    return free[0]
