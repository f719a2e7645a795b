"""Tell Japanese from English text by its script."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["ja", "en", "none"]

__all__ = ["Lang", "detect_language", "japanese_char_count"]


_JAPANESE = re.compile(
    "[\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\u31f0-\u31ff"  # katakana phonetic extensions
    "\uff66-\uff9f]+"  # half-width katakana
)
_LATIN = re.compile("[A-Za-z]+")


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters the pattern's runs cover (runs, not characters, are listed:
    this is called for every block of every page)."""
    return sum(map(len, runs.findall(text)))


def japanese_char_count(text: str) -> int:
    return _count(_JAPANESE, text)


def detect_language(text: str) -> Lang:
    """Return ``"ja"``, ``"en"`` or ``"none"`` for a block of text.

    A Japanese character carries roughly as much as three Latin letters, so a block is
    Japanese when its kana and kanji outweigh a third of its Latin letters. An English
    sentence quoting a Japanese button label stays English; a Japanese sentence naming
    "Zoom Contact Center" stays Japanese.
    """
    if text.isascii():  # the common English case, decided without counting
        return "en" if _LATIN.search(text) else "none"
    latin = _count(_LATIN, text)
    if latin == 0:
        return "ja" if _JAPANESE.search(text) else "none"
    return "ja" if _count(_JAPANESE, text) * 3 >= latin else "en"
