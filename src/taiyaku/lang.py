"""Tell Japanese from English text by its script."""

from __future__ import annotations

from typing import Literal

Lang = Literal["ja", "en", "none"]

__all__ = ["Lang", "detect_language", "japanese_char_count"]


def _is_japanese(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x31F0 <= code <= 0x31FF  # katakana phonetic extensions
        or 0xFF66 <= code <= 0xFF9F  # half-width katakana
    )


def japanese_char_count(text: str) -> int:
    return sum(1 for ch in text if _is_japanese(ch))


def detect_language(text: str) -> Lang:
    """Return ``"ja"``, ``"en"`` or ``"none"`` for a block of text.

    A Japanese character carries roughly as much as three Latin letters, so a block is
    Japanese when its kana and kanji outweigh a third of its Latin letters. An English
    sentence quoting a Japanese button label stays English; a Japanese sentence naming
    "Zoom Contact Center" stays Japanese.
    """
    ja = 0
    latin = 0
    for ch in text:
        if _is_japanese(ch):
            ja += 1
        elif ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
            latin += 1
    if ja == 0 and latin == 0:
        return "none"
    return "ja" if ja * 3 >= latin else "en"
