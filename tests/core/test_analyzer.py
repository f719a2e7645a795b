"""The analyser's tokens, and its answer without them, agree with the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.parse.analyzer import Morphemes, Token, tokenize

SAMPLES = [
    "",
    "平日9時～17時（Zoomで対応）",
    "受付は午後６時３０分まで。 土日祝は休み",
    "UTokyo Account の パスワードを変更する",
    "二〇二五年三月十五日、三十分以内に返信します",
    "  前後に 空白 ",
    "😀 絵文字と𠮷野家",
]

TEXT = st.text(
    alphabet=st.sampled_from(
        list("平日時分受付午後前の月曜日十三二〇一年です。、（）～ 　\n") + list("09０９aZ:-/.")
    ),
    max_size=40,
)


@pytest.mark.parametrize("text", SAMPLES)
def test_tokens_point_back_into_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.surface for t in tokens) == "".join(text.split())
    assert all(text[t.start : t.end] == t.surface for t in tokens)
    assert all(isinstance(t, Token) and t.lemma and t.pos for t in tokens)


def test_morphemes_are_a_sequence_of_the_tokens() -> None:
    text = SAMPLES[1]
    morphemes = Morphemes(text)
    tokens = tokenize(text)
    assert len(morphemes) == len(tokens) > 3
    assert morphemes == tokens
    assert list(morphemes) == list(tokens)
    assert morphemes[0] == tokens[0] and morphemes[-1] == tokens[-1]
    assert morphemes[1:3] == tokens[1:3]
    assert morphemes != tokenize(SAMPLES[2])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_answers_without_tokens_agree_with_the_tokens(text: str) -> None:
    tokens = tokenize(text)
    morphemes = Morphemes(text)
    assert morphemes.lemma_pos_pairs() == {(t.lemma, t.pos) for t in tokens}


@pytest.mark.parametrize("text", SAMPLES)
def test_answers_without_tokens_agree_on_the_samples(text: str) -> None:
    tokens = tokenize(text)
    assert Morphemes(text).lemma_pos_pairs() == {(t.lemma, t.pos) for t in tokens}
