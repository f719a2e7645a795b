"""The process pool gives exactly the findings of a single-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_site, run_site
from taiyaku.errors import ConfigError
from taiyaku.run import workers as worker_pool


def test_parallel_run_equals_serial_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {}
    for i in range(12):
        files[f"s{i}/page.md"] = f"---\ntitle: p{i}\n---\n平日{i}時から受け付けます。\n"
        if i % 3:
            files[f"en/s{i}/page.md"] = f"---\ntitle: p{i}\n---\nOpen from {i} a.m.\n"
    files["broken.md"] = b"\x00"
    files["moved.md"] = "---\ntitle: m\nredirect_from: /s1/page\n---\n本文\n"  # FM007, a site rule
    # suppressions: one that silences PR001 (a lone page), one that silences nothing
    files["sup/used.md"] = "---\ntitle: u\n---\n<!-- taiyaku-disable-file PR001 -->\n本文\n"
    files["sup/unused.md"] = "---\ntitle: v\n---\n<!-- taiyaku-disable-next-line LK001 -->\n本文\n"
    make_site(tmp_path, files)

    def findings(jobs: int) -> list[tuple[str, int, str, str, str | None]]:
        result = run_site(tmp_path, jobs=jobs)
        assert not result.internal_errors
        return [
            (str(d.path), d.line, d.code, d.message, result.source(d.path, d.line))
            for d in result.diagnostics
        ], result

    serial, serial_result = findings(1)
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    calls: list[int] = []
    original = worker_pool.run_forked

    def spy(func, count, on_result=None, on_tick=None):  # type: ignore[no-untyped-def]
        calls.append(count)
        return original(func, count, on_result, on_tick)

    monkeypatch.setattr(worker_pool, "run_forked", spy)
    parallel, parallel_result = findings(2)
    assert calls == [2], "the pool was not used"
    assert parallel == serial
    shown = {(Path(path).name, code) for path, _line, code, _message, _snippet in serial}
    assert {("moved.md", "FM007"), ("unused.md", "TY100")} <= shown
    assert ("used.md", "PR001") not in shown and ("unused.md", "PR001") in shown
    unquoted = {Path(path).name for path, _line, _code, _message, snippet in serial if not snippet}
    assert unquoted == {"broken.md"}, "each diagnostic on a readable page quotes its line"
    assert parallel_result.pairs == serial_result.pairs
    assert set(parallel_result.rule_seconds) == set(serial_result.rule_seconds)


def test_a_crashed_worker_is_an_internal_error_and_the_pages_are_still_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files: dict[str, str | bytes] = {
        f"s{i}/page.md": f"---\ntitle: p{i}\n---\n平日{i}時から受け付けます。\n" for i in range(6)
    }
    files["moved.md"] = "---\ntitle: m\nredirect_from: /s1/page\n---\n本文\n"  # FM007, a site rule
    make_site(tmp_path, files)
    serial = run_site(tmp_path, jobs=1)
    assert "FM007" in {d.code for d in serial.diagnostics}
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    original = worker_pool._worker

    def crashing(index: int):  # type: ignore[no-untyped-def]
        if index == 1:
            import os

            os._exit(9)  # as a segfault in a native library would end it
        return original(index)

    monkeypatch.setattr(worker_pool, "_worker", crashing)
    result = run_site(tmp_path, jobs=2)
    assert [e.message.splitlines()[0] for e in result.internal_errors] == [
        "internal error: worker 1 ended without a result"
    ]
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [
        (d.path, d.line, d.code) for d in serial.diagnostics
    ]


def test_policies_are_loaded_once_before_the_workers_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken policy stops a parallel run as a configuration error (exit code 2, one
    line), raised here before any worker starts: never a worker crash."""
    site = make_site(
        tmp_path / "site",
        {f"s{i}/page.md": f"---\ntitle: p{i}\n---\n本文{i}\n" for i in range(6)},
    )
    checks = make_site(tmp_path / "checks", {"privacy.yml": "version: 1\nclauses: [\n"})
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    forked: list[int] = []
    monkeypatch.setattr(worker_pool, "run_forked", lambda *args: forked.append(1))
    with pytest.raises(ConfigError, match=r"privacy\.yml"):
        run_site(site, checks_dir=checks, jobs=2)
    assert forked == []


INVALID_SCHEMA = """\
version: 1
schemas:
  - files: ["**/*.md"]
    schema:
      type: object
      properties:
        title: {type: strnig}
"""


def test_a_schema_that_is_no_json_schema_stops_a_parallel_run_as_it_stops_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The meta-schema check runs here while the workers start (it is most of the cost of
    loading the schema); its error is the serial run's, and no findings come out."""
    site = make_site(
        tmp_path / "site",
        {f"s{i}/page.md": f"---\ntitle: p{i}\n---\n本文{i}\n" for i in range(6)},
    )
    checks = make_site(tmp_path / "checks", {"frontmatter.schema.yaml": INVALID_SCHEMA})
    with pytest.raises(ConfigError) as serial:
        run_site(site, checks_dir=checks, jobs=1)
    assert "is not a valid JSON Schema" in str(serial.value)
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    original = worker_pool._worker
    workers: list[int] = []

    def spy(index: int):  # type: ignore[no-untyped-def]
        workers.append(index)
        return original(index)

    monkeypatch.setattr(worker_pool, "_worker", spy)
    with pytest.raises(ConfigError) as parallel:
        run_site(site, checks_dir=checks, jobs=2)
    assert str(parallel.value) == str(serial.value)
    assert workers == [0], "the check ran in this process, once the workers had forked"


def test_units_are_handed_out_largest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pair is one unit; units go out by their pages' total size, largest first (ties
    in page order), measured from the bytes the site's tables kept where they read them."""
    from taiyaku.config.loading import load_config
    from taiyaku.run.engine import context_for

    body = "本文。\n"
    make_site(
        tmp_path,
        {
            "a.md": body,  # with en/a.md: the largest unit
            "en/a.md": body * 30,
            "b.md": body * 20,
            "c.md": body * 5,
            "d.md": body * 5,
        },
    )
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_PAGES", 2)
    config = load_config(None, {"root": str(tmp_path)}, cwd=tmp_path, discover=False)
    ctx, _warnings, _setup = context_for(config, [], tmp_path)
    plan = worker_pool.parallel_plan(ctx, 2)
    assert plan is not None
    ctx.site.page_bytes(ctx.site.by_rel["d.md"])  # kept: measured without a stat
    (tmp_path / "d.md").write_text(body * 50, encoding="utf-8")
    ordered = worker_pool._largest_first(ctx, plan.units)
    assert [[page.rel for page in unit] for unit in ordered] == [
        ["a.md", "en/a.md"],
        ["b.md"],
        ["c.md"],
        ["d.md"],
    ]
