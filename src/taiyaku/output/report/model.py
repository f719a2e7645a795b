"""The maintainer's report: what a run found, arranged for people (``taiyaku report``).

:func:`build_report` turns a :class:`~taiyaku.run.engine.RunResult` into a :class:`Report`:
translation coverage per top-level folder, findings per rule and per folder, and each page
pair's findings with the Japanese and English source lines side by side.  The HTML and
Markdown reporters (``reporters/report_html.py``, ``reporters/report_markdown.py``) only
lay that model out.

Nothing here knows a rule family: codes, names, severities and documentation come from
the rule registry and from the Diagnostics themselves.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from taiyaku import __version__
from taiyaku.model.diagnostics import Diagnostic, Severity
from taiyaku.rules.registry import all_rules

if TYPE_CHECKING:
    from taiyaku.rules.base import Rule
    from taiyaku.run.engine import RunResult
    from taiyaku.site.pages import Page, Site

__all__ = [
    "CoverageRow",
    "Item",
    "Report",
    "RuleInfo",
    "Source",
    "Unit",
    "build_report",
    "rule_anchor",
]

Side = Literal["ja", "en", "other"]
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TOP_LEVEL = "(top level)"
OUTSIDE = "(outside the site)"
_MAX_LINE = 400  # characters of a source line shown around the finding's column


def rule_anchor(code: str, name: str) -> str:
    """The rule's anchor, as in docs/rules.md: ``tm001-hours-mismatch``."""
    return f"{code.lower()}-{name}"


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
class Unit:
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
    units: list[Unit]  # with findings, in path order
    clean: list[Unit]  # without findings
    internal_errors: list[str]
    warnings: list[str]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def items(self) -> list[Item]:
        return [item for unit in self.units for item in unit.items]

    def families(self) -> list[str]:
        return sorted({r.family for r in self.rules if r.total})


def build_report(
    result: RunResult,
    *,
    severity_overrides: Mapping[str, Severity] | None = None,
    now: _dt.datetime | None = None,
) -> Report:
    """Arrange a finished run for the report.  ``result.site`` must be set."""
    site = result.site
    if site is None:
        raise ValueError("the run has no Site (run it with taiyaku.run.engine.run)")
    targets = [p for p in (site.page_for_path(path) for path in result.checked) if p]
    lines = _Lines(site, result)

    coverage = _coverage(site, targets)
    total = CoverageRow("all folders")
    for row in coverage:
        total.add(row)

    units: dict[str, Unit] = {}
    for page in targets:
        unit = _unit_for(site, page)
        units.setdefault(unit.key, unit)
    outside: Unit | None = None
    for diag in result.diagnostics:
        page = site.page_for_path(diag.path)
        if page is None:
            if outside is None:
                outside = Unit(OUTSIDE, "other", OUTSIDE, None, None)
            outside.items.append(_item(diag, None, lines, site, result))
            continue
        fresh = _unit_for(site, page)
        unit = units.setdefault(fresh.key, fresh)
        unit.items.append(_item(diag, page, lines, site, result))
    ordered = sorted(units.values(), key=lambda u: (_folder_order(u.folder), u.order, u.key))
    if outside is not None:
        ordered.append(outside)
    for unit in ordered:
        unit.items.sort(key=_item_order)

    folders: dict[str, tuple[Counter[Severity], Counter[str]]] = {}
    for unit in ordered:
        for item in unit.items:
            severities, codes = folders.setdefault(item.folder, (Counter(), Counter()))
            severities[item.severity] += 1
            codes[item.code] += 1

    moment = now or _dt.datetime.now().astimezone()
    return Report(
        root=result.display(site.root),
        generated=moment.strftime("%Y-%m-%d %H:%M %Z").strip(),
        version=__version__,
        files=result.files,
        pairs=result.pairs,
        counts={s: result.count(s) for s in SEVERITIES},
        coverage_total=total,
        coverage=coverage,
        rules=_rules(result, severity_overrides or {}),
        folders=[(name, *folders[name]) for name in sorted(folders, key=_folder_order)],
        units=[u for u in ordered if u.items],
        clean=[u for u in ordered if not u.items],
        internal_errors=[e.message for e in result.internal_errors],
        warnings=list(result.warnings),
    )


# -- coverage -------------------------------------------------------------------------


def folder_of(page: Page) -> str:
    """The top-level folder, language-neutral: ``support/chat`` and ``en/support/chat``
    are both in ``support``."""
    head, sep, _rest = page.key.partition("/")
    return head if sep else TOP_LEVEL


def _folder_order(name: str) -> tuple[int, str]:
    return (0 if name == TOP_LEVEL else 2 if name == OUTSIDE else 1, name)


def _kind(site: Site, page: Page) -> str:
    if page.lang is None:
        return "other"
    if page.counterpart is not None:
        return "pair"  # partials too: the engine compares a partial with its translation
    if page.partial:
        return "partial"
    doc = site.document(page)
    if "redirect_to" in (doc.frontmatter.data or {}):
        return "other"
    if page.lang == "en":
        return "en-only"
    if doc.readable and doc.bilingual:
        return "bilingual"
    return "ja-only"


def _coverage(site: Site, targets: Iterable[Page]) -> list[CoverageRow]:
    rows: dict[str, CoverageRow] = {}
    for page in targets:
        row = rows.setdefault(folder_of(page), CoverageRow(folder_of(page)))
        kind = _kind(site, page)
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


def _unit_for(site: Site, page: Page) -> Unit:
    kind = _kind(site, page)
    if page.counterpart is not None and page.lang in ("ja", "en"):
        ja, en = (page, page.counterpart) if page.lang == "ja" else (page.counterpart, page)
        return Unit(ja.rel, "pair", folder_of(ja), ja.rel, en.rel, order=ja.key)
    if kind == "bilingual":
        return Unit(page.rel, kind, folder_of(page), page.rel, page.rel, order=page.key)
    if page.lang == "en":
        return Unit(page.rel, kind, folder_of(page), None, page.rel, order=page.key)
    return Unit(page.rel, kind, folder_of(page), page.rel, None, order=page.key)


def _item_order(item: Item) -> tuple[int, int, int, str]:
    d = item.diagnostic
    side = 0 if item.ja and item.ja[0].primary else 1
    return (side, d.line, d.column, d.code)


class _Lines:
    """Reads source lines from the run's parsed Documents (never re-reads a page)."""

    def __init__(self, site: Site, result: RunResult) -> None:
        self.site = site
        self.result = result

    def name(self, path: Path) -> str:
        page = self.site.page_for_path(path)
        return page.rel if page is not None else self.result.display(path)

    def text(self, path: Path, line: int) -> str | None:
        page = self.site.page_for_path(path)
        if page is None:
            return None
        doc = self.site.document(page)
        if not doc.readable or not 1 <= line <= len(doc.lines):
            return None
        return doc.lines[line - 1]

    def side(self, path: Path, line: int) -> Side:
        """The column a line belongs in: its page's language, or on a bilingual page,
        the language of the block the line is in."""
        page = self.site.page_for_path(path)
        if page is None:
            return "other"
        if page.counterpart is None and page.lang == "ja":
            doc = self.site.document(page)
            if doc.readable and doc.bilingual:
                for block in doc.blocks:
                    if block.line <= line <= block.end_line and block.lang in ("ja", "en"):
                        return block.lang  # type: ignore[return-value]
        return page.lang if page.lang in ("ja", "en") else "other"  # type: ignore[return-value]


def _source(
    lines: _Lines,
    path: Path,
    line: int,
    *,
    column: int = 1,
    end: tuple[int | None, int | None] = (None, None),
    note: str = "",
    primary: bool = False,
    fallback: str | None = None,
) -> Source:
    text = lines.text(path, line)
    if text is None and fallback is not None:
        text = fallback
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
    return Source(lines.name(path), line, text, note, primary, highlight, left, right)


def _item(
    diag: Diagnostic, page: Page | None, lines: _Lines, site: Site, result: RunResult
) -> Item:
    folder = folder_of(page) if page is not None else OUTSIDE
    item = Item(diag, folder, f"{lines.name(diag.path)}:{diag.line}")
    own = _source(
        lines,
        diag.path,
        diag.line,
        column=diag.column,
        end=(diag.end_line, diag.end_column),
        primary=True,
        fallback=diag.snippet,
    )
    placed: list[tuple[Side, Source]] = [(lines.side(diag.path, diag.line), own)]
    seen = {(diag.path, diag.line)}
    for related in diag.related:
        if (related.path, related.line) in seen:
            continue
        seen.add((related.path, related.line))
        source = _source(lines, related.path, related.line, note=related.message)
        placed.append((lines.side(related.path, related.line), source))
    for side, source in placed:
        getattr(item, side).append(source)
    return item


# -- rules ----------------------------------------------------------------------------


def _rules(result: RunResult, overrides: Mapping[str, Severity]) -> list[RuleInfo]:
    counts: dict[str, Counter[Severity]] = {}
    names: dict[str, Diagnostic] = {}
    for d in result.diagnostics:
        counts.setdefault(d.code, Counter())[d.severity] += 1
        names.setdefault(d.code, d)
    registry: dict[str, type[Rule]] = {r.CODE: r for r in all_rules()}
    registry.update({r.CODE: r for r in result.rules})
    ran = {r.CODE for r in result.rules}
    infos: list[RuleInfo] = []
    for code in sorted(ran | set(counts)):
        rule = registry.get(code)
        found = counts.get(code, Counter())
        if rule is not None:
            doc = rule.doc()
            severity = overrides.get(code) or rule.SEVERITY
            infos.append(
                RuleInfo(
                    code,
                    rule.NAME,
                    severity,
                    rule.SCOPE,
                    doc.summary,
                    doc.text,
                    code in ran,
                    found,
                )
            )
        else:  # a code the registry does not know: show what the findings say
            diag = names[code]
            infos.append(RuleInfo(code, diag.name, diag.severity, "", "", "", code in ran, found))
    return infos


def short_path(path: str) -> tuple[str, str]:
    """``support/chat.md`` → (``support/``, ``chat.md``), for a dimmed folder prefix."""
    head, tail = posixpath.split(path)
    return (head + "/" if head else "", tail)
