"""Pruning: only blocks where a clause could reach "altered" are split into sentences.

The pruned matcher must give the same verdicts as the exhaustive one on every page we
have: the sample site, the seed fixtures and (when ../shared is present) the real
corpus.  Only a missing clause's score may differ (the best of the skipped windows).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from clause_pages import REPO

from helpers import CORPUS_PAGES
from taiyaku.model.lang import Lang
from taiyaku.parse.analyzer import tokenize
from taiyaku.parse.document import read_document
from taiyaku.parse.nodes import Block
from taiyaku.rules.privacy.clauses import (
    ClauseMatch,
    TextBlock,
    _blocks_worth_splitting,
    _canonical,
    match_clauses,
)
from taiyaku.rules.privacy.policy import Policy


def _verdict(match: ClauseMatch) -> tuple[object, ...]:
    score = match.score if match.status != "missing" else None
    return (
        match.status,
        score,
        match.block_index,
        match.missing_words,
        match.extra_words,
        match.block_indices,
    )


def _page_blocks(root: Path) -> Iterator[tuple[str, Lang, Sequence[Block]]]:
    for path in sorted(root.rglob("*.md*")):
        doc = read_document(path, path.relative_to(root).as_posix())
        if not doc.readable:
            continue
        for lang in ("ja", "en"):
            blocks = tuple(doc.blocks_in(lang))
            if blocks:
                yield f"{path.relative_to(root)} ({lang})", lang, blocks


def _assert_same_verdicts(policy: Policy, root: Path) -> int:
    pages = 0
    for name, lang, blocks in _page_blocks(root):
        pruned = match_clauses(policy.clauses, lang, blocks, policy.thresholds)
        every = match_clauses(policy.clauses, lang, blocks, policy.thresholds, prune=False)
        assert {k: _verdict(m) for k, m in pruned.items()} == {
            k: _verdict(m) for k, m in every.items()
        }, name
        pages += 1
    return pages


def test_pruning_keeps_every_verdict_on_the_sample_site(policy: Policy) -> None:
    assert _assert_same_verdicts(policy, REPO / "content") >= 10


def test_pruning_keeps_every_verdict_on_the_seed_fixtures(policy: Policy) -> None:
    assert _assert_same_verdicts(policy, Path(__file__).parent / "fixtures") >= 2


@pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason="../shared/corpus is absent")
def test_pruning_keeps_every_verdict_on_the_corpus(policy: Policy) -> None:
    assert _assert_same_verdicts(policy, CORPUS_PAGES) >= 100


def _ja_blocks(*texts: str) -> list[TextBlock]:
    return [TextBlock(text, tokenize(text)) for text in texts]


def test_a_clause_split_over_two_blocks_keeps_both(policy: Policy) -> None:
    clause = next(c for c in policy.clauses if c.id == "use-of-information")
    first, _, rest = clause.text("ja").partition("。")
    blocks = _ja_blocks(
        "本日は晴天なり。",
        "受付時間は平日の9時から17時です。",
        first + "。",
        rest,
        "ご不明な点は窓口へ。",
    )
    canonical = _canonical(clause.text("ja"), clause.key_terms("ja"), "ja")
    altered = policy.thresholds.ja.altered
    kept = set(_blocks_worth_splitting([canonical], "ja", blocks, altered))
    assert {2, 3} <= kept  # a block beside one of them may be kept too, as a neighbour
    assert not {0, 4} & kept
    assert match_clauses([clause], "ja", blocks)[clause.id].status == "present"


def test_a_page_without_the_clauses_words_splits_no_block(policy: Policy) -> None:
    blocks = _ja_blocks("本日は晴天なり。", "受付時間は平日の9時から17時です。")
    canonicals = [_canonical(c.text("ja"), c.key_terms("ja"), "ja") for c in policy.clauses]
    assert _blocks_worth_splitting(canonicals, "ja", blocks, policy.thresholds.ja.altered) == []


def test_blocks_without_tokens_are_always_split(policy: Policy) -> None:
    clause = policy.clauses[0]
    blocks = [TextBlock("本日は晴天なり。"), TextBlock(clause.text("ja"))]
    canonical = _canonical(clause.text("ja"), clause.key_terms("ja"), "ja")
    kept = _blocks_worth_splitting([canonical], "ja", blocks, policy.thresholds.ja.altered)
    assert kept == [0, 1]
    assert match_clauses([clause], "ja", blocks)[clause.id].status == "present"
