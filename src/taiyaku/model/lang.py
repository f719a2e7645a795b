"""The two languages: their names, their labels, and telling them apart by script.

``Lang`` is a language a page or a fact is in; ``TextLang`` is what the script of a
piece of text says, which may be neither (``9:00～17:00`` alone, a URL).
"""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["ja", "en"]
TextLang = Literal["ja", "en", "none"]
LANGS: tuple[Lang, ...] = ("ja", "en")

# How messages name a language: "JA says …; EN (content/en/a.md) states …".
LANG_LABEL: dict[Lang, str] = {"ja": "JA", "en": "EN"}
# How messages name it in a sentence: "has no English version".
LANG_NAME: dict[Lang, str] = {"ja": "Japanese", "en": "English"}

__all__ = [
    "LANGS",
    "LANG_LABEL",
    "LANG_NAME",
    "Lang",
    "TextLang",
    "case_folded",
    "detect_language",
    "has_japanese",
    "other_lang",
]


def other_lang(lang: Lang) -> Lang:
    """The other language: ``"en"`` for ``"ja"`` and the reverse."""
    return "en" if lang == "ja" else "ja"


_JAPANESE = re.compile(
    "[\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\u31f0-\u31ff"  # katakana phonetic extensions
    "\uff66-\uff9f]+"  # half-width katakana
)
_LATIN = re.compile("[A-Za-z]+")


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _latin_count(text: str) -> int:
    """How many ASCII letters ``text`` holds.  In UTF-8 they are single bytes that no
    other character's bytes contain, so deleting them from the encoded text (one pass
    in C, no match objects) counts them."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))


def _japanese_reaches(text: str, wanted: int) -> bool:
    """Whether ``text`` holds at least ``wanted`` Japanese characters, counting runs
    only until there are enough: a Japanese block is decided at its first run or two."""
    found = 0
    for run in _JAPANESE.finditer(text):
        found += run.end() - run.start()
        if found >= wanted:
            return True
    return False


def _japanese_count(text: str) -> int:
    return sum(map(len, _JAPANESE.findall(text)))


def has_japanese(text: str) -> bool:
    """Whether ``text`` holds a Japanese character (an ASCII text, known at once, none)."""
    return not text.isascii() and _JAPANESE.search(text) is not None


def script_counts(text: str) -> tuple[int, int]:
    """(Latin letters, Japanese characters) in ``text``: what :func:`detect_language`
    decides from.  Counts add up, so a text built piece by piece can keep a running
    total (:func:`language_of_counts`) instead of counting the whole text again."""
    if text.isascii():
        return _latin_count(text), 0
    return _latin_count(text), _japanese_count(text)


def language_of_counts(latin: int, japanese: int) -> TextLang:
    """:func:`detect_language`'s answer for a text with these :func:`script_counts`."""
    if latin == 0:
        return "ja" if japanese else "none"
    return "ja" if japanese * 3 >= latin else "en"


def detect_language(text: str) -> TextLang:
    """Return ``"ja"``, ``"en"`` or ``"none"`` for a block of text.

    A Japanese character carries roughly as much as three Latin letters, so a block is
    Japanese when its kana and kanji outweigh a third of its Latin letters. An English
    sentence quoting a Japanese button label stays English; a Japanese sentence naming
    "Zoom Contact Center" stays Japanese.
    """
    if text.isascii():  # the common English case, decided without counting
        return "en" if _LATIN.search(text) else "none"
    latin = _latin_count(text)
    if latin == 0:
        return "ja" if _JAPANESE.search(text) else "none"
    # Japanese when 3 × (Japanese characters) >= latin, i.e. at least ⌈latin / 3⌉ of them.
    return "ja" if _japanese_reaches(text, -(-latin // 3)) else "en"


def case_folded(text: str) -> str:
    """``text`` case-folded as a case-insensitive pattern compares it (``ſ`` as ``s``,
    ``K`` as ``k``, and ``ı`` as ``i``), for looking for words as substrings before
    running the pattern that needs one of them: a substring test is far cheaper than
    a case-insensitive alternation tried at every position."""
    if text.isascii():  # (known at once: casefold is lower there, and there is no ı)
        return text.lower()
    return text.casefold().replace("ı", "i")
