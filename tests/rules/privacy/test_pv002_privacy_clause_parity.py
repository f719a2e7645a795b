"""PV002 privacy-clause-parity: each input pair beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

from privacy_pages import CHECKS, IDS, notes, page, pv

from helpers import make_site, run_site

ALL = IDS
DEPT_QUOTE = '"部局が独自に提供している情報システムについては…"'


# --- valid ------------------------------------------------------------------------------


def test_pair_outside_the_scope_with_the_same_clauses(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/a.md": page("ja", ALL[:2], support=False),
            "en/support/a.md": page("en", ALL[:2], support=False),
            "guide/b.md": page("ja", ["手順を説明します．"], support=False),
            "en/guide/b.md": page("en", ["We explain the steps."], support=False),
        },
    )
    assert pv(tmp_path) == []


def test_vocabulary_shared_with_a_clause_is_not_a_clause(tmp_path: Path) -> None:
    """Outside the scope, a note that merely resembles a clause (here a note about exams
    without "first" or "only", scoring in the 'altered' band) does not count as carrying
    it: its absence from the translation is no parity problem (no PV002), and it is
    not a changed clause either (no PV003)."""
    ja = [
        "フォームは24時間受け付けています．",
        "試験に関する相談は，担当の教員や開講している学部・研究科等に問い合わせたうえで，"
        "このフォームからお送りください．",
    ]
    en = ["The form accepts inquiries 24 hours a day."]
    make_site(
        tmp_path,
        {
            "support/form.md": page("ja", ja, support=False),
            "en/support/form.md": page("en", en, support=False),
        },
    )
    assert pv(tmp_path) == []


# --- invalid ----------------------------------------------------------------------------


def test_clause_in_one_language_only(tmp_path: Path) -> None:
    """Reported on the side that lacks it, after its neighbour (line 12), quoting the
    other side's own wording with its location."""
    make_site(
        tmp_path,
        {
            "support/a.md": page("ja", ALL, support=False),
            "en/support/a.md": page("en", ALL[:3], support=False),
        },
    )
    assert pv(tmp_path) == [
        "en/support/a.md:12 PV002 clause 'departmental-systems' has no English version: "
        f"JA (support/a.md:13) says {DEPT_QUOTE}"
    ]


def test_related_location_is_the_clause_on_the_other_side(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/a.md": page("ja", ALL[:3], support=False),
            "en/support/a.md": page("en", ALL, support=False),
        },
    )
    result = run_site(tmp_path, checks_dir=CHECKS, select=["PV"])
    [finding] = result.diagnostics
    assert (finding.path.name, finding.line) == ("a.md", 12)
    assert finding.path.parent.name == "support"
    [related] = finding.related
    assert related.path == (tmp_path / "en/support/a.md").resolve()
    assert (related.line, related.message) == (13, "the clause in English")


def test_bilingual_page_outside_the_scope(tmp_path: Path) -> None:
    """Japanese notes on lines 7-10, English notes on lines 12-14: the English list
    lacks the last clause, which belongs after its line 14."""
    text = (
        "---\ntitle: t\n---\n\n## 注意事項 / Notes\n\n"
        + notes("ja", ALL)
        + "\n"
        + notes("en", ["student-staff", "exam-inquiries", "use-of-information"])
    )
    make_site(tmp_path, {"support/b.md": text})
    assert pv(tmp_path) == [
        "support/b.md:14 PV002 clause 'departmental-systems' has no English version on this "
        f"page: JA (support/b.md:10) says {DEPT_QUOTE}"
    ]


def test_absence_from_a_page_in_scope_is_pv001s(tmp_path: Path) -> None:
    """The same fact is reported once: by PV001 when PV001 runs on that page, by PV002
    when it is not selected or is ignored for the file."""
    make_site(
        tmp_path,
        {"support/a.md": page("ja", ALL), "en/support/a.md": page("en", ALL[:3])},
    )
    assert [f.split(" ")[1] for f in pv(tmp_path)] == ["PV001"]
    expected = [
        "en/support/a.md:12 PV002 clause 'departmental-systems' has no English version: "
        f"JA (support/a.md:13) says {DEPT_QUOTE}"
    ]
    assert pv(tmp_path, ignore=["PV001"]) == expected
    assert pv(tmp_path, select=["PV002"]) == expected
    assert pv(tmp_path, per_file_ignores=["en/support/*=PV001"]) == expected


def test_changed_clause_still_counts_as_carried(tmp_path: Path) -> None:
    """A page in scope that carries a clause in a changed form has it (PV003 says what
    changed): its translation is not asked for a clause the page already has."""
    changed = (
        "If you have any questions or concerns about examinations, please first contact "
        "your instructor or the department/graduate school that offers the examination."
    )
    make_site(
        tmp_path,
        {
            "support/a.md": page("ja", ALL),
            "en/support/a.md": page("en", ["student-staff", changed, *ALL[2:]]),
        },
    )
    assert [f.split(" ")[1] for f in pv(tmp_path)] == ["PV003"]
