"""Presentation never changes a verdict: the canonical wording stays "present" whatever
its punctuation style, emphasis and line wrapping."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.model.lang import Lang
from taiyaku.rules.privacy.clauses import TextBlock, match_clause
from taiyaku.rules.privacy.policy import Policy

CLAUSE_IDS = ["student-staff", "exam-inquiries", "use-of-information", "departmental-systems"]
LANGS: list[Lang] = ["ja", "en"]
_SENTENCE_RE = {"ja": re.compile(r"[^．]+．?"), "en": re.compile(r"[^.]+\.?")}


def restyle(text: str, lang: Lang, bold: list[bool], wraps: list[int], swap: bool) -> str:
    """Bold some sentences, wrap lines at some gaps, maybe use 、。 for ，．."""
    sentences = [s.strip() for s in _SENTENCE_RE[lang].findall(text) if s.strip()]
    sentences = [f"**{s}**" if b else s for s, b in zip(sentences, bold, strict=False)]
    joined = ("" if lang == "ja" else " ").join(sentences)
    if lang == "ja":
        gaps = [i for i in range(1, len(joined)) if joined[i - 1] != "*" and joined[i] != "*"]
    else:
        gaps = [i for i, ch in enumerate(joined) if ch == " "]
    cuts = sorted({gaps[w % len(gaps)] for w in wraps})
    for cut in reversed(cuts):  # JA wraps anywhere, even inside a word; EN at spaces
        joined = joined[:cut] + "\n" + joined[cut + (lang == "en") :]
    if swap and lang == "ja":
        joined = joined.replace("，", "、").replace("．", "。")
    return joined


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
@settings(max_examples=15, deadline=None)
@given(
    bold=st.lists(st.booleans(), min_size=6, max_size=6),
    wraps=st.lists(st.integers(min_value=0, max_value=10_000), max_size=5),
    swap=st.booleans(),
)
def test_presentation_does_not_change_the_verdict(
    policy: Policy, clauses, clause_id: str, lang: Lang, bold, wraps, swap
) -> None:
    clause = clauses[clause_id]
    page = restyle(clause.text(lang), lang, bold, wraps, swap)
    match = match_clause(clause, lang, [TextBlock(page)], policy.thresholds)
    assert match.status == "present", (page, match)
    assert match.missing_words == match.extra_words == ()
