"""PV001 privacy-clause-missing: each input page beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

from privacy_pages import IDS, notes, page, pv

from helpers import make_site

ALL = IDS  # student-staff, exam-inquiries, use-of-information, departmental-systems
DEPT_EN = 'EN: "For information systems which departments independently provide…"'
DEPT_JA = 'JA: "部局が独自に提供している情報システムについては…"'


# --- valid ------------------------------------------------------------------------------


def test_pages_with_every_clause_pass(tmp_path: Path) -> None:
    make_site(tmp_path, {"support/a.md": page("ja", ALL), "en/support/a.md": page("en", ALL)})
    assert pv(tmp_path) == []


def test_clauses_may_be_reworded_lightly(tmp_path: Path) -> None:
    """Punctuation, emphasis, links, line wrapping and politeness are not changes."""
    ja = [
        "迅速な対応を行うために、**それぞれの窓口では学生スタッフが対応にあたっております。"
        "このことをご理解の上、問い合わせ時に呈示する情報を適切にご判断くださいますよう"
        "お願いいたします。**なお、学生スタッフによる情報の取り扱いについては、"
        "必要な文書を取り交わした上で、教職員の管理・監督のもと行っておりますので、"
        "一般的なアカウント情報などでございましたら問題ございません。",
        "**試験に関する質問・相談は、まず担当教員あるいは開講学部・研究科等にご連絡ください。**"
        "また、本サポート窓口へお問い合わせになりたい場合は、[メールフォーム](./form)窓口"
        "のみで受け付けております。",
        "use-of-information",
        "部局が独自に提供している情報システムについては、お答えできない場合がございます。\n"
        "  そうしたシステムにつきましては、各部局へのお問い合わせもご検討ください。",
    ]
    en = [
        "student-staff",
        "If you have questions or concerns about exams, **please first contact your "
        "instructor or the department/graduate school offering the examination.** If you "
        "wish to contact the Technical Support Desk about examinations, please contact us "
        "only through [the email form](./form).",
        "use-of-information",
        "For information systems that departments provide independently, we may be unable "
        "to answer. For such systems, please consider contacting the department.",
    ]
    make_site(tmp_path, {"support/a.md": page("ja", ja), "en/support/a.md": page("en", en)})
    assert pv(tmp_path) == []


def test_page_outside_the_scope_needs_no_clause(tmp_path: Path) -> None:
    make_site(tmp_path, {"support/a.md": page("ja", [], support=False)})
    assert pv(tmp_path) == []


# --- invalid ----------------------------------------------------------------------------


def test_missing_clause_is_reported_after_its_neighbour(tmp_path: Path) -> None:
    """Line 12 holds use-of-information: the missing last clause goes after it."""
    make_site(tmp_path, {"en/support/a.md": page("en", ALL[:3])})
    assert pv(tmp_path) == [
        "en/support/a.md:12 PV001 missing required clause 'departmental-systems' "
        f"({DEPT_EN}); expected after clause 'use-of-information'"
    ]


def test_missing_first_clause_is_reported_before_the_next_one(tmp_path: Path) -> None:
    make_site(tmp_path, {"support/a.md": page("ja", ALL[1:])})
    assert pv(tmp_path) == [
        "support/a.md:10 PV001 missing required clause 'student-staff' "
        "(JA: \"迅速な対応を行うために…\"); expected before clause 'exam-inquiries'"
    ]


def test_a_page_with_no_clause_gets_one_finding_per_clause_at_its_text(
    tmp_path: Path,
) -> None:
    """Nothing to stand beside: the findings point at the start of the text (line 6)."""
    make_site(tmp_path, {"en/support/a.md": page("en", ["Be kind."])})
    assert pv(tmp_path) == [
        "en/support/a.md:6 PV001 missing required clause 'student-staff' "
        '(EN: "To ensure prompt response, the support desk…")',
        "en/support/a.md:6 PV001 missing required clause 'exam-inquiries' "
        '(EN: "If you have any questions or concerns…")',
        "en/support/a.md:6 PV001 missing required clause 'use-of-information' "
        '(EN: "Information obtained from inquiries will be used…")',
        f"en/support/a.md:6 PV001 missing required clause 'departmental-systems' ({DEPT_EN})",
    ]


def test_translation_lacking_a_clause_names_where_the_source_has_it(tmp_path: Path) -> None:
    """One fact, one message: PV001 (the policy) speaks, PV002 (parity) stays silent."""
    make_site(
        tmp_path,
        {"support/a.md": page("ja", ALL), "en/support/a.md": page("en", ALL[:3])},
    )
    assert pv(tmp_path) == [
        "en/support/a.md:12 PV001 missing required clause 'departmental-systems' "
        f"({DEPT_EN}); the Japanese page has it (support/a.md:13); "
        "expected after clause 'use-of-information'"
    ]


def test_translation_without_any_clause_points_at_the_matching_section(
    tmp_path: Path,
) -> None:
    """The English page carries the clauses under its first top-level heading (line 8);
    the Japanese page, with an extra subsection, is pointed at its own first one."""
    ja = (
        "---\ntitle: t\nsupport: true\n---\n\nはじめに．\n\n## 相談の前に\n\n"
        "サポート窓口のページを確認してください．\n\n### 通話の注意\n\n- 録音しないでください．\n\n"
        "## 相談する\n\n右下のボタンを押してください．\n"
    )
    en = (
        "---\ntitle: t\nsupport: true\n---\n\nIntro.\n\n## Before Inquiring\n\n"
        + notes("en", ALL)
        + "\n## Inquire\n\nPress the button.\n"
    )
    make_site(tmp_path, {"support/a.md": ja, "en/support/a.md": en})
    found = pv(tmp_path)
    assert len(found) == 4
    assert all(f.startswith("support/a.md:8 PV001 missing required clause") for f in found)
    assert found[0].endswith(
        "the English page has it (en/support/a.md:10); "
        "expected in the section where the English text has the clauses"
    )


BILINGUAL_HEAD = "---\ntitle: t\nsupport: true\n---\n\n## 注意事項 / Notes\n\n"


def bilingual(ja_items: list[str], en_items: list[str]) -> str:
    """Both languages in one file: the Japanese list from line 8, a blank line, then
    the English list."""
    return BILINGUAL_HEAD + notes("ja", ja_items) + "\n" + notes("en", en_items)


def test_bilingual_page_must_carry_each_clause_in_both_languages(tmp_path: Path) -> None:
    """Seed 000's defect: the last clause in neither language; one finding for each."""
    make_site(tmp_path, {"support/b.md": bilingual(ALL[:3], ALL[:3])})
    assert pv(tmp_path) == [
        "support/b.md:10 PV001 missing required clause 'departmental-systems' in the "
        f"Japanese text ({DEPT_JA}); expected after clause 'use-of-information'",
        "support/b.md:14 PV001 missing required clause 'departmental-systems' in the "
        f"English text ({DEPT_EN}); expected after clause 'use-of-information'",
    ]


def test_bilingual_page_missing_a_clause_in_one_language(tmp_path: Path) -> None:
    make_site(tmp_path, {"support/b.md": bilingual(ALL, ALL[1:])})
    assert pv(tmp_path) == [
        "support/b.md:13 PV001 missing required clause 'student-staff' in the English text "
        '(EN: "To ensure prompt response, the support desk…"); the Japanese text has it '
        "(support/b.md:8); expected before clause 'exam-inquiries'"
    ]


def test_partials_and_redirects_are_not_checked(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/_note.md": page("ja", []),
            "support/old.md": "---\ntitle: t\nsupport: true\nredirect_to: /support/\n---\n",
        },
    )
    assert pv(tmp_path) == []
