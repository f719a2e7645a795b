"""The analyser's tokens, and its answer without them, agree with the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.parse.analyzer import Morphemes, Token, chunks, tokenize

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
    assert morphemes.distinct_features() == set(Morphemes(text).words()[1])


@pytest.mark.parametrize("text", SAMPLES)
def test_answers_without_tokens_agree_on_the_samples(text: str) -> None:
    tokens = tokenize(text)
    assert Morphemes(text).lemma_pos_pairs() == {(t.lemma, t.pos) for t in tokens}


# -- texts longer than the analyser takes whole ----------------------------------------------

PIECES = st.lists(
    st.sampled_from(["窓口は平日9時から開きます。", "Open 9 a.m. to 5 p.m. ", "\n", "　", " "])
    | st.text(alphabet=list("平日時分受付午後の一二三。、 \n09:aZ"), max_size=30),
    max_size=60,
)


@given(text=PIECES.map("".join), limit=st.integers(min_value=1, max_value=200))
@settings(max_examples=300, deadline=None)
def test_chunks_join_back_to_the_text_and_keep_to_the_limit(text: str, limit: int) -> None:
    pieces = list(chunks(text, limit))
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces)
    if len(text) <= limit:
        assert pieces == ([text] if text else [])


def test_a_long_text_is_cut_after_a_line_break_or_a_sentence() -> None:
    text = "あ" * 60 + "。" + "い" * 30 + "\n" + "う" * 100
    assert [len(p) for p in chunks(text, 100)] == [92, 100]  # after the line break
    first, _rest = chunks("あ" * 60 + "。" + "い" * 60, 100)
    assert first.endswith("。")
    assert [len(p) for p in chunks("1" * 250, 100)] == [100, 100, 50]  # no boundary at all


def _sample_japanese() -> str:
    """The sample site's Japanese text, as long prose: sentences and lines."""
    from helpers import REPO

    pages = sorted((REPO / "content").rglob("*.md*"))
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if "/en/" not in p.as_posix())


@pytest.mark.parametrize("limit", [300, 1_000, 5_000])
def test_lemmas_are_the_same_when_a_long_text_is_analysed_in_pieces(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cutting at line breaks and sentence ends changes no morpheme of ordinary text:
    the analysis in pieces of ``limit`` characters equals the analysis in one go."""
    import taiyaku.parse.analyzer as analyzer

    text = _sample_japanese()
    whole = [(t.surface, t.lemma, t.pos, t.start) for t in tokenize(text)]
    monkeypatch.setattr(analyzer, "MAX_CHUNK_CHARS", limit)
    assert len(list(chunks(text))) > 1
    pieces = [(t.surface, t.lemma, t.pos, t.start) for t in tokenize(text)]
    assert pieces == whole


# Morphemes read the tagger's one-string output; fugashi's node API is the reference.
NODE_SAMPLES = [
    *SAMPLES,
    "コモンサポーターについて",  # a feature string with a quoted field ("0,2")
    "Zoom\tミーティング\nです\r\n",  # tabs and line breaks between morphemes
    "ꙮ𠮷😀 ｘｙｚ１２３ ㈱ ℡",  # unknown words, full-width forms
    '"引用" と 「引用」，ＣＳＶ,形式',
]


@pytest.mark.parametrize("text", NODE_SAMPLES)
def test_the_morphemes_are_those_of_fugashis_nodes(text: str) -> None:
    import fugashi

    nodes = fugashi.Tagger()(text)  # the default output format: the node API's own
    surfaces, features = Morphemes(text).words()
    assert surfaces == [node.surface for node in nodes]
    for found, node in zip(features, nodes, strict=True):
        feature = node.feature
        expected_lemma = (
            feature.lemma if getattr(feature, "lemma", "*") not in ("*", None) else None
        )
        pos = "-".join(p for p in (feature.pos1, feature.pos2, feature.pos3) if p and p != "*")
        assert (found.pos, found.lemma) == (pos, expected_lemma)
        if expected_lemma is not None:
            assert found.orth_base == (feature.orthBase if feature.orthBase != "*" else "")
            assert found.form_base == (feature.formBase if feature.formBase != "*" else "")
