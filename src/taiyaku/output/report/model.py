"""The maintainer's report: what a run found, arranged for people (``taiyaku report``).

:func:`build_report` turns a :class:`~taiyaku.run.result.RunResult` (run with
``describe_pages``) into a :class:`Report`: translation coverage per top-level folder,
findings per rule and per folder, and each page pair's findings with the Japanese and
English source lines side by side.  The HTML and Markdown reporters
(:mod:`taiyaku.output.report.html`, :mod:`taiyaku.output.report.markdown`) only lay that
model out.

Nothing here reads a page or knows a rule: pages, source lines, codes, names, severities
and documentation all come from the result.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from taiyaku import __version__
from taiyaku.model.diagnostics import Diagnostic, RuleMeta, Severity, rule_anchor
from taiyaku.model.freshness import FreshnessTable
from taiyaku.run.result import PageInfo, RunResult

__all__ = [
    "CoverageRow",
    "Item",
    "PageGroup",
    "Report",
    "RuleInfo",
    "Source",
    "build_report",
    "rule_anchor",
]

Side = Literal["ja", "en", "other"]
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TOP_LEVEL = "(top level)"
OUTSIDE = "(outside the site)"
_MAX_LINE = 400  # characters of a source line shown around the finding's column


@dataclass
class CoverageRow:
    """How many pages of one folder (or of the whole run) have their translation."""

    folder: str
    pairs: int = 0  # a Japanese page with its English counterpart
    bilingual: int = 0  # one page carrying both languages
    ja_only: int = 0
    en_only: int = 0
    not_counted: int = 0  # unpaired partials, redirect-only pages, pages in neither language

    @property
    def pages_needing_translation(self) -> int:
        return self.pairs + self.bilingual + self.ja_only

    @property
    def translated_percent(self) -> float | None:
        total = self.pages_needing_translation
        if not total:
            return None
        return 100.0 * (self.pairs + self.bilingual) / total

    def add(self, other: CoverageRow) -> None:
        self.pairs += other.pairs
        self.bilingual += other.bilingual
        self.ja_only += other.ja_only
        self.en_only += other.en_only
        self.not_counted += other.not_counted


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: Severity  # configured (or default) severity
    scope: str
    summary: str
    doc: str  # the rule's docstring (Markdown); empty for codes not in the registry
    ran: bool  # selected for this run
    counts: Mapping[Severity, int]

    @property
    def anchor(self) -> str:
        return rule_anchor(self.code, self.name)

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789") or self.code

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Source:
    """One source line shown beside a finding."""

    path: str  # root-relative for pages of the site, else as displayed
    line: int
    text: str | None  # None when the line cannot be read
    note: str = ""  # the related location's own message, if any
    primary: bool = False  # the finding's own location (not a related one)
    highlight: tuple[int, int] | None = None  # 0-based [start, end) in ``text``
    clipped_left: bool = False
    clipped_right: bool = False


@dataclass
class Item:
    """A finding with its source lines, sorted into the JA and EN columns."""

    diagnostic: Diagnostic
    folder: str
    location: str  # ``rel/path.md:LINE`` of the finding itself
    ja: list[Source] = field(default_factory=list)
    en: list[Source] = field(default_factory=list)
    other: list[Source] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.diagnostic.code

    @property
    def severity(self) -> Severity:
        return self.diagnostic.severity


@dataclass
class PageGroup:
    """A page pair, or a page on its own, with its findings."""

    key: str  # the Japanese page's root-relative path, else the page's own
    kind: str  # pair | bilingual | ja-only | en-only | partial | other
    folder: str
    ja: str | None  # root-relative paths of the two sides
    en: str | None
    items: list[Item] = field(default_factory=list)
    order: str = ""  # language-neutral, so that en/x.md sorts beside x.md

    def counts(self) -> Counter[Severity]:
        return Counter(i.severity for i in self.items)


@dataclass
class Report:
    root: str
    generated: str
    version: str
    files: int
    pairs: int
    counts: Mapping[Severity, int]
    coverage_total: CoverageRow
    coverage: list[CoverageRow]
    rules: list[RuleInfo]
    folders: list[tuple[str, Counter[Severity], Counter[str]]]  # folder, severities, codes
    groups: list[PageGroup]  # with findings, the most severe first (_triage_order)
    clean: list[PageGroup]  # without findings
    internal_errors: list[str]
    warnings: list[str]
    # each pair's freshness by the git history (None: ST001 did not run)
    freshness: FreshnessTable | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]

    def families(self) -> list[str]:
        return sorted({r.family for r in self.rules if r.total})

    def rules_found(self) -> list[RuleInfo]:
        """The rules with findings, the most severe first (see :func:`_weight`)."""
        found = [r for r in self.rules if r.total]
        return sorted(found, key=lambda r: (_weight(r.counts), r.code))

    def rules_quiet(self) -> list[RuleInfo]:
        """The rules without findings, in code order."""
        return [r for r in self.rules if not r.total]

    def fix_first(self, limit: int = 5) -> tuple[Severity | None, list[FixFirst]]:
        """Where to start: the folders with the most errors (with warnings when there
        are none, info when there are neither), each with its rules by count."""
        severity = next((s for s in SEVERITIES if self.counts.get(s)), None)
        if severity is None:
            return None, []
        by_folder: dict[str, Counter[str]] = {}
        names: dict[str, str] = {}
        for item in self.items:
            if item.severity is severity:
                by_folder.setdefault(item.folder, Counter())[item.code] += 1
                names.setdefault(item.code, item.diagnostic.name)
        rows = [
            FixFirst(
                folder,
                sum(codes.values()),
                tuple((code, names[code], n) for code, n in _by_count(codes)),
            )
            for folder, codes in by_folder.items()
        ]
        rows.sort(key=lambda r: (-r.count, _folder_order(r.folder)))
        return severity, rows[:limit]


@dataclass(frozen=True)
class FixFirst:
    """One folder of the "fix first" block: its findings of the severity shown."""

    folder: str
    count: int
    rules: tuple[tuple[str, str, int], ...]  # (code, name, count), most first


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def build_report(
    result: RunResult,
    *,
    now: _dt.datetime | None = None,
) -> Report:
    """Arrange a finished run for the report (run it with ``describe_pages=True``)."""
    pages = _Pages(result)
    targets = [p for p in (pages.by_path.get(path) for path in result.checked) if p]

    coverage = _coverage(targets)
    total = CoverageRow("all folders")
    for row in coverage:
        total.add(row)

    groups: dict[str, PageGroup] = {}
    for page in targets:
        group = pages.group_of(page)
        groups.setdefault(group.key, group)
    outside: PageGroup | None = None
    for diag in result.diagnostics:
        page = pages.by_path.get(diag.path)
        if page is None:
            if outside is None:
                outside = PageGroup(OUTSIDE, "other", OUTSIDE, None, None)
            outside.items.append(_item(diag, None, pages))
            continue
        fresh = pages.group_of(page)
        group = groups.setdefault(fresh.key, fresh)
        group.items.append(_item(diag, page, pages))
    ordered = sorted(groups.values(), key=lambda g: (_folder_order(g.folder), g.order, g.key))
    if outside is not None:
        ordered.append(outside)
    for group in ordered:
        group.items.sort(key=_item_order)
    with_findings = sorted((g for g in ordered if g.items), key=_triage_order)

    folders: dict[str, tuple[Counter[Severity], Counter[str]]] = {}
    for group in ordered:
        for item in group.items:
            severities, codes = folders.setdefault(item.folder, (Counter(), Counter()))
            severities[item.severity] += 1
            codes[item.code] += 1

    moment = now or _dt.datetime.now().astimezone()
    return Report(
        root=result.display(result.root),
        generated=moment.strftime("%Y-%m-%d %H:%M %Z").strip(),
        version=__version__,
        files=result.files,
        pairs=result.pairs,
        counts={s: result.count(s) for s in SEVERITIES},
        coverage_total=total,
        coverage=coverage,
        rules=_rules(result),
        folders=[
            (name, *folders[name])
            for name in sorted(folders, key=lambda n: (_weight(folders[n][0]), _folder_order(n)))
        ],
        groups=with_findings,
        clean=[g for g in ordered if not g.items],
        internal_errors=[e.message for e in result.internal_errors],
        warnings=list(result.warnings),
        freshness=result.freshness,
    )


# -- coverage -------------------------------------------------------------------------


def folder_of(page: PageInfo) -> str:
    """The top-level folder, language-neutral: ``support/chat`` and ``en/support/chat``
    are both in ``support``."""
    head, sep, _rest = page.key.partition("/")
    return head if sep else TOP_LEVEL


def _folder_order(name: str) -> tuple[int, str]:
    return (0 if name == TOP_LEVEL else 2 if name == OUTSIDE else 1, name)


def _coverage(targets: Iterable[PageInfo]) -> list[CoverageRow]:
    rows: dict[str, CoverageRow] = {}
    for page in targets:
        row = rows.setdefault(folder_of(page), CoverageRow(folder_of(page)))
        kind = page.kind
        if kind == "pair":
            if page.lang == "ja":
                row.pairs += 1
        elif kind == "bilingual":
            row.bilingual += 1
        elif kind == "ja-only":
            row.ja_only += 1
        elif kind == "en-only":
            row.en_only += 1
        else:
            row.not_counted += 1
    return [rows[name] for name in sorted(rows, key=_folder_order)]


# -- page pairs and their findings ------------------------------------------------------


class _Pages:
    """The run's pages, by path and by root-relative name, and the lines it quotes."""

    def __init__(self, result: RunResult) -> None:
        self.result = result
        self.by_path = {page.path: page for page in result.pages}
        self.by_rel = {page.rel: page for page in result.pages}

    def group_of(self, page: PageInfo) -> PageGroup:
        counterpart = self.by_rel.get(page.counterpart) if page.counterpart else None
        if counterpart is not None and page.lang in ("ja", "en"):
            ja, en = (page, counterpart) if page.lang == "ja" else (counterpart, page)
            return PageGroup(ja.rel, "pair", folder_of(ja), ja.rel, en.rel, order=ja.key)
        kind = page.kind
        if kind == "bilingual":
            return PageGroup(page.rel, kind, folder_of(page), page.rel, page.rel, order=page.key)
        if page.lang == "en":
            return PageGroup(page.rel, kind, folder_of(page), None, page.rel, order=page.key)
        return PageGroup(page.rel, kind, folder_of(page), page.rel, None, order=page.key)

    def name(self, path: Path) -> str:
        page = self.by_path.get(path)
        return page.rel if page is not None else self.result.display(path)

    def text(self, path: Path, line: int) -> str | None:
        return self.result.source(path, line)

    def side(self, path: Path, line: int) -> Side:
        """The column a line belongs in: its page's language, or on a bilingual page,
        the language of the block the line is in."""
        page = self.by_path.get(path)
        if page is None:
            return "other"
        lang = page.lang_at(line)
        return lang if lang in ("ja", "en") else "other"  # type: ignore[return-value]


def _weight(counts: Mapping[Severity, int]) -> tuple[int, int, int]:
    """Sorts the most severe first: more errors, then more warnings, then more info."""
    return (
        -counts.get(Severity.ERROR, 0),
        -counts.get(Severity.WARNING, 0),
        -counts.get(Severity.INFO, 0),
    )


def _triage_order(group: PageGroup) -> tuple[int, int, int, tuple[int, str], str, str]:
    """Pages with errors first, then with warnings, then info; within each, the page
    with the most findings of its worst severity first; then by path."""
    counts = group.counts()
    worst = next(i for i, s in enumerate(SEVERITIES) if counts.get(s))
    return (
        worst,
        -counts[SEVERITIES[worst]],
        -len(group.items),
        _folder_order(group.folder),
        group.order,
        group.key,
    )


def _item_order(item: Item) -> tuple[int, int, int, str]:
    d = item.diagnostic
    side = 0 if item.ja and item.ja[0].primary else 1
    return (side, d.line, d.column, d.code)


def _source(
    pages: _Pages,
    path: Path,
    line: int,
    *,
    column: int = 1,
    end: tuple[int | None, int | None] = (None, None),
    note: str = "",
    primary: bool = False,
) -> Source:
    text = pages.text(path, line)
    highlight: tuple[int, int] | None = None
    left = right = False
    if text is not None:
        end_line, end_column = end
        if primary and end_line in (None, line) and end_column and end_column > column:
            highlight = (column - 1, min(end_column - 1, len(text)))
        if len(text) > _MAX_LINE:
            start = max(0, min(column - 1 - _MAX_LINE // 4, len(text) - _MAX_LINE))
            left, right = start > 0, start + _MAX_LINE < len(text)
            text = text[start : start + _MAX_LINE]
            if highlight is not None:
                a, b = (max(0, h - start) for h in highlight)
                highlight = (a, min(b, len(text))) if b > a else None
    return Source(pages.name(path), line, text, note, primary, highlight, left, right)


def _item(diag: Diagnostic, page: PageInfo | None, pages: _Pages) -> Item:
    folder = folder_of(page) if page is not None else OUTSIDE
    item = Item(diag, folder, f"{pages.name(diag.path)}:{diag.line}")
    own = _source(
        pages,
        diag.path,
        diag.line,
        column=diag.column,
        end=(diag.end_line, diag.end_column),
        primary=True,
    )
    placed: list[tuple[Side, Source]] = [(pages.side(diag.path, diag.line), own)]
    seen = {(diag.path, diag.line)}
    for related in diag.related:
        if (related.path, related.line) in seen:
            continue
        seen.add((related.path, related.line))
        source = _source(pages, related.path, related.line, note=related.message)
        placed.append((pages.side(related.path, related.line), source))
    for side, source in placed:
        getattr(item, side).append(source)
    return item


# -- rules ----------------------------------------------------------------------------


def _rules(result: RunResult) -> list[RuleInfo]:
    counts: dict[str, Counter[Severity]] = {}
    names: dict[str, Diagnostic] = {}
    for d in result.diagnostics:
        counts.setdefault(d.code, Counter())[d.severity] += 1
        names.setdefault(d.code, d)
    metas: dict[str, RuleMeta] = {r.code: r for r in result.rules}
    infos: list[RuleInfo] = []
    for code in sorted(set(metas) | set(counts)):
        meta = metas.get(code)
        found = counts.get(code, Counter())
        if meta is not None:
            infos.append(
                RuleInfo(
                    code, meta.name, meta.severity, meta.scope, meta.summary, meta.doc, True, found
                )
            )
        else:  # a code no rule of this run has: show what the findings say
            diag = names[code]
            infos.append(RuleInfo(code, diag.name, diag.severity, "", "", "", False, found))
    return infos


def short_path(path: str) -> tuple[str, str]:
    """``support/chat.md`` → (``support/``, ``chat.md``), for a dimmed folder prefix."""
    head, tail = posixpath.split(path)
    return (head + "/" if head else "", tail)
