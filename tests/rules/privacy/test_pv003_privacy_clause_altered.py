"""PV003 privacy-clause-altered: each input page beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_pages import IDS, clause, page, pv

from helpers import make_site

ALL = IDS
EXAM_EN = clause("exam-inquiries", "en")
EXAM_JA = clause("exam-inquiries", "ja")


def en_page_with_exam_clause(text: str) -> dict[str, str]:
    """An English support page whose exam clause (line 11) reads ``text``."""
    return {"en/support/a.md": page("en", ["student-staff", text, *ALL[2:]])}


# --- valid: light rewording is accepted ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        EXAM_EN.replace("examinations, please", "examinations,\n  please"),  # wrapped
        EXAM_EN.replace("the email form", "[the email form](./email-form)"),  # a link
        EXAM_EN.replace("please first contact", "**please first contact**"),  # emphasis
        EXAM_EN.replace(
            "If you have any questions or concerns", "For any questions or concerns"
        ).replace("the department/graduate school that offers", "the department offering"),
    ],
    ids=["wrapped", "link", "emphasis", "reworded"],
)
def test_light_rewording_is_not_reported(tmp_path: Path, text: str) -> None:
    make_site(tmp_path, en_page_with_exam_clause(text))
    assert pv(tmp_path) == []


@pytest.mark.parametrize(
    "text",
    [
        EXAM_JA.replace("，", "、").replace("．", "。"),
        EXAM_JA.replace("連絡してください", "ご連絡くださいますようお願いいたします").replace(
            "受け付けます", "受け付けております"
        ),
    ],
    ids=["punctuation", "politeness"],
)
def test_light_japanese_rewording_is_not_reported(tmp_path: Path, text: str) -> None:
    make_site(tmp_path, {"support/a.md": page("ja", ["student-staff", text, *ALL[2:]])})
    assert pv(tmp_path) == []


# --- invalid: the obligation changed --------------------------------------------------


def test_dropping_only_through_the_email_form_is_reported(tmp_path: Path) -> None:
    make_site(tmp_path, en_page_with_exam_clause(EXAM_EN.replace("only ", "")))
    assert pv(tmp_path) == [
        "en/support/a.md:11 PV003 clause 'exam-inquiries' differs from the required "
        'wording: lacks "only" (EN, match 0.96)'
    ]


def test_dropping_first_and_changing_the_channel_is_reported(tmp_path: Path) -> None:
    text = (
        "If you have any questions or concerns about examinations, please contact your "
        "instructor or the department/graduate school that offers the examination. If you "
        "wish to contact the Technical Support Desk regarding examinations, please use the "
        "chat."
    )
    make_site(tmp_path, en_page_with_exam_clause(text))
    assert pv(tmp_path) == [
        "en/support/a.md:11 PV003 clause 'exam-inquiries' differs from the required "
        'wording: lacks "through", "first", "only", "email form"; adds "use", "chat" '
        "(EN, match 0.76)"
    ]


def test_japanese_clause_without_nomi_is_reported(tmp_path: Path) -> None:
    text = EXAM_JA.replace("窓口のみで受け付けます", "窓口でも受け付けます")
    make_site(tmp_path, {"support/a.md": page("ja", ["student-staff", text, *ALL[2:]])})
    assert pv(tmp_path) == [
        "support/a.md:11 PV003 clause 'exam-inquiries' differs from the required wording: "
        'lacks "のみ" (JA, match 1.00)'
    ]


def test_clause_missing_its_second_half_is_reported(tmp_path: Path) -> None:
    text = clause("student-staff", "en").split(" Student staff have")[0]
    make_site(tmp_path, {"en/support/a.md": page("en", [text, *ALL[1:]])})
    assert pv(tmp_path) == [
        "en/support/a.md:10 PV003 clause 'student-staff' differs from the required wording: "
        'lacks "signed", "confidentiality", "agreements", "handle", "information", "under" '
        "and 6 more (EN, match 0.57)"
    ]


def test_dropping_the_promise_not_to_use_information_otherwise(tmp_path: Path) -> None:
    """Without its last sentence the clause still scores 0.85, but it lost a key term."""
    text = clause("use-of-information", "en").split(" Information will not")[0]
    make_site(tmp_path, {"en/support/a.md": page("en", [*ALL[:2], text, "departmental-systems"])})
    assert [f.split(" ")[1] for f in pv(tmp_path)] == ["PV003"]


def test_dropping_the_japanese_promise_not_to_use_information_otherwise(tmp_path: Path) -> None:
    text = clause("use-of-information", "ja").split("法令で定められた")[0]
    make_site(tmp_path, {"support/a.md": page("ja", [*ALL[:2], text, "departmental-systems"])})
    assert [f.split(" ")[1] for f in pv(tmp_path)] == ["PV003"]


def test_page_outside_the_scope_with_a_translation(tmp_path: Path) -> None:
    """A clause that lost "only" is reported on any page the PV rules read, here an
    unflagged page with a translation."""
    make_site(
        tmp_path,
        {
            "support/a.md": page("ja", ALL, support=False),
            "en/support/a.md": page(
                "en", ["student-staff", EXAM_EN.replace("only ", ""), *ALL[2:]], support=False
            ),
        },
    )
    assert [f.split(" ", 2)[:2] for f in pv(tmp_path)] == [["en/support/a.md:11", "PV003"]]
