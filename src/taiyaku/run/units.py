"""Checking units of work: a page and its page rules, a pair and its pair rules.

A :class:`Checker` runs the selected rules over pages, taking what the result cache
holds, under the per-page time limit, with each rule's exceptions caught, and adds what
it finds to a :class:`Tally`.  The engine runs one Checker in this process, or one per
worker process (:mod:`taiyaku.run.workers`), and merges their tallies.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import taiyaku.rules.registry as registry
from taiyaku.errors import ConfigError, PageTimeout
from taiyaku.model.diagnostics import Diagnostic, Finding
from taiyaku.model.lang import Lang
from taiyaku.parse.directives import FileSuppressions, parse_directives
from taiyaku.parse.document import Document, DocumentProblem, unreadable_document
from taiyaku.rules.base import PageRule, PairRule, Rule, SiteRule
from taiyaku.rules.context import Context, Pair
from taiyaku.run.cache import ResultCache, SiteHashes
from taiyaku.run.limits import PageAlarm, timeout_message
from taiyaku.run.result import InternalError, PageInfo, PageKind, Progress
from taiyaku.site.pages import Page

__all__ = ["Checker", "CodedFinding", "Stamper", "Tally", "page_info", "pair_groups"]

# A rule's finding, by the rule's code (what travels between processes and the cache).
CodedFinding = tuple[str, Finding]
# The run's findings → diagnostics (taiyaku.run.stamping.stamp, with the run's rules).
Stamper = Callable[[Iterable[CodedFinding]], Iterable[Diagnostic]]


@dataclass
class Tally:
    """What checking some units produced in one process; a worker sends its own back."""

    findings: list[CodedFinding] = field(default_factory=list)
    # Findings a worker process stamped itself (Checker.stamp_findings), in their order,
    # ahead of those still in ``findings``.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[InternalError] = field(default_factory=list)
    rule_seconds: dict[str, float] = field(default_factory=dict)
    pairs: int = 0
    pages: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    cache_pending: dict[str, str] = field(default_factory=dict)
    # What this process read of its pages, so that the engine need not read them again:
    # the source lines findings quote, each page's suppression directives, page infos.
    lines: dict[tuple[Path, int], str] = field(default_factory=dict)
    directives: dict[Path, FileSuppressions] = field(default_factory=dict)
    page_infos: dict[str, PageInfo] = field(default_factory=dict)
    # (page rel, SHA-256 of the bytes parsed) of every page read: the engine compares them
    # with the hashes the cache keys were made from (a page rewritten during the run).
    read_hashes: set[tuple[str, str]] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # the rules' notes on the run

    def merge(self, other: Tally) -> None:
        self.findings.extend(other.findings)
        self.diagnostics.extend(other.diagnostics)
        self.internal_errors.extend(other.internal_errors)
        for code, spent in other.rule_seconds.items():
            self.rule_seconds[code] = self.rule_seconds.get(code, 0.0) + spent
        self.pairs += other.pairs
        self.pages += other.pages
        self.cache_hits += other.cache_hits
        self.cache_misses += other.cache_misses
        self.cache_pending.update(other.cache_pending)
        self.lines.update(other.lines)
        self.directives.update(other.directives)
        self.page_infos.update(other.page_infos)
        self.read_hashes |= other.read_hashes
        self.notes.extend(n for n in other.notes if n not in self.notes)


class Checker:
    """Runs the selected rules over units of work, in one process."""

    def __init__(
        self,
        ctx: Context,
        rules: Sequence[type[Rule]],
        *,
        cache: ResultCache | None,
        hashes: SiteHashes,
        seconds: float,
        describe_pages: bool = False,
        stamper: Stamper | None = None,
    ) -> None:
        self.ctx = ctx
        self.rules = rules
        self.cache = cache
        self.hashes = hashes
        self.seconds = seconds
        # the per-page time limit: installed by check_pages, armed around each page's work
        self._alarm = PageAlarm(seconds)
        self.describe_pages = describe_pages
        self._stamper = stamper
        self.page_rules = [r() for r in rules if issubclass(r, PageRule)]
        self.pair_rules = [r() for r in rules if issubclass(r, PairRule)]
        self.tally = Tally()
        self._tokens: dict[str, str | None] = {}  # each rule's cache token, once per run
        # each sequence of rules (by identity) in its cache groups, once per run
        self._groups: dict[int, tuple[Sequence[Rule], _Groups]] = {}
        self._placeholder_code = _placeholder_rule()  # the rule that states placeholders

    @property
    def alarm(self) -> PageAlarm:
        """The per-page time limit; a worker holds it entered over all its units, so that
        its handler is installed once, not once per unit."""
        return self._alarm

    def release_checked(self) -> None:
        """Drop what only the checking needed: each parsed page's body and the run's
        states (the result, the pages' lines and their directives stay).  This process
        does it while it waits for the other workers, instead of after them."""
        for doc in self.ctx.site.loaded_documents().values():
            doc.release_body()
        self.ctx.close()

    def stamp_findings(self) -> None:
        """Turn the tally's findings into diagnostics now (with the run's stamper): each
        worker process stamps its own as it goes, unit by unit, instead of the engine
        stamping them all after the last worker ends."""
        if self._stamper is not None and self.tally.findings:
            self.tally.diagnostics += self._stamper(self.tally.findings)
            self.tally.findings = []

    def record_reads(self) -> None:
        """Note the hash of every page this process parsed (see :attr:`Tally.read_hashes`)."""
        self.tally.read_hashes |= {
            (rel, doc.content_hash)
            for rel, doc in self.ctx.site.loaded_documents().items()
            if doc.content_hash
        }

    # -- the site --------------------------------------------------------------------

    def check_site(self) -> None:
        """The site rules (they read the whole site, not one page).  A rule marked
        ``CACHED`` is taken from the cache when neither the site's files, the pages
        checked, the configuration nor its token changed."""
        for rule in (r() for r in self.rules if issubclass(r, SiteRule)):
            key = self._site_key(rule)
            cached = self.cache.get(key, self.ctx.site.root) if key is not None else None
            if cached is not None:
                self.tally.findings.extend(cached)
                continue
            errors_before = len(self.tally.internal_errors)
            items = list(self._guard(rule, "the site", _lazy(rule.check, self.ctx)))
            self.tally.findings.extend(items)
            if key is not None and len(self.tally.internal_errors) == errors_before:
                self.cache.put(key, items, self.ctx.site.root)  # type: ignore[union-attr]

    def _site_key(self, rule: SiteRule) -> str | None:
        if self.cache is None or not type(rule).CACHED:
            return None
        targets = sorted(page.rel for page in self.ctx.targets)
        token = self._token(type(rule))
        return self.cache.key(
            "site", targets, [type(rule).CODE], self.hashes.site_fingerprint(), token
        )

    # -- pages and pairs -------------------------------------------------------------

    def check_pages(self, pages: Sequence[Page], progress: Progress | None = None) -> None:
        """Page rules on ``pages``; pair rules on the pairs anchored in ``pages``.

        A pair is anchored on its Japanese page (a bilingual page anchors its own pair).
        Pages are taken a pair at a time: the page rules of both pages, then the pair
        rules, then the heavy analysis of the two pages (markdown-it and fugashi tokens)
        is released, so memory holds one pair's analysis rather than the whole site's.
        """
        with self._alarm:
            self._check_groups(pages, progress)

    def _check_groups(self, pages: Sequence[Page], progress: Progress | None) -> None:
        done = 0
        for group in pair_groups(pages):
            for page in group:
                self._check_page(page)
            for ja, en in self._pairs_in(group):
                if self._timed_out(ja, en):
                    continue
                self.tally.pairs += 1
                self._check_pair(ja, en)
            for page in group:
                self._read_directives(page)
                if self.describe_pages:
                    self.tally.page_infos[page.rel] = page_info(self.ctx, page)
                doc = self.ctx.site.loaded_document(page)
                if doc is not None:
                    doc.release_analysis()
            done += len(group)
            self.tally.pages += len(group)
            if progress is not None:
                progress("pages", done, len(pages))

    def _check_page(self, page: Page) -> None:
        other = page.counterpart

        def unit() -> tuple[object, ...]:
            return (
                "page",
                page.rel,
                self.hashes.file_hash(page),
                other.rel if other else None,
                self.hashes.file_hash(other) if other else None,
            )

        def check_page(rule: Rule) -> Iterable[Finding]:
            return rule.check(self.ctx.document(page), self.ctx)  # type: ignore[attr-defined]

        self._run_unit(self.page_rules, unit, page, check_page)

    def _check_pair(self, ja: Page, en: Page) -> None:
        def unit() -> tuple[object, ...]:
            return ("pair", ja.rel, self.hashes.file_hash(ja), en.rel, self.hashes.file_hash(en))

        pair_of = _lazy_pair(self.ctx, ja, en)
        source = self.ctx.site.source_lang
        placeholder: list[Path | None] = []  # decided on first need (never on a cache hit)

        def check_pair(rule: Rule) -> Iterable[Finding]:
            found = rule.check(pair_of(), self.ctx)  # type: ignore[attr-defined]
            if not getattr(rule, "COMPARES_CONTENT", False):
                return found
            if not placeholder:
                side = pair_of().placeholder(source)
                placeholder.append(side.path if side is not None else None)
            states_it = self._placeholder_code  # the rule that states the one fact
            if placeholder[0] is None or states_it is None:
                return found
            defer = (states_it, placeholder[0])  # (reported where that rule is not selected)
            return (replace(f, deferred_to=(*f.deferred_to, defer)) for f in found)

        self._run_unit(self.pair_rules, unit, ja, check_pair)

    def _run_unit(
        self,
        rules: Sequence[Rule],
        unit: Callable[[], tuple[object, ...]],
        page: Page,
        call: Callable[[Rule], Iterable[Finding]],
    ) -> None:
        """Run ``rules`` on one unit of work, taking what the cache holds.

        Rules are cached in groups: those that read only the unit's own files, keyed
        by their content, and those that look at the rest of the site, keyed by the whole
        site's fingerprint as well; a rule with a :meth:`~Rule.cache_token` (the git
        history's state) is keyed by it too.  A unit that hit the time limit or an internal error
        is not cached.
        """
        to_run: list[tuple[str | None, list[Rule]]] = []
        for (uses_site, token), group in self._cache_groups(rules).items():
            key = None
            if self.cache is not None:
                codes = [type(rule).CODE for rule in group]
                site = self.hashes.site_fingerprint() if uses_site else None
                key = self.cache.key(*unit(), codes, site, *([token] if token else []))
                cached = self.cache.get(key, self.ctx.site.root)
                if cached is not None:
                    self.tally.findings.extend(cached)
                    continue
            to_run.append((key, group))
        if not to_run:
            return
        where = self.ctx.display_path(page.path)
        errors_before = len(self.tally.internal_errors)
        try:
            with self._alarm.limit():
                for key, group in to_run:
                    items = self._run_guarded(group, where, call)
                    self.tally.findings.extend(items)
                    if key is not None and len(self.tally.internal_errors) == errors_before:
                        self.cache.put(key, items, self.ctx.site.root)  # type: ignore[union-attr]
        except PageTimeout:
            self._alarm.disarm()  # (an alarm that landed as its block ended is spent too)
            self._record_timeout(page)

    def _cache_groups(self, rules: Sequence[Rule]) -> _Groups:
        """The rules by what their cached findings depend on: the rest of the site
        (``USES_SITE``) and the rule's own :meth:`~Rule.cache_token`."""
        known = self._groups.get(id(rules))
        if known is not None and known[0] is rules:
            return known[1]
        groups: _Groups = {}
        for uses_site in (False, True):
            for rule in rules:
                if type(rule).uses_site(self.ctx.options) is uses_site:
                    groups.setdefault((uses_site, self._token(type(rule))), []).append(rule)
        self._groups[id(rules)] = (rules, groups)
        return groups

    def _token(self, rule: type[Rule]) -> str | None:
        if self.cache is None:
            return None
        if rule.CODE not in self._tokens:
            self._tokens[rule.CODE] = rule.cache_token(self.ctx)
        return self._tokens[rule.CODE]

    def _run_guarded(
        self, rules: Sequence[Rule], where: str, call: Callable[[Rule], Iterable[Finding]]
    ) -> list[CodedFinding]:
        """Each rule's findings, as :meth:`_guard` reports them, without a generator of
        its own per rule: this runs for every rule on every unit of work."""
        items: list[CodedFinding] = []
        append = items.append
        seconds = self.tally.rule_seconds
        for rule in rules:
            code = type(rule).CODE
            started = time.perf_counter()
            try:
                for finding in call(rule) or ():
                    append((code, finding))
            except ConfigError:
                raise
            except Exception as exc:
                self._internal_error(code, where, exc)
            finally:
                seconds[code] = seconds.get(code, 0.0) + time.perf_counter() - started
        return items

    def _internal_error(self, code: str, where: str, exc: Exception) -> None:
        """A bug in a rule must not hide the other findings: it is recorded instead."""
        self.tally.internal_errors.append(
            InternalError(f"internal error in {code} on {where}: {type(exc).__name__}: {exc}")
        )

    def _guard(self, rule: Rule, where: str, findings: Iterable[Finding]) -> Iterator[CodedFinding]:
        code = type(rule).CODE
        started = time.perf_counter()
        try:
            for finding in findings:
                yield code, finding
        except ConfigError:  # a broken policy file a rule loads: stop the run (exit code 2)
            raise
        except Exception as exc:
            self._internal_error(code, where, exc)
        finally:
            spent = time.perf_counter() - started
            self.tally.rule_seconds[code] = self.tally.rule_seconds.get(code, 0.0) + spent

    # -- pairs -------------------------------------------------------------------------

    def _pairs_in(self, pages: Iterable[Page]) -> Iterator[tuple[Page, Page]]:
        """(Japanese page, English page) for each pair anchored in ``pages``; a bilingual
        page is its own pair, ``(page, page)``."""
        for page in pages:
            if page.lang == "ja" and page.counterpart is not None:
                yield page, page.counterpart
            elif page.counterpart is None and self._is_bilingual(page):
                yield page, page

    def _is_bilingual(self, page: Page) -> bool:
        key = None
        if self.cache is not None:
            key = self.cache.key("bilingual", page.rel, self.hashes.file_hash(page))
            known = self.cache.get_flag(key)
            if known is not None:
                return known
        doc = self.ctx.document(page)
        answer = doc.readable and doc.bilingual
        if key is not None and not _timed_out_doc(doc):
            self.cache.put_flag(key, answer)  # type: ignore[union-attr]
        return answer

    # -- the time limit ----------------------------------------------------------------

    def _timed_out(self, *pages: Page) -> bool:
        """Whether one of these pages already ran past the time limit in this run."""
        for page in pages:
            doc = self.ctx.site.loaded_document(page)
            if doc is not None and _timed_out_doc(doc):
                return True
        return False

    def _read_directives(self, page: Page) -> None:
        """The page's suppression directives, read under the page's time limit (a page of
        20,000 directives is the page's cost, like any other of its parts)."""
        try:
            with self._alarm.limit():
                found = parse_directives(self.ctx.document(page), registry.code_of)
        except PageTimeout:
            self._alarm.disarm()
            self._record_timeout(page)
            found = FileSuppressions([], [])
        self.tally.directives[page.path] = found

    def _record_timeout(self, page: Page) -> None:
        """Replace the page's Document by a stand-in that records the timeout, and run the
        selected rules that report that kind of problem (IN003) on it."""
        problem = DocumentProblem("timeout", 1, 1, timeout_message(self.seconds))
        stub = unreadable_document(page.path, page.rel, problem)
        self.ctx.site.set_document(page, stub)
        for rule in self.page_rules:
            if problem.kind in type(rule).REPORTS_PROBLEMS:
                where = self.ctx.display_path(page.path)
                found = self._guard(rule, where, _lazy(rule.check, stub, self.ctx))  # type: ignore[attr-defined]
                self.tally.findings.extend(found)


def pair_groups(pages: Sequence[Page]) -> list[list[Page]]:
    """``pages`` in order, a page and its counterpart (when both are here) together."""
    wanted = {page.rel for page in pages}
    groups: list[list[Page]] = []
    placed: set[str] = set()
    for page in pages:
        if page.rel in placed:
            continue
        group = [page]
        other = page.counterpart
        if other is not None and other.rel in wanted and other.rel not in placed:
            group.append(other)
        placed.update(p.rel for p in group)
        groups.append(group)
    return groups


def page_info(ctx: Context, page: Page) -> PageInfo:
    """What the report needs of ``page`` (reads it when its kind depends on its text)."""
    block_langs: tuple[tuple[int, int, Lang], ...] = ()
    if page.counterpart is None and page.lang == "ja":
        doc = ctx.document(page)
        if doc.readable and doc.bilingual:
            block_langs = tuple(
                (b.line, b.end_line, b.lang)  # type: ignore[misc]
                for b in doc.blocks
                if b.lang in ("ja", "en")
            )
    counterpart = page.counterpart.rel if page.counterpart is not None else None
    return PageInfo(
        page.rel, page.path, page.key, page.lang, _kind(ctx, page), counterpart, block_langs
    )


def _kind(ctx: Context, page: Page) -> PageKind:
    if page.lang is None:
        return "other"
    if page.counterpart is not None:
        return "pair"  # partials too: the engine compares a partial with its translation
    if page.partial:
        return "partial"
    doc = ctx.document(page)
    if "redirect_to" in (doc.frontmatter.data or {}):
        return "other"
    if page.lang == "en":
        return "en-only"
    if doc.readable and doc.bilingual:
        return "bilingual"
    return "ja-only"


def _lazy_pair(ctx: Context, ja: Page, en: Page) -> Callable[[], Pair]:
    """Build the Pair (and so parse its pages) only if some rule needs it."""
    made: list[Pair] = []

    def get() -> Pair:
        if not made:
            if ja is en:
                made.append(Pair.of_bilingual(ctx.document(ja), ja))
            else:
                made.append(Pair.of_pages(ctx.document(ja), ja, ctx.document(en), en))
        return made[0]

    return get


def _timed_out_doc(doc: Document) -> bool:
    return any(p.kind == "timeout" for p in doc.problems)


def _lazy(func, *args) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    """Call a rule inside the guard, so an exception at call time is caught too."""
    yield from func(*args) or ()


def _placeholder_rule() -> str | None:
    """The code of the rule that reports placeholder translations (``REPORTS_PLACEHOLDERS``)."""
    return next((r.CODE for r in registry.all_rules() if r.REPORTS_PLACEHOLDERS), None)


#: Rules by what their cached findings depend on (see :meth:`Checker._cache_groups`).
_Groups = dict[tuple[bool, str | None], list[Rule]]
