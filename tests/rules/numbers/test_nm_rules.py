"""NM001 quantity-mismatch and NM002 contact-mismatch: each page pair beside what the
rules say of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site

TITLE = "---\ntitle: t\n---\n\n"


def nm(root: Path, **options: object) -> list[str]:
    return lint(root, select=["NM"], **options)


def pair(tmp_path: Path, ja: str, en: str) -> Path:
    return make_site(tmp_path, {"a.md": TITLE + ja, "en/a.md": TITLE + en})


# -- NM001 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("参加者数の上限は300人です．", "Meetings can have up to 300 participants."),
        (
            "301人以上の会議は申請が必要です．",
            "Meetings of more than 300 participants need an application.",
        ),
        ("約50名の学生が在籍しています．", "About 50 students work here."),
        ("手数料は３，０００円です．", "The fee is 3,000 yen."),
        ("月額500円（税別）です．", "The monthly fee is 500 yen (excluding tax)."),
        ("所要時間は1時間です．", "It takes 60 minutes."),
        ("貸出期間は2週間です．", "Licences are lent for 14 days."),
        ("上限1000人または3000人です．", "Up to either 1000 or 3000 attendees."),
        ("定員は三十名です．", "The room seats thirty people."),
    ],
)
def test_the_same_quantity_written_differently_is_no_finding(
    tmp_path: Path, ja: str, en: str
) -> None:
    assert nm(pair(tmp_path, ja + "\n", en + "\n")) == []


def test_a_different_capacity_is_an_error_on_the_translation(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "参加者数の上限は300人です．\n",
        "Meetings can have up to 500 participants.\n",
    )
    assert nm(root) == [
        'en/a.md:5 NM001 EN says "up to 500 participants" (at most 500 people); '
        'JA (a.md:5) says "上限は300人" (at most 300 people)'
    ]


def test_a_different_fee_and_a_different_tax(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "- 月額500円（税別）\n- 再申請は3,000円\n",
        "- 500 yen (including tax) a month\n- Re-application: 5,000 yen\n",
    )
    assert nm(root) == [
        'en/a.md:5 NM001 EN says "500 yen (including tax)" (500 yen, tax included); '
        'JA (a.md:5) says "500円（税別）" (500 yen, tax excluded)',
        'en/a.md:6 NM001 EN says "5,000 yen" (5,000 yen); JA (a.md:6) says "3,000円" (3,000 yen)',
    ]


def test_one_of_a_list_changed_between_list_items_that_do_not_pair_by_structure(
    tmp_path: Path,
) -> None:
    """The lists differ in length, so the items are paired by the quantities they share."""
    root = pair(
        tmp_path,
        "- 上限500人または1000人の会議\n- 上限1000人または3000人のウェビナー\n- 期間は最大1か月\n"
        "- 申請は先着順\n",
        "- Meetings for up to either 500 or 1000 attendees\n"
        "- Webinars for up to either 500 or 3000 attendees\n",
    )
    assert nm(root) == [
        'en/a.md:6 NM001 EN says "up to either 500 or 3000 attendees" (at most 500 people); '
        'JA (a.md:6) says "上限1000人" (at most 1,000 people)'
    ]


@pytest.mark.parametrize(
    ("ja", "en", "why"),
    [
        ("定員は30名です．", "Text without the number.", "one-sided: not reported"),
        (
            "最大参加者数は1,000．うち200名まで電話で参加できます．",
            "Up to 1000 participants, including up to 300 by telephone.",
            "JA's 1,000 has no counter: 200 against two EN values is no 1-to-1",
        ),
        (
            "30名または40名の部屋",
            "Rooms for 30 or 45 people, and a hall of 30 people.",
            "EN states 30 twice",
        ),
        ("第3回は10名です．", "The 4th session is for 10 people.", "ordinals are no quantities"),
        ("`300人`と入力します．", "Type `500 people`.", "code is not prose"),
        ("上限300人です．", "Exactly 300 participants.", "a bound against a value: another shape"),
        ("iOS 17の端末", "iOS 16 devices", "a version is no count"),
    ],
)
def test_what_is_not_a_contradiction(tmp_path: Path, ja: str, en: str, why: str) -> None:
    assert nm(pair(tmp_path, ja + "\n", en + "\n")) == [], why


def test_sections_pair_and_a_drift_is_found_in_its_section(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "## 会議\n\n上限は300人です．\n\n## ウェビナー\n\n上限は1000人です．\n",
        "## Meetings\n\nUp to 300 participants.\n\n## Webinars\n\nUp to 3000 participants.\n",
    )
    assert [line.split(" ")[0:2] for line in nm(root)] == [["en/a.md:11", "NM001"]]


def test_an_english_first_site_reports_on_the_japanese_page(tmp_path: Path) -> None:
    """English at the root, Japanese under ja/: the Japanese page is the translation."""
    root = make_site(
        tmp_path,
        {"a.md": TITLE + "The room seats 30 people.\n", "ja/a.md": TITLE + "定員は40名です．\n"},
    )
    assert nm(root, source_language="en") == [
        'ja/a.md:5 NM001 JA says "40名" (40 people); EN (a.md:5) says "30 people" (30 people)'
    ]


def test_a_bilingual_page_compares_its_two_languages(tmp_path: Path) -> None:
    root = make_site(
        tmp_path,
        {
            "a.md": TITLE
            + "窓口の定員は20名です．詳しくは窓口でお尋ねください．\n\n"
            + "The desk can take 25 people at a time. Please ask at the desk for details.\n\n"
            + "申込は先着順で受け付けます．お早めにどうぞ．\n\n"
            + "Applications are taken first come, first served. Please apply early.\n"
        },
    )
    assert [line.split(" ")[1] for line in nm(root)] == ["NM001"]


# -- NM002 -------------------------------------------------------------------------------


def test_a_mistyped_telephone_number_is_an_error(tmp_path: Path) -> None:
    root = pair(tmp_path, "電話：03-5841-2345\n", "Telephone: +81-3-5841-2354\n")
    assert nm(root) == [
        "en/a.md:5 NM002 EN gives the telephone number +81-3-5841-2354 where JA (a.md:5) "
        "gives 03-5841-2345"
    ]


def test_the_same_number_and_address_written_differently_agree(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "電話：（０３）５８４１－２３４５，〒113-8654，[メール](mailto:Desk@Example.ac.jp)\n",
        "Phone +81 (0)3 5841 2345, Tokyo 113-8654, Japan; e-mail desk@example.ac.jp\n",
    )
    assert nm(root) == []


def test_a_mistyped_address_is_an_error_and_a_lost_contact_a_warning(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "メール：license-desk@u-tokyo.example\n\n電話：03-5841-2345\n",
        "E-mail: licence-desk@u-tokyo.example\n\nWe answer by e-mail only.\n",
    )
    assert nm(root) == [
        "en/a.md:1 NM002 JA (a.md) gives contacts that EN does not: telephone number "
        "03-5841-2345 (line 7)",
        "en/a.md:5 NM002 EN gives the e-mail address licence-desk@u-tokyo.example where JA "
        "(a.md:5) gives license-desk@u-tokyo.example",
    ]


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("ID：0123456789@utac.u-tokyo.ac.jp の形式", "IDs look like 1234567890@utac.u-tokyo.ac.jp"),
        ("例：xxxx@g.ecc.u-tokyo.ac.jp", "For example yyyy@g.ecc.u-tokyo.ac.jp"),
        ("受付番号 0312345678", "Reference 0312345679"),
        ("2025-04-15まで", "until 2025-04-16"),
    ],
)
def test_placeholders_ids_and_dates_are_no_contacts(tmp_path: Path, ja: str, en: str) -> None:
    assert nm(pair(tmp_path, ja + "\n", en + "\n")) == []


def test_one_sided_quantities_are_warnings_only_when_asked(tmp_path: Path) -> None:
    root = pair(
        tmp_path,
        "- 定員は30名です．\n- 最大参加者数は1,000\n",
        "- The room is small.\n- Up to 1000 people\n",
    )
    assert nm(root) == []
    assert nm(root, nm_one_sided=True) == [
        'a.md:5 NM001 JA says "30名" (30 people); the corresponding EN text (en/a.md:5) '
        "states no such quantity"
    ]  # EN's 1000 people faces a JA number taiyaku cannot read: not reported
