"""The Markdown summary for a pull-request comment."""

from __future__ import annotations

from pathlib import Path

from report_sites import sample_result

from helpers import make_site, run_site
from taiyaku.output.report import markdown as report_markdown
from taiyaku.output.report.markdown import code, text
from taiyaku.output.report.model import build_report


def test_summary_tables(tmp_path: Path) -> None:
    out = report_markdown.render(build_report(sample_result(tmp_path)))
    assert out.startswith("## taiyaku report\n")
    assert "| Folder | Pairs | Bilingual | JA only | EN only | Translated |" in out
    assert "| ucom | 0 | 0 | 1 | 0 | 0% |" in out
    assert "| **All folders** | **2** | **0** | **1** | **1** | **67%** |" in out
    assert "| `ZZ001` | `hours-disagree` | error | 1 | 0 | 0 | **1** |" in out
    quiet = next(line for line in out.splitlines() if line.startswith("No findings from "))
    assert all(f"`{code}`" in quiet for code in ("IN001", "IN002", "IN003"))


def test_top_findings_most_severe_first(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    out = report_markdown.render(report, top=2)
    assert "### Top 2 of 4" in out
    rows = [line for line in out.splitlines() if line.startswith("| 🔴") or "🟠" in line]
    assert rows[0].startswith("| 🔴 error | `ZZ001` | `en/support/chat.md:7:25` |")
    assert "### Findings\n" in report_markdown.render(report, top=10)


def test_untrusted_text_cannot_break_out() -> None:
    assert text("a | b\nc") == "a \\| b c"
    assert text("<img src=x> @alice #12 *x*") == "&lt;img src=x&gt; &#64;alice &#35;12 \\*x\\*"
    assert code("a|b") == "`a\\|b`"
    assert code("x`y") == "``x`y``"


def test_markdown_escapes_messages(tmp_path: Path) -> None:
    out = report_markdown.render(build_report(sample_result(tmp_path)))
    assert "<img" not in out
    assert 'found &lt;img src="x" onerror="document.title=\'pwned\'"&gt;' in out


def test_a_clean_run(tmp_path: Path) -> None:
    from helpers import make_site, run_site

    root = make_site(tmp_path, {"a.md": "あ\n", "en/a.md": "a\n"})
    out = report_markdown.render(build_report(run_site(root, describe_pages=True)))
    assert "| **All folders** | **1** | **0** | **0** | **0** | **100%** |" in out
    assert "### Findings by rule\n\nNo findings from the " in out
    assert "### Findings\n" not in out and "### Top" not in out


def test_rules_are_listed_errors_first(tmp_path: Path) -> None:
    # JA005 (a warning) comes before LK001 (an error) in code order, not here
    root = make_site(tmp_path, {"a.md": "# ページ\n\nｶﾀｶﾅで書きます．[x](./missing)\n"})
    summary = report_markdown.render(
        build_report(run_site(root, select=["JA005", "LK001"], describe_pages=True))
    )
    table = summary.split("### Findings by rule", 1)[1]
    assert table.index("LK001") < table.index("JA005")
