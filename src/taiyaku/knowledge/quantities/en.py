"""Quantities in English text: a number, a unit word, and the words that bound it.

A quantity is a number (digits or words: ``300``, ``3,000``, ``five``, ``a hundred``)
directly followed by a unit of the table (``participants``, ``yen``, ``hours``, ``%``…),
or a ``¥``/``JPY`` directly before the number, with what qualifies it:

* before: ``about``/``approximately``/``around``/``roughly`` (an estimate); ``up to``,
  ``at most``, ``no more than``, ``(a) maximum (capacity) of``, ``max.`` (at most);
  ``at least``, ``no fewer than``, ``(a) minimum of`` (at least); ``more than``,
  ``over``, ``greater than`` (more than); ``less than``, ``fewer than``, ``under``;
* after: ``or more``/``and above`` (at least), ``or fewer``/``or less`` (at most);
* a range: ``10 to 20 people``, ``10–20 people``, ``between 10 and 20 people``;
* tax: ``(excluding tax)``, ``tax excluded``, ``excl. tax``, ``(+ tax)`` or
  ``(including tax)``, ``tax included``, ``incl. tax`` right after an amount.

Not quantities: a number right after a product or version name (``Windows 11``,
``iOS 17``: a capitalised word that does not start the sentence), a number in a
hyphenated compound (``24-hour``), and a number with no unit directly after it.
"""

from __future__ import annotations

import math
import re
from functools import cache

from taiyaku.knowledge.quantities.model import Bound, Quantity, Tax
from taiyaku.knowledge.quantities.numerals import EN_NUMBER, en_value
from taiyaku.knowledge.quantities.units import Unit, units
from taiyaku.model.lang import case_folded

__all__ = ["extract_en_quantities", "may_hold_en_quantity"]

_PREFIXES = [
    (r"about|approximately|approx\.|around|roughly|some|nearly|almost", "about"),
    (
        r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|within"
        r"|max(?:imum)?\.?(?:\s+of)?",
        "at-most",
    ),
    (r"(?:a\s+|the\s+)?max(?:imum)?(?:\s+\w+)?\s+(?:of|is)", "at-most"),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|min(?:imum)?\.?\s+of", "at-least"),
    (r"(?:a\s+|the\s+)?min(?:imum)?(?:\s+\w+)?\s+(?:of|is)", "at-least"),
    (r"more\s+than|over|greater\s+than|in\s+excess\s+of", "more-than"),
    (r"less\s+than|fewer\s+than|under|below", "less-than"),
]
_SUFFIXES = [
    (r"or\s+more|and\s+(?:above|over|up)|or\s+above|at\s+least", "at-least"),
    (r"or\s+(?:fewer|less)|and\s+(?:below|under)|at\s+most|max(?:imum)?", "at-most"),
]
_TAX = re.compile(
    r"\s*\(?\s*(?:(?P<ex>excluding\s+tax|tax\s+excluded|excl\.?\s+tax|before\s+tax|\+\s*tax"
    r"|plus\s+tax|exclusive\s+of\s+tax)|(?P<in>including\s+tax|tax\s+included|incl\.?\s+tax"
    r"|inclusive\s+of\s+tax|tax\s+inclusive))\s*\)?",
    re.I,
)
_RANGE = r"\s*(?:to|–|—|-|~)\s*"
# A number, not part of a word or a compound (3rd, 24-hour); an upper-case unit may follow
# it without a space (5GB).
_NUMBER = rf"(?<![\w.,-])(?:{EN_NUMBER})(?-i:(?![\d_a-z-]))"


@cache
def _pattern() -> re.Pattern[str]:
    table = units()
    prefix = "|".join(f"(?:{p})" for p, _ in _PREFIXES)
    suffix = "|".join(f"(?:{s})" for s, _ in _SUFFIXES)
    unit = table.en_pattern
    return re.compile(
        rf"(?:\b(?P<prefix>{prefix})\s+)?"
        rf"(?:(?P<symbol>{table.en_before_pattern})\s*(?P<amount>{_NUMBER})"
        rf"|between\s+(?P<from>{_NUMBER})\s+and\s+(?P<to>{_NUMBER})\s*(?P<between_unit>{unit})"
        rf"|(?:either\s+)?(?P<list>{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*,?\s+(?:or|and)\s+)?"
        rf"(?P<low>{_NUMBER})(?:{_RANGE}(?P<high>{_NUMBER}))?\s*(?P<unit>{unit}))(?![\w-])"
        rf"(?:\s+(?P<suffix>{suffix})\b)?",
        re.I,
    )


# fmt: off
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
})
# fmt: on
_MAY_HOLD = re.compile(  # a whole number at a time: its digits lead to the same next word
    rf"\d+|\b(?:{'|'.join(sorted(_NUMBER_WORDS))})\b",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[a-z]+")


# ASCII text split into its runs of letters by bytes.split: every byte but a-z a space.
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
_NUMBER_WORD_BYTES = frozenset(word.encode() for word in _NUMBER_WORDS)


def _holds_number_word(text: str) -> bool:
    """Whether a run of letters of ``text``, case-folded, is one of the number words.
    ASCII text (most) is split as bytes, which builds no pattern match per word."""
    if text.isascii():
        runs = text.encode().lower().translate(_LETTERS_ONLY).split()
        return not _NUMBER_WORD_BYTES.isdisjoint(runs)
    return not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(case_folded(text)))


_NEXT_WORDS = re.compile(r"[\s\-–—~to0-9,.]*?([A-Za-z%]+)(?:\s+([A-Za-z]+))?")


@cache
def _unit_starts() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of every unit (lower case), and the symbols written before
    (without their spaces)."""
    table = units()
    firsts = frozenset(word.split()[0].lower() for word in table.en)
    return firsts | {"%"}, tuple(symbol.strip() for symbol in table.en_before)


def may_hold_en_quantity(text: str) -> bool:
    """A cheap test: whether a number in ``text`` is followed by a word a unit starts
    with (or ``¥``/``JPY`` comes before one).

    Numbers written in words are looked for only in a text that holds one of those
    words (:func:`case_folded`, as the case-insensitive pattern compares them): most have
    none, and digits alone are found much faster."""
    firsts, before = _unit_starts()
    if any(symbol in text for symbol in before):
        return True
    numbers = _MAY_HOLD if _holds_number_word(text) else _DIGITS
    for number in numbers.finditer(text):
        following = _NEXT_WORDS.match(text, number.end(), number.end() + 40)
        if following is None:
            continue
        word = following.group(1).lower()
        if word in firsts or word[:1] == "%" or (following.group(2) or "").lower() in firsts:
            return True
    return False


def extract_en_quantities(text: str) -> list[Quantity]:
    """The quantities of an English text, in order."""
    if not may_hold_en_quantity(text):
        return []
    found: list[Quantity] = []
    for match in _pattern().finditer(text):
        found += _read(text, match)
    return found


def _read(text: str, match: re.Match[str]) -> list[Quantity]:
    """The quantities of one match: one, or one per number of a list (``up to either
    500 or 3000 attendees``), each bounded as the list is."""
    unit, written = _unit_of(match)
    if unit is None:
        return []
    numbered = not match.group("symbol") and not match.group("prefix") and not match.group("list")
    if numbered and not match.group("from") and _after_a_name(text, match.start("low")):
        return []
    end = match.end()
    tax = _TAX.match(text, end)
    if tax is not None:
        end = tax.end()
    start = match.start()
    values = _values(match)
    if values is None:
        return []
    found = []
    for at, low, high in values:
        bound, low_value, high_value = _range(match, unit, low, high)
        last = at == values[-1][0]
        found.append(
            Quantity(
                kind=unit.kind,
                low=low_value,
                high=high_value,
                bound=bound,
                unit=written.strip(),
                text=text[start:end].strip(),
                start=start if last else at,
                end=end,
                tax=_tax(tax),
                number=low,
            )
        )
    return found


def _unit_of(match: re.Match[str]) -> tuple[Unit | None, str]:
    table = units()
    if match.group("symbol"):
        return table.en_before[match.group("symbol")], match.group("symbol")
    written = match.group("unit") or match.group("between_unit")
    return table.en_unit(re.sub(r"\s+", " ", written)), written


def _values(match: re.Match[str]) -> list[tuple[int, float, float | None]] | None:
    """(offset, low, high) of each number the match states."""
    if match.group("symbol"):
        value = en_value(match.group("amount"))
        return None if value is None else [(match.start("amount"), value, None)]
    if match.group("from"):
        low, high = en_value(match.group("from")), en_value(match.group("to"))
        return None if low is None or high is None else [(match.start("from"), low, high)]
    found: list[tuple[int, float, float | None]] = []
    if match.group("list"):
        base = match.start("list")
        for number in re.finditer(_NUMBER, match.group("list"), re.I):
            value = en_value(number.group())
            if value is None:
                return None
            found.append((base + number.start(), value, None))
    low = en_value(match.group("low"))
    high = en_value(match.group("high")) if match.group("high") else None
    if low is None or (match.group("high") and high is None):
        return None
    return [*found, (match.start("low"), low, high)]


_NAME_BEFORE = re.compile(r"(?:^|[^.!?:;]\s)([A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z]*)\s+$")


_LABEL_BEFORE = re.compile(
    r"\b(?:version|ver\.?|v\.?|step|no\.|number|chapter|section|page|phase|level|grade"
    r"|type|model|room|building|floor|part|item|question|article|option)\s*$",
    re.I,
)


def _after_a_name(text: str, start: int) -> bool:
    """Whether the number follows a product or version name (``Windows 11``,
    ``iOS 17``: a capitalised word that does not start the sentence) or a label that
    numbers things (``version 2``, ``Step 3``, ``Room 101``)."""
    before = text[max(0, start - 40) : start]
    if _LABEL_BEFORE.search(before):
        return True
    match = _NAME_BEFORE.search(before)
    return match is not None and match.group(1).lower() not in ("the", "a", "an", "and", "or")


def _range(
    match: re.Match[str], unit: Unit, low: float, high: float | None
) -> tuple[Bound, float, float]:
    """The range a number states, with the match's qualifier."""
    value = low * unit.factor
    if high is not None:
        return "range", value, high * unit.factor
    how = None
    if match.group("suffix"):
        how = next(h for p, h in _SUFFIXES if re.fullmatch(p, match.group("suffix"), re.I))
    elif match.group("prefix"):
        how = next(h for p, h in _PREFIXES if re.fullmatch(p, match.group("prefix"), re.I))
    step = 1 if unit.integer else 0
    if how == "at-least":
        return "at-least", value, math.inf
    if how == "more-than":
        return "at-least", value + step, math.inf
    if how == "at-most":
        return "at-most", -math.inf, value
    if how == "less-than":
        return "at-most", -math.inf, value - step
    if how == "about":
        return "about", value, value
    return "exact", value, value


def _tax(match: re.Match[str] | None) -> Tax | None:
    if match is None:
        return None
    return "excluded" if match.group("ex") else "included"
