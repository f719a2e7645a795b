"""What a run hands to the output layer: an immutable :class:`RunResult`.

The result holds the diagnostics, every source line they quote, what the rules that ran
mean (:class:`~taiyaku.model.diagnostics.RuleMeta`), a summary of the run, and for the
maintainer's report a :class:`PageInfo` per page.  Reporters read nothing else: no page
is read again once the run is over.  Filters (the baseline) return a new result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from taiyaku.model.diagnostics import Diagnostic, RuleMeta, Severity
from taiyaku.model.freshness import FreshnessTable
from taiyaku.model.lang import Lang
from taiyaku.model.paths import display_path

__all__ = [
    "BaselineCounts",
    "InternalError",
    "PageInfo",
    "PageKind",
    "Progress",
    "RunResult",
    "SetupRecord",
]

# Called as ``progress(phase, done, total)`` as pages are checked; for progress bars.
# Optional; the engine never prints.
Progress = Callable[[str, int, int], None]

# How a page takes part in translation: one of a pair, both languages in one file, a page
# in one language only, a partial (included by other pages), or none of these (a page
# outside both language trees, a page that only redirects).
PageKind = Literal["pair", "bilingual", "ja-only", "en-only", "partial", "other"]


@dataclass(frozen=True)
class InternalError:
    """The tool's own failure on one file and rule; the run exits 2, never "clean"."""

    message: str


@dataclass(frozen=True)
class PageInfo:
    """What the report needs to know of one page, gathered where the page was read."""

    rel: str  # POSIX, relative to the content root
    path: Path
    key: str  # language-neutral, shared with the translation: ``support/chat``
    lang: Lang | None
    kind: PageKind
    counterpart: str | None = None  # the translation's ``rel``
    # For a page that holds both languages: (first line, last line, language) of each
    # block in a language, in page order.
    block_langs: tuple[tuple[int, int, Lang], ...] = ()

    def lang_at(self, line: int) -> Lang | None:
        """The language of ``line``: the block's on a bilingual page, else the page's."""
        for first, last, lang in self.block_langs:
            if first <= line <= last:
                return lang
        return self.lang


@dataclass(frozen=True)
class BaselineCounts:
    """What a baseline did to the run: findings it hid, recorded findings now gone."""

    suppressed: int
    fixed: int


@dataclass(frozen=True)
class SetupRecord:
    """The site as the run understood it: each setting's value and where it came from
    (``flag``, ``taiyaku.toml``, ``hugo.toml (uglyURLs: false)``, ``default``)."""

    generator: str | None
    config_file: Path | None
    settings: Mapping[str, tuple[str, str]]  # key -> (value as text, source)
    line: str  # the one-line summary

    def as_json(self, display: Callable[[Path], str]) -> dict[str, object]:
        return {
            "generator": self.generator,
            "config_file": display(self.config_file) if self.config_file else None,
            "settings": {
                key: {"value": value, "source": source}
                for key, (value, source) in self.settings.items()
            },
        }


@dataclass(frozen=True)
class RunResult:
    diagnostics: tuple[Diagnostic, ...]
    files: int
    pairs: int
    cwd: Path
    root: Path
    rules: tuple[RuleMeta, ...] = ()  # the rules that ran, with their configured severity
    checked: tuple[Path, ...] = ()
    # Every source line a diagnostic quotes, its own and its related ones, by (path, line).
    sources: Mapping[tuple[Path, int], str] = field(default_factory=dict)
    pages: tuple[PageInfo, ...] = ()  # for the report (empty unless it was asked for)
    internal_errors: tuple[InternalError, ...] = ()
    warnings: tuple[str, ...] = ()  # run-level notes for stderr
    # wall time spent inside each rule (parsing that a rule triggers lazily included)
    rule_seconds: Mapping[str, float] = field(default_factory=dict)
    cache_hits: int = 0
    cache_misses: int = 0
    baseline: BaselineCounts | None = None  # set when run with a baseline
    # SHA-256 of the bytes each page's findings describe (as parsed, or as the cache keys
    # saw them); "" where two reads of a page in this run disagreed.  Fixes are written
    # only over exactly these bytes.
    file_hashes: Mapping[Path, str] = field(default_factory=dict)
    # what the run decided about the site (generator, root, layout…) and whence
    setup: SetupRecord | None = None
    # each pair's freshness by the git history, for the report (None: not asked for)
    freshness: FreshnessTable | None = None

    def display(self, path: Path) -> str:
        return display_path(path, self.cwd)

    def source(self, path: Path, line: int) -> str | None:
        """The text of ``line`` in ``path`` if a diagnostic quotes it."""
        return self.sources.get((path, line))

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def with_diagnostics(self, diagnostics: tuple[Diagnostic, ...], **changes: object) -> RunResult:
        return replace(self, diagnostics=diagnostics, **changes)  # type: ignore[arg-type]

    @property
    def exit_code(self) -> int:
        if self.internal_errors:
            return 2
        return 1 if self.count(Severity.ERROR) else 0
