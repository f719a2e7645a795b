from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.model.lang import _JAPANESE, detect_language, has_japanese, script_counts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("オペレータ対応は，平日8時25分から18時30分まで受け付けております．", "ja"),
        ("Zoom社の「Zoom Contact Center」サービスにより運用しています．", "ja"),
        ('To use the chat, press the widget titled "ここからチャットで相談" in the corner.', "en"),
        ("Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri).", "en"),
        ("ｻﾎﾟｰﾄ", "ja"),
        ("12:00 – 13:00", "none"),
        ("", "none"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# fmt: off
_PIECES = [
    "a", "Zoom", "x", "AB", "本", "ア", "ｱ", "。", " ", "9", ":", "é", "–", "「", "ab cd",
    "\udcff", "Ａ",  # a lone surrogate; a full-width letter (not Latin here)
]
# fmt: on


def _counted(text: str) -> str:
    """detect_language's rule, counting every character."""
    latin = sum(c.isascii() and c.isalpha() for c in text)
    japanese = sum(bool(_JAPANESE.fullmatch(c)) for c in text)
    if latin == 0:
        return "ja" if japanese else "none"
    return "ja" if japanese * 3 >= latin else "en"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_the_language_is_the_counting_rules(text: str) -> None:
    assert detect_language(text) == _counted(text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    assert script_counts(text) == (latin, sum(bool(_JAPANESE.fullmatch(c)) for c in text))
    assert has_japanese(text) == any(_JAPANESE.fullmatch(c) for c in text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_PIECES, "ı", "İ", "ß", "ſ", "K", "MiXeD"]), max_size=8).map("".join)
)
def test_case_folding_is_casefold_with_dotless_i_as_i(text: str) -> None:
    """An ASCII text is lower-cased at once; any other is case-folded, ı read as i."""
    from taiyaku.model.lang import case_folded

    assert case_folded(text) == text.casefold().replace("ı", "i")
