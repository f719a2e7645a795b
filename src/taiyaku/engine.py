"""The engine: build the site, run the selected rules, stamp their findings."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from taiyaku.baseline import Baseline, BaselineOutcome, apply_baseline
from taiyaku.config import Config, ConfigError
from taiyaku.context import Context, Pair
from taiyaku.diagnostics import Diagnostic, Finding, Severity
from taiyaku.document import Document, ReadLimits, read_document
from taiyaku.rules import select_rules
from taiyaku.rules.base import PageRule, PairRule, Rule, SiteRule
from taiyaku.site import Page, Site
from taiyaku.suppressions import Suppressor

__all__ = ["InternalError", "RunResult", "resolve_root", "run"]


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
        raise ConfigError(f"content root {root} is not a folder")
    return root.resolve()


def run(config: Config, paths: Sequence[Path], *, cwd: Path | None = None) -> RunResult:
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
    result = RunResult([], 0, 0, cwd, rules=rules)
    for path, reason in site.skipped:
        result.warnings.append(f"{result.display(path)}: skipped: {reason}")
    targets = _targets(site, paths or [root], result)
    ctx = Context(config=config, site=site, targets=targets, cwd=cwd)
    findings = list(_run_rules(ctx, rules, result))
    suppressor = Suppressor(ctx, rules)  # inline comments; then TY100 on unused ones
    diagnostics = suppressor.filter(_stamp(findings, config, ctx))
    diagnostics += suppressor.filter(_stamp(suppressor.unused(), config, ctx))
    result.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
    result.files = len(targets)
    result.checked = [p.path for p in targets]
    if baseline is not None:
        result.baseline = apply_baseline(result, baseline)
    return result


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


def _pairs(ctx: Context) -> Iterator[Pair]:
    for page in ctx.targets:
        doc = ctx.document(page)
        if page.lang == "ja" and page.counterpart is not None:
            yield Pair.of_pages(doc, page, ctx.document(page.counterpart), page.counterpart)
        elif page.counterpart is None and doc.readable and doc.bilingual:
            yield Pair.of_bilingual(doc, page)


def _guard(
    rule: type[Rule], where: str, findings: Iterable[Finding], result: RunResult
) -> Iterator[tuple[type[Rule], Finding]]:
    try:
        for finding in findings:
            yield rule, finding
    except Exception as exc:  # a bug in a rule must not hide the other findings
        result.internal_errors.append(
            InternalError(
                f"internal error in {rule.CODE} on {where}: {exc.__class__.__name__}: {exc}"
            )
        )


def _run_rules(
    ctx: Context, rules: Sequence[type[Rule]], result: RunResult
) -> Iterator[tuple[type[Rule], Finding]]:
    page_rules = [r() for r in rules if issubclass(r, PageRule)]
    pair_rules = [r() for r in rules if issubclass(r, PairRule)]
    site_rules = [r() for r in rules if issubclass(r, SiteRule)]
    for page in ctx.targets:
        doc = ctx.document(page)
        where = result.display(page.path)
        for rule in page_rules:
            yield from _guard(type(rule), where, _lazy(rule.check, doc, ctx), result)
    if pair_rules:
        for pair in _pairs(ctx):
            result.pairs += 1
            where = result.display(pair.ja.path)
            for rule in pair_rules:
                yield from _guard(type(rule), where, _lazy(rule.check, pair, ctx), result)
    else:
        result.pairs = sum(1 for _ in _pairs(ctx))
    for rule in site_rules:
        yield from _guard(type(rule), "the site", _lazy(rule.check, ctx), result)


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
    page = ctx.site.page_for_path(path)
    if page is None:
        return None
    return ctx.document(page).line_text(line) or None
