"""Dates and times as real sites write them (issue 16): changed statements, one finding
per statement, precision first where the other side cannot be read, the year from the
page's context, impossible dates, and the date order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hours_pages import page, tm

from helpers import make_site
from taiyaku.cli import main


# -- a changed statement is one error --------------------------------------------------
def test_a_date_changed_in_the_same_list_item_is_one_error(tmp_path: Path) -> None:
    ja = "- 受付は2025年4月1日（火）から\n- 窓口は本郷です"
    en = "- Reception opens on Wednesday, April 2, 2025\n- The desk is at Hongo"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM002") == [
        'en/a.md:5:22 error TM002 EN says "Wednesday, April 2, 2025" (2025-04-02 Wed); '
        'JA (a.md:5) says "2025年4月1日（火）" (2025-04-01 Tue)'
    ]


def test_a_time_changed_in_the_same_table_row_is_one_error(tmp_path: Path) -> None:
    ja = "|窓口|時間|\n|--|--|\n|本郷|9:00～17:00|\n|駒場|10:00～16:00|"
    en = "|Desk|Hours|\n|--|--|\n|本郷|9:00-17:00|\n|駒場|10:00-15:00|"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM001") == [
        'en/a.md:8:5 error TM001 EN says "10:00-15:00" (10:00–15:00); '
        'JA (a.md:8) says "10:00～16:00" (10:00–16:00)'
    ]


def test_statements_that_do_not_align_give_one_sided_warnings(tmp_path: Path) -> None:
    """Two paragraphs against one: the rule declines to call them one statement."""
    ja = "説明会は4月1日です．\n\n会場は本郷です．"
    en = "The briefing is on April 2."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert [line.split(" ")[1] for line in tm(tmp_path, select="TM002")] == [
        "warning",
        "warning",
    ]


# -- one finding per statement, and severities ---------------------------------------
def test_the_times_of_one_sentence_are_one_finding(tmp_path: Path) -> None:
    ja = "対応時間は平日の9:00～12:00と13:00～17:00です．"
    en = "Please visit the desk."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path, select="TM001") == [
        'a.md:5:9 warning TM001 JA says "9:00～12:00" (9:00–12:00 on weekdays) and '
        '"13:00～17:00" (13:00–17:00 on weekdays); EN (en/a.md) states none of these times'
    ]


def test_unreadable_date_like_text_on_the_other_side_makes_a_claim_information(
    tmp_path: Path,
) -> None:
    """EN writes the date in a form no rule reads: 'no such date' would be a guess."""
    ja = "締切は2025年4月8日です．"
    en = "The deadline is 4/8 – to be confirmed."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    (finding,) = tm(tmp_path, select="TM002")
    assert finding.startswith("a.md:5:4 info TM002 JA says")
    assert finding.endswith('that taiyaku can read, but it has "4/8", which may state it')


def test_the_same_date_in_two_notations_is_no_mismatch(tmp_path: Path) -> None:
    ja = "- 4/9 学生あて：システム更新のお知らせ\n- 2025.4.15 説明会"
    en = "- 4/9 For students: system update notice\n- April 15, 2025: briefing"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


# -- the year from the page's context --------------------------------------------------
@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # the front matter's date
            {
                "n.md": "---\ntitle: t\ndate: 2021-06-04T10:00:00+09:00\n---\n\n説明会は6/4 (木) です．\n"
            },
            [
                'n.md:6:5 error TM003 "6/4 (木)": 2021-06-04 is a Friday, not a Thursday '
                "(the year 2021 is taken from the front matter `date`)"
            ],
        ),
        (  # a year folder
            {"events/2021/n.md": page("説明会は6月4日（木）です．")},
            [
                'events/2021/n.md:5:5 error TM003 "6月4日（木）": 2021-06-04 is a Friday, not a '
                "Thursday (the year 2021 is taken from the path `events/2021`)"
            ],
        ),
        (  # December/January: a December notice about 1/10 means the next January
            {"n.md": "---\ntitle: t\ndate: 2021-12-20\n---\n\n再開は1/10（水）です．\n"},
            [
                'n.md:6:4 error TM003 "1/10（水）": 2022-01-10 is a Monday, not a Wednesday '
                "(the year 2022 is taken from the front matter `date`)"
            ],
        ),
        (  # a year later in the same sentence
            {"n.md": page("Sessions on 4/8 (Tue) and 4/9 (Thu), 2025.")},
            ['n.md:5:13 error TM003 "4/8 (Tue)": 2025-04-08 is a Tuesday… '],
        ),
        (  # the nearest earlier block names two years: no year
            {"n.md": page("2025年4月1日と2024年4月1日に更新．\n\n説明会は3月20日（金）です．")},
            [],
        ),
    ],
    ids=["front-matter", "path", "december-january", "same-sentence", "ambiguous"],
)
def test_a_yearless_date_takes_the_year_of_its_context(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    make_site(tmp_path, files)
    found = tm(tmp_path, select="TM003")
    if expected and expected[0].endswith("… "):  # the date is right: nothing to report
        assert found == []
    else:
        assert found == expected


# -- impossible dates ------------------------------------------------------------------
def test_impossible_dates_are_reported_where_written_as_dates(tmp_path: Path) -> None:
    body = "締切は2月30日（月）です．\n\n2025年2月29日に更新．\n\n材料の1/2を使います．"
    make_site(tmp_path, {"a.md": page(body)})
    assert tm(tmp_path, select="TM005") == [
        'a.md:5:4 warning TM005 "2月30日": month 2 has no day 30',
        'a.md:7:1 warning TM005 "2025年2月29日": 2025 is not a leap year',
    ]


# -- date order ---------------------------------------------------------------------------
def test_a_page_that_writes_day_first_reads_its_dates_day_first(tmp_path: Path) -> None:
    """15/03 can only be day/month, so 01/04 on the same page is 1 April."""
    ja = "- 3月15日：申込開始\n- 4月1日：受付開始"
    en = "- 15/03: applications open\n- 01/04: reception opens"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []
    month_first = tm(tmp_path, date_order="mdy")  # read month first: neither agrees
    assert [" ".join(f.split(" ")[1:3]) for f in month_first] == [
        "info TM002",  # 3月15日: EN's 15/03 is no date month-first, but date-shaped text
        "warning TM005",  # 15/03: month 15
        "error TM002",  # 01/04 is January 4, 4月1日 April 1
    ]


# -- the facts command ----------------------------------------------------------------------
def test_taiyaku_facts_prints_each_block_its_years_and_what_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_site(
        tmp_path / "content",
        {
            "a.md": "---\ntitle: t\ndate: 2021-06-04\n---\n\n説明会は6/4 (金) 10時から．\n\n予備日は8.4.頃．\n",
            "en/a.md": page("The briefing is on June 4 at 10 a.m.\n\nReserve day: 8/4 – TBC."),
        },
    )
    monkeypatch.chdir(tmp_path)
    args = ["facts", "--no-config", "--root", "content", "content/a.md", "content/en/a.md"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "content/a.md  [JA; compared with EN content/en/a.md]" in out
    assert "date         06-04 (Fri) (year 2021 from the front matter `date`)  ← '6/4 (金)'" in out
    assert "time         10:00  ← '10時'" in out
    ja_part, en_part = out.split("content/en/a.md  [EN", 1)
    assert "unread" not in ja_part  # 8.4. is a decimal, not a date (nor a time)
    assert "unread date  '8/4'" in en_part
    assert "line 6 (paragraph, read as JA); compared with content/en/a.md (the whole page" in out
