"""The JA rules on the sample site (content/, with the repository's checks/) and on the
real utelecon corpus (skipped when ../shared is absent): what the seed's page must get,
and properties every finding on real pages must have."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from style_pages import apply_edits, span_text

from helpers import CORPUS_PAGES, REPO, run_site
from taiyaku.model.diagnostics import Diagnostic
from taiyaku.run.result import RunResult

SAMPLE = REPO / "content"
SEED_PAGE = SAMPLE / "ucom" / "remote-support.md"


def test_the_seed_page_gets_its_variants() -> None:
    """Seed 002 mixes 問合せ / 問い合わせ, 申込 / 申し込み, お客様 / お客さま and
    下さい / ください: each is reported, by JA001 or by the term list (JA002)."""
    result = run_site(SAMPLE, select=["JA001", "JA002"], checks_dir=REPO / "checks")
    on_seed = [d for d in result.diagnostics if d.path == SEED_PAGE.resolve()]
    reported = {span_text(d) for d in on_seed}
    assert {"問合せ", "申込", "さま", "下さい"} <= reported
    assert {d.code for d in on_seed} == {"JA001", "JA002"}


def test_the_seed_page_departs_from_the_sample_sites_punctuation() -> None:
    result = run_site(SAMPLE, select=["JA003"], checks_dir=REPO / "checks")
    on_seed = [d.message for d in result.diagnostics if d.path == SEED_PAGE.resolve()]
    assert on_seed[:2] == [
        "the page writes '、' (170 times) where the site writes '，' (8 of 9 pages); "
        "'，' nowhere on the page",
        "the page writes '。' (71 times) where the site writes '．' (8 of 9 pages); "
        "'．' nowhere on the page",
    ]


corpus = pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason="../shared/corpus is absent")


@pytest.fixture(scope="module")
def corpus_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunResult]:
    root = tmp_path_factory.mktemp("corpus") / "pages"
    shutil.copytree(CORPUS_PAGES, root)
    return root, run_site(root, select=["JA"], url_style="preserve", checks_dir=REPO / "checks")


@corpus
def test_every_corpus_finding_points_at_what_it_quotes(
    corpus_result: tuple[Path, RunResult],
) -> None:
    _root, result = corpus_result
    assert not result.internal_errors
    assert result.diagnostics
    for d in result.diagnostics:
        if d.end_column is not None:
            written = span_text(d)
            assert f"'{written}'" in d.message or written in d.message, d


@corpus
def test_applying_a_rules_safe_fixes_leaves_it_nothing_to_report(
    corpus_result: tuple[Path, RunResult], tmp_path: Path
) -> None:
    """Each safe fix, applied, mends what its finding reported: after every JA002,
    JA003, JA005 and JA006 fix of a page is applied, the rule reports nothing there."""
    root, result = corpus_result
    by_rule_page: dict[tuple[str, Path], list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        if d.fix is not None and d.fix.applicability == "safe":
            by_rule_page[(d.code, d.path)].append(d)
    assert {code for code, _path in by_rule_page} >= {"JA002", "JA003", "JA006"}
    for (code, path), found in by_rule_page.items():
        copy = tmp_path / code / path.relative_to(root.resolve())
        copy.parent.mkdir(parents=True, exist_ok=True)
        edits = [e for d in found for e in d.fix.edits]  # type: ignore[union-attr]
        copy.write_text(apply_edits(path.read_text("utf-8"), edits), encoding="utf-8")
    for code in {code for code, _path in by_rule_page}:
        again = run_site(
            tmp_path / code,
            select=[code],
            ja_punctuation="，．",
            ja_brackets="full",
            ja_colon="full",
            checks_dir=REPO / "checks",
        )
        assert again.diagnostics == (), (code, [d.message for d in again.diagnostics])
