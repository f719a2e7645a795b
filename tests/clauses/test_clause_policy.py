"""Loading and validating the privacy policy file, and deciding which pages it covers."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from taiyaku.errors import PolicyError
from taiyaku.rules.privacy.policy import (
    DEFAULT_THRESHOLDS,
    LangThresholds,
    Policy,
    load_policy,
    policy_in_scope,
)

GOOD = """\
version: 1
scope:
  frontmatter: {support: true}
  paths: ["docs/**/privacy*.md"]
thresholds:
  ja: {present: 0.9, altered: 0.6}
clauses:
  - id: student-staff
    ja: 学生スタッフが対応します．
    en: Student staff answer your inquiries.
    key_terms: {ja: [学生スタッフ], en: [student staff]}
  - id: no-key-terms
    ja: 情報は回答に利用します．
    en: Information is used to answer you.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "privacy.yml"
    path.write_text(dedent(text), encoding="utf-8")
    return path


# --- the shipped policy -----------------------------------------------------------------


def test_shipped_policy_has_the_four_clauses(policy: Policy) -> None:
    assert [c.id for c in policy.clauses] == [
        "student-staff",
        "exam-inquiries",
        "use-of-information",
        "departmental-systems",
    ]
    for clause in policy.clauses:
        assert clause.ja and clause.en


def test_shipped_policy_key_terms(clauses) -> None:
    assert {"メールフォーム", "のみ"} <= set(clauses["exam-inquiries"].key_terms_ja)
    assert {"email form", "only"} <= set(clauses["exam-inquiries"].key_terms_en)


def test_shipped_policy_scope_and_thresholds(policy: Policy) -> None:
    assert policy.scope_frontmatter == {"support": True}
    assert policy.thresholds.ja.altered < policy.thresholds.ja.present
    assert policy.thresholds.en.altered < policy.thresholds.en.present


# --- a good file --------------------------------------------------------------------------


def test_good_file(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, GOOD))
    first, second = policy.clauses
    assert first.id == "student-staff"
    assert first.ja == "学生スタッフが対応します．"
    assert first.key_terms_ja == ("学生スタッフ",)
    assert first.key_terms_en == ("student staff",)
    assert second.key_terms_ja == second.key_terms_en == ()
    assert policy.scope_paths == ("docs/**/privacy*.md",)
    # ja given, en falls back to the defaults in code
    assert policy.thresholds.ja == LangThresholds(present=0.9, altered=0.6)
    assert policy.thresholds.en == DEFAULT_THRESHOLDS.en


def test_wording_is_unfolded(tmp_path: Path) -> None:
    folded_ja = "    ja: >-\n      学生スタッフが\n      対応します．\n"
    folded_en = "    en: >-\n      Student staff\n      answer"
    text = GOOD.replace("    ja: 学生スタッフが対応します．\n", folded_ja)
    text = text.replace("    en: Student staff answer", folded_en)
    first = load_policy(write(tmp_path, text)).clauses[0]
    assert first.ja == "学生スタッフが対応します．"
    assert first.en == "Student staff answer your inquiries."


def test_shipped_wording_has_no_folding_spaces(policy: Policy) -> None:
    for clause in policy.clauses:
        assert " " not in clause.ja
        assert "  " not in clause.en and "\n" not in clause.en


def test_thresholds_default_when_absent(tmp_path: Path) -> None:
    text = GOOD.replace("thresholds:\n  ja: {present: 0.9, altered: 0.6}\n", "")
    assert load_policy(write(tmp_path, text)).thresholds == DEFAULT_THRESHOLDS


# --- bad files: the error names the key ----------------------------------------------------

BAD = [
    # (what changes in GOOD,                                        key named in the error)
    (("version: 1", "version: 2"), "version"),
    (("version: 1", "version: '1'"), "version"),
    (("  paths: [", "  globs: ["), "scope.globs"),
    (('  paths: ["docs/**/privacy*.md"]', "  paths: docs/*.md"), "scope.paths"),
    (("  frontmatter: {support: true}", "  frontmatter: [support]"), "scope.frontmatter"),
    (("present: 0.9", "present: high"), "thresholds.ja.present"),
    (("present: 0.9", "present: 1.5"), "thresholds.ja.present"),
    (("altered: 0.6", "altered: 0.95"), "thresholds.ja.altered"),
    (("  ja: {present", "  jp: {present"), "thresholds.jp"),
    (("  - id: student-staff", "  - id: Student Staff"), "clauses[0].id"),
    (("  - id: no-key-terms", "  - id: student-staff"), "clauses[1].id"),
    (("    en: Student staff answer", "    english: Student staff answer"), "clauses[0].english"),
    (("    ja: 情報は回答に利用します．", "    ja: 42"), "clauses[1].ja"),
    (("{ja: [学生スタッフ], en:", "{ja: 学生スタッフ, en:"), "clauses[0].key_terms.ja"),
    (("{ja: [学生スタッフ], en:", "{fr: [x], en:"), "clauses[0].key_terms.fr"),
    (("clauses:", "clause:"), "clause"),
    (("{ja: [学生スタッフ], en:", "{ja: [教職員], en:"), "clauses[0].key_terms.ja[0]"),
    (("en: [student staff]", "en: [staff only]"), "clauses[0].key_terms.en[0]"),
]


@pytest.mark.parametrize(("change", "key"), BAD, ids=[key for _, key in BAD])
def test_bad_file_names_the_key(tmp_path: Path, change: tuple[str, str], key: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, GOOD.replace(old, new, 1)))
    assert caught.value.key == key
    assert f"{key}:" in str(caught.value)
    assert "privacy.yml" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("- just\n- a list\n", "<policy>"),
        ("version: 1\nclauses: []\nscope: {paths: [a.md]}\n", "clauses"),
        ("version: 1\nscope: {}\nclauses: [{id: a, ja: あ, en: a}]\n", "scope"),
        ("version: 1\nscope: {paths: [a.md]}\nclauses: [{id: a, ja: あ}]\n", "clauses[0].en"),
    ],
)
def test_structural_errors(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, text))
    assert caught.value.key == key


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="invalid YAML"):
        load_policy(write(tmp_path, "version: [1\n"))
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "absent.yml")


# --- scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel_path", "frontmatter", "in_scope"),
    [
        ("en/support/chat.md", {"title": "Chat", "support": True}, True),
        ("support/chat.md", {"support": True}, True),
        ("about/index.md", {"support": True}, True),  # the flag alone is enough
        ("support/chat.md", {"support": False}, False),
        ("support/chat.md", {"support": "true"}, False),  # a string is not the boolean
        ("support/chat.md", {"support": 1}, False),
        ("support/chat.md", {}, False),
        ("support/chat.md", None, False),
        ("docs/privacy.md", None, True),  # the glob alone is enough
        ("docs/a/b/privacy-notes.md", {"support": False}, True),
        ("docs/a/terms.md", None, False),
        ("en/docs/privacy.md", None, False),
    ],
)
def test_policy_in_scope(
    tmp_path: Path, rel_path: str, frontmatter: dict | None, in_scope: bool
) -> None:
    policy = load_policy(write(tmp_path, GOOD))
    assert policy_in_scope(policy, rel_path, frontmatter) is in_scope


def test_shipped_scope(policy: Policy) -> None:
    assert policy_in_scope(policy, "en/support/chat.md", {"support": True})
    assert policy_in_scope(policy, "support/online-call.md", {"support": True})
    assert not policy_in_scope(policy, "support/online-call.md", {"title": "オンライン通話"})
    assert not policy_in_scope(policy, "support/service-status.md", {"title": "稼働状況"})
