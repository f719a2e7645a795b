"""Comparison of Japanese and English facts, weekday checks and the context year."""

from __future__ import annotations

import pytest

from taiyaku.knowledge.facts import (
    DateFact,
    compare_dates,
    compare_dates_in_sections,
    compare_times,
    compare_times_in_sections,
    dates_equal,
    extract_en,
    extract_ja,
    infer_context_year,
    split_facts,
    times_equal,
    weekday_contradictions,
)
from taiyaku.parse.analyzer import tokenize


def ja_facts(text: str):  # type: ignore[no-untyped-def]
    return split_facts(extract_ja(text, tokenize(text)))


def en_facts(text: str):  # type: ignore[no-untyped-def]
    return split_facts(extract_en(text))


def time_mismatches(ja: str, en: str) -> list[tuple[str, list[str], list[str]]]:
    found = compare_times(ja_facts(ja).times, en_facts(en).times)
    return [(m.kind, [f.describe() for f in m.ja], [f.describe() for f in m.en]) for m in found]


def date_mismatches(ja: str, en: str) -> list[tuple[str, list[str], list[str]]]:
    found = compare_dates(ja_facts(ja).dates, en_facts(en).dates)
    return [(m.kind, [f.describe() for f in m.ja], [f.describe() for f in m.en]) for m in found]


EQUAL_TIMES = [
    (
        "オペレータ対応は，平日8時25分から18時30分まで受け付けております．",
        "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri).",
    ),
    ("午後6時30分", "6:30 p.m."),
    ("18時30分", "18:30"),
    ("１８：３０", "6:30 pm"),
    ("十八時半", "6:30 PM"),
    ("8時25分〜18時30分", "8:25am – 6:30pm"),
    ("正午", "12:00 noon"),
    ("12時", "noon"),
    ("24時まで", "until midnight"),
    ("24時間365日", "24 hours a day, 365 days a year"),
    ("受付時間：24時間", "Business hours: 24 hours"),
    ("24時間対応", "available 24/7"),
    ("22時～翌6時", "10 p.m. to 6 a.m."),
    ("土日祝日は10時20分から16時35分", "10:20 a.m.-4:35 p.m. on weekends or holidays"),
    ("土日祝日は10時20分から16時35分", "10:20 a.m.-4:35 p.m. on weekends"),
    ("月～金 9時～17時", "9am-5pm Monday through Friday"),
    ("平日の9:00～12:00と13:00～17:00", "9:00-12:00 and 13:00-17:00 on weekdays"),
    ("平日の9:00～12:00と13:00～17:00", "13:00-17:00 and 9:00-12:00 on weekdays"),
    # one side states no days: the translator dropped them, not a contradiction
    ("平日8時25分から18時30分まで", "from 8:25 a.m. to 6:30 p.m."),
    ("毎日6〜23時", "between 6:00 and 23:00"),
    ("", ""),
    ("ご不明な点はお問い合わせください．", "Please contact us."),
]


@pytest.mark.parametrize(("ja", "en"), EQUAL_TIMES)
def test_equal_times(ja: str, en: str) -> None:
    assert time_mismatches(ja, en) == []


def test_weekend_range_only_in_english() -> None:
    ja = "平日は8時25分から18時30分まで"
    en = (
        "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri) and "
        "10:20 a.m.-4:35 p.m. on weekends or holidays."
    )
    assert time_mismatches(ja, en) == [
        ("en-only", [], ["10:20–16:35 on weekends and holidays"]),
    ]


def test_different_start_is_one_differs() -> None:
    found = compare_times(
        ja_facts("平日 8時25分–18時30分").times, en_facts("8:30 a.m.–6:30 p.m. on weekdays").times
    )
    assert [(m.kind, m.severity) for m in found] == [("differs", "error")]
    assert found[0].ja[0].quote == "8時25分–18時30分"
    assert found[0].en[0].quote == "8:30 a.m.–6:30 p.m."
    assert found[0].message() == (
        "Japanese says 8:25–18:30 on weekdays but English says 8:30–18:30 on weekdays"
    )


MISMATCHED_TIMES = [
    # same (unqualified) days, different value
    ("9時～17時", "9am-6pm", [("differs", ["9:00–17:00"], ["9:00–18:00"])]),
    ("正午まで", "until 1 p.m.", [("differs", ["12:00"], ["13:00"])]),
    # the closest values pair when several differ
    (
        "平日9時～12時と13時～17時",
        "9am-12pm and 1pm-6pm on weekdays",
        [("differs", ["13:00–17:00 on weekdays"], ["13:00–18:00 on weekdays"])],
    ),
    # different days: not comparable, so one-sided on both sides
    (
        "平日9時～17時",
        "9am-6pm on weekends",
        [("ja-only", ["9:00–17:00 on weekdays"], []), ("en-only", [], ["9:00–18:00 on weekends"])],
    ),
    # a point and a range are not compared as "differs"
    ("9時から", "9am-5pm", [("ja-only", ["9:00"], []), ("en-only", [], ["9:00–17:00"])]),
    ("9時～17時", "", [("ja-only", ["9:00–17:00"], [])]),
    ("", "9am-5pm", [("en-only", [], ["9:00–17:00"])]),
    # multiset: a repeated value must be matched as often as it appears
    (
        "9時～17時，9時～17時",
        "9am-5pm",
        [("ja-only", ["9:00–17:00"], [])],
    ),
]


@pytest.mark.parametrize(("ja", "en", "expected"), MISMATCHED_TIMES)
def test_mismatched_times(ja: str, en: str, expected: list[object]) -> None:
    assert time_mismatches(ja, en) == expected


def test_one_sided_mismatches_are_warnings() -> None:
    found = compare_times(ja_facts("9時～17時").times, [])
    assert [(m.kind, m.severity) for m in found] == [("ja-only", "warning")]
    assert found[0].message() == "9:00–17:00 appears only in the Japanese text"


EQUAL_DATES = [
    ("2025年3月15日（土）", "Saturday, March 15, 2025"),
    ("3月15日", "March 15, 2025"),
    ("2025年3月15日", "March 15"),
    ("2025/3/15", "2025-03-15"),
    ("２０２５年３月１５日", "15 March 2025"),
    ("3月15日（土）", "Mar. 15"),
    ("令和7年3月15日", "March 15, 2025"),
]


@pytest.mark.parametrize(("ja", "en"), EQUAL_DATES)
def test_equal_dates(ja: str, en: str) -> None:
    assert date_mismatches(ja, en) == []


MISMATCHED_DATES = [
    ("2025年3月15日", "March 15, 2024", [("differs", ["2025-03-15"], ["2024-03-15"])]),
    ("3月15日（土）", "Friday, March 15", [("differs", ["03-15 (Sat)"], ["03-15 (Fri)"])]),
    # different days are never assumed to be one date mistyped: both sides are reported
    ("3月15日", "March 16", [("ja-only", ["03-15"], []), ("en-only", [], ["03-16"])]),
    ("3月15日", "April 15", [("ja-only", ["03-15"], []), ("en-only", [], ["04-15"])]),
    # identical dates pair first, whatever the order
    (
        "4月28日，2026年4月28日（火）",
        "Tuesday, April 28, 2026 (April 28)",
        [],
    ),
    (
        "2026年4月28日（火）",
        "April 28 and Tuesday, April 28, 2026",
        [("en-only", [], ["04-28"])],
    ),
    ("3月15日", "", [("ja-only", ["03-15"], [])]),
]


@pytest.mark.parametrize(("ja", "en", "expected"), MISMATCHED_DATES)
def test_mismatched_dates(ja: str, en: str, expected: list[object]) -> None:
    assert date_mismatches(ja, en) == expected


NOTE = (
    "Note: business hours on weekends and holidays are available from Saturday, March 15, 2025 "
    "through Sunday, April 20, 2025 (Including Thursday, March 20)."
)


def test_english_note_dates_have_consistent_weekdays() -> None:
    dates = en_facts(NOTE).dates
    assert [(d.describe(), d.weekday) for d in dates] == [
        ("2025-03-15 (Sat)", 5),
        ("2025-04-20 (Sun)", 6),
        ("03-20 (Thu)", 3),
    ]
    assert infer_context_year(dates) == 2025
    assert weekday_contradictions(dates, 2025) == []


def test_wrong_weekday_is_a_contradiction() -> None:
    dates = ja_facts("2025年3月15日（金）").dates
    (found,) = weekday_contradictions(dates, None)
    assert (found.stated, found.actual, found.year, found.year_inferred) == (4, 5, 2025, False)
    assert found.message() == "'2025年3月15日（金）': 2025-03-15 is a Saturday, not a Friday"


def _date(year: int | None, month: int, day: int, weekday: int | None) -> DateFact:
    return DateFact(year, month, day, weekday, 0, 0, f"{month}/{day}")


CONTRADICTIONS = [
    # (dates, context year, expected (stated, actual, year, inferred))
    ([_date(None, 3, 20, 4)], 2025, [(4, 3, 2025, True)]),
    ([_date(None, 3, 20, 3)], 2025, []),
    ([_date(None, 3, 20, 4)], None, []),  # no year anywhere: cannot tell
    ([_date(2024, 3, 15, None), _date(None, 3, 20, 3)], 2025, [(3, 2, 2024, True)]),
    # a yearless January date near the turn of the year may be the next January
    ([_date(2025, 12, 20, 5), _date(None, 1, 5, 0)], 2025, []),
    ([_date(2025, 12, 20, 5), _date(None, 1, 5, 2)], 2025, [(2, 6, 2025, True)]),
]


@pytest.mark.parametrize(("dates", "year", "expected"), CONTRADICTIONS)
def test_weekday_contradictions(
    dates: list[DateFact], year: int | None, expected: list[tuple[int, int, int, bool]]
) -> None:
    found = weekday_contradictions(dates, year)
    assert [(c.stated, c.actual, c.year, c.year_inferred) for c in found] == expected


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ([2025, None, 2025], 2025),
        ([2025, 2024], None),
        ([None, None], None),
        ([], None),
    ],
)
def test_infer_context_year(years: list[int | None], expected: int | None) -> None:
    assert infer_context_year([_date(y, 1, 1, None) for y in years]) == expected


# ----------------------------------------------------------- sections of a page


def _sections(*pairs: tuple[str, str]):  # type: ignore[no-untyped-def]
    return [(ja_facts(ja).times, en_facts(en).times) for ja, en in pairs]


def _describe(found) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(m.kind, [f.describe() for f in m.ja], [f.describe() for f in m.en]) for m in found]


def test_a_time_moved_to_another_section_is_equal() -> None:
    found = compare_times_in_sections(_sections(("平日9時～17時", ""), ("", "9am-5pm on weekdays")))
    assert found == []


def test_times_swapped_between_sections_are_equal() -> None:
    found = compare_times_in_sections(
        _sections(("9時～17時", "10am-4pm"), ("10時～16時", "9am-5pm"))
    )
    assert found == []


def test_differs_pairs_only_within_a_section() -> None:
    found = compare_times_in_sections(_sections(("9時～17時", ""), ("", "9am-6pm")))
    assert _describe(found) == [
        ("ja-only", ["9:00–17:00"], []),
        ("en-only", [], ["9:00–18:00"]),
    ]


def test_equal_pairs_within_a_section_come_first() -> None:
    """The same hours in two sections, the second changed in English: the error is in
    the second section, not a cross-section equal pair plus two one-sided facts."""
    found = compare_times_in_sections(_sections(("9時～17時", "9am-6pm"), ("9時～17時", "9am-5pm")))
    assert _describe(found) == [("differs", ["9:00–17:00"], ["9:00–18:00"])]


def test_identical_facts_of_two_sections_stay_distinct() -> None:
    """Facts are held by position: two equal-valued facts are two facts."""
    fact = ja_facts("9時～17時").times[0]
    found = compare_times_in_sections([([fact], []), ([fact], [])])
    assert [m.kind for m in found] == ["ja-only", "ja-only"]


def test_dates_in_sections() -> None:
    sections = [
        (ja_facts("2025年3月15日").dates, en_facts("").dates),
        (ja_facts("").dates, en_facts("March 15, 2025 and April 1").dates),
    ]
    found = compare_dates_in_sections(sections)
    assert [(m.kind, [d.describe() for d in m.en]) for m in found] == [("en-only", ["04-01"])]


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [("9時～17時", "9am-5pm", True), ("平日9時～17時", "9am-5pm", True), ("9時", "9am-5pm", False)],
)
def test_times_equal(ja: str, en: str, expected: bool) -> None:
    assert times_equal(ja_facts(ja).times[0], en_facts(en).times[0]) is expected


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [("3月15日", "March 15, 2025", True), ("2025年3月15日", "March 15, 2024", False)],
)
def test_dates_equal(ja: str, en: str, expected: bool) -> None:
    assert dates_equal(ja_facts(ja).dates[0], en_facts(en).dates[0]) is expected


def test_a_text_without_facts_shares_one_empty_value_no_reader_can_add_to() -> None:
    from taiyaku.knowledge.facts import NO_FACTS, split_facts

    assert split_facts([]) is NO_FACTS and split_facts(iter(())) is NO_FACTS
    assert not NO_FACTS and all(field == () for field in NO_FACTS)
    with pytest.raises(AttributeError):
        NO_FACTS.times.append(None)  # type: ignore[attr-defined]
    found = split_facts(extract_en("Open 9:00–17:00 on April 3, 2025."))
    assert found and found is not NO_FACTS
    assert isinstance(found.times, list) and found.times is not split_facts([]).times
