"""Text helpers: width folding that keeps offsets, numeral parsing and masking."""

from __future__ import annotations

import re

__all__ = ["fold", "mask_urls", "parse_numeral"]

# Full-width ASCII (U+FF01..U+FF5E) → ASCII, plus the ideographic space and the
# dashes and tildes used as range separators.  Every mapping is one character to one
# character, so offsets in the folded text are offsets in the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x301C: 0x7E, 0xFF5E: 0x7E, 0x2212: 0x2D})


def fold(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII, keeping every offset."""
    return text if text.isascii() else text.translate(_FOLD)  # (ASCII has none of them)


# An address may start only where a word starts, a tag runs to the next "<" at most and
# a link target to the next "(": otherwise a long run of letters (or of "<" or "](")
# costs quadratic time.
_URLISH_BRANCHES = r"https?://\S+|www\.\S+|\]\([^()\s]*\)|`[^`\n]*`|<[^<>\n]*>"
_MAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URLISH = re.compile(f"{_URLISH_BRANCHES}|{_MAIL}")
_URLISH_WITHOUT_MAIL = re.compile(_URLISH_BRANCHES)
# What a match of each branch of _URLISH_BRANCHES contains: a text with none of them, and
# no "@", has nothing to mask.  (Most have none; and without an "@" the address branch,
# which reads every word to its end, need not be tried at each word.)
_URLISH_PARTS = ("://", "www.", "](", "`", "<")


def _may_hold_urlish(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_URLISH_PARTS` (written out: this runs on
    every text read for facts, and a generator over the tuple costs twice as much; each
    part's first character is looked for first, a search several times faster on
    Japanese text than one for a longer string)."""
    return (
        (":" in text and "://" in text)
        or ("w" in text and "www." in text)
        or ("]" in text and "](" in text)
        or "`" in text
        or "<" in text
    )


def mask_urls(text: str) -> str:
    """Blank out URLs, link targets, inline code, e-mail addresses and HTML tags.

    Offsets are kept: each masked character becomes a space.
    """
    if "@" in text:
        return _URLISH.sub(_blanked, text)
    if _may_hold_urlish(text):
        return _URLISH_WITHOUT_MAIL.sub(_blanked, text)
    return text


def _blanked(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


_MAX_NUMERAL = 12


def parse_numeral(text: str) -> int | None:
    """Parse ``18``, ``１８``, ``十八``, ``二十五`` or ``二〇二五``; None if not a number."""
    text = fold(text)
    if not text or len(text) > _MAX_NUMERAL:
        return None  # nothing that long is part of a time or a date (and int() refuses it)
    if text.isascii() and text.isdigit():
        return int(text)
    if all(ch in _KANJI_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _KANJI_DIGITS[ch]
        return value
    return _parse_kanji_positional(text)


def _parse_kanji_positional(text: str) -> int | None:
    total = 0
    pending: int | None = None
    for ch in text:
        if ch in _KANJI_DIGITS:
            if pending is not None:
                return None  # 二三 inside a unit numeral is not a number
            pending = _KANJI_DIGITS[ch]
        elif ch in _KANJI_UNITS:
            total += (1 if pending is None else pending) * _KANJI_UNITS[ch]
            pending = None
        else:
            return None
    return total + (pending or 0)
