"""The PV rules' policy file (absent, broken, thresholds) and their shared verdicts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from privacy_pages import CHECKS, IDS, clause, notes, page, pv

from helpers import REPO, count_analyses, lint, make_site, run_site
from taiyaku.cli import main
from taiyaku.errors import ConfigError
from taiyaku.rules.privacy import page_clauses

ALL = IDS
POLICY_TEXT = (CHECKS / "privacy.yml").read_text(encoding="utf-8")


def checks_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / "privacy.yml").write_text(text, encoding="utf-8")
    return folder


# --- the policy file -----------------------------------------------------------------


def test_no_policy_file_no_findings(tmp_path: Path) -> None:
    make_site(tmp_path / "site", {"support/a.md": page("ja", [])})
    assert lint(tmp_path / "site", select=["PV"]) == []  # checks-dir without privacy.yml


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "version: 1\nscope:\n  frontmatter: {support: true\nclauses: []\n",
            "checks/privacy.yml:4:8: invalid YAML: while parsing a flow mapping "
            "expected ',' or '}', but got ':'",
        ),
        (
            "version: 1\nscope: {frontmatter: {support: true}}\nclauses:\n"
            "  - {id: a, ja: あ, en: a, keyterms: {en: [a]}}\n",
            "checks/privacy.yml: clauses[0].keyterms: unknown key "
            "(expected one of: en, id, ja, key_terms)",
        ),
        (
            "version: 1\nscope: {frontmatter: {support: true}}\n"
            "thresholds: {en: {present: 0.4, altered: 0.6}}\nclauses:\n"
            "  - {id: a, ja: あ, en: a}\n",
            "checks/privacy.yml: thresholds.en.altered: must not exceed thresholds.en.present",
        ),
    ],
    ids=["yaml", "unknown-key", "thresholds"],
)
def test_broken_policy_stops_the_run_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    error: str,
) -> None:
    """A policy that cannot be read would pass every page: the run stops instead, with
    the PolicyError on one line and exit code 2 (the tool's own failure, not "clean")."""
    checks = checks_with(tmp_path, text)
    make_site(tmp_path / "site", {"support/a.md": page("ja", ALL)})
    with pytest.raises(ConfigError) as raised:
        run_site(tmp_path / "site", checks_dir=checks, select=["PV"])
    assert str(raised.value).endswith(error)

    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--root", "site", "--checks-dir", "checks", "site"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", f"taiyaku: error: {error}\n")


def test_broken_policy_does_not_matter_when_pv_does_not_run(tmp_path: Path) -> None:
    checks = checks_with(tmp_path, "version: 2\n")
    make_site(tmp_path / "site", {"support/a.md": page("ja", ALL)})
    result = run_site(tmp_path / "site", checks_dir=checks, select=["PR"])
    assert not result.internal_errors and result.exit_code == 0


def test_thresholds_are_read_from_the_policy(tmp_path: Path) -> None:
    """The clause without its second half scores 0.57: 'altered' with the repository's
    thresholds (PV003), 'missing' when privacy.yml raises `altered` to 0.6 (PV001)."""
    half = clause("student-staff", "en").split(" Student staff have")[0]
    make_site(tmp_path / "site", {"en/support/a.md": page("en", [half, *ALL[1:]])})
    assert [f.split(" ")[1] for f in pv(tmp_path / "site")] == ["PV003"]
    stricter = POLICY_TEXT.replace(
        "  en:\n    present: 0.8\n    altered: 0.5", "  en:\n    present: 0.8\n    altered: 0.6"
    )
    assert stricter != POLICY_TEXT
    checks = checks_with(tmp_path, stricter)
    found = lint(tmp_path / "site", checks_dir=checks, select=["PV"])
    assert [f.split(" ")[1] for f in found] == ["PV001"]


# --- shared verdicts -----------------------------------------------------------------


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """Counts match_clause calls by (clause id, first 30 characters of the page text)."""
    calls: Counter[tuple[str, str]] = Counter()
    real = page_clauses.match_clauses

    def counting(clauses, lang, blocks, thresholds):  # type: ignore[no-untyped-def]
        text = "".join(b.text for b in blocks)
        for wanted in clauses:
            calls[(wanted.id, f"{lang}:{text[:30]}")] += 1
        return real(clauses, lang, blocks, thresholds)

    monkeypatch.setattr(page_clauses, "match_clauses", counting)
    return calls


def test_each_page_is_matched_once_per_language_for_all_three_rules(
    tmp_path: Path, counted: Counter[tuple[str, str]]
) -> None:
    make_site(
        tmp_path,
        {
            # a pair in scope, with a defect for each rule to read
            "support/a.md": page("ja", ALL),
            "en/support/a.md": page("en", ALL[:3]),
            # a bilingual page: both languages
            "support/b.md": "---\ntitle: t\nsupport: true\n---\n\n## 注意 / Notes\n\n"
            + notes("ja", ALL)
            + "\n"
            + notes("en", ALL),
            # neither in scope nor paired: never matched
            "guide/c.md": page("ja", ALL[:1], support=False),
        },
    )
    assert [f.split(" ")[1] for f in pv(tmp_path)] == ["PV001"]
    pages = {key[1] for key in counted}
    assert len(pages) == 4  # a.md ja, en/a.md en, b.md ja, b.md en
    assert set(counted.values()) == {1}
    assert len(counted) == 4 * len(ALL)


def test_pages_no_rule_needs_are_never_matched(
    tmp_path: Path, counted: Counter[tuple[str, str]]
) -> None:
    make_site(
        tmp_path,
        {
            "guide/c.md": page("ja", ALL, support=False),
            "en/guide/d.md": page("en", ALL, support=False),
        },
    )
    assert pv(tmp_path) == []
    assert not counted


def test_japanese_blocks_are_analysed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The matcher reads Block.tokens: no page text is analysed a second time."""
    import taiyaku.rules.privacy.clauses

    # The canonical wording is analysed once per process (and cached); do it before
    # counting, so that only page text could show up below.
    policy = taiyaku.rules.privacy.policy.load_policy(REPO / "checks" / "privacy.yml")
    for lang in ("ja", "en"):
        taiyaku.rules.privacy.clauses.match_clauses(policy.clauses, lang, [])  # type: ignore[arg-type]
    analysed = count_analyses(monkeypatch)
    make_site(tmp_path, {"support/a.md": page("ja", ALL[:3]), "en/support/a.md": page("en", ALL)})
    assert len(pv(tmp_path)) == 1
    assert analysed and set(analysed.values()) == {1}
