"""TM001 hours-mismatch: each input pair beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hours_pages import bilingual, page, pairs, tm

from helpers import make_site

# --- the same hours, written differently: never reported ----------------------------------

SAME_HOURS = [
    # (Japanese, English): every format the issue names, in both languages
    (
        "オペレータ対応は，平日8時25分から18時30分まで受け付けています．",
        "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri).",
    ),
    ("受付は午前9時～午後5時です．", "The desk is open 9am–5pm."),
    ("受付は9:00～17:00です．", "The desk is open 9:00 to 17:00."),
    ("受付は９：００～１７：００です．", "The desk is open from 9 a.m. until 5 p.m."),
    ("九時半に開始します．", "It starts at 9:30 a.m."),
    ("十八時三十分に終了します．", "It ends at 6:30 PM."),
    ("正午に締め切ります．", "The deadline is noon."),
    ("24時まで受け付けます．", "We accept it until midnight."),
    ("フォームは24時間受け付けています．", "The form accepts inquiries 24 hours a day."),
    (
        "フォームは24時間365日受け付けています．",
        "The form is available 24 hours a day, 365 days a year.",
    ),
    ("受付時間：24時間", "Business hours: 24 hours"),
    ("年中無休で24時間対応します．", "Available 24/7."),
    (
        "土日祝日は10時から16時まで対応します．",
        "We are open from 10 a.m. to 4 p.m. on weekends or holidays.",
    ),
    ("月～金 9時～17時", "Monday through Friday, 9am-5pm"),
    ("月～金の9時～17時に対応します．", "We are available 9am-5pm Monday through Friday."),
    ("作業は22時から翌6時までです．", "The work runs from 10 p.m. to 6 a.m. the next day."),
    ("作業は22時から翌6時までです．", "The work runs from 10 p.m. to 6 a.m."),
    ("平日 8時25分〜18時30分", "8:25am – 6:30pm on weekdays"),
    ("平日 8時25分〜18時30分", "8:25 a.m.-6:30 p.m. on weekdays"),
    ("午後6時30分まで", "until 18:30"),
    ("18時30分まで", "until 6:30 p.m."),
    ("18:30まで", "until 6:30 pm"),
    ("平日（祝日を除く）9時～17時", "9 a.m. to 5 p.m. on weekdays except holidays"),
    (
        "平日の9:00～12:00と13:00～17:00です．",
        "We are open 9:00-12:00 and 13:00-17:00 on weekdays.",
    ),
    # the translator dropped the days: not a contradiction
    ("平日8時25分から18時30分まで", "from 8:25 a.m. to 6:30 p.m."),
    # no times at all, and times that are not times of day
    ("ご不明な点はお問い合わせください．", "Please contact us."),
    ("回答には3分程度かかります．授業は5限まであります．", "It takes 3 minutes. Zoom 5.10."),
]


@pytest.mark.parametrize(("ja", "en"), SAME_HOURS)
def test_same_hours_in_a_pair_of_files(tmp_path: Path, ja: str, en: str) -> None:
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


@pytest.mark.parametrize(("ja", "en"), SAME_HOURS)
def test_same_hours_on_a_bilingual_page(tmp_path: Path, ja: str, en: str) -> None:
    make_site(tmp_path, {"a.md": bilingual(f"## 時間 / Hours\n\n{ja}\n\n{en}")})
    assert pairs(tmp_path) == 1
    assert tm(tmp_path) == []


def test_hours_inside_mdx_divs(tmp_path: Path) -> None:
    """MDX pages put hours in JSX/HTML blocks; those are read like any text."""
    ja = """
        import Box from "@components/Box.astro";

        ## 受付時間

        <Box>
          <div>
            対面窓口は，平日 10時〜17時に受け付けています．
          </div>
        </Box>
        """
    en = """
        import Box from "@components/Box.astro";

        ## Hours

        <Box>
          <div>
            The desk is open from 10 a.m. to 5 p.m. on weekdays.
          </div>
        </Box>
        """
    make_site(tmp_path, {"a.mdx": page(ja), "en/a.mdx": page(en)})
    assert tm(tmp_path) == []


def test_hours_in_table_cells_without_a_language(tmp_path: Path) -> None:
    """``9:00～17:00`` alone in a cell has no script; it is read in the page's language."""
    ja = "| 窓口 | 時間 |\n|---|---|\n| 本郷 | 9:00～17:00 |\n| 駒場 | 10時～16時 |"
    en = "| Desk | Hours |\n|---|---|\n| Hongo | 9:00-17:00 |\n| Komaba | 10 a.m.-4 p.m. |"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_time_moved_to_another_section_is_the_same_time(tmp_path: Path) -> None:
    """Sections pair up (same outline), but the English page states the hours in the
    next section: compared per section, then the leftovers page-wide."""
    ja = """
        ## 概要

        窓口は平日9時～17時に開いています．

        ## 注意事項

        混雑することがあります．
        """
    en = """
        ## Overview

        Please read the notes below.

        ## Notes

        The desk is open 9 a.m. to 5 p.m. on weekdays. It may be crowded.
        """
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_times_swapped_between_sections_are_not_differences(tmp_path: Path) -> None:
    ja = "## A\n\n平日9時～17時\n\n## B\n\n平日10時～16時"
    en = "## A\n\n10 a.m. to 4 p.m. on weekdays\n\n## B\n\n9 a.m. to 5 p.m. on weekdays"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


# --- different hours: an error on the English side ----------------------------------------


def test_different_start_is_an_error_quoting_both_sides(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/chat.md": page(
                "オペレータ対応は，平日8時25分から18時30分まで受け付けています．"
            ),
            "en/support/chat.md": page("Operators are available 8:30 a.m.-6:30 p.m. on weekdays."),
        },
    )
    assert tm(tmp_path) == [
        'en/support/chat.md:5:25 error TM001 EN says "8:30 a.m.-6:30 p.m." '
        '(8:30–18:30 on weekdays); JA (support/chat.md:5) says "8時25分から18時30分" '
        "(8:25–18:30 on weekdays)"
    ]


@pytest.mark.parametrize(
    ("ja", "en", "ja_reading", "en_reading"),
    [
        ("受付は９：００～１７：００です．", "Open 9 a.m. to 6 p.m.", "9:00–17:00", "9:00–18:00"),
        ("九時半に開始します．", "It starts at 10:30 a.m.", "9:30", "10:30"),
        ("午後6時30分まで", "until 6:00 p.m.", "18:30", "18:00"),
        ("正午まで", "until 1 p.m.", "12:00", "13:00"),
        (
            "22時から翌6時まで",
            "from 10 p.m. to 7 a.m.",
            "22:00–6:00 (next day)",
            "22:00–7:00 (next day)",
        ),
    ],
)
def test_different_hours_in_any_format(
    tmp_path: Path, ja: str, en: str, ja_reading: str, en_reading: str
) -> None:
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    (found,) = tm(tmp_path)
    assert " error TM001 EN says " in found
    assert found.endswith(f"({ja_reading})")
    assert f"({en_reading}); JA (a.md:5) says" in found


def test_code_is_not_read(tmp_path: Path) -> None:
    ja = "設定例：\n\n```\nopen: 9:00-17:00\n```\n\n`25:00` と書くと失敗します．``9:00～17:00`` の形式です．"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page("Example settings.")})
    assert tm(tmp_path) == []


def test_the_finding_spans_the_english_time_and_points_at_the_japanese(tmp_path: Path) -> None:
    from helpers import run_site

    make_site(
        tmp_path,
        {
            "a.md": page("受付は\n平日9時～17時です．"),
            "en/a.md": page("Open\n9am-6pm on weekdays."),
        },
    )
    (d,) = run_site(tmp_path, select=["TM001"]).diagnostics
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 1, 6, 8)
    assert [(r.path.name, r.line) for r in d.related] == [("a.md", 6)]
    assert d.severity.value == "error"
    assert d.fingerprint_text == "differs [] JA 9:00–17:00 on weekdays / EN 9:00–18:00 on weekdays"


def test_different_hours_per_section_of_a_bilingual_page(tmp_path: Path) -> None:
    body = """
        ## チャット / Chat

        平日9時～17時に対応します．

        We are available 9 a.m. to 5 p.m. on weekdays.

        ## 対面 / On-site

        平日10時～16時に対応します．

        We are available 10 a.m. to 6 p.m. on weekdays.
        """
    make_site(tmp_path, {"a.md": bilingual(body)})
    assert tm(tmp_path) == [
        'a.md:23:18 error TM001 EN says "10 a.m. to 6 p.m." (10:00–18:00 on weekdays); '
        'JA (a.md:21) says "10時～16時" (10:00–16:00 on weekdays)'
    ]


def test_sections_that_do_not_pair_up_are_compared_as_one_page(tmp_path: Path) -> None:
    """Different outlines: the whole page is one group, so a time anywhere counts."""
    ja = "## 時間\n\n### 平日\n\n平日9時～17時\n\n## 注意"
    en = "## Hours and notes\n\nOpen 9am-5pm on weekdays."
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_a_changed_time_is_found_in_its_own_section(tmp_path: Path) -> None:
    """The same hours in two sections; the English changed the second one. Per-section
    pairing keeps the first section's equal pair and reports the second as different."""
    ja = "## A\n\n平日9時～17時\n\n## B\n\n平日9時～17時"
    en = "## A\n\n9 a.m. to 5 p.m. on weekdays\n\n## B\n\n9 a.m. to 6 p.m. on weekdays"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == [
        'en/a.md:11:1 error TM001 EN says "9 a.m. to 6 p.m." (9:00–18:00 on weekdays); '
        'JA (a.md:11) says "9時～17時" (9:00–17:00 on weekdays)'
    ]


# --- a time in one language only: a warning where it is stated -----------------------------


def test_weekend_hours_only_in_english(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/chat.md": page(
                "## 注意事項\n\n- オペレータによる対応は，平日8時25分から18時30分まで受け付けています．"
            ),
            "en/support/chat.md": page(
                "## Notes\n\n- Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri) "
                "and 10:20 a.m.-4:35 p.m. on weekends or holidays."
            ),
        },
    )
    assert tm(tmp_path) == [
        'en/support/chat.md:7:73 warning TM001 EN says "10:20 a.m.-4:35 p.m." '
        "(10:20–16:35 on weekends and holidays); JA (support/chat.md) states no such time"
    ]


def test_one_sided_time_points_at_the_matching_section_of_the_other_page(
    tmp_path: Path,
) -> None:
    from helpers import run_site

    make_site(
        tmp_path,
        {
            "a.md": page("## A\n\n説明\n\n## B\n\n平日9時～17時"),
            "en/a.md": page("## A\n\nText\n\n## B\n\nSee the Japanese page."),
        },
    )
    (d,) = run_site(tmp_path, select=["TM001"]).diagnostics
    assert (d.path.name, d.line, d.severity.value) == ("a.md", 11, "warning")
    assert (
        d.message
        == 'JA says "9時～17時" (9:00–17:00 on weekdays); EN (en/a.md) states no such time'
    )
    assert [(r.path.as_posix().endswith("en/a.md"), r.line) for r in d.related] == [(True, 9)]


def test_one_sided_time_on_a_bilingual_page(tmp_path: Path) -> None:
    body = """
        ## 注意事項 / Notes

        - オペレータ対応は，平日 8時25分から18時30分まで受け付けております．

        - Please note that it may take some time for operators to respond.
        """
    make_site(tmp_path, {"a.md": bilingual(body)})
    assert tm(tmp_path) == [
        'a.md:15:15 warning TM001 JA says "8時25分から18時30分" (8:25–18:30 on weekdays); '
        "the English text of this page states no such time"
    ]


def test_a_time_stated_more_often_in_one_language_is_no_mismatch(tmp_path: Path) -> None:
    """Twice in Japanese, once in English: both languages state the time, so nothing is
    missing from either (a repetition is not a mismatch)."""
    ja = "- 平日9時～17時\n- 窓口B\n- 平日9時～17時"
    en = "- 9am-5pm on weekdays\n- Desk B"
    make_site(tmp_path, {"a.md": page(ja), "en/a.md": page(en)})
    assert tm(tmp_path) == []


def test_different_days_are_two_one_sided_times(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": page("平日9時～17時"), "en/a.md": page("9am-5pm on weekends")})
    assert tm(tmp_path) == [
        'a.md:5:3 warning TM001 JA says "9時～17時" (9:00–17:00 on weekdays); '
        "EN (en/a.md) states no such time",
        'en/a.md:5:1 warning TM001 EN says "9am-5pm" (9:00–17:00 on weekends); '
        "JA (a.md) states no such time",
    ]


def test_pages_without_a_counterpart_are_not_compared(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": page("平日9時～17時"), "en/b.md": page("9am-5pm")})
    assert tm(tmp_path, select="TM001") == []
