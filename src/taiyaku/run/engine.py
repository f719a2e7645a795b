"""The engine: build the site, run the selected rules, stamp their findings."""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from taiyaku.config.loading import Config
from taiyaku.errors import ConfigError, PageTimeout, WorkerFailed
from taiyaku.model.diagnostics import Diagnostic, Finding, Severity
from taiyaku.parse.analyzer import get_tagger
from taiyaku.parse.document import (
    Document,
    DocumentProblem,
    ReadLimits,
    read_document,
    unreadable_document,
)
from taiyaku.rules.base import PageRule, PairRule, Rule, SiteRule
from taiyaku.rules.context import Context, Pair
from taiyaku.rules.input.in003_page_timeout import PageTimeout as PageTimeoutRule
from taiyaku.rules.input.in003_page_timeout import timeout_message
from taiyaku.rules.registry import select_rules
from taiyaku.run.baseline import Baseline, BaselineOutcome, apply_baseline
from taiyaku.run.cache import ResultCache
from taiyaku.run.forking import WorkQueue, can_fork, run_forked
from taiyaku.run.limits import time_limit
from taiyaku.run.suppressions import FileSuppressions, Suppressor, parse_directives
from taiyaku.site.pages import Page, Site

__all__ = ["InternalError", "Progress", "RunResult", "resolve_root", "run"]

# Called as ``progress(phase, done, total)`` after each page ("pages") and each pair
# ("pairs") is checked; for progress bars. Optional; the engine never prints.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class InternalError:
    """The tool's own failure on one file and rule; the run exits 2, never "clean"."""

    message: str


@dataclass
class RunResult:
    diagnostics: list[Diagnostic]
    files: int
    pairs: int
    cwd: Path
    internal_errors: list[InternalError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # run-level notes for stderr
    rules: Sequence[type[Rule]] = ()
    checked: list[Path] = field(default_factory=list)
    # wall time spent inside each rule (parsing that a rule triggers lazily included)
    rule_seconds: dict[str, float] = field(default_factory=dict)
    site: Site | None = None  # the run's pages and parsed Documents (for reports)
    cache_hits: int = 0
    cache_misses: int = 0
    baseline: BaselineOutcome | None = None  # set when run with a baseline

    def display(self, path: Path) -> str:
        try:
            return os.path.relpath(path, self.cwd)
        except ValueError:
            return str(path)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def exit_code(self) -> int:
        if self.internal_errors:
            return 2
        return 1 if self.count(Severity.ERROR) else 0


def resolve_root(config: Config, paths: Sequence[Path], cwd: Path) -> Path:
    """The content root: configured, else the one folder given, else ``content/`` or cwd."""
    if config.root is not None:
        root = Path(config.root)
    elif len(paths) == 1 and paths[0].is_dir():
        root = paths[0]
    elif (cwd / "content").is_dir():
        root = cwd / "content"
    else:
        root = cwd
    if not root.is_dir():
        shown = os.path.relpath(root, cwd) if root.is_absolute() else str(root)
        raise ConfigError(f"content root {shown} is not a folder")
    return root.resolve()


def run(
    config: Config,
    paths: Sequence[Path],
    *,
    cwd: Path | None = None,
    progress: Progress | None = None,
) -> RunResult:
    cwd = cwd or Path.cwd()
    rules = select_rules(config.get("select", []), config.get("ignore", []))
    root = resolve_root(config, paths, cwd)
    limits = ReadLimits(max_bytes=int(config.get("max-page-bytes")))
    baseline = Baseline.load(Path(config.get("baseline"))) if config.get("baseline") else None

    def load(page: Page) -> Document:
        return read_document(page.path, page.rel, limits)

    site = Site(
        root,
        layout=config.get("layout"),
        url_style=config.get("url-style"),
        static_dirs=config.get("static-dirs", []),
        exclude=config.get("exclude", []),
        loader=load,
    )
    result = RunResult([], 0, 0, cwd, rules=rules, site=site)
    for path, reason in site.skipped:
        result.warnings.append(f"{result.display(path)}: skipped: {reason}")
    targets = _targets(site, paths or [root], result)
    ctx = Context(
        config=config, site=site, targets=targets, cwd=cwd, cache=_open_cache(config, site, cwd)
    )
    try:
        with _fewer_collections():
            findings = list(_run_rules(ctx, rules, result, progress))
    finally:
        if ctx.cache is not None:
            result.cache_hits, result.cache_misses = ctx.cache.hits, ctx.cache.misses
            ctx.cache.close()
    suppressor = Suppressor(ctx, rules)  # inline comments; then TY100 on unused ones
    diagnostics = suppressor.filter(_stamp(findings, config, ctx))
    diagnostics += suppressor.filter(_stamp(suppressor.unused(), config, ctx))
    result.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
    result.files = len(targets)
    result.checked = [p.path for p in targets]
    if baseline is not None:
        result.baseline = apply_baseline(result, baseline)
    return result


# The checking phase allocates hundreds of thousands of small, short-lived objects (tokens,
# markdown-it tokens, sentences) and few reference cycles; larger generations spare most
# of the collections that would walk them (full ones walk every token of the site).
_GC_THRESHOLDS = (20_000, 50, 100)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*(max(b, t) for b, t in zip(before, _GC_THRESHOLDS, strict=False)))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _open_cache(config: Config, site: Site, cwd: Path) -> ResultCache | None:
    if not config.get("cache"):
        return None
    checks = config.get("checks-dir")
    folder = Path(config.get("cache-dir"))
    if not folder.is_absolute():  # the default: beside the configuration (or in cwd)
        folder = config.base_dir / folder
    return ResultCache.for_run(
        folder,
        site.root,
        config.values,
        Path(checks) if checks is not None else None,
        cwd.resolve(),
    )


def _targets(site: Site, paths: Iterable[Path], result: RunResult) -> list[Page]:
    """The pages named by ``paths`` (folders or files), plus their counterparts."""
    chosen: dict[str, Page] = {}
    for raw in paths:
        path = raw.resolve()
        if not path.exists():
            raise ConfigError(f"{raw}: no such file or folder")
        if not site.contains(path):
            if path.is_dir():
                raise ConfigError(f"{raw} is outside the content root {site.root}; pass --root")
            # pre-commit passes every staged Markdown file, README.md included
            result.warnings.append(f"{raw}: outside the content root {site.root}; skipped")
            continue
        if path.is_dir():
            for page in site.pages:
                if path == site.root or page.path.is_relative_to(path):
                    chosen[page.rel] = page
            continue
        page = site.page_for_path(path)
        if page is None:
            result.warnings.append(f"{raw}: not a .md or .mdx page under the root; skipped")
            continue
        chosen[page.rel] = page
    for page in list(chosen.values()):
        if page.counterpart is not None:
            chosen.setdefault(page.counterpart.rel, page.counterpart)
    return sorted(chosen.values(), key=lambda p: p.rel)


def _guard(
    rule: type[Rule], where: str, findings: Iterable[Finding], result: RunResult
) -> Iterator[tuple[type[Rule], Finding]]:
    started = time.perf_counter()
    try:
        for finding in findings:
            yield rule, finding
    except ConfigError:  # a broken policy file a rule loads: stop the run (exit code 2)
        raise
    except Exception as exc:  # a bug in a rule must not hide the other findings
        result.internal_errors.append(
            InternalError(
                f"internal error in {rule.CODE} on {where}: {exc.__class__.__name__}: {exc}"
            )
        )
    finally:
        spent = time.perf_counter() - started
        result.rule_seconds[rule.CODE] = result.rule_seconds.get(rule.CODE, 0.0) + spent


def _run_rules(
    ctx: Context,
    rules: Sequence[type[Rule]],
    result: RunResult,
    progress: Progress | None = None,
) -> list[tuple[type[Rule], Finding]]:
    plan = _parallel_plan(ctx)
    if plan is None:
        return _check_pages(ctx, rules, ctx.targets, result, progress) + _check_site(
            ctx, rules, result
        )
    units, jobs = plan
    return _check_in_workers(ctx, rules, units, jobs, result, progress)


def _check_site(
    ctx: Context, rules: Sequence[type[Rule]], result: RunResult
) -> list[tuple[type[Rule], Finding]]:
    """The site rules' findings (they read the whole site, not one page)."""
    found: list[tuple[type[Rule], Finding]] = []
    for rule in (r() for r in rules if issubclass(r, SiteRule)):
        found.extend(_guard(type(rule), "the site", _lazy(rule.check, ctx), result))
    return found


def _check_pages(
    ctx: Context,
    rules: Sequence[type[Rule]],
    pages: Sequence[Page],
    result: RunResult,
    progress: Progress | None = None,
) -> list[tuple[type[Rule], Finding]]:
    """Page rules on ``pages``; pair rules on the pairs anchored in ``pages``.

    A pair is anchored on its Japanese page (a bilingual page anchors its own pair).
    Pages are taken a pair at a time: the page rules of both pages, then the pair rules,
    then the heavy analysis of the two pages (markdown-it and fugashi tokens) is
    released, so memory holds one pair's analysis rather than the whole site's.  Each
    page and each pair is a unit of work whose findings the cache may already hold.
    """
    page_rules = [r() for r in rules if issubclass(r, PageRule)]
    pair_rules = [r() for r in rules if issubclass(r, PairRule)]
    found: list[tuple[type[Rule], Finding]] = []
    done = 0
    for group in _pair_groups(pages):
        for page in group:
            found.extend(_check_page(ctx, result, page_rules, page, rules))
        for ja, en in _pair_pages(ctx, group):
            if _timed_out(ctx, ja, en):
                continue
            result.pairs += 1
            found.extend(_check_pair(ctx, result, pair_rules, ja, en, rules))
        for page in group:
            doc = ctx.site.loaded_document(page)
            if doc is not None:
                doc.release_analysis()
        done += len(group)
        if progress is not None:
            progress("pages", done, len(pages))
    return found


def _pair_groups(pages: Sequence[Page]) -> list[list[Page]]:
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


def _check_page(
    ctx: Context,
    result: RunResult,
    page_rules: Sequence[Rule],
    page: Page,
    selected: Sequence[type[Rule]],
) -> list[tuple[type[Rule], Finding]]:
    other = page.counterpart

    def unit() -> tuple[object, ...]:
        return (
            "page",
            page.rel,
            ctx.file_hash(page),
            other.rel if other else None,
            ctx.file_hash(other) if other else None,
        )

    def check_page(rule: Rule) -> Iterable[Finding]:
        return rule.check(ctx.document(page), ctx)  # type: ignore[attr-defined]

    return _run_unit(ctx, result, page_rules, unit, page, check_page, selected)


def _check_pair(
    ctx: Context,
    result: RunResult,
    pair_rules: Sequence[Rule],
    ja: Page,
    en: Page,
    selected: Sequence[type[Rule]],
) -> list[tuple[type[Rule], Finding]]:
    def unit() -> tuple[object, ...]:
        return ("pair", ja.rel, ctx.file_hash(ja), en.rel, ctx.file_hash(en))

    pair_of = _lazy_pair(ctx, ja, en)

    def check_pair(rule: Rule) -> Iterable[Finding]:
        return rule.check(pair_of(), ctx)  # type: ignore[attr-defined]

    return _run_unit(ctx, result, pair_rules, unit, ja, check_pair, selected)


def _run_unit(
    ctx: Context,
    result: RunResult,
    rules: Sequence[Rule],
    unit: Callable[[], tuple[object, ...]],
    page: Page,
    call: Callable[[Rule], Iterable[Finding]],
    selected: Sequence[type[Rule]],
) -> list[tuple[type[Rule], Finding]]:
    """Run ``rules`` on one unit of work, taking what the cache holds.

    Rules are cached in two groups: those that read only the unit's own files, keyed by
    their content, and those that look at the rest of the site, keyed by the whole
    site's fingerprint as well.  A unit that hit the time limit or an internal error is
    not cached.
    """
    if not rules:
        return []
    by_code = {type(rule).CODE: type(rule) for rule in rules}
    out: list[tuple[type[Rule], Finding]] = []
    to_run: list[tuple[str | None, list[Rule]]] = []
    for uses_site in (False, True):
        group = [rule for rule in rules if type(rule).USES_SITE is uses_site]
        if not group:
            continue
        key = None
        if ctx.cache is not None:
            codes = [type(rule).CODE for rule in group]
            site = ctx.site_fingerprint() if uses_site else None
            key = ctx.cache.key(*unit(), codes, site)
            cached = ctx.cache.get(key, ctx.site.root)
            if cached is not None:
                out.extend((by_code[code], finding) for code, finding in cached)
                continue
        to_run.append((key, group))
    if not to_run:
        return out
    where = result.display(page.path)
    errors_before = len(result.internal_errors)
    seconds = float(ctx.config.get("max-page-seconds") or 0)
    try:
        with time_limit(seconds):
            for key, group in to_run:
                items = [
                    item
                    for rule in group
                    for item in _guard(type(rule), where, _lazy(call, rule), result)
                ]
                out.extend(items)
                if key is not None and len(result.internal_errors) == errors_before:
                    ctx.cache.put(key, [(r.CODE, f) for r, f in items], ctx.site.root)  # type: ignore[union-attr]
    except PageTimeout:
        out.extend(_record_timeout(ctx, page, seconds, selected))
    return out


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


def _pair_pages(ctx: Context, pages: Iterable[Page]) -> Iterator[tuple[Page, Page]]:
    """(Japanese page, English page) for each pair anchored in ``pages``; a bilingual
    page is its own pair, ``(page, page)``."""
    for page in pages:
        if page.lang == "ja" and page.counterpart is not None:
            yield page, page.counterpart
        elif page.counterpart is None and _is_bilingual(ctx, page):
            yield page, page


def _is_bilingual(ctx: Context, page: Page) -> bool:
    key = None
    if ctx.cache is not None:
        key = ctx.cache.key("bilingual", page.rel, ctx.file_hash(page))
        known = ctx.cache.get_flag(key)
        if known is not None:
            return known
    doc = ctx.document(page)
    answer = doc.readable and doc.bilingual
    if key is not None and not _timed_out_doc(doc):
        ctx.cache.put_flag(key, answer)  # type: ignore[union-attr]
    return answer


# -- both cores -----------------------------------------------------------------------

# Below this many pages a process pool costs more than it saves.
PARALLEL_MIN_PAGES = 40

_FORKED: tuple[Context, Sequence[type[Rule]], list[list[Page]], WorkQueue] | None = None


def _parallel_plan(ctx: Context) -> tuple[list[list[Page]], int] | None:
    """Units of work for the worker processes and how many workers, or None to run in
    this process.

    A unit is a pair (or a lone page), so each page is parsed in one process only.
    Units are handed out largest first to whichever worker is free (longest processing
    time first), so the workers finish together.
    """
    jobs = int(ctx.config.get("jobs") or 0) or (os.cpu_count() or 1)
    if jobs < 2 or len(ctx.targets) < PARALLEL_MIN_PAGES or not can_fork():
        return None
    units: dict[str, list[Page]] = {}
    for page in ctx.targets:
        units.setdefault(page.key if page.counterpart else page.rel, []).append(page)
    ordered = sorted(units.values(), key=_unit_size, reverse=True)
    return ordered, min(jobs, len(ordered))


def _unit_size(unit: list[Page]) -> int:
    total = 0
    for page in unit:
        with contextlib.suppress(OSError):
            total += page.path.stat().st_size
    return total


def _check_in_workers(
    ctx: Context,
    rules: Sequence[type[Rule]],
    units: list[list[Page]],
    jobs: int,
    result: RunResult,
    progress: Progress | None = None,
) -> list[tuple[type[Rule], Finding]]:
    """Run :func:`_check_pages` on ``units`` in ``jobs`` processes: this one and forked
    children, each taking the next unit from a shared queue when it is free.  This one
    first finishes checking the policies (:meth:`Rule.verify`) and runs the site rules."""
    global _FORKED
    if any(rule.NEEDS_TOKENS for rule in rules):
        get_tagger()  # load the dictionary once; forked workers share it
    for rule in rules:
        rule.prepare(ctx)  # policies and site tables, loaded once for all workers
    # (rule.verify runs in _worker(0), here, once the workers have started)
    if ctx.cache is not None:
        ctx.site_fingerprint()  # hash the site once, before the workers need it
        ctx.cache.disconnect()  # an SQLite connection must not cross fork()
    queue = WorkQueue(len(units))
    _FORKED = (ctx, rules, units, queue)
    done = 0

    def count_done(_index: int, output: tuple[Any, ...]) -> None:
        nonlocal done
        done += output[4]
        if progress is not None:
            progress("pages", done, len(ctx.targets))

    # Objects that exist before the fork are never collected by the workers: walking
    # them would cost time and copy every page of memory they sit on.
    gc.freeze()
    try:
        outputs = run_forked(_worker, jobs, count_done)
    except WorkerFailed as failure:  # a crash, not a rule's exception (those are guarded)
        result.internal_errors.append(
            InternalError(
                f"internal error: {failure}\n(the pages were checked again in one process)"
            )
        )
        return _check_pages(ctx, rules, ctx.targets, result, progress) + _check_site(
            ctx, rules, result
        )
    finally:
        _FORKED = None
        queue.close()
        gc.unfreeze()
    by_code = {rule.CODE: rule for rule in rules}
    found: list[tuple[type[Rule], Finding]] = []
    for index, (items, errors, seconds, pairs, _pages, cached, lines, directives) in enumerate(
        outputs
    ):
        found.extend((by_code[code], finding) for code, finding in items)
        ctx.lines_read.update(lines)
        ctx.directives_read.update(directives)
        if ctx.cache is not None and index > 0:  # group 0 ran here, on ctx.cache itself
            hits, misses, pending = cached
            ctx.cache.hits += hits
            ctx.cache.misses += misses
            ctx.cache.pending.update(pending)
        result.internal_errors.extend(errors)
        result.pairs += pairs
        for code, spent in seconds.items():
            result.rule_seconds[code] = result.rule_seconds.get(code, 0.0) + spent
    return found


def _worker(index: int) -> tuple[Any, ...]:
    assert _FORKED is not None
    ctx, rules, units, queue = _FORKED
    local = RunResult([], 0, 0, ctx.cwd)
    found: list[tuple[type[Rule], Finding]] = []
    if index == 0:  # this process, while the workers start: policy checks, site rules
        for rule in rules:
            rule.verify(ctx)
        found.extend(_check_site(ctx, rules, local))
    pages = 0
    lines: dict[tuple[Path, int], str] = {}
    directives: dict[Path, FileSuppressions] = {}
    while (taken := queue.take()) is not None:
        unit_found = _check_pages(ctx, rules, units[taken], local)
        if index > 0:  # what the parent would otherwise read these pages again for
            _read_for_parent(ctx, units[taken], unit_found, lines, directives)
        found.extend(unit_found)
        pages += len(units[taken])
    cache = ctx.cache
    cached = (cache.hits, cache.misses, cache.pending) if cache is not None else (0, 0, {})
    return (
        [(rule.CODE, finding) for rule, finding in found],
        local.internal_errors,
        local.rule_seconds,
        local.pairs,
        pages,
        cached,
        lines,
        directives,
    )


def _read_for_parent(
    ctx: Context,
    unit: list[Page],
    found: list[tuple[type[Rule], Finding]],
    lines: dict[tuple[Path, int], str],
    directives: dict[Path, FileSuppressions],
) -> None:
    """The source lines the unit's findings quote and the unit's pages' directives."""
    for _rule, finding in found:
        key = (finding.path, finding.line)
        if key not in lines and any(page.path == finding.path for page in unit):
            lines[key] = _snippet(ctx, finding.path, finding.line) or ""
    for page in unit:
        doc = ctx.site.loaded_document(page)
        if doc is not None:
            directives[page.path] = parse_directives(doc)


def _timed_out(ctx: Context, *pages: Page) -> bool:
    """Whether one of these pages already ran past the time limit in this run."""
    for page in pages:
        doc = ctx.site.loaded_document(page)
        if doc is not None and _timed_out_doc(doc):
            return True
    return False


def _record_timeout(
    ctx: Context, page: Page, seconds: float, rules: Sequence[type[Rule]]
) -> list[tuple[type[Rule], Finding]]:
    """Replace the page's Document by a stub that records the timeout (IN003)."""
    problem = DocumentProblem("timeout", 1, 1, timeout_message(seconds))
    ctx.site.set_document(page, unreadable_document(page.path, page.rel, problem))
    if PageTimeoutRule not in rules:
        return []
    return [(PageTimeoutRule, Finding(page.path, 1, 1, problem.message))]


def _timed_out_doc(doc: Document) -> bool:
    return any(p.kind == "timeout" for p in doc.problems)


def _lazy(func, *args) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    """Call a rule inside the guard, so an exception at call time is caught too."""
    yield from func(*args) or ()


def _stamp(
    findings: Iterable[tuple[type[Rule], Finding]], config: Config, ctx: Context
) -> Iterator[Diagnostic]:
    overrides = config.severity_overrides
    ignores = config.get("per-file-ignores", {})
    for rule, f in findings:
        rel = _rel(ctx, f.path)
        if _ignored(rule, rel, ignores):
            continue
        severity = overrides.get(rule.CODE) or f.severity or rule.SEVERITY
        related = tuple(replace(r) for r in f.related)
        yield Diagnostic(
            path=f.path,
            line=f.line,
            column=f.column,
            code=rule.CODE,
            name=rule.NAME,
            severity=severity,
            message=f.message,
            end_line=f.end_line,
            end_column=f.end_column,
            related=related,
            fingerprint_text=f.fingerprint_text,
            snippet=_snippet(ctx, f.path, f.line),
        )


def _rel(ctx: Context, path: Path) -> str:
    page = ctx.site.page_for_path(path)
    return page.rel if page else path.name


def _ignored(rule: type[Rule], rel: str, ignores: dict[str, list[str]]) -> bool:
    for glob, codes in ignores.items():
        if fnmatch.fnmatch(rel, glob) and any(
            rule.CODE.upper().startswith(c.upper()) or rule.NAME == c for c in codes
        ):
            return True
    return False


def _snippet(ctx: Context, path: Path, line: int) -> str | None:
    known = ctx.lines_read.get((path, line))
    if known is not None:
        return known or None
    page = ctx.site.page_for_path(path)
    if page is None:
        return None
    return ctx.document(page).line_text(line) or None
