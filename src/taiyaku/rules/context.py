"""What rules read besides a Document: the run's Context and the JA ⇄ EN Pair."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiyaku.config.loading import Config
from taiyaku.model.lang import Lang
from taiyaku.parse.document import Block, Document, Section
from taiyaku.run.cache import ResultCache, content_hash, site_fingerprint
from taiyaku.site.pages import Page, Site

if TYPE_CHECKING:
    from taiyaku.run.suppressions import FileSuppressions

__all__ = ["Context", "Pair", "Side"]


@dataclass
class Context:
    """The run: configuration, the site, the pages being checked, loaded policy files."""

    config: Config
    site: Site
    targets: list[Page]
    cwd: Path = field(default_factory=Path.cwd)
    cache: ResultCache | None = None
    _policies: dict[str, Any] = field(default_factory=dict, repr=False)
    _hashes: dict[str, str] = field(default_factory=dict, repr=False)
    _site_fingerprint: str | None = field(default=None, repr=False)
    #: What worker processes read of the pages they checked, for this process, which
    #: did not read those pages: the source lines diagnostics quote, by (path, line),
    #: and each page's suppression directives.
    lines_read: dict[tuple[Path, int], str] = field(default_factory=dict, repr=False)
    directives_read: dict[Path, FileSuppressions] = field(default_factory=dict, repr=False)

    def file_hash(self, page: Page) -> str:
        """SHA-256 of the page file's bytes, computed once per run."""
        digest = self._hashes.get(page.rel)
        if digest is None:
            digest = self._hashes[page.rel] = content_hash(page.path)
        return digest

    def site_fingerprint(self) -> str:
        """A hash of every page's path and content and every other file's path: what
        rules that look beyond their own pages (``Rule.USES_SITE``) can depend on."""
        if self._site_fingerprint is None:
            files = [(p.rel, self.file_hash(p)) for p in self.site.pages]
            files += [(f"asset:{rel}", "") for rel in self.site.assets]
            files += [(f"static:{rel}", "") for rel in self.site.static_inventory()]
            self._site_fingerprint = site_fingerprint(files)
        return self._site_fingerprint

    def document(self, page: Page) -> Document:
        return self.site.document(page)

    def page_of(self, doc: Document) -> Page:
        return self.site.by_rel[doc.rel]

    @cached_property
    def target_rels(self) -> frozenset[str]:
        return frozenset(p.rel for p in self.targets)

    def is_target(self, page: Page) -> bool:
        return page.rel in self.target_rels

    def display_path(self, path: Path) -> str:
        """A path as the user would write it: relative to the working directory."""
        try:
            return os.path.relpath(path, self.cwd)
        except ValueError:  # another drive on Windows
            return str(path)

    def option(self, key: str) -> Any:
        return self.config.get(key)

    def checks_file(self, name: str) -> Path | None:
        """A file in the site's policy folder (``checks-dir``), if it exists."""
        folder = self.config.get("checks-dir")
        if folder is None:
            return None
        path = Path(folder) / name
        return path if path.is_file() else None

    def policy(self, name: str, load: Callable[[], Any]) -> Any:
        """Load a policy object once per run (load errors surface once, too)."""
        if name not in self._policies:
            self._policies[name] = load()
        return self._policies[name]


@dataclass(frozen=True)
class Side:
    """One language of a pair: a whole page, or the blocks of a bilingual page."""

    doc: Document
    page: Page
    lang: Lang
    blocks: tuple[Block, ...]

    @property
    def path(self) -> Path:
        return self.doc.path

    def blocks_of_section(self, index: int) -> list[Block]:
        return [b for b in self.blocks if b.section == index]


@dataclass(frozen=True)
class Pair:
    """The Japanese and English versions of one page.

    For a bilingual page (both languages in one file) ``ja.doc is en.doc`` and each side
    holds only the blocks in its language.
    """

    ja: Side
    en: Side
    bilingual: bool

    @classmethod
    def of_pages(cls, ja: Document, ja_page: Page, en: Document, en_page: Page) -> Pair:
        return cls(
            Side(ja, ja_page, "ja", tuple(b for b in ja.blocks if b.lang != "none")),
            Side(en, en_page, "en", tuple(b for b in en.blocks if b.lang != "none")),
            bilingual=False,
        )

    @classmethod
    def of_bilingual(cls, doc: Document, page: Page) -> Pair:
        return cls(
            Side(doc, page, "ja", tuple(doc.blocks_in("ja"))),
            Side(doc, page, "en", tuple(doc.blocks_in("en"))),
            bilingual=True,
        )

    def side(self, lang: Lang) -> Side:
        return self.ja if lang == "ja" else self.en

    def aligned_sections(self) -> list[tuple[list[Block], list[Block], str]]:
        """Groups of (JA blocks, EN blocks, label) to compare.

        Section by section where the sections pair up (a bilingual page's sections, or
        two files whose heading outlines match); otherwise the whole page as one group.
        """
        if self.bilingual:
            return [
                (self.ja.blocks_of_section(s.index), self.en.blocks_of_section(s.index), s.title)
                for s in self.ja.doc.sections
            ]
        if _outline(self.ja.doc.sections) == _outline(self.en.doc.sections):
            return [
                (self.ja.blocks_of_section(i), self.en.blocks_of_section(i), s.title)
                for i, s in enumerate(self.en.doc.sections)
            ]
        return [(list(self.ja.blocks), list(self.en.blocks), "")]


def _outline(sections: list[Section]) -> list[int]:
    return [s.level for s in sections]
