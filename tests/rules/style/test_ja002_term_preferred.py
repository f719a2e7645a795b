"""JA002 term-preferred and the term list it reads (prh's format): a dictionary written
for the tests (tests/data/ja/terms/) beside what it replaces, and the rule's findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from style_pages import apply_edits, page, read_table

from helpers import REPO, make_site, run_site
from taiyaku.cli import main
from taiyaku.errors import ConfigError
from taiyaku.rules.style._terms import load_terms, parse_terms

TERMS = REPO / "tests" / "data" / "ja" / "terms"
CASES = read_table(TERMS / "cases.tsv")


@pytest.fixture(scope="module")
def terms():  # type: ignore[no-untyped-def]
    return load_terms(TERMS / "terms.yml")


def test_every_rule_and_import_is_read(terms) -> None:  # type: ignore[no-untyped-def]
    expected = [t.expected for t in terms.terms]
    # the file's own rules first, then the imports' rules it does not have yet:
    # common.yml's 問い合わせ is terms.yml's already; legacy.yml's ウェブ and ﾒｰﾙ rules
    # are ignored, and its own import is not read
    assert expected == [
        "JavaScript",
        "GitHub",
        "問い合わせ",
        "ハードウェア",
        "（$1）",
        "ソフトウェア",
        "サーバー",
        "js",
        "ください",
        "$1年度",
        "Wi-Fi",
        "ダウンロード",
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_replacements_table(terms, case: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert terms.apply(case["text"]) == case["replaced"]


def test_a_match_that_reads_as_the_replacement_is_no_finding(terms) -> None:  # type: ignore[no-untyped-def]
    assert terms.find("JavaScript と GitHub とサーバー") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  - pattern: x\n", "rule 1: 'expected' is required"),
        ("rules:\n  - expected: x\n    pattern: /(/\n", "not a regular expression"),
        (
            "rules:\n  - expected: jQuery\n    specs:\n      - from: jquery\n        to: JQuery\n",
            "rule 1 (jQuery): spec failed: 'jquery' gives 'jQuery', expected 'JQuery'",
        ),
        ("rules: 3\n", "'rules' must be a list"),
        ("- a\n- b\n", "expected a mapping with 'rules'"),
        ("rules:\n  - expected: x\n    regexpMustEmpty: one\n", "must name a group"),
        ("rules:\n  - expected: x\n    pattern: [/a/i, /b/]\n", "different flags"),
        ("rules: [\n", "terms.yml:"),
    ],
)
def test_a_list_that_cannot_be_used_is_an_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        parse_terms(text)
    assert message in str(caught.value)


def test_an_import_outside_the_checks_folder_is_an_error(tmp_path: Path) -> None:
    make_site(
        tmp_path, {"outside.yml": "rules: [x]\n", "checks/terms.yml": "imports: ../outside.yml\n"}
    )
    with pytest.raises(ConfigError, match="outside the checks folder"):
        load_terms(tmp_path / "checks" / "terms.yml", tmp_path / "checks")


def test_an_import_cycle_ends(tmp_path: Path) -> None:
    make_site(
        tmp_path, {"a.yml": "imports: b.yml\nrules: [A]\n", "b.yml": "imports: a.yml\nrules: [B]\n"}
    )
    with pytest.raises(ConfigError, match="import cycle"):
        load_terms(tmp_path / "a.yml")


def _site_with_terms(tmp_path: Path, body: str, terms: str) -> tuple[Path, Path]:
    checks = make_site(tmp_path / "checks", {"terms.yml": terms})
    site = make_site(tmp_path / "site", {"a.md": page(body)})
    return site, checks


def test_a_listed_variant_is_reported_with_a_safe_fix(tmp_path: Path) -> None:
    site, checks = _site_with_terms(
        tmp_path,
        "契約者からの問合せを受け付けます．ご確認下さい．",
        "rules:\n  - expected: 問い合わせ\n    pattern: 問合せ\n"
        "  - expected: ください\n    pattern: 下さい\n    prh: 補助動詞は仮名で書く\n",
    )
    result = run_site(site, select=["JA002"], checks_dir=checks)
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (5, 7, "'問合せ': the term list prefers '問い合わせ'"),
        (5, 21, "'下さい': the term list prefers 'ください' (補助動詞は仮名で書く)"),
    ]
    source = (site / "a.md").read_text(encoding="utf-8")
    edits = [e for d in result.diagnostics for e in d.fix.edits]  # type: ignore[union-attr]
    assert all(d.fix.applicability == "safe" for d in result.diagnostics)  # type: ignore[union-attr]
    assert apply_edits(source, edits) == source.replace("問合せ", "問い合わせ").replace(
        "下さい", "ください"
    )


def test_code_urls_english_and_english_blocks_are_not_read(tmp_path: Path) -> None:
    body = """
    `javascript:void(0)` と入力します．https://example.com/javascript を見ます．

    「How to enable javascript in your browser」を読みます．JavaScriptを有効にします．

    Enable javascript in your browser settings before you sign in.

    ```
    javascript
    ```
    """
    site, checks = _site_with_terms(tmp_path, body, "rules:\n  - JavaScript\n")
    assert run_site(site, select=["JA002"], checks_dir=checks).diagnostics == ()


def test_a_site_without_a_term_list_gets_nothing(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": page("問合せ．")})
    assert run_site(tmp_path, select=["JA002"]).diagnostics == ()


def test_a_broken_term_list_stops_the_run_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, checks = _site_with_terms(
        tmp_path, "問合せ．", "rules:\n  - expected: x\n    pattern: /(/\n"
    )
    code = main(
        [
            "check",
            "--no-config",
            "--no-cache",
            "--root",
            str(site),
            "--checks-dir",
            str(checks),
            str(site),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "terms.yml: terms.yml: rule 1 (x)" in err[0], err


def test_the_sample_list_is_valid() -> None:
    terms = load_terms(REPO / "checks" / "terms.yml", REPO / "checks")
    assert terms.terms


def test_the_dictionary_can_be_copied_in_unchanged(tmp_path: Path) -> None:
    checks = tmp_path / "checks"
    shutil.copytree(TERMS, checks)
    site = make_site(tmp_path / "site", {"a.md": page("ハードウエアとｊａｖａｓｃｒｉｐｔ．")})
    result = run_site(site, select=["JA002"], checks_dir=checks)
    assert [d.message for d in result.diagnostics] == [
        "'ハードウエア': the term list prefers 'ハードウェア'",
        "'ｊａｖａｓｃｒｉｐｔ': the term list prefers 'JavaScript'",
    ]
