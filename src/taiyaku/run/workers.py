"""Checking on every core: units of work handed out to forked worker processes.

A unit is a pair (or a lone page), so each page is parsed in one process only.  Units are
handed out largest first to whichever process is free (longest processing time first),
so the processes finish together.  This process is worker 0: while the others start, it
finishes checking the policy files (:meth:`Rule.verify`) and runs the site rules, then
takes units like the others.  Each worker sends back its :class:`~taiyaku.run.units.Tally`,
with the source lines its findings quote and its pages' suppression directives (read
under the per-page time limit, like the rest of the page's work), so that this process
does not read those pages again.
"""

from __future__ import annotations

import gc
import mmap
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass

from taiyaku.errors import WorkerFailed
from taiyaku.parse.analyzer import get_tagger
from taiyaku.rules.context import Context
from taiyaku.run.forking import WorkQueue, can_fork, run_forked
from taiyaku.run.quotes import read_line
from taiyaku.run.result import InternalError, Progress
from taiyaku.run.units import Checker, Tally
from taiyaku.site.pages import Page

__all__ = ["PARALLEL_MIN_PAGES", "Plan", "check_in_workers", "parallel_plan"]

# Below this many pages a process pool costs more than it saves.
PARALLEL_MIN_PAGES = 40


@dataclass(frozen=True)
class Plan:
    units: list[list[Page]]  # in page order; handed out largest first
    jobs: int


def parallel_plan(ctx: Context, jobs: int) -> Plan | None:
    """Units of work for the worker processes and how many workers, or None to run in
    this process (``jobs``: 0 for one per core)."""
    jobs = jobs or (os.cpu_count() or 1)
    if jobs < 2 or len(ctx.targets) < PARALLEL_MIN_PAGES or not can_fork():
        return None
    units: dict[str, list[Page]] = {}
    for page in ctx.targets:
        units.setdefault(page.key if page.counterpart else page.rel, []).append(page)
    return Plan(list(units.values()), min(jobs, len(units)))


def _largest_first(ctx: Context, units: list[list[Page]]) -> list[list[Page]]:
    """``units`` by size, largest first (longest processing time first), measured once
    the site's tables have read the pages (their bytes' length, no file asked again)."""

    def size(unit: list[Page]) -> int:
        return sum(ctx.site.page_size(page) for page in unit)

    return sorted(units, key=size, reverse=True)


class _Counters:
    """Pages checked so far by each worker, in memory the forked workers share with this
    process (each writes only its own slot, so no lock is needed)."""

    _SLOT = struct.Struct("=Q")

    def __init__(self, workers: int) -> None:
        self._memory = mmap.mmap(-1, self._SLOT.size * workers)
        self._workers = workers

    def add(self, worker: int, pages: int) -> None:
        offset = worker * self._SLOT.size
        (done,) = self._SLOT.unpack_from(self._memory, offset)
        self._SLOT.pack_into(self._memory, offset, done + pages)

    def total(self) -> int:
        size = self._SLOT.size
        return sum(self._SLOT.unpack_from(self._memory, i * size)[0] for i in range(self._workers))

    def close(self) -> None:
        self._memory.close()


@dataclass(frozen=True)
class _Job:
    """What every worker starts from (inherited through ``fork``)."""

    checker: Checker
    plan: Plan
    queue: WorkQueue
    counters: _Counters
    tick: Callable[[], None]


_FORKED: _Job | None = None  # the job of the current fork; set only while workers run


def check_in_workers(
    checker: Checker,
    plan: Plan,
    progress: Progress | None = None,
) -> Tally:
    """Check ``plan``'s units in ``plan.jobs`` processes (this one and forked children)
    and return their merged tally.  A worker that crashes makes this check every page
    again in this process, with the crash recorded as an internal error."""
    global _FORKED
    ctx, rules = checker.ctx, checker.rules
    if any(rule.NEEDS_TOKENS for rule in rules):
        get_tagger()  # load the dictionary once; forked workers share it
    for rule in rules:
        rule.prepare(ctx)  # policies and site tables, loaded once for all workers
    if checker.cache is not None:
        checker.hashes.site_fingerprint()  # hash the site once, before the workers need it
        checker.cache.open_before_fork()  # an SQLite connection must not cross fork()
    plan = Plan(_largest_first(ctx, plan.units), plan.jobs)
    queue = WorkQueue(len(plan.units))
    counters = _Counters(plan.jobs)

    def tick() -> None:
        if progress is not None:
            progress("pages", counters.total(), len(ctx.targets))

    _FORKED = _Job(checker, plan, queue, counters, tick)

    # Objects that exist before the fork are never collected by the workers: walking
    # them would cost time and copy every page of memory they sit on.
    gc.freeze()
    try:
        tallies: list[Tally] = run_forked(_worker, plan.jobs, on_tick=tick)
    except WorkerFailed as failure:  # a crash, not a rule's exception (those are guarded)
        checker.tally = Tally()
        checker.check_pages(ctx.targets, progress)
        checker.check_site()
        checker.tally.internal_errors.insert(
            0,
            InternalError(
                f"internal error: {failure}\n(the pages were checked again in one process)"
            ),
        )
        return checker.tally
    finally:
        _FORKED = None
        queue.close()
        counters.close()
        gc.unfreeze()
    if progress is not None:
        progress("pages", len(ctx.targets), len(ctx.targets))
    merged = Tally()
    for tally in tallies:
        merged.merge(tally)
    return merged


def _worker(index: int) -> Tally:
    assert _FORKED is not None
    job = _FORKED
    checker = job.checker
    ctx = checker.ctx
    checker.tally = Tally()
    if index == 0:  # this process, while the workers start: policy checks, site rules
        for rule in checker.rules:
            rule.verify(ctx)
        checker.check_site()
    with checker.alarm:  # (installed once for all the units, not once per unit)
        while (taken := job.queue.take()) is not None:
            unit = job.plan.units[taken]
            before = len(checker.tally.findings)
            checker.check_pages(unit)
            job.counters.add(index, len(unit))
            if index == 0:
                job.tick()
            # the lines the unit's findings quote, and the findings stamped: the
            # parent's own too, now rather than after the others finish
            _read_quoted_lines(checker, unit, before)
            checker.stamp_findings()
    checker.record_reads()
    checker.stamp_findings()  # (a site rule's findings, where no unit came after them)
    if index > 0:  # this worker's own processes (git); the parent closes its own
        ctx.close(free=False)  # (its memory goes with the process)
    elif not checker.describe_pages:  # (the report reads the pages' bodies afterwards)
        checker.release_checked()
    tally = checker.tally
    tally.notes = list(ctx.notes)
    cache = checker.cache
    if cache is not None:
        tally.cache_hits, tally.cache_misses = cache.hits, cache.misses
        tally.cache_pending = dict(cache.pending) if index > 0 else {}
    return tally


def _read_quoted_lines(checker: Checker, unit: list[Page], start: int) -> None:
    """The source lines the unit's findings quote, for the engine, which would
    otherwise read those pages again (the directives are in the tally already)."""
    ctx, tally = checker.ctx, checker.tally
    paths = {page.path for page in unit}
    for _code, finding in tally.findings[start:]:
        places = [(finding.path, finding.line)]
        if checker.describe_pages:
            places += [(r.path, r.line) for r in finding.related]
        for path, line in places:
            if (path, line) not in tally.lines and (path in paths or checker.describe_pages):
                text = read_line(ctx, path, line)
                if text is not None:
                    tally.lines[(path, line)] = text
