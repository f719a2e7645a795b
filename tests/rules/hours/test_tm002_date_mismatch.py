"""TM002 date-mismatch: each input pair beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hours_pages import bilingual, page, pairs, tm

from helpers import make_site

# --- the same dates, written differently: never reported ----------------------------------

SAME_DATES = [
    ("2025年3月15日（土）に実施します．", "It takes place on Saturday, March 15, 2025."),
    ("令和7年3月15日に実施します．", "It takes place on 15 March 2025."),
    ("2025/3/15に実施します．", "It takes place on 2025-03-15."),
    ("２０２５年３月１５日に実施します．", "It takes place on Mar. 15, 2025."),
    ("3月15日に実施します．", "It takes place on March 15, 2025."),
    ("3月15日から4月20日まで", "from March 15 through April 20"),
    ("3月15日～20日", "March 15-20"),
    ("3/1より利用できます．", "Available from March 1."),
    ("4/29以前となる見込みです．", "It is expected to be before April 29."),
]


@pytest.mark.parametrize(("ja", "en"), SAME_DATES)
def test_same_dates_in_a_pair_of_files(tmp_path: Path, ja: str, en: str) -> None:
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM002") == []


@pytest.mark.parametrize(("ja", "en"), SAME_DATES)
def test_same_dates_on_a_bilingual_page(tmp_path: Path, ja: str, en: str) -> None:
    make_site(tmp_path, {"a.md": bilingual(f"## 日程 / Schedule\n\n{ja}\n\n{en}")})
    assert pairs(tmp_path) == 1
    assert tm(tmp_path, select="TM002") == []


def test_dates_alone_in_table_cells(tmp_path: Path) -> None:
    ja = "|期間|確定日|\n|--|--|\n|S1|**4/28**|\n|S2|6/14|"
    en = "|Term|Date|\n|--|--|\n|S1|**April 28**|\n|S2|June 14|"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_japanese_date_in_a_block_of_latin_script(tmp_path: Path) -> None:
    """A Japanese page citing an English title: the block is in Latin script, and its
    date is written in Japanese."""
    ja = "- “[How UTokyo moved 5,000 classes online in a month](https://example.com/x)”（東京大学，2020年7月20日）"
    en = "- “[How UTokyo moved 5,000 classes online in a month](https://example.com/x)” (University of Tokyo, July 20, 2020)"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_date_moved_to_another_section(tmp_path: Path) -> None:
    ja = "## 概要\n\n2025年4月1日から提供します．\n\n## 対象\n\n全員"
    en = "## Overview\n\nA new service.\n\n## Eligibility\n\nEveryone, from April 1, 2025."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


# --- datelines: each version's own date, not compared --------------------------------------

DATELINES = [
    # right-aligned, as notices and policies date themselves
    (
        '<p style="text-align: right">\n2024年4月4日</p>\n\n## 概要\n\n本文です．',
        '<p style="text-align: right">\nNovember 19, 2021</p>\n\n## Overview\n\nText.',
    ),
    (
        '<div style="text-align: right;">2024年12月27日 情報システム本部</div>\n\n本文です．',
        '<div style="text-align: right;">April 15, 2025</div>\n'
        '<div style="text-align: right;">Division for Information and Communication Systems</div>'
        "\n\nText.",
    ),
    # a date alone (or with a "last updated" label) before the first heading or at the end
    ("2024年3月20日\n\n## 概要\n\n本文です．", "2022/03/10\n\n## Overview\n\nText."),
    ("本文です．\n\n最終更新：2024年4月1日", "Text.\n\nLast updated: March 1, 2024"),
]


@pytest.mark.parametrize(("ja", "en"), DATELINES)
def test_datelines_are_not_compared(tmp_path: Path, ja: str, en: str) -> None:
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_dateline_still_counts_for_the_same_date_in_the_other_language(
    tmp_path: Path,
) -> None:
    """Japanese dates the notice with the day it announces; English states that day in
    its text. The dateline is not compared, but the English date is no English-only
    date either."""
    ja = '<div style="text-align: right;">2022年5月27日</div>\n\n機器のメンテナンスを行います．'
    en = "Maintenance on May 27, 2022."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_date_alone_in_the_middle_of_a_page_is_content(tmp_path: Path) -> None:
    ja = "## 日時\n\n2025年3月15日\n\n## 場所\n\n本郷"
    en = "## Date\n\nTo be announced\n\n## Place\n\nHongo"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == [
        'a.md:7:1 warning TM002 JA says "2025年3月15日" (2025-03-15); '
        "EN (en/a.md) states no such date"
    ]


# --- different dates: an error on the English side ------------------------------------------


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [
        (
            "2025年3月15日に実施します．",
            "It takes place on March 15, 2024.",
            'en/a.md:5:19 error TM002 EN says "March 15, 2024" (2024-03-15); '
            'JA (a.md:5) says "2025年3月15日" (2025-03-15)',
        ),
        (
            "3月15日（土）に実施します．",
            "It takes place on Friday, March 15.",
            'en/a.md:5:19 error TM002 EN says "Friday, March 15" (03-15 Fri); '
            'JA (a.md:5) says "3月15日（土）" (03-15 Sat)',
        ),
    ],
)
def test_a_date_that_differs(tmp_path: Path, ja: str, en: str, expected: str) -> None:
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM002") == [expected]


def test_a_wrong_weekday_is_reported_once_by_tm003(tmp_path: Path) -> None:
    """The weekdays differ, and the calendar says Japanese is wrong: TM003 reports it
    on the Japanese page; TM002 does not repeat it on the English page."""
    make_site(
        tmp_path,
        {
            "a.md": page("2025年8月9日（金）に停止します．"),
            "en/a.md": page("It stops on Saturday, August 9, 2025."),
        },
    )
    assert tm(tmp_path) == [
        'a.md:5:1 error TM003 "2025年8月9日（金）": 2025-08-09 is a Saturday, not a Friday'
    ]
    assert tm(tmp_path, select="TM002") == [
        'en/a.md:5:13 error TM002 EN says "Saturday, August 9, 2025" (2025-08-09 Sat); '
        'JA (a.md:5) says "2025年8月9日（金）" (2025-08-09 Fri)'
    ]


# --- dates in one language only: one warning per paragraph ----------------------------------


def test_the_dates_of_one_note_are_one_warning(tmp_path: Path) -> None:
    """Seed 001: the English chat page announces a temporary weekend service with its
    period. The three dates are one statement that Japanese lacks: one warning."""
    make_site(
        tmp_path,
        {
            "support/chat.md": page(
                "## 注意事項\n\n- 平日8時25分から18時30分まで受け付けています．"
            ),
            "en/support/chat.md": page(
                "## Notes\n\n- Operators are available 8:25 a.m.-6:30 p.m. on weekdays.\n"
                "- Note: business hours on weekends and holidays are available from Saturday, "
                "March 15, 2025 through Sunday, April 20, 2025 (Including Thursday, March 20)."
            ),
        },
    )
    assert tm(tmp_path, select="TM002") == [
        'en/support/chat.md:8:68 warning TM002 EN says "Saturday, March 15, 2025" '
        '(2025-03-15 Sat), "Sunday, April 20, 2025" (2025-04-20 Sun) and '
        '"Thursday, March 20" (03-20 Thu); JA (support/chat.md) states none of these dates'
    ]


def test_dates_only_in_japanese_are_reported_where_they_are(tmp_path: Path) -> None:
    ja = "申請は2026年7月24日（金）正午まで受け付けます．\n\n2026年10月1日より変更します．"
    en = "Applications are accepted until noon."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM002") == [
        'a.md:5:4 warning TM002 JA says "2026年7月24日（金）" (2026-07-24 Fri); '
        "EN (en/a.md) states no such date",
        'a.md:7:1 warning TM002 JA says "2026年10月1日" (2026-10-01); '
        "EN (en/a.md) states no such date",
    ]


def test_a_table_row_only_one_language_has_is_reported_with_its_date(tmp_path: Path) -> None:
    """English has a row more (W): both languages state April 29, but the tables' rows
    are keyed alike (S1, S2, A1), so the row W and its date are what JA lacks."""
    ja = "|期間|日|\n|--|--|\n|S1|4/29|\n|S2|6/14|\n|A1|4/29|"
    en = "|Term|Date|\n|--|--|\n|S1|April 29|\n|S2|June 14|\n|A1|April 29|\n|W|April 29|"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == [
        'en/a.md:10:4 warning TM002 EN says "April 29" (04-29) in the table row "W"; '
        "JA (a.md) has no such row"
    ]


def test_a_date_repeated_in_prose_is_no_mismatch(tmp_path: Path) -> None:
    """Twice in Japanese, once in English: both state it, so neither lacks it."""
    ja = "締切は4月30日です．\n\n繰り返しますが，4月30日までに提出してください．"
    en = "The deadline is April 30."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_one_sided_dates_on_a_bilingual_page(tmp_path: Path) -> None:
    body = """
        ## お知らせ / Notice

        2025年4月1日から新しい窓口を開設します．

        A new desk opens soon.
        """
    make_site(tmp_path, {"a.md": bilingual(body)})
    assert tm(tmp_path) == [
        'a.md:15:1 warning TM002 JA says "2025年4月1日" (2025-04-01); '
        "the English text of this page states no such date"
    ]
