"""What rules read besides a Document: the run's :class:`Context` and the JA ⇄ EN
:class:`Pair`.

The Context is read-only for rules, except for :meth:`Context.state`: values a rule
family computes once per run and shares between its rules (a policy file, a cache of
extracted facts), each under a typed :class:`RunState` key of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from taiyaku.knowledge.alignment import AlignedSection, align_sections
from taiyaku.model.lang import Lang, other_lang
from taiyaku.model.paths import display_path
from taiyaku.model.records import cached_property
from taiyaku.parse.document import Document
from taiyaku.parse.nodes import Block
from taiyaku.site.pages import Page, Site

__all__ = ["Context", "Pair", "RunState", "Side"]

T = TypeVar("T")


class RunState(Generic[T]):
    """A key for a value computed once per run: ``ctx.state(KEY)``.

    Each family declares its own (``PRIVACY = RunState("privacy", PrivacyRun.load)``);
    the type of the value travels with the key, so no caller casts.
    """

    def __init__(
        self,
        name: str,
        make: Callable[[Context], T],
        close: Callable[[T], None] | None = None,
    ) -> None:
        self.name = name
        self.make = make
        self.close = close  # what to release when the run ends (a process, a file)

    def __repr__(self) -> str:
        return f"RunState({self.name!r})"


_UNMADE = object()  # Context.state: no value made yet (None may be a state's value)


@dataclass
class Context:
    """The run as rules see it: the settings, the site, the pages being checked."""

    options: Mapping[str, Any]
    site: Site
    targets: list[Page]
    cwd: Path = field(default_factory=Path.cwd)
    checks_dir: Path | None = None  # the site policy folder (``checks-dir``)
    # Where a rule may keep what outlives the run (None: caching is off).
    cache_dir: Path | None = None
    # The pages named one by one on the command line (changed-files mode, pre-commit),
    # by root-relative path; empty when the run was given folders or nothing.
    named: frozenset[str] = frozenset()
    # Notes on the run as a whole, for its summary ("history is shallow…"), each once.
    notes: list[str] = field(default_factory=list)
    _states: dict[RunState[Any], Any] = field(default_factory=dict, repr=False)
    _closed_states: list[dict[RunState[Any], Any]] = field(default_factory=list, repr=False)

    def option(self, key: str) -> Any:
        return self.options.get(key)

    def state(self, key: RunState[T]) -> T:
        """The run's value for ``key``, made on first use (errors surface once, too)."""
        value = self._states.get(key, _UNMADE)
        if value is _UNMADE:
            value = self._states[key] = key.make(self)
        return value  # type: ignore[no-any-return]

    def note(self, text: str) -> None:
        """Add a note on the run as a whole (printed once, with the run's warnings)."""
        if text not in self.notes:
            self.notes.append(text)

    def close(self, *, free: bool = True) -> None:
        """Release what the run's states hold (the engine calls it when the run ends),
        and the states themselves: many hold this context, and the cycle would keep
        every page the run read alive until the garbage collector came by.

        ``free=False``: release only what the states hold outside this process (its git
        processes), and keep their memory: a worker process that is about to exit
        would spend a millisecond freeing what its exit frees at once.
        """
        states, self._states = self._states, {}
        for key, value in states.items():
            if key.close is not None:
                key.close(value)
        if not free:
            self._closed_states.append(states)

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
        return display_path(path, self.cwd)

    def checks_file(self, name: str) -> Path | None:
        """A file in the site's policy folder (``checks-dir``), if it exists."""
        if self.checks_dir is None:
            return None
        path = self.checks_dir / name
        return path if path.is_file() else None


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

    def placeholder(self, source: Lang) -> Side | None:
        """The translation side when it only stands in for a translation not made yet
        (see :func:`placeholder_sizes`), else None."""
        if self.bilingual:
            return None
        translation = self.side(other_lang(source))
        sizes = placeholder_sizes(self.side(source).doc, translation.doc)
        return translation if sizes is not None else None

    def aligned_sections(self) -> list[AlignedSection]:
        """The sections of the two sides that pair up (:func:`align_sections`)."""
        return align_sections(
            self.ja.doc, self.ja.blocks, self.en.doc, self.en.blocks, bilingual=self.bilingual
        )


# A translation is a placeholder when its text is at most this many characters and at
# most this share of its source's, which holds at least the minimum.
PLACEHOLDER_MAX_CHARS = 400
PLACEHOLDER_MAX_SHARE = 0.15
PLACEHOLDER_MIN_SOURCE = 800


def placeholder_sizes(source: Document, translation: Document) -> tuple[int, int] | None:
    """(translation's characters of text, source's) when the translation is a stand-in
    ("The English version of this page is not yet available", an "in preparation"
    component): nearly no text against a source with plenty.  None otherwise, or when
    either page could not be read."""
    if not (source.readable and translation.readable):
        return None
    mine = sum(len(block.text.strip()) for block in translation.blocks)
    theirs = sum(len(block.text.strip()) for block in source.blocks)
    if theirs < PLACEHOLDER_MIN_SOURCE or mine > PLACEHOLDER_MAX_CHARS:
        return None
    return (mine, theirs) if mine <= PLACEHOLDER_MAX_SHARE * theirs else None
