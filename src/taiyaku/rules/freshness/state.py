"""What the ST rules share in a run: the git history, the settings, the readings of old
page versions, and each pair's freshness once computed.

The history is read once per run (:func:`taiyaku.site.history.read_history`), before
worker processes fork when there are any (``prepare``), so that every worker shares it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taiyaku.errors import GitError
from taiyaku.model.freshness import PairFreshness
from taiyaku.rules.base import RuleOption
from taiyaku.rules.context import RunState
from taiyaku.rules.freshness.regions import Comparison, compare
from taiyaku.rules.freshness.substance import read_document
from taiyaku.site.history import History, read_history

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page

__all__ = [
    "FRESHNESS",
    "IGNORE_KEYS",
    "PIN_KEY",
    "SKIP_MARKERS",
    "Freshness",
    "source_and_translation",
]

SKIP_MARKERS = RuleOption(
    "skip-translation-markers",
    list,
    ["[skip translation]", "[i18n skip]"],
    "commit-message markers: a commit that carries one does not make translations outdated",
)
IGNORE_KEYS = RuleOption(
    "freshness-ignore-keys",
    list,
    ["lastmod", "updated", "sitemap", "redirect_from"],
    "front-matter keys whose change alone is no substantive change",
)
PIN_KEY = RuleOption(
    "source-commit-key",
    str,
    "source_commit",
    "front-matter key where a translation names the source commit it translates",
)

# The current version of a page (the file in the working tree), where a version is
# otherwise named by its git object.
CURRENT = "current"


@dataclass
class Freshness:
    """The run's freshness state: ``ctx.state(FRESHNESS)``."""

    history: History
    ignored: frozenset[str]
    markers: tuple[str, ...]
    pin_key: str
    texts: dict[str, str | None] = field(default_factory=dict)  # by git object name
    comparisons: dict[tuple[str | None, str | None, str], Comparison] = field(default_factory=dict)
    pairs: dict[str, PairFreshness] = field(default_factory=dict)  # by translation path
    note: Callable[[str], None] = print  # the run's notes (``Context.note``)

    @classmethod
    def for_run(cls, ctx: Context) -> Freshness:
        history = read_history(ctx.site.root, ctx.cache_dir)
        if history.kind in ("shallow", "error") and history.problem:
            ctx.note(history.problem)
        return cls(
            history,
            frozenset(ctx.option(IGNORE_KEYS.key) or ()),
            tuple(m for m in ctx.option(SKIP_MARKERS.key) or () if m),
            str(ctx.option(PIN_KEY.key) or ""),
            note=ctx.note,
        )

    def fail(self, error: GitError) -> None:
        """git failed in the middle of the run: no more freshness, and one note."""
        self.history.kind = "error"
        self.history.problem = f"git history unavailable: {error}"
        self.note(self.history.problem)

    def skipped(self, message: str) -> bool:
        """Whether a commit message carries a skip marker (case-insensitive)."""
        lowered = message.lower()
        return any(marker.lower() in lowered for marker in self.markers)

    def text(self, version: str | None, current: Callable[[], Document]) -> str | None:
        """A page version's text: a git object name, :data:`CURRENT` (the file in the
        working tree, ``current()``), or None for no page."""
        if version is None:
            return None
        if version == CURRENT:
            doc = current()
            return doc.source if doc.readable else None
        if version not in self.texts:
            self.texts[version] = self.history.text_at(version)
        return self.texts[version]

    def compare(
        self, before: str | None, after: str | None, rel: str, current: Callable[[], Document]
    ) -> Comparison:
        """Whether going from version ``before`` to ``after`` of the page at ``rel`` is
        a substantive change (see :meth:`text` for what names a version)."""
        key = (before, after, rel)
        if key not in self.comparisons:
            if CURRENT in (before, after) and not current().readable:
                found = Comparison(False)  # a page taiyaku cannot read is no evidence
            else:
                reading = None
                if after == CURRENT and before is None:  # the run has parsed it already
                    reading = read_document(current(), self.ignored)
                found = compare(
                    self.text(before, current),
                    self.text(after, current),
                    rel,
                    self.ignored,
                    reading,
                )
            self.comparisons[key] = found
        return self.comparisons[key]


FRESHNESS: RunState[Freshness] = RunState(
    "freshness", Freshness.for_run, lambda state: state.history.close()
)

_HEX = re.compile(r"[0-9a-fA-F]{4,40}")


def source_and_translation(ctx: Context, page: Page) -> tuple[Page, Page] | None:
    """(source page, translation page) of the pair ``page`` belongs to; None for a page
    without counterpart, or outside both languages."""
    other = page.counterpart
    if other is None or page.lang is None or other is page:
        return None
    if page.lang == ctx.site.source_lang:
        return page, other
    return other, page


def is_commit_name(text: str) -> bool:
    return bool(_HEX.fullmatch(text))
