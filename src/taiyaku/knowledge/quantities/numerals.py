"""Numbers as Japanese and English pages write them.

* digits, ASCII or full-width, with thousands separators (``3,000``, ``３，０００``,
  ``3 000``) and decimals (``1.5``);
* kanji numerals and scales: ``三千``, ``二十五``, ``1万``, ``2億5千万``, ``1,500万``; and
  ``十数`` / ``数十`` (an estimate: the value is the lowest it can be, marked as such);
* English words: ``one`` to ``twenty``, the tens, ``a hundred``, ``a thousand``, and
  compounds such as ``twenty-five``.

:data:`JA_NUMBER` and :data:`EN_NUMBER` are the patterns; :func:`ja_value` and
:func:`en_value` read what they matched.
"""

from __future__ import annotations

import re

__all__ = ["EN_NUMBER", "JA_NUMBER", "JA_NUMBER_FIRST", "en_value", "ja_value"]

_DIGITS = "0-9０-９"
_KANJI_DIGITS = "〇一二三四五六七八九"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "億": 100_000_000, "兆": 1_000_000_000_000}
_KANJI_VALUE = {c: i for i, c in enumerate(_KANJI_DIGITS)} | {"零": 0, "〇": 0}

_ARABIC = (
    rf"[{_DIGITS}](?:[{_DIGITS}]*(?:[,，][{_DIGITS}]{{3}})+|[{_DIGITS}]*)(?:[.．][{_DIGITS}]+)?"
)
#: A Japanese number: digits or kanji numerals, with 十百千万億兆 scales between them.
JA_NUMBER = rf"(?:(?:{_ARABIC}|[{_KANJI_DIGITS}十百千]+)[万億兆]?)+(?:数)?|十数|数十|数百|数千"
#: What a match of :data:`JA_NUMBER` starts with (a character class's content).
JA_NUMBER_FIRST = f"{_DIGITS}{_KANJI_DIGITS}十百千数"

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
#: An English number: digits (``3,000``, ``1.5``), or words (``twenty-five``, ``a hundred``).
EN_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    rf"|(?:(?:{_WORD})(?:-(?:{_WORD}))?|an?)\s+(?:hundred|thousand|million)"
    rf"|(?:{_WORD})(?:-(?:{_WORD}))?"
)


def ja_value(text: str) -> tuple[float, bool] | None:
    """The value of a Japanese number, and whether it is an estimate (``十数``)."""
    text = text.translate(_WIDE).replace(",", "").replace("，", "")
    estimate = "数" in text
    text = text.replace("数", "")
    if not text:
        return None
    total = 0.0
    for chunk, scale in _by_big_unit(text):
        value = _below_ten_thousand(chunk)
        if value is None:
            return None
        total += value * scale
    return total, estimate


_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")
_BIG = re.compile(r"([^万億兆]*)([万億兆]?)")


def _by_big_unit(text: str) -> list[tuple[str, int]]:
    parts = []
    for match in _BIG.finditer(text):
        chunk, unit = match.groups()
        if not chunk and not unit:
            continue
        parts.append((chunk or "1", _BIG_UNITS.get(unit, 1)))
    return parts


def _below_ten_thousand(chunk: str) -> float | None:
    """``3,000`` or ``二千五百`` or ``1千5百`` or ``25``: a number below 10,000 (or any
    Arabic number), in digits, kanji, or both."""
    if re.fullmatch(r"\d+(?:\.\d+)?", chunk):
        return float(chunk)
    total, current = 0.0, None
    for char_or_number in re.findall(r"\d+(?:\.\d+)?|.", chunk):
        if char_or_number in _SMALL_UNITS:
            total += (current if current is not None else 1) * _SMALL_UNITS[char_or_number]
            current = None
        elif char_or_number in _KANJI_VALUE:
            current = (current or 0) * 10 + _KANJI_VALUE[char_or_number]
        elif char_or_number[0].isdigit():
            current = float(char_or_number)
        else:
            return None
    return total + (current or 0)


def en_value(text: str) -> float | None:
    """The value of an English number: ``3,000``, ``1.5``, ``twenty-five``,
    ``a hundred``, ``two thousand``."""
    text = text.lower().strip()
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    words = text.replace("-", " ").split()
    total, current = 0.0, 0.0
    for word in words:
        if word in ("a", "an"):
            current = 1
        elif word in _WORDS:
            current += _WORDS[word]
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current
