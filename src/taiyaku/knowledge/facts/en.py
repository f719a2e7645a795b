"""Extract times of day, dates and day qualifiers from English text.

A small regex grammar:

* times: ``9am``, ``8:25 a.m.``, ``6:30 P.M.``, ``12 noon``, ``noon``, ``midnight`` and
  24-hour ``17:00``; ranges join two times with ``-``, ``–``, ``—``, ``~``, ``to``,
  ``until``, ``till``, ``through`` (and ``between ... and ...``); ``9–11 a.m.`` shares
  the meridiem;
* round the clock: ``24 hours a day``, ``24/7``, ``around the clock``,
  ``Business hours: 24 hours``, ``available 24 hours``, ``24-hour support``;
* dates: ``Saturday, March 15, 2025``, ``March 15``, ``Mar. 15``, ``15 March 2025``,
  ``2025-03-15``, ``2025/3/15``, with a weekday before or in parentheses after;
* day qualifiers: ``weekdays``, ``weekends or holidays``, ``Monday through Friday``,
  ``(Mon-Fri)``, ``every day``, ``365 days a year``, ``except holidays``.

Bare numbers are never times (``9-5``, ``Zoom 5.10``, ``1:1``, ``10 minutes``), and URLs,
e-mail addresses, inline code and HTML tags are masked before matching.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Literal

from taiyaku.knowledge.facts._clock import Atom, Meridiem, make_point, make_range, resolve
from taiyaku.knowledge.facts._days import EVERY_DAY, evaluate, is_exclusion
from taiyaku.knowledge.facts._en_dates import (
    AFTER_YEAR,
    D_MON_Y,
    MONTHS,
    MORE_DAYS,
    PART,
    PERIOD,
    UK_DATE,
    US_DATE,
)
from taiyaku.knowledge.facts._en_qualifiers import DAY_WORD, LEAD, WEEKDAY_WORDS, QualifierParser
from taiyaku.knowledge.facts._numeric import DateOrder, NumericDates, two_digit_year
from taiyaku.knowledge.facts._scope import Qualifier, facts_in_order
from taiyaku.knowledge.facts._text import fold, mask_urls
from taiyaku.knowledge.facts.calendar import is_valid_date
from taiyaku.knowledge.facts.model import (
    MINUTES_PER_DAY,
    DateFact,
    Fact,
    InvalidDate,
    InvalidTime,
    PeriodFact,
    TimeFact,
)
from taiyaku.model.lang import case_folded

__all__ = ["extract_en"]

# ----------------------------------------------------------------------- dates


# ----------------------------------------------------------------------- times
_MERIDIEM = r"(?P<mer>[aApP]\.?\s?[mM]\b\.?|noon\b|midnight\b|Noon\b|Midnight\b)"
_ATOM = re.compile(  # (first, what every branch starts with: a quick refusal elsewhere)
    r"(?=[\dNnMm])(?:(?<![\w:./])(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?\s*"
    + _MERIDIEM
    + r"|(?<![\w:./])(?P<h24>\d{1,2}):(?P<m24>\d{2})(?![\d:]|\.\d)"
    r"(?!\s*(?:hours?|hrs?|h\b|minutes?|mins?\b|seconds?|secs?\b))"
    r"|\b(?P<word>[Nn]oon|[Mm]idnight)\b"
    r"|(?<![\w:./])(?P<oclock>\d{1,2})\s*o'clock\b)"
)
# a time with another zone than Japan's cannot be compared with the Japanese page's
_ZONE = re.compile(r"\s*\(?(?:UTC|GMT|[ECMP][SD]T|CET|CEST|BST|KST|AEST|AEDT|HST)\b")
_UNTIL = re.compile(r"\b(?:until|till|til|to|through|by)\s*$", re.I)
_BARE_START = re.compile(
    r"(?<![\w:./-])(?P<h>\d{1,2})(?=\s*(?:-|–|—|to)\s*\d{1,2}(?::\d{2})?\s*"
    r"[aApP]\.?\s?[mM]\b)"
)
_CONNECTOR = re.compile(r"^\s*(?:-|–|—|~|to|until|till|'til|through|thru)\s*$", re.I)
_BETWEEN_AND = re.compile(r"^\s*and\s*$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.I)
_NEXT_DAY = re.compile(
    r"\s*(?:\(\s*next\s+day\s*\)|\(?\s*(?:of\s+)?the\s+(?:next|following)\s+(?:day|morning)\s*\)?)",
    re.I,
)
_RATIO_CONTEXT = re.compile(r"(?:ratio|aspect|scale|odds|score)\s*(?:of|is|:)?\s*$", re.I)

# -------------------------------------------------------------- round the clock
_ALL_DAY = re.compile(
    r"\b(?P<core>24\s*(?:hours|hrs)\s+a\s+day)\b"
    r"|(?<![\w/])(?P<core2>24\s*/\s*7(?:\s*/\s*365)?)(?![\w/])"
    r"|\b(?P<core3>(?:a)?round[- ]the[- ]clock)\b"
    r"|\b(?P<core4>24[- ]hours?)(?=\s+(?:support|service|reception|access|operation|availability"
    r"|assistance|help\s*desk|monitoring|response)\b)"
    r"|\b(?:available|open|accessible|staffed|operating|operates|accepted|running)"
    r"\s+(?P<core5>24\s+hours)\b(?!\s+(?:after|before|later|of|from|notice|in\s+advance|prior))"
    r"|(?<=:)\s*(?P<core6>24\s+hours)(?=\s*(?:$|[.;,)\n]))",
    re.I,
)

# ------------------------------------------------------------------ qualifiers

# What every match of a pattern above contains, found by a cheap scan first: the
# patterns open with look-behinds and optional groups, so a failing search tries
# them at every position of the text.
_MONTH_ABBREVIATIONS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
)  # fmt: skip
_MONTH_HINT = re.compile("|".join(_MONTH_ABBREVIATIONS), re.I)  # _US/UK_DATE
# What every match of _PERIOD_HINT contains, case-folded (as _MONTH_ABBREVIATIONS are
# what every match of _MONTH_HINT is): substrings looked for before the patterns.
_PERIOD_PARTS = (
    "fy", "ay", "fiscal", "academic", "school", "early", "mid", "late", "end", "beginning", "start"
)  # fmt: skip
_NUMERIC_HINT = re.compile(r"\d[/.\-]\d")  # NumericDates
_PERIOD_HINT = re.compile(
    r"(?=[abeflms])"  # (what every word below starts with)
    r"(?:\b(?:FY|AY|fiscal|academic|school)|\b(?:early|mid|late|end|beginning|start|middle)\b)",
    re.I,
)
_ROUND_HINT = re.compile("round", re.I)  # _ALL_DAY, with "24"
_MERIDIEM_HINT = re.compile(r"\d\s*[aApP]\.?\s?[mM]\b")  # _BARE_START
_TIME_HINT = re.compile(r"\d:\d|\d\s*[aApP]\.?\s?[mM]\b|[Nn]oon|[Mm]idnight|o'clock")  # _ATOM
_DAY_WORD_HINT = re.compile(
    r"eek|oliday|very|ach\s|aily|days\s+a|[Aa]ll\s+year|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|M\s?[-–—]\s?F"
)  # DAY_WORD


# Every fact needs a digit or one of these words; text with none of them holds no fact.
_FACT_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
_FACT_WORD = re.compile(
    r"noon|midnight|round[- ]the[- ]clock|\b(?:early|mid|late|end|beginning|start|middle)\b"
)


def _may_hold_fact(text: str) -> bool:
    """A digit, or one of the words a fact may be made of (in any case).  Digits are
    looked for first, and the words in the case-folded text (:func:`case_folded`),
    where substrings rule most texts out at once."""
    if _FACT_DIGIT.search(text):
        return True
    folded = case_folded(text)
    return _holds_fact_word_part(folded) and bool(_FACT_WORD.search(folded))


def _holds_fact_word_part(folded: str) -> bool:
    """Whether ``folded`` holds what one of :data:`_FACT_WORD`'s words contains ("mid"
    stands for midnight and middle too): a text with none needs no search for them.
    Written out, as this runs on every English text without a digit."""
    return (
        "noon" in folded
        or "round" in folded
        or "early" in folded
        or "mid" in folded
        or "late" in folded
        or "end" in folded
        or "beginning" in folded
        or "start" in folded
    )


def extract_en(text: str, *, cell: bool = False, date_order: DateOrder = "mdy") -> list[Fact]:
    """Times, dates, periods and invalid times and dates in English ``text``, in text order.

    ``cell``: ``text`` is one table cell (a bare ``4/29`` alone in it is a date);
    ``date_order``: how ``01/10`` reads (``mdy``: January 10; ``dmy``: 1 October).
    """
    if not _may_hold_fact(text):
        return []  # the common case, decided without parsing
    return _EnParser(text, cell=cell, order=date_order).run()


@dataclass(frozen=True)
class _Found:
    """An atom; ``bare`` when it may take the meridiem of the time it is joined to."""

    atom: Atom
    bare: bool = False
    standalone: bool = True  # False for a bare number, which is a time only in a range

    @property
    def start(self) -> int:
        return self.atom.start_offset

    @property
    def end(self) -> int:
        return self.atom.end_offset


class _EnParser:
    def __init__(self, text: str, *, cell: bool = False, order: DateOrder = "mdy") -> None:
        self.text = text
        self.cell = cell
        self.order: DateOrder = order
        self.masked = mask_urls(fold(text))
        # Spans already taken, sorted by start (bisected: a page may hold thousands).
        self.taken: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._longest = 0
        self.times: list[TimeFact] = []
        self.others: list[DateFact | PeriodFact | InvalidTime | InvalidDate] = []
        self.qualifiers: list[Qualifier] = []

    def run(self) -> list[Fact]:
        self._dates()
        self._all_day()
        self._numeric_dates()
        self._times()
        if self.times:  # a qualifier only ever qualifies a time
            self._qualifiers()
        return facts_in_order(self.text, self.times, self.qualifiers, self.others, "en")

    def _free(self, start: int, end: int) -> bool:
        # Only a span starting after start - longest and before end can overlap.
        low = bisect.bisect_right(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return all(end <= s or start >= e for s, e in self.taken[low:high])

    def _take(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self.taken.insert(index, (start, end))
        self._longest = max(self._longest, end - start)

    # ------------------------------------------------------------------- dates
    def _dates(self) -> None:
        folded = case_folded(self.masked)  # the hints' words as substrings first
        if any(month in folded for month in _MONTH_ABBREVIATIONS) and _MONTH_HINT.search(
            self.masked
        ):
            for pattern in (US_DATE, UK_DATE, D_MON_Y):
                for m in pattern.finditer(self.masked):
                    if self._free(m.start(), m.end()):
                        self._date_match(m)
        if any(part in folded for part in _PERIOD_PARTS) and _PERIOD_HINT.search(self.masked):
            self._periods()

    def _numeric_dates(self) -> None:
        """``2025-03-15``, ``4/8 (Wed)``, ``5/11-12``: after round-the-clock ``24/7``."""
        if _NUMERIC_HINT.search(self.masked):
            numeric = NumericDates(
                self.masked, self.text, "en", order=self.order, cell=self.cell, free=self._free
            )
            for fact in numeric.run():
                self.others.append(fact)
                self._take(fact.start_offset, fact.end_offset)

    def _periods(self) -> None:
        """``early April``, ``the end of May 2021``, ``mid-June``, ``FY2025``."""
        for m in PERIOD.finditer(self.masked):
            if not self._free(m.start(), m.end()):
                continue
            fy = next((m.group(g) for g in ("fy", "fy2", "fy3", "fy5", "fy6") if m.group(g)), None)
            if fy is None and m.group("fy2d"):
                fy = str(two_digit_year(int(m.group("fy2d"))))
            if fy is not None:
                period = PeriodFact("fiscal-year", int(fy), None, m.start(), m.end(), "")
            else:
                part = PART[(m.group("part") or m.group("part2")).lower()]
                month_text = m.group("month").rstrip(".")
                if month_text == "may":
                    continue  # "the end of may": the verb, in lower case
                year = int(m.group("year")) if m.group("year") else None
                month = MONTHS[month_text.lower()]
                period = PeriodFact(part, year, month, m.start(), m.end(), "")
            self.others.append(replace(period, quote=self.text[m.start() : m.end()]))
            self._take(m.start(), m.end())

    def _date_match(self, m: re.Match[str]) -> None:
        groups = m.groupdict()
        month_text = groups["month"].rstrip(".")
        if month_text == "may":
            return  # "you may 2 …": the verb; the month is written with a capital
        month = MONTHS[month_text.lower()]
        year = _year_of(groups)
        day = int(groups["day"])
        weekday = _weekday(groups.get("wd1") or groups.get("wd2"))
        if year is not None and not 1900 <= year <= 2100:
            return
        if not is_valid_date(year, month, day):
            if 1 <= day <= 31:  # February 30, April 31: a date's shape, no calendar's day
                self._take(m.start(), m.end())
                quote = self.text[m.start() : m.end()]
                reason = f"{month_text.title()} has no day {day}"
                self.others.append(InvalidDate(m.start(), m.end(), quote, reason))
            return
        days = [(day, weekday, m.start("day"), m.end("day"))]
        for name in ("day0", "day2"):  # 11–12 May 2021, May 11 to 12
            if groups.get(name):
                days.append((int(groups[name]), None, m.start(name), m.end(name)))
        days.sort(key=lambda d: d[2])
        if len({d for d, *_ in days}) != len(days) or days != sorted(days):
            return
        end = m.end()
        more, end, year = self._more_days(end, year)
        days += more
        if not all(is_valid_date(year, month, d) for d, *_ in days):
            return
        start = m.start()
        if groups.get("year0") and groups.get("year"):  # "In 2020, March 15, 2021"
            start = m.start("wd1") if groups.get("wd1") else m.start("month")
        self._take(start, end)
        for index, (d, wd, d_start, d_end) in enumerate(days):
            first, last = index == 0, index == len(days) - 1
            self._add_date(year, month, d, wd, start if first else d_start, end if last else d_end)

    def _more_days(
        self, end: int, year: int | None
    ) -> tuple[list[tuple[int, None, int, int]], int, int | None]:
        """``April 8, 15 and 22``, ``May 11 and 12, 2021``: more days of the month, and a
        year after them that holds for all."""
        days: list[tuple[int, None, int, int]] = []
        while (more := MORE_DAYS.match(self.masked, end)) is not None:
            days.append((int(more.group("d")), None, more.start("d"), more.end("d")))
            end = more.end()
        if days and year is None and (after := AFTER_YEAR.match(self.masked, end)):
            year, end = int(after.group(1)), after.end()
        return days, end, year

    def _add_date(
        self, year: int | None, month: int, day: int, weekday: int | None, start: int, end: int
    ) -> None:
        quote = self.text[start:end]
        self.others.append(DateFact(year, month, day, weekday, start, end, quote))

    # ---------------------------------------------------------- round the clock
    def _all_day(self) -> None:
        if "24" not in self.masked and not _ROUND_HINT.search(self.masked):
            return
        for m in _ALL_DAY.finditer(self.masked):
            group = next(name for name, value in m.groupdict().items() if value is not None)
            start, end = m.span(group)
            if not self._free(start, end):
                continue
            days = EVERY_DAY if "/" in m.group() else None
            quote = self.text[start:end]
            self.times.append(TimeFact("all-day", 0, MINUTES_PER_DAY, days, start, end, quote))
            self._take(start, end)

    # ------------------------------------------------------------------- times
    def _times(self) -> None:
        atoms = self._atoms()
        i = 0
        while i < len(atoms):
            first = atoms[i]
            if i + 1 < len(atoms) and self._joined(first, atoms[i + 1]):
                second = atoms[i + 1]
                start = _shared_meridiem(first, second.atom)
                self._add(make_range(start, second.atom, self.text))
                i += 2
                continue
            if first.standalone:
                self._add([self._point(first.atom)])
            i += 1

    def _point(self, atom: Atom) -> TimeFact | InvalidTime:
        """A time alone; ``until midnight`` is the end of the day (24:00, as 24時まで)."""
        point = make_point(atom, self.text)
        before = self.masked[max(0, atom.start_offset - 12) : atom.start_offset]
        if atom.special == "midnight" and isinstance(point, TimeFact) and _UNTIL.search(before):
            point = replace(point, start=MINUTES_PER_DAY)
        return point

    def _joined(self, first: _Found, second: _Found) -> bool:
        gap = self.masked[first.end : second.start]
        if _CONNECTOR.match(gap):
            return True
        before = self.masked[max(0, first.start - 20) : first.start]
        return bool(_BETWEEN_AND.match(gap) and _BETWEEN_BEFORE.search(before))

    def _add(self, facts: list[TimeFact | InvalidTime]) -> None:
        for fact in facts:
            if isinstance(fact, TimeFact):
                self.times.append(fact)
            else:
                self.others.append(fact)
            self._take(fact.start_offset, fact.end_offset)

    def _atoms(self) -> list[_Found]:
        found: list[_Found] = []
        if not _TIME_HINT.search(self.masked):
            return found  # a bare number (the only other atom) joins a time, or is nothing
        for m in _ATOM.finditer(self.masked):
            if not self._free(m.start(), m.end()) or self._is_ratio(m.start()):
                continue
            atom = self._atom(m)
            if atom is not None:
                bare = m.group("h24") is not None and atom.hour <= 12
                found.append(_Found(atom, bare=bare))
        starts = {f.start for f in found}
        bare_starts = (
            _BARE_START.finditer(self.masked) if _MERIDIEM_HINT.search(self.masked) else ()
        )
        for m in bare_starts:
            if self._free(m.start(), m.end()) and m.start() not in starts:
                number = Atom(m.start(), m.end(), int(m.group("h")))
                found.append(_Found(number, bare=True, standalone=False))
        found.sort(key=lambda f: f.start)
        return found

    def _is_ratio(self, start: int) -> bool:
        return bool(_RATIO_CONTEXT.search(self.masked[max(0, start - 16) : start]))

    def _atom(self, m: re.Match[str]) -> Atom | None:
        end = m.end()
        nxt = _NEXT_DAY.match(self.masked, end)
        next_day = nxt is not None
        if nxt is not None:
            end = nxt.end()
        if _ZONE.match(self.masked, end):
            return None  # 10:00 UTC
        if m.group("word"):
            return Atom(m.start(), end, 12, 0, None, next_day, _special(m.group("word")))
        if m.group("oclock"):
            return Atom(m.start(), end, int(m.group("oclock")), 0, None, next_day)
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
            if hour > 29:
                return None  # 45:30 is a duration or a score, not a bad time
            return Atom(m.start(), end, hour, minute, None, next_day)
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if m.group("sep") == "." and minute >= 60:
            return None  # 5.75 pm is not a time written with a dot
        word = m.group("mer").lower()
        if word in ("noon", "midnight"):
            if hour != 12 or minute:
                return None  # "1 noon" is not a time
            return Atom(m.start(), end, 12, 0, None, next_day, _special(word))
        meridiem: Meridiem = "am" if word.startswith("a") else "pm"
        return Atom(m.start(), end, hour, minute, meridiem, next_day)

    # -------------------------------------------------------------- qualifiers
    def _qualifiers(self) -> None:
        if not _DAY_WORD_HINT.search(self.masked):
            return
        pos = 0
        while True:
            m = DAY_WORD.search(self.masked, pos)
            if m is None:
                return
            if m.group().lower() == "each day" and self._after_a_date(m.start()):
                pos = m.end()  # April 8 and 9, 10 a.m.–4 p.m. each day: each of those days
                continue
            start = self._qualifier_start(m.start())
            end = self._qualifier_at(start) if self._free(m.start(), m.end()) else m.end()
            pos = max(end, m.end())

    def _after_a_date(self, offset: int) -> bool:
        return any(isinstance(f, DateFact) and f.end_offset <= offset for f in self.others)

    def _qualifier_start(self, start: int) -> int:
        """Move back over ``(`` and ``excluding`` that open the qualifier at ``start``."""
        lead = LEAD.search(self.masked, max(0, start - 30), start)
        if lead is not None and self._free(lead.start(), start):
            return lead.start()
        return start

    def _qualifier_at(self, start: int) -> int:
        """Parse a qualifier starting at ``start``; return where scanning goes on."""
        parser = QualifierParser(self.masked, start, self._free)
        elems, end = parser.parse()
        days = evaluate(elems) if parser.valid() else None
        if days is None:
            return max(end, start + 1)
        bracketed = self.masked[start] == "("
        self.qualifiers.append(Qualifier(days, start, end, bracketed, is_exclusion(elems)))
        self._take(start, end)
        return end


def _year_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("yy"):
        return two_digit_year(int(groups["yy"]))  # type: ignore[arg-type]
    text = groups.get("year") or groups.get("year0")
    return int(text) if text else None


def _special(word: str) -> Literal["noon", "midnight"]:
    return "noon" if word.lower() == "noon" else "midnight"


def _weekday(word: str | None) -> int | None:
    if not word:
        return None
    return WEEKDAY_WORDS.get(word.rstrip(".").lower())


def _shared_meridiem(first: _Found, second: Atom) -> Atom:
    """``9–11 a.m.``, ``1:00-3:00 p.m.``: a bare start takes the end's meridiem.

    When the end's meridiem would put the start after the end (``11-1 p.m.``,
    ``10-4pm``), the start takes the other one.
    """
    atom = first.atom
    if not first.bare or second.meridiem is None or not 1 <= atom.hour <= 12:
        return atom
    same = replace(atom, meridiem=second.meridiem)
    end_value = resolve(second, "end")
    start_value = resolve(same, "start")
    if isinstance(end_value, int) and isinstance(start_value, int) and start_value < end_value:
        return same
    return replace(atom, meridiem="am" if second.meridiem == "pm" else "pm")
