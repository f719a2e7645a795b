"""Quantities in Japanese text: a number, a counter, and the words that bound it.

A quantity is a number (:mod:`~taiyaku.knowledge.quantities.numerals`) followed by a
counter of the unit table (``名``, ``円``, ``時間``, ``件``…; a ``¥`` may come before
it), with what qualifies it:

* before: ``約``/``およそ``/``概ね`` (an estimate), ``最大``/``上限``/``最高`` (at most),
  ``最低``/``最小``/``下限``/``少なくとも`` (at least), perhaps followed by は/が/で;
* after: ``以上`` (at least), ``超``/``を超える`` (more than), ``以下``/``まで`` (at most),
  ``未満`` (less than), ``程度``/``ほど``/``前後``/``くらい`` (an estimate);
* a range: ``10～20名``, ``10名～20名``, ``10から20名``;
* tax: ``（税別）``/``税抜`` (excluded) or ``（税込）`` (included) right after an amount.

Not quantities: an ordinal (``第3回``, ``3回目``), a time's minutes (``9時30分``), a
number right after Latin letters (a model or a version: ``iOS 17``, ``BR500台``), and a
lone ``一`` (``一部``, ``一度`` and ``一人一台`` are idioms more often than counts).
Dates and clock times are not in the counter table (``3日``, ``9時`` are not counted;
``3日間``, ``9時間`` are), so they never become quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache

from taiyaku.knowledge.quantities.model import Bound, Quantity, Tax
from taiyaku.knowledge.quantities.numerals import JA_NUMBER, JA_NUMBER_FIRST, ja_value
from taiyaku.knowledge.quantities.units import Unit, units

__all__ = ["extract_ja_quantities", "may_hold_ja_quantity"]

_PREFIX = {
    "約": "about", "およそ": "about", "概ね": "about", "おおむね": "about", "ほぼ": "about",
    "最大": "at-most", "上限": "at-most", "最高": "at-most", "最多": "at-most",
    "最長": "at-most",
    "最低": "at-least", "最小": "at-least", "下限": "at-least", "少なくとも": "at-least",
    "最短": "at-least",
}  # fmt: skip
_SUFFIX = {
    "以上": "at-least", "超": "more-than", "を超える": "more-than", "超え": "more-than",
    "以下": "at-most", "まで": "at-most", "以内": "at-most", "未満": "less-than",
    "程度": "about", "ほど": "about", "前後": "about", "くらい": "about", "ぐらい": "about",
}  # fmt: skip
_RANGE = r"\s*(?:～|〜|~|－|-|‐|から)\s*"
# "or" and list commas (a comma before three digits is a thousands separator: ３，０００)
_OR = r"(?:または|もしくは|か|・|や|[、，](?![0-9０-９]{3}(?![0-9０-９])))"


@cache
def _pattern() -> re.Pattern[str]:
    table = units()
    prefix = "|".join(sorted(map(re.escape, _PREFIX), key=len, reverse=True))
    suffix = "|".join(sorted(map(re.escape, _SUFFIX), key=len, reverse=True))
    counter = table.ja_pattern
    # What a match starts with: a prefix's first character, a yen sign or a number's
    # (looked for first: most characters of a text start none, and are passed at once).
    firsts = "".join(sorted({word[0] for word in _PREFIX} | {"¥", "￥"}))
    return re.compile(
        rf"(?=[{firsts}{JA_NUMBER_FIRST}])"
        rf"(?:(?P<prefix>{prefix})(?:は|が|で|を)?\s*)?"
        rf"(?:(?P<yen>[¥￥])\s*(?P<yen_value>{JA_NUMBER})"
        rf"|(?P<list>(?:(?:{JA_NUMBER})\s*{_OR}\s*)+)?"
        rf"(?P<low>{JA_NUMBER})\s*(?:(?P<low_counter>{counter})?{_RANGE}(?P<high>{JA_NUMBER}))?"
        rf"\s*(?P<counter>{counter}))"
        rf"(?P<suffix>{suffix})?"
        rf"(?P<tax>\s*[(（]?\s*(?:税別|税抜き?|税込み?|消費税込み?|消費税別)\s*[)）]?)?"
    )


_AFTER_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ][.\-_/ ]?$")


# A run of numerals with its separators (a run of separators alone, as every ，and ．
# of a text, holds no number).
_NUMERAL_RUN = re.compile(
    r"[,，.．]*[0-9０-９〇一二三四五六七八九十百千万億兆][0-9０-９〇一二三四五六七八九十百千万億兆,，.．]*"
)


@cache
def _counter_starts() -> frozenset[str]:
    ranges_and_lists = {"～", "〜", "~", "-", "－", "か", "ま", "数"}
    return frozenset(word[0] for word in units().ja) | ranges_and_lists


def may_hold_ja_quantity(text: str) -> bool:
    """A cheap test: whether a numeral in ``text`` is followed by a character a counter
    (or a range, or または) starts with, or a ``¥`` comes before one."""
    if "¥" in text or "￥" in text:
        return True
    starts = _counter_starts()
    for run in _NUMERAL_RUN.finditer(text):
        after = text[run.end() : run.end() + 2].lstrip()
        if after[:1] in starts:
            return True
    return False


def extract_ja_quantities(text: str) -> list[Quantity]:
    """The quantities of a Japanese text, in order."""
    if not may_hold_ja_quantity(text):
        return []
    found: list[Quantity] = []
    for match in _pattern().finditer(text):
        quantity = _read(text, match)
        if quantity is not None:
            found += [*_listed(match, quantity), quantity]
    return _bounds_carried(text, found)


def _bounds_carried(text: str, found: list[Quantity]) -> list[Quantity]:
    """``上限1000人または3000人``: a quantity that follows a bounded one of the same kind,
    joined only by または/か/、…, with no qualifier of its own, is bounded the same way."""
    carried = list(found)
    for i in range(1, len(carried)):
        before, this = carried[i - 1], carried[i]
        joined = re.fullmatch(rf"\s*{_OR}\s*", text[before.end : this.start])
        bounded = before.bound in ("at-most", "at-least") and before.kind == this.kind
        if joined and this.bound == "exact" and bounded:
            low = this.low if before.bound == "at-least" else -math.inf
            high = this.high if before.bound == "at-most" else math.inf
            carried[i] = replace(this, bound=before.bound, low=low, high=high)
    return carried


def _listed(match: re.Match[str], last: Quantity) -> list[Quantity]:
    """The other numbers of a list the quantity ends (``上限500人または1000人``,
    ``500または1000人``): each counts the same unit, bounded the same way."""
    if not match.group("list"):
        return []
    unit = units().ja_unit(last.unit)
    found = []
    base = match.start("list")
    for number in re.finditer(JA_NUMBER, match.group("list")):
        value = ja_value(number.group())
        if value is None:
            return []
        bound, low, high = _range(match, unit, value, None)
        found.append(
            replace(
                last, low=low, high=high, bound=bound, start=base + number.start(), number=value[0]
            )
        )
    return found


def _read(text: str, match: re.Match[str]) -> Quantity | None:
    number_group = "yen_value" if match.group("yen") else "low"
    start, end = match.start(number_group), match.end()
    if _not_a_count(text, match, number_group):
        return None
    counter = "円" if match.group("yen") else match.group("counter")
    unit = units().ja_unit(counter)
    low = ja_value(match.group(number_group))
    if low is None:
        return None
    high = ja_value(match.group("high")) if match.group("high") else None
    if match.group("high") and high is None:
        return None
    bound, low_value, high_value = _range(match, unit, low, high)
    return Quantity(
        kind=unit.kind,
        low=low_value,
        high=high_value,
        bound=bound,
        unit=counter,
        text=text[match.start() : end].strip(),
        start=match.start() if match.group("prefix") or match.group("yen") else start,
        end=end,
        tax=_tax(match.group("tax")),
        number=low[0],
    )


def _not_a_count(text: str, match: re.Match[str], number_group: str) -> bool:
    start = match.start("yen") if match.group("yen") else match.start(number_group)
    number = match.group(number_group)
    before = text[max(0, start - 1) : start]
    unit_end = match.end("counter") if match.group("counter") else match.end(number_group)
    after = text[unit_end : unit_end + 1]
    if before == "第" or after == "目":  # 第3回, 3回目: ordinals
        return True
    if _AFTER_LATIN.search(text[max(0, start - 2) : start]):
        return True  # iOS 17, BR500, v2: a model or a version
    if match.group("counter") in ("分", "分間") and re.search(r"時半?\s*$", text[:start]):
        return True  # 9時30分: a time
    return number == "一" and not match.group("prefix")  # 一部, 一度, 一人一台


def _range(
    match: re.Match[str], unit: Unit, low: tuple[float, bool], high: tuple[float, bool] | None
) -> tuple[Bound, float, float]:
    value, estimate = low[0] * unit.factor, low[1]
    if high is not None:
        return "range", value, high[0] * unit.factor
    how = _SUFFIX.get(match.group("suffix") or "") or _PREFIX.get(match.group("prefix") or "")
    step = 1 if unit.integer else 0
    if how == "at-least":
        return "at-least", value, math.inf
    if how == "more-than":
        return "at-least", value + step, math.inf
    if how == "at-most":
        return "at-most", -math.inf, value
    if how == "less-than":
        return "at-most", -math.inf, value - step
    if how == "about" or estimate:
        return "about", value, value
    return "exact", value, value


def _tax(text: str | None) -> Tax | None:
    if not text:
        return None
    return "included" if "込" in text else "excluded"
