"""The engine: build the site, check the pages, and hand back an immutable result.

One run, in order:

1. resolve the rule selection (:class:`~taiyaku.config.selection.RuleSet`) and the root;
2. list the site's pages and pair them (:class:`~taiyaku.site.pages.Site`), and choose
   the pages to check: those named, plus their counterparts;
3. check them (:mod:`taiyaku.run.units`), here or on every core
   (:mod:`taiyaku.run.workers`), with the result cache (:mod:`taiyaku.run.cache`);
4. stamp the findings into diagnostics (:mod:`taiyaku.run.stamping`), apply the pages'
   suppression directives (:mod:`taiyaku.run.suppressions`);
5. collect the source lines the diagnostics quote (:mod:`taiyaku.run.quotes`).

The engine never prints; it returns a :class:`~taiyaku.run.result.RunResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from taiyaku.config.loading import Config
from taiyaku.config.selection import RuleSet
from taiyaku.errors import ConfigError
from taiyaku.model.cachedir import check_cache_folder
from taiyaku.model.diagnostics import Diagnostic
from taiyaku.model.globs import PathPatterns
from taiyaku.model.paths import display_path
from taiyaku.parse.document import Document, ReadLimits, read_document
from taiyaku.rules.context import Context
from taiyaku.rules.freshness.status import freshness_table
from taiyaku.run.cache import ResultCache, SiteHashes
from taiyaku.run.limits import fewer_collections
from taiyaku.run.quotes import collect_sources
from taiyaku.run.result import PageInfo, Progress, RunResult, SetupRecord
from taiyaku.run.setup import Setup, resolve_setup
from taiyaku.run.stamping import stamp
from taiyaku.run.suppressions import Suppressor
from taiyaku.run.units import Checker, CodedFinding, Tally, page_info
from taiyaku.run.workers import check_in_workers, parallel_plan
from taiyaku.site.pages import Page, Site

__all__ = ["context_for", "resolve_root", "run"]


def run(
    config: Config,
    paths: Sequence[Path],
    *,
    cwd: Path | None = None,
    progress: Progress | None = None,
    describe_pages: bool = False,
) -> RunResult:
    """Check ``paths`` (folders or pages; none: the whole root) under ``config``.

    ``describe_pages``: also gather what the maintainer's report shows (each page's
    :class:`PageInfo`, the lines related locations quote).

    The whole run, diagnostics and result included, runs with the garbage collector's
    larger thresholds (:func:`fewer_collections`): what it allocates lives until the
    run ends, or dies by reference counting, and is no garbage to look for.
    """
    with fewer_collections():
        return _run(config, paths, cwd or Path.cwd(), progress, describe_pages)


def _run(
    config: Config,
    paths: Sequence[Path],
    cwd: Path,
    progress: Progress | None,
    describe_pages: bool,
) -> RunResult:
    rules = RuleSet.resolve(
        config.get("select", []), config.get("ignore", []), config.get("per-file-ignores", {})
    )
    ctx, warnings, setup = context_for(config, paths, cwd)
    warnings += _empty_site(ctx, setup, paths, cwd)
    site, targets = ctx.site, ctx.targets
    freshness = freshness_table(ctx) if describe_pages and "ST001" in rules.codes else None
    cache = _open_cache(config, site, cwd, setup)
    overrides = config.severity_overrides
    rel_of = _rel_of(site)

    def stamped(findings: Iterable[CodedFinding]) -> Iterator[Diagnostic]:
        return stamp(findings, rules, overrides, rel_of)

    checker = Checker(
        ctx,
        rules.rules,
        cache=cache,
        hashes=SiteHashes(site, int(config.get("max-page-bytes"))),
        seconds=float(config.get("max-page-seconds") or 0),
        describe_pages=describe_pages,
        stamper=stamped,
    )
    try:
        tally = _check(checker, int(config.get("jobs") or 0), progress)
        if cache is not None:
            warnings += _forget_changed_pages(cache, checker.hashes, tally, cwd, site)
    finally:
        ctx.close()
        if cache is not None:
            cache.close()
            warnings += cache.notes

    for note in (*ctx.notes, *tally.notes):
        if note not in warnings:
            warnings.append(note)
    suppressor = Suppressor(ctx, rules, tally.directives)
    # (the workers stamped their own findings: in the same order, ahead of the rest)
    diagnostics = suppressor.filter([*tally.diagnostics, *stamped(tally.findings)])
    diagnostics += suppressor.filter(stamped(suppressor.unused()))
    if any(page.excluded for page in site.pages):  # (most sites exclude nothing)
        diagnostics = [d for d in diagnostics if not _excluded(site, d.path)]
    diagnostics.sort(key=Diagnostic.sort_key)
    sources = collect_sources(ctx, diagnostics, tally.lines, related=describe_pages)
    return RunResult(
        diagnostics=tuple(diagnostics),
        files=len(targets),
        pairs=tally.pairs,
        cwd=cwd,
        root=site.root,
        rules=tuple(rule.meta(overrides.get(rule.CODE)) for rule in rules.rules),
        checked=tuple(p.path for p in targets),
        sources=sources,
        pages=_page_infos(ctx, tally, diagnostics) if describe_pages else (),
        internal_errors=tuple(tally.internal_errors),
        warnings=tuple(warnings),
        rule_seconds=dict(tally.rule_seconds),
        cache_hits=tally.cache_hits,
        cache_misses=tally.cache_misses,
        file_hashes=_file_hashes(site, checker.hashes, tally),
        setup=_record(setup, cwd),
        freshness=freshness,
    )


def _rel_of(site: Site) -> Callable[[Path], str]:
    """A file's path as the user's path patterns see it (root-relative), remembered."""
    rels: dict[Path, str] = {}

    def rel_of(path: Path) -> str:
        rel = rels.get(path)
        if rel is None:
            page = site.page_for_path(path)
            rel = rels[path] = page.rel if page else path.name
        return rel

    return rel_of


def _forget_changed_pages(
    cache: ResultCache, hashes: SiteHashes, tally: Tally, cwd: Path, site: Site
) -> list[str]:
    """Drop what this run would cache when a page was rewritten between the hash its
    cache keys were made from and its parse: those findings describe bytes that no
    longer exist, and would be served when the page returns to its old content."""
    changed = sorted(
        {rel for rel, parsed in tally.read_hashes if hashes.known(rel) not in (None, parsed)}
    )
    if not changed:
        return []
    cache.pending.clear()
    shown = ", ".join(display_path(site.root / rel, cwd) for rel in changed[:3])
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    return [f"{shown}{more} changed during the run: this run's results were not cached"]


def _excluded(site: Site, path: Path) -> bool:
    """Whether ``path`` is a page ``exclude`` matches: it exists, but is not reported on."""
    page = site.page_for_path(path)
    return page is not None and page.excluded


def _record(setup: Setup, cwd: Path) -> SetupRecord:
    return SetupRecord(
        setup.generator, setup.config_file, setup.shown_settings(cwd), setup.summary(cwd)
    )


def _empty_site(ctx: Context, setup: Setup, paths: Sequence[Path], cwd: Path) -> list[str]:
    """A site with no page is an error when the user named no path (the run would
    check nothing and pass); no pair is a warning.  Both say what to try."""
    root = display_path(setup.root, cwd)
    if not ctx.site.pages:
        hint = _root_hint(setup.root) or " — pass --root with the folder that holds the pages"
        if not paths:
            raise ConfigError(f"no pages under {root}{hint}")
        return [f"no pages under {root}{hint}"]
    if any(page.counterpart is not None for page in ctx.site.pages):
        return []
    hint = _root_hint(setup.root)
    if hint:  # the pages are probably in a folder below
        return [f"no page under {root} has a translation{hint}"]
    if len({page.lang for page in ctx.site.pages} - {None}) == 2:  # the layout is off
        return [
            f"no page under {root} has a translation: the layout is "
            f"{setup.layout.describe()}; set `layout` and `source-language` if the "
            "translations live elsewhere"
        ]
    return []


def _root_hint(root: Path) -> str:
    for folder in ("src/pages", "content", "docs", "src/content/docs"):
        if (root / folder).is_dir():
            return f" — the pages are probably in {folder}: --root {folder}"
    return ""


def _file_hashes(site: Site, hashes: SiteHashes, tally: Tally) -> dict[Path, str]:
    """Per page, the hash of the bytes its findings describe ("" if reads disagreed)."""
    seen: dict[str, set[str]] = {}
    for page in site.pages:
        known = hashes.known(page.rel)
        if known:
            seen.setdefault(page.rel, set()).add(known)
    for rel, parsed in tally.read_hashes:
        seen.setdefault(rel, set()).add(parsed)
    pages = site.by_rel  # (each page's own path: no Path made per page)
    return {
        (pages[rel].path if rel in pages else site.root / rel): (
            next(iter(found)) if len(found) == 1 else ""
        )
        for rel, found in seen.items()
    }


def context_for(
    config: Config, paths: Sequence[Path], cwd: Path
) -> tuple[Context, list[str], Setup]:
    """The site, the pages to check, notes on what was passed over, and the setup."""
    setup = resolve_setup(config, paths, cwd)
    root = setup.root
    site = _site(config, setup)
    warnings = [f"{display_path(path, cwd)}: skipped: {why}" for path, why in site.skipped]
    warnings += list(setup.notes)
    named: set[str] = set()
    targets = _targets(site, paths or [root], warnings, named)
    checks = config.get("checks-dir")
    ctx = Context(
        options=config.values,
        site=site,
        targets=targets,
        cwd=cwd,
        checks_dir=Path(checks) if checks is not None else None,
        cache_dir=_cache_folder(config, site, cwd) if config.get("cache") else None,
        named=frozenset(named),
    )
    return ctx, warnings, setup


def _check(checker: Checker, jobs: int, progress: Progress | None) -> Tally:
    """Check every target, on every core when that pays."""
    plan = parallel_plan(checker.ctx, jobs)
    if plan is None:
        checker.check_pages(checker.ctx.targets, progress)
        checker.check_site()
        checker.record_reads()
        tally = checker.tally
    else:
        tally = check_in_workers(checker, plan, progress)
    cache = checker.cache
    if cache is not None:
        if plan is None:
            tally.cache_hits, tally.cache_misses = cache.hits, cache.misses
        cache.pending.update(tally.cache_pending)
    return tally


def resolve_root(config: Config, paths: Sequence[Path], cwd: Path) -> Path:
    """The content root (see :mod:`taiyaku.run.setup`)."""
    return resolve_setup(config, paths, cwd).root


def _site(config: Config, setup: Setup) -> Site:
    limits = ReadLimits(max_bytes=int(config.get("max-page-bytes")))

    def load(page: Page) -> Document:
        # the bytes the site's tables read already, if they did
        return read_document(page.path, page.rel, limits, data=site.take_page_bytes(page))

    site = Site(
        setup.root,
        layout=setup.layout,
        url_style=setup.url_style,  # type: ignore[arg-type]
        static_dirs=setup.static_dirs,
        exclude=PathPatterns(config.get("exclude", [])),
        loader=load,
        discovery=setup.discovery,
        site_url=setup.site_url,
        max_page_bytes=limits.max_bytes,
    )
    return site


def _cache_folder(config: Config, site: Site, cwd: Path) -> Path:
    """The cache folder, checked to be one taiyaku may write in (a ConfigError if not)."""
    folder = Path(config.get("cache-dir"))
    if not folder.is_absolute():  # the default: beside the configuration (or in cwd)
        folder = config.base_dir / folder
    protected = {
        "the content root": site.root,
        "the project folder": config.base_dir,
        "the working folder": cwd,
    }
    check_cache_folder(folder, display_path(folder, cwd), protected)
    return folder


def _open_cache(config: Config, site: Site, cwd: Path, setup: Setup) -> ResultCache | None:
    if not config.get("cache"):
        return None
    checks = config.get("checks-dir")
    return ResultCache.for_run(
        _cache_folder(config, site, cwd),
        site.root,
        {**config.values, "(setup)": setup.identity()},
        Path(checks) if checks is not None else None,
        cwd.resolve(),
    )


def _targets(site: Site, paths: Iterable[Path], warnings: list[str], named: set[str]) -> list[Page]:
    """The pages named by ``paths`` (folders or files), plus their counterparts; the
    pages named as files are added to ``named``."""
    chosen: dict[str, Page] = {}
    for raw in paths:
        path = raw.resolve()
        if not path.exists():
            raise ConfigError(f"{raw}: no such file or folder")
        if path.is_dir() and site.root.is_relative_to(path):
            path = site.root  # the site's folder (or above it) names the whole site
        if not site.contains(path):
            if path.is_dir():
                raise ConfigError(f"{raw} is outside the content root {site.root}; pass --root")
            # pre-commit passes every staged Markdown file, README.md included
            warnings.append(f"{raw}: outside the content root {site.root}; skipped")
            continue
        if path.is_dir():
            for page in site.pages:
                inside = path == site.root or page.path.is_relative_to(path)
                if inside and not page.excluded:
                    chosen[page.rel] = page
            continue
        page = site.page_for_path(path)
        if page is None:
            warnings.append(f"{raw}: not a .md or .mdx page under the root; skipped")
            continue
        if page.excluded:
            warnings.append(f"{raw}: matched by `exclude`; skipped")
            continue
        chosen[page.rel] = page
        named.add(page.rel)
    for page in list(chosen.values()):
        if page.counterpart is not None and not page.counterpart.excluded:
            chosen.setdefault(page.counterpart.rel, page.counterpart)
    return sorted(chosen.values(), key=lambda p: p.rel)


def _page_infos(
    ctx: Context, tally: Tally, diagnostics: Iterable[Diagnostic]
) -> tuple[PageInfo, ...]:
    """Every checked page's info, and that of each page a diagnostic points into (taken
    from the workers where they gathered it, else read here)."""
    infos = dict(tally.page_infos)
    pages = list(ctx.targets)
    for d in diagnostics:
        for path in (d.path, *(r.path for r in d.related)):
            page = ctx.site.page_for_path(path)
            if page is not None:
                pages.append(page)
    for page in pages:
        if page.rel not in infos:
            infos[page.rel] = page_info(ctx, page)
    return tuple(infos[rel] for rel in sorted(infos))
