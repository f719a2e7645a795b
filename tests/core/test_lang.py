from __future__ import annotations

import pytest

from taiyaku.model.lang import detect_language


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
