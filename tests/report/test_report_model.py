"""The report model: coverage, findings per rule and folder, page pairs side by side."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from report_sites import (
    page_path,
    sample_result,
    sample_site,
    with_diagnostics,
    with_synthetic_findings,
)

from helpers import make_site, run_site
from taiyaku.model.diagnostics import Diagnostic, Severity
from taiyaku.output.report.model import TOP_LEVEL, build_report


def test_coverage_counts_pairs_single_pages_and_partials_per_folder(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    rows = {r.folder: r for r in report.coverage}
    assert list(rows) == [TOP_LEVEL, "old", "support", "ucom"]
    assert (rows[TOP_LEVEL].pairs, rows[TOP_LEVEL].ja_only) == (1, 0)
    assert (rows["support"].pairs, rows["support"].not_counted) == (1, 1)  # _note.md
    assert (rows["ucom"].ja_only, rows["ucom"].translated_percent) == (1, 0.0)
    assert (rows["old"].en_only, rows["old"].translated_percent) == (1, None)
    total = report.coverage_total
    assert (total.pairs, total.bilingual, total.ja_only, total.en_only) == (2, 0, 1, 1)
    assert round(total.translated_percent or 0) == 67


def test_a_bilingual_page_counts_as_translated(tmp_path: Path) -> None:
    prose_ja = "これは日本語の段落です。"
    prose_en = "This is an English paragraph with enough words."
    body = "\n\n".join([prose_ja, prose_en] * 3)
    root = make_site(tmp_path, {"a/both.md": f"---\ntitle: t\n---\n\n{body}\n"})
    report = build_report(run_site(root, describe_pages=True))
    assert report.coverage_total.bilingual == 1
    assert report.coverage_total.translated_percent == 100.0


def test_findings_of_both_sides_belong_to_the_pair(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    unit = next(u for u in report.groups if u.key == "support/chat.md")
    assert (unit.kind, unit.ja, unit.en) == ("pair", "support/chat.md", "en/support/chat.md")
    assert [i.code for i in unit.items] == ["QQ002", "ZZ001"]  # JA-side finding first


def test_related_line_on_the_counterpart_is_shown_beside_the_finding(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    item = next(i for i in report.items if i.code == "ZZ001")
    (en,) = item.en
    (ja,) = item.ja
    assert en.primary and en.text == "Operators are available 8:25 a.m.-6:30 p.m. on weekdays."
    assert en.highlight == (24, 43)
    assert not ja.primary and ja.text is not None and ja.text.startswith("平日 8:30〜18:30")
    assert (ja.path, ja.line, ja.note) == ("support/chat.md", 7, "the Japanese hours")
    assert item.location == "en/support/chat.md:7"


def test_a_bilingual_page_puts_each_line_in_its_language_column(tmp_path: Path) -> None:
    prose_ja = "これは日本語の段落です。"
    prose_en = "This is an English paragraph with enough words."
    body = "\n\n".join([prose_ja, prose_en] * 3)
    root = make_site(tmp_path, {"both.md": f"---\ntitle: t\n---\n\n{body}\n"})
    result = run_site(root, describe_pages=True)
    path = page_path(result, "both.md")
    result = with_diagnostics(result, [Diagnostic(path, 7, 1, "ZZ009", "x", Severity.INFO, "m")])
    (item,) = build_report(result).items
    assert not item.ja and item.en[0].text == prose_en


def test_rules_come_from_the_registry_and_from_unknown_codes(tmp_path: Path) -> None:
    site = sample_site(tmp_path)
    run = run_site(site, select=["PR", "IN"], severity=["PR001=warning"], describe_pages=True)
    result = with_synthetic_findings(run)
    report = build_report(result)
    rules = {r.code: r for r in report.rules}
    assert {r.code for r in result.rules} <= set(rules)
    assert rules["PR001"].severity is Severity.WARNING  # configured, not the default
    assert rules["PR001"].doc.startswith("A page in the source language has no translation.")
    assert rules["PR001"].anchor == "pr001-missing-translation"
    unknown = rules["ZZ001"]
    assert (unknown.name, unknown.doc, unknown.ran, unknown.total) == (
        "hours-disagree",
        "",
        False,
        1,
    )
    assert report.families() == ["PR", "QQ", "ZZ"]


def test_findings_per_folder(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    folders = {name: (sev, codes) for name, sev, codes in report.folders}
    assert folders["support"][1] == {"ZZ001": 1, "QQ002": 1}
    assert folders["ucom"][1] == {"PR001": 1}
    assert folders["old"][1] == {"PR002": 1}
    assert sum(report.counts.values()) == report.total == len(report.items) == 4


def test_long_lines_are_clipped_around_the_column(tmp_path: Path) -> None:
    line = "x" * 1000 + "TARGET" + "y" * 1000
    root = make_site(tmp_path, {"a.md": line + "\n"})
    result = run_site(root, describe_pages=True)
    path = page_path(result, "a.md")
    marked = Diagnostic(
        path, 1, 1001, "ZZ001", "x", Severity.ERROR, "m", end_line=1, end_column=1007
    )
    result = with_diagnostics(replace(result, diagnostics=()), [marked])
    (item,) = build_report(result).items
    (source,) = item.ja
    assert source.text is not None and len(source.text) == 400
    assert source.clipped_left and source.clipped_right
    a, b = source.highlight or (0, 0)
    assert source.text[a:b] == "TARGET"


def triage_site(tmp_path: Path) -> Path:
    """Pages whose findings differ in severity and number (LK001 errors, PR001 info)."""
    broken = "[x](./gone-{0}) [y](./lost-{0})\n"
    return make_site(
        tmp_path,
        {
            "a/one.md": "# 1\n\n" + broken.format(1),  # 2 errors (+ PR001 info)
            "b/two.md": "# 2\n\n" + broken.format(2) * 3,  # 6 errors (+ PR001 info)
            "b/three.md": "# 3\n\n本文\n",  # PR001 info only
            "c/four.md": "# 4\n\n" + "[z](./none)\n",  # 1 error (+ PR001 info)
        },
    )


def test_pages_folders_and_rules_are_in_triage_order(tmp_path: Path) -> None:
    report = build_report(run_site(triage_site(tmp_path), describe_pages=True))
    # pages: errors first, the most errors first; the page with only info last
    assert [g.key for g in report.groups] == ["b/two.md", "a/one.md", "c/four.md", "b/three.md"]
    assert [name for name, _sev, _codes in report.folders] == ["b", "a", "c"]
    found = report.rules_found()
    assert [r.code for r in found] == ["LK001", "PR001"]  # errors before info
    assert all(r.total == 0 for r in report.rules_quiet())
    assert len(found) + len(report.rules_quiet()) == len(report.rules)


def test_fix_first_names_the_folders_with_the_most_errors_and_their_rules(
    tmp_path: Path,
) -> None:
    report = build_report(run_site(triage_site(tmp_path), describe_pages=True))
    severity, rows = report.fix_first()
    assert severity is Severity.ERROR
    assert [(r.folder, r.count, r.rules) for r in rows] == [
        ("b", 6, (("LK001", "broken-link", 6),)),
        ("a", 2, (("LK001", "broken-link", 2),)),
        ("c", 1, (("LK001", "broken-link", 1),)),
    ]
    only_info = build_report(run_site(triage_site(tmp_path), select=["PR"], describe_pages=True))
    severity, rows = only_info.fix_first()
    assert severity is Severity.INFO
    assert [(r.folder, r.count) for r in rows] == [("b", 2), ("a", 1), ("c", 1)]
