"""Where each language's pages live: the layout, read in both directions.

A site is written in a *source* language (``source-language``) and translated into the
other one.  The layout says how a file's path tells its language and which URL it gets:

``prefix`` (utelecon, VitePress, Starlight)
    source pages at ``<path>``, translations at ``<code>/<path>`` (``en/support/chat.md``,
    or ``ja/guide.md`` on an English-first site).
``dirs`` (Hugo's ``contentDir`` per language, MkDocs' folder structure)
    ``<source code>/<path>`` and ``<translation code>/<path>``; the source folder is not
    part of the URL unless the generator puts it there (Hugo's
    ``defaultContentLanguageInSubdir``).
``suffix`` (Hugo and MkDocs translation by file name)
    ``page.md`` (or ``page.<source code>.md``) and ``page.<translation code>.md``; the
    translation is served under ``/<code>/``.
``docusaurus``
    ``docs/``, ``blog/`` and ``src/pages/`` in the source language, their translations in
    ``i18n/<code>/docusaurus-plugin-content-{docs/current,blog,pages}/``; other files
    (a top-level ``README.md``) are not pages.  Number prefixes (``01-intro.md``) are not
    part of a doc's URL.

The codes are ``ja`` and ``en`` unless the generator's config names others (a Hugo site
whose language key is ``jp``).  A :class:`Placement` is where one file sits: its language, its
route (its path in URL space, ``en/support/chat.md``) and the language-neutral key it
shares with its translation (``support/chat``).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Literal

from taiyaku.model.lang import Lang, other_lang
from taiyaku.site.urls import route_stem

__all__ = ["LAYOUTS", "Alias", "LanguageLayout", "Layout", "Placement"]

Layout = Literal["prefix", "dirs", "suffix", "docusaurus"]
LAYOUTS: tuple[Layout, ...] = ("prefix", "dirs", "suffix", "docusaurus")

# Docusaurus: (folder of the source language, folder under i18n/<code>/, URL prefix).
_DOCUSAURUS_TREES = (
    ("docs/", "docusaurus-plugin-content-docs/current/", "docs/"),
    ("blog/", "docusaurus-plugin-content-blog/", "blog/"),
    ("src/pages/", "docusaurus-plugin-content-pages/", ""),
)
# Docusaurus drops a number prefix from each segment of a doc's path: 01-intro → intro.
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*(?=[^-_.\s])")
# Names people write for a language where the layout wants its code (compared in lower
# case, ``_`` read as ``-``).
_ALIASES: dict[Lang, frozenset[str]] = {
    "ja": frozenset({"jp", "jpn", "ja-jp", "japanese"}),
    "en": frozenset({"eng", "en-us", "en-gb", "english"}),
}


@dataclass(frozen=True)
class Placement:
    """Where one file sits in the layout."""

    lang: Lang | None  # None: outside both language trees (``dirs``)
    route: str
    key: str


@dataclass(frozen=True)
class Alias:
    """A file whose language marker is a name for a language but not the layout's code:
    ``item.jp.md`` (suffix), ``en_US/item.md`` (folder)."""

    lang: Lang
    written: str  # ``.jp`` or ``en_US/``
    expected: str  # ``.ja`` or ``en/``
    corrected: str  # the path it would have with the layout's code
    in_folder: bool


@dataclass(frozen=True)
class LanguageLayout:
    """The layout, the source language and the codes that mark each language."""

    kind: Layout = "prefix"
    source: Lang = "ja"
    ja_code: str = "ja"
    en_code: str = "en"
    prefix_source: bool = False  # the source language's URLs start with /<code>/ too

    @property
    def translation(self) -> Lang:
        return other_lang(self.source)

    def code(self, lang: Lang) -> str:
        return self.ja_code if lang == "ja" else self.en_code

    # -- files ------------------------------------------------------------------------

    def place(self, rel: str) -> Placement | None:
        """Where the file at root-relative ``rel`` sits; None when the layout has no
        place for it (``docusaurus``: outside its trees)."""
        lang, route = self._locate(rel)
        if lang is None and self.kind == "docusaurus":
            return None
        return Placement(lang, route, self._key(lang, route))

    def _locate(self, rel: str) -> tuple[Lang | None, str]:
        source, translation = self.source, self.translation
        src, tr = self.code(source), self.code(translation)
        if self.kind == "prefix":
            if rel.startswith(f"{tr}/"):
                return translation, rel
            return source, self._source_route(rel)
        if self.kind == "dirs":
            if rel.startswith(f"{tr}/"):
                return translation, rel
            if rel.startswith(f"{src}/"):
                return source, self._source_route(rel[len(src) + 1 :])
            return None, rel
        if self.kind == "suffix":
            stem, ext = posixpath.splitext(rel)
            if stem.endswith(f".{tr}"):
                return translation, f"{tr}/{stem[: -len(tr) - 1]}{ext}"
            if stem.endswith(f".{src}"):
                return source, self._source_route(f"{stem[: -len(src) - 1]}{ext}")
            return source, self._source_route(rel)
        return self._locate_docusaurus(rel)

    def _source_route(self, route: str) -> str:
        return f"{self.code(self.source)}/{route}" if self.prefix_source else route

    def _locate_docusaurus(self, rel: str) -> tuple[Lang | None, str]:
        tr = self.code(self.translation)
        for source_dir, i18n_dir, url_dir in _DOCUSAURUS_TREES:
            if rel.startswith(source_dir):
                return self.source, _doc_route(url_dir, rel[len(source_dir) :])
            prefix = f"i18n/{tr}/{i18n_dir}"
            if rel.startswith(prefix):
                return self.translation, _doc_route(f"{tr}/{url_dir}", rel[len(prefix) :])
        return None, rel

    def _key(self, lang: Lang | None, route: str) -> str:
        stem = route_stem(route)
        if lang is None:
            return stem
        prefixed = lang == self.translation or self.prefix_source
        code = self.code(lang)
        if prefixed and (stem == code or stem.startswith(f"{code}/")):
            return stem[len(code) + 1 :] or "index"
        return stem

    def counterpart_rel(self, rel: str, lang: Lang) -> str:
        """The file the other language's version of the ``lang`` page ``rel`` would be."""
        mine, theirs = self.code(lang), self.code(other_lang(lang))
        if self.kind == "suffix":
            stem, ext = posixpath.splitext(rel)
            if stem.endswith(f".{mine}"):
                stem = stem[: -len(mine) - 1]
            if lang == self.translation:
                return f"{stem}{ext}"
            return f"{stem}.{theirs}{ext}"
        if self.kind == "docusaurus":
            return self._docusaurus_counterpart(rel, lang)
        if self.kind == "prefix":
            if lang == self.translation:
                return rel.removeprefix(f"{mine}/")
            return f"{theirs}/{rel}"
        return f"{theirs}/{rel.removeprefix(f'{mine}/')}"

    def _docusaurus_counterpart(self, rel: str, lang: Lang) -> str:
        tr = self.code(self.translation)
        for source_dir, i18n_dir, _url in _DOCUSAURUS_TREES:
            prefix = f"i18n/{tr}/{i18n_dir}"
            if lang == self.source and rel.startswith(source_dir):
                return prefix + rel[len(source_dir) :]
            if lang == self.translation and rel.startswith(prefix):
                return source_dir + rel[len(prefix) :]
        return rel

    def alias(self, rel: str) -> Alias | None:
        """The misnamed language marker of ``rel``, if it has one where the layout reads
        the language: the last suffix before the extension (``suffix``), the first folder
        (``dirs``; ``prefix`` for the translation only, since source pages have no
        folder of their own), the locale folder under ``i18n/`` (``docusaurus``)."""
        if self.kind == "suffix":
            stem, ext = posixpath.splitext(rel)
            base, dot, marker = stem.rpartition(".")
            lang = _alias_lang(marker) if dot and "/" not in marker else None
            if lang is None or marker == self.code(lang):
                return None
            code = self.code(lang)
            return Alias(lang, f".{marker}", f".{code}", f"{base}.{code}{ext}", False)
        head, slash, rest = rel.partition("/")
        prefix = ""
        if self.kind == "docusaurus":
            if head != "i18n":
                return None
            prefix, (head, slash, rest) = "i18n/", rest.partition("/")
        lang = _alias_lang(head) if slash else None
        if lang is None or head == self.code(lang):
            return None
        if self.kind in ("prefix", "docusaurus") and lang != self.translation:
            return None
        code = self.code(lang)
        return Alias(lang, f"{prefix}{head}/", f"{prefix}{code}/", f"{prefix}{code}/{rest}", True)

    # -- URLs -------------------------------------------------------------------------

    def url_prefix(self, lang: Lang) -> str:
        """``/en`` for the translation of a Japanese-first site; ``""`` for its source."""
        if lang == self.translation or self.prefix_source:
            return "/" + self.code(lang)
        return ""

    def home(self, lang: Lang) -> str:
        return self.url_prefix(lang) + "/"

    def url_lang(self, url: str) -> Lang | None:
        """The language tree a root-relative URL is in (None: neither)."""
        for lang in (self.translation, self.source):
            prefix = self.url_prefix(lang)
            if prefix and (url == prefix or url.startswith(prefix + "/")):
                return lang
        return None if self.prefix_source else self.source

    def neutral_url(self, url: str) -> str:
        """A URL without its language prefix: ``/en/support/`` → ``/support/``."""
        lang = self.url_lang(url)
        prefix = self.url_prefix(lang) if lang is not None else ""
        return (url[len(prefix) :] or "/") if prefix else url

    def describe(self) -> str:
        """``prefix (ja at <path>, en at en/<path>)``, for the summary line."""
        src, tr = self.code(self.source), self.code(self.translation)
        if self.kind == "prefix":
            return f"prefix ({self.source} at <path>, {self.translation} at {tr}/<path>)"
        if self.kind == "dirs":
            return f"dirs ({self.source} at {src}/<path>, {self.translation} at {tr}/<path>)"
        if self.kind == "suffix":
            return f"suffix ({self.source} at <page>.md, {self.translation} at <page>.{tr}.md)"
        return f"docusaurus ({self.source} in docs/, {self.translation} in i18n/{tr}/)"


def _alias_lang(name: str) -> Lang | None:
    normal = name.lower().replace("_", "-")
    for lang, names in _ALIASES.items():
        if normal in names:
            return lang
    return None


_BLOG_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})-(.+)")


def _doc_route(url_dir: str, inner: str) -> str:
    """A Docusaurus file's route: number prefixes dropped, ``README.md`` an index; a
    dated blog post (``2024-01-02-hello.md``, ``2024-01-02-hello/index.md``) at
    ``blog/2024/01/02/hello``."""
    if url_dir.endswith("blog/"):
        return url_dir + _blog_route(inner)
    parts = [_NUMBER_PREFIX.sub("", part) or part for part in inner.split("/")]
    stem, ext = posixpath.splitext(parts[-1])
    if stem.lower() == "readme":
        parts[-1] = "index" + ext
    return url_dir + "/".join(parts)


def _blog_route(inner: str) -> str:
    first, _, rest = inner.partition("/")
    dated = _BLOG_DATE.fullmatch(posixpath.splitext(first)[0] if not rest else first)
    if dated is None:
        return inner
    year, month, day, slug = dated.groups()
    if not rest:  # 2024-01-02-hello.md
        return f"{year}/{month}/{day}/{slug}{posixpath.splitext(first)[1]}"
    stem, ext = posixpath.splitext(rest)  # 2024-01-02-hello/index.md
    return f"{year}/{month}/{day}/{slug}{ext}" if stem == "index" else inner


def language_of_code(code: str) -> Lang | None:
    """The language a code or locale names: ``ja``, ``ja-JP``, ``jp``, ``Japanese`` are
    Japanese; ``en``, ``en-US``, ``eng`` English; None for any other."""
    normal = code.strip().lower().replace("_", "-")
    if normal in ("ja", "en"):
        return normal  # type: ignore[return-value]
    if normal.startswith(("ja-", "en-")):
        return normal[:2]  # type: ignore[return-value]
    return _alias_lang(normal)
