"""Compare the facts of a Japanese text with those of its English translation.

Times
    Both sides are multisets of normalised values.  Pairing runs in passes, each on
    what earlier passes left unpaired, taking pairs in text order:

    1. same value and same days (or both without days): equal;
    2. same value, days compatible: one side states no days (the translator dropped or
       added ``平日``), or the weekdays agree and one side leaves holidays unstated:
       equal;
    3. same kind and the *same* days (or both without days) but a different value:
       ``differs`` (an error).  Among several candidates the closest values pair first;
    4. everything left is ``ja-only`` or ``en-only`` (a warning).

    Points at 0:00 and 24:00 compare equal (``24時まで`` = ``until midnight``).

Sections
    :func:`compare_times_in_sections` and :func:`compare_dates_in_sections` compare a
    page whose sections pair up, section by section, without mistaking moved content
    for missing content: equal facts pair within each section first, then what is left
    pairs page-wide when equal (a fact stated in another section on the other side is
    the same fact); ``differs`` pairs only within one section; the rest is one-sided.
    With one section they are :func:`compare_times` and :func:`compare_dates`.

Dates
    Equal when month and day agree, the years agree or either is missing, and the
    stated weekdays agree or either is missing (identical dates pair first, so a dated
    ``2026年4月28日（火）`` pairs with ``Tuesday, April 28, 2026`` rather than with a
    bare ``April 28`` elsewhere).  Same month and day with a different year or weekday
    is ``differs``.  Everything else is one-sided: two different days are not assumed
    to be the same date mistyped (pages carry legitimately different "last updated"
    dates, for one).

Weekdays
    :func:`weekday_contradictions` checks a stated weekday against the calendar, using
    the date's own year, else the last year stated before it, else the page's context
    year (:func:`infer_context_year`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from taiyaku.knowledge.facts._pairing import SectionPairing
from taiyaku.knowledge.facts.calendar import WEEKDAY_NAMES, weekday_of
from taiyaku.knowledge.facts.model import MINUTES_PER_DAY, DateFact, DaySet, PeriodFact, TimeFact

__all__ = [
    "DateMismatch",
    "MismatchKind",
    "PeriodMismatch",
    "TimeMismatch",
    "WeekdayContradiction",
    "compare_dates",
    "compare_dates_in_sections",
    "compare_periods_in_sections",
    "compare_times",
    "compare_times_in_sections",
    "dates_equal",
    "equality_key",
    "fits_neighbouring_year",
    "infer_context_year",
    "periods_equal",
    "times_equal",
    "weekday_contradictions",
]

MismatchKind = Literal["differs", "ja-only", "en-only"]
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class TimeMismatch:
    """Times that disagree: ``differs`` pairs one JA and one EN fact; the others hold one."""

    kind: MismatchKind
    ja: tuple[TimeFact, ...]
    en: tuple[TimeFact, ...]

    @property
    def severity(self) -> Severity:
        return "error" if self.kind == "differs" else "warning"

    def message(self) -> str:
        return _message(self.kind, [f.describe() for f in self.ja], [f.describe() for f in self.en])


@dataclass(frozen=True)
class DateMismatch:
    """Dates that disagree, in the same shape as :class:`TimeMismatch`."""

    kind: MismatchKind
    ja: tuple[DateFact, ...]
    en: tuple[DateFact, ...]

    @property
    def severity(self) -> Severity:
        return "error" if self.kind == "differs" else "warning"

    def message(self) -> str:
        return _message(self.kind, [f.describe() for f in self.ja], [f.describe() for f in self.en])


@dataclass(frozen=True)
class WeekdayContradiction:
    """A stated weekday that the calendar contradicts.

    ``year_inferred`` is True when the date states no year and ``year`` came from the
    context; a rule may report those with less confidence.
    """

    date: DateFact
    stated: int
    actual: int
    year: int
    year_inferred: bool

    def message(self) -> str:
        return (
            f"{self.date.quote!r}: {self.year}-{self.date.month:02d}-{self.date.day:02d} "
            f"is a {WEEKDAY_NAMES[self.actual]}, not a {WEEKDAY_NAMES[self.stated]}"
        )


def _message(kind: MismatchKind, ja: list[str], en: list[str]) -> str:
    if kind == "differs":
        return f"Japanese says {', '.join(ja)} but English says {', '.join(en)}"
    if kind == "ja-only":
        return f"{', '.join(ja)} appears only in the Japanese text"
    return f"{', '.join(en)} appears only in the English text"


# ----------------------------------------------------------------------- times
def compare_times(ja: Sequence[TimeFact], en: Sequence[TimeFact]) -> list[TimeMismatch]:
    """Mismatches between the times of a Japanese text and its English translation."""
    result = compare_times_in_sections([(ja, en)])
    result.sort(key=_mismatch_order)
    return result


def compare_times_in_sections(
    sections: Sequence[tuple[Sequence[TimeFact], Sequence[TimeFact]]],
    statements: Sequence[tuple[Sequence[TimeFact], Sequence[TimeFact]]] = (),
) -> list[TimeMismatch]:
    """Mismatches between the times of a page's sections, given as (JA, EN) pairs.

    Facts move between sections without becoming mismatches (see the module notes).
    ``statements`` are the facts of blocks known to state the same thing (see
    :func:`taiyaku.knowledge.alignment.align_statements`): where each states exactly one
    time, of the same kind and days, and they differ, that is one ``differs``.  The
    result holds ``differs`` first, then ``ja-only``, then ``en-only``, each in section
    order and text order within a section.
    """
    pairing = SectionPairing(sections, _time_key)
    for accept in _TIME_EQUAL:
        pairing.pair_statements(statements, accept, one_each=False)
    for accept in _TIME_EQUAL:
        pairing.pair_within(accept)
    for accept in _TIME_EQUAL:
        pairing.pair_across(accept)
    differs = pairing.pair_statements(statements, _time_comparable)
    differs += pairing.pair_closest_within(_time_differs, _time_distance, _differs_key)
    result = [TimeMismatch("differs", (a,), (b,)) for a, b in differs]
    result += [TimeMismatch("ja-only", (a,), ()) for a in pairing.ja_left()]
    result += [TimeMismatch("en-only", (), (b,)) for b in pairing.en_left()]
    return result


def times_equal(a: TimeFact, b: TimeFact) -> bool:
    """Whether two times say the same thing (what :func:`compare_times` pairs as equal)."""
    return any(accept(a, b) for accept in _TIME_EQUAL)


def _time_key(fact: TimeFact) -> tuple[str, int | None, int | None]:
    start = fact.start
    if fact.kind == "point" and start == MINUTES_PER_DAY:
        start = 0
    return (fact.kind, start, fact.end)


def _days_compatible(a: TimeFact, b: TimeFact) -> bool:
    if a.days is None or b.days is None:
        return True
    return a.days.matches(b.days)


def _same_days(a: DaySet | None, b: DaySet | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.matches(b)


def _time_differs(a: TimeFact, b: TimeFact) -> bool:
    return a.kind == b.kind and _same_days(a.days, b.days)


def equality_key(fact: TimeFact | DateFact | PeriodFact) -> object:
    """What two facts that :func:`times_equal`, :func:`dates_equal` or
    :func:`periods_equal` accept always share (for hashing them into buckets)."""
    if isinstance(fact, TimeFact):
        return _time_key(fact)
    if isinstance(fact, DateFact):
        return _month_day(fact)
    return (fact.part, fact.month)


def _differs_key(fact: TimeFact) -> object:
    """What two times must share to be one time stated differently: kind and weekdays."""
    return (fact.kind, fact.days.weekdays if fact.days is not None else None)


def _month_day(fact: DateFact) -> tuple[int, int]:
    return (fact.month, fact.day)


def _time_comparable(a: TimeFact, b: TimeFact) -> bool:
    return a.kind == b.kind and _days_compatible(a, b)


def _time_distance(a: TimeFact, b: TimeFact) -> int:
    start = abs((_time_key(a)[1] or 0) - (_time_key(b)[1] or 0))
    return start + abs((a.end or 0) - (b.end or 0))


_TIME_EQUAL: tuple[Callable[[TimeFact, TimeFact], bool], ...] = (
    lambda a, b: _time_key(a) == _time_key(b) and a.days == b.days,
    lambda a, b: _time_key(a) == _time_key(b) and _days_compatible(a, b),
)


# ----------------------------------------------------------------------- dates
def compare_dates(ja: Sequence[DateFact], en: Sequence[DateFact]) -> list[DateMismatch]:
    """Mismatches between the dates of a Japanese text and its English translation."""
    result = compare_dates_in_sections([(ja, en)])
    result.sort(key=_mismatch_order)
    return result


def compare_dates_in_sections(
    sections: Sequence[tuple[Sequence[DateFact], Sequence[DateFact]]],
    statements: Sequence[tuple[Sequence[DateFact], Sequence[DateFact]]] = (),
) -> list[DateMismatch]:
    """Mismatches between the dates of a page's sections, as :func:`compare_times_in_sections`."""
    pairing = SectionPairing(sections, _month_day)
    for accept in _DATE_EQUAL:
        pairing.pair_statements(statements, accept, one_each=False)
    for accept in _DATE_EQUAL:
        pairing.pair_within(accept)
    for accept in _DATE_EQUAL:
        pairing.pair_across(accept)
    differs = pairing.pair_statements(statements, lambda a, b: True)
    differs += pairing.pair_within(lambda a, b: (a.month, a.day) == (b.month, b.day))
    result = [DateMismatch("differs", (a,), (b,)) for a, b in differs]
    result += [DateMismatch("ja-only", (a,), ()) for a in pairing.ja_left()]
    result += [DateMismatch("en-only", (), (b,)) for b in pairing.en_left()]
    return result


def dates_equal(a: DateFact, b: DateFact) -> bool:
    """Whether two dates say the same thing (what :func:`compare_dates` pairs as equal)."""
    return any(accept(a, b) for accept in _DATE_EQUAL)


def _date_key(d: DateFact) -> tuple[int | None, int, int, int | None]:
    return (d.year, d.month, d.day, d.weekday)


def _compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _dates_equal(a: DateFact, b: DateFact) -> bool:
    return (
        (a.month, a.day) == (b.month, b.day)
        and _compatible(a.year, b.year)
        and _compatible(a.weekday, b.weekday)
    )


_DATE_EQUAL: tuple[Callable[[DateFact, DateFact], bool], ...] = (
    lambda a, b: _date_key(a) == _date_key(b),
    _dates_equal,
)


# ---------------------------------------------------------------------- periods
@dataclass(frozen=True)
class PeriodMismatch:
    """Parts of months or fiscal years that disagree (shaped as :class:`DateMismatch`)."""

    kind: MismatchKind
    ja: tuple[PeriodFact, ...]
    en: tuple[PeriodFact, ...]


def compare_periods_in_sections(
    sections: Sequence[tuple[Sequence[PeriodFact], Sequence[PeriodFact]]],
    statements: Sequence[tuple[Sequence[PeriodFact], Sequence[PeriodFact]]] = (),
) -> list[PeriodMismatch]:
    """Mismatches between parts of months (``4月上旬`` = ``early April``) and fiscal years
    (``2025年度`` = ``FY2025``): equal when the part, the month and the year agree (a
    missing year agrees with any); a different one only in aligned statements."""
    pairing = SectionPairing(sections, lambda p: (p.part, p.month))
    pairing.pair_statements(statements, periods_equal, one_each=False)
    pairing.pair_within(periods_equal)
    pairing.pair_across(periods_equal)
    differs = pairing.pair_statements(
        statements, lambda a, b: (a.part == "fiscal-year") == (b.part == "fiscal-year")
    )
    result = [PeriodMismatch("differs", (a,), (b,)) for a, b in differs]
    result += [PeriodMismatch("ja-only", (a,), ()) for a in pairing.ja_left()]
    result += [PeriodMismatch("en-only", (), (b,)) for b in pairing.en_left()]
    return result


def periods_equal(a: PeriodFact, b: PeriodFact) -> bool:
    return (a.part, a.month) == (b.part, b.month) and _compatible(a.year, b.year)


# -------------------------------------------------------------------- weekdays
def infer_context_year(dates: Iterable[DateFact]) -> int | None:
    """The year all dated facts agree on, or None when they state none or several."""
    years = {d.year for d in dates if d.year is not None}
    return years.pop() if len(years) == 1 else None


def weekday_contradictions(
    dates: Sequence[DateFact], context_year: int | None
) -> list[WeekdayContradiction]:
    """Dates whose stated weekday is not the weekday of that date.

    A date without a year takes the last year stated before it in ``dates``, else
    ``context_year``.  For such a date in January, February, November or December, a
    weekday that fits the neighbouring year is accepted (a notice written in December
    about 1月5日（月） means the next January).
    """
    found: list[WeekdayContradiction] = []
    last_year: int | None = None
    for date in dates:
        if date.year is not None:
            last_year = date.year
        if date.weekday is None:
            continue
        year = date.year if date.year is not None else (last_year or context_year)
        if year is None:
            continue
        actual = weekday_of(year, date.month, date.day)
        if actual is None or actual == date.weekday:
            continue
        inferred = date.year is None
        if inferred and fits_neighbouring_year(date, year):
            continue
        found.append(WeekdayContradiction(date, date.weekday, actual, year, inferred))
    return found


def fits_neighbouring_year(date: DateFact, year: int) -> bool:
    """Whether a yearless date's weekday fits the year after ``year`` (January,
    February) or before it (November, December): a notice dated in December that says
    ``1/10 (Sat)`` means the next January."""
    if date.month in (1, 2):
        return weekday_of(year + 1, date.month, date.day) == date.weekday
    if date.month in (11, 12):
        return weekday_of(year - 1, date.month, date.day) == date.weekday
    return False


# --------------------------------------------------------------------- pairing


def _mismatch_order(m: TimeMismatch | DateMismatch) -> tuple[int, int]:
    first = (m.ja or m.en)[0]
    return (0 if m.ja else 1, first.start_offset)
