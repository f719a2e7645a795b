"""The HTML report as a person sees it: rendered by a real headless Chromium.

Each test writes a report with ``taiyaku report``, loads it in Chromium (``--dump-dom``
prints the DOM after the page's script ran), and asserts on the visible text.  The
expected numbers are computed here from the same run, never hard-coded: more findings
appear as rule families are added.  Skipped when ``chromium`` is not installed.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from browser import Rendered, dump_dom, measure, needs_chromium
from report_sites import PAYLOAD, sample_result

from helpers import CORPUS_PAGES, REPO
from taiyaku.cli import main
from taiyaku.config.loading import load_config
from taiyaku.output.report import html as report_html
from taiyaku.output.report.model import build_report
from taiyaku.run.engine import run
from taiyaku.run.result import RunResult
from taiyaku.site.pages import Site

pytestmark = needs_chromium


def write_report(out: Path, *args: str) -> None:
    assert main(["report", "--no-progress", "-o", str(out), *args]) == 0


def the_run(config_args: dict[str, str], paths: list[Path], discover: bool) -> RunResult:
    config = load_config(None, config_args, cwd=REPO, discover=discover)
    result = run(config, paths, cwd=REPO, describe_pages=True)
    assert not result.internal_errors
    return result


def folder(rel: str) -> str:
    """Top-level folder of a root-relative page path, language-neutral (prefix layout)."""
    rel = rel.removeprefix("en/")
    return rel.split("/", 1)[0] if "/" in rel else "(top level)"


def expected_coverage(result: RunResult) -> dict[str, int]:
    """Coverage from independent sources: the Site's pairs and the PR rules' findings.

    PR001 reports exactly the Japanese pages without a translation (and no partials,
    redirect-only or bilingual pages); PR002 the English pages without a source.
    """
    root = result.root
    checked = {p.relative_to(root).as_posix() for p in result.checked}
    expected: Counter[str] = Counter()
    for ja, _en in Site(root).pairs():
        if ja.rel in checked:
            expected[f"{folder(ja.rel)}:pairs"] += 1
            expected["all folders:pairs"] += 1
    for d in result.diagnostics:
        kind = {"PR001": "ja_only", "PR002": "en_only"}.get(d.code)
        if kind:
            rel = d.path.relative_to(root).as_posix()
            expected[f"{folder(rel)}:{kind}"] += 1
            expected[f"all folders:{kind}"] += 1
    bilingual = result.pairs - expected["all folders:pairs"]
    assert bilingual >= 0
    expected["all folders:bilingual"] = bilingual
    return dict(expected)


def assert_report_shows_the_run(rendered: Rendered, result: RunResult) -> None:
    # The script ran: it marks the page and reveals the filter bar with its count.
    assert rendered.html_attrs.get("data-js") == "ready"
    n = len(result.diagnostics)
    assert f"Showing {n} of {n} findings" in rendered.text

    # Summary cards and coverage numbers are on screen.
    assert f"{result.files} pages checked" in rendered.text
    assert f"{result.pairs} pairs compared" in rendered.text
    for key, value in expected_coverage(result).items():
        assert rendered.cells.get(key) == str(value), (key, value, rendered.cells.get(key))
    shown_total = sum(
        int(rendered.cells[f"all folders:{kind}"])
        for kind in ("pairs", "bilingual", "ja_only", "en_only")
    )
    assert shown_total <= result.files

    # One finding of each rule family present in the run is visible, message and all.
    families: dict[str, list[str]] = {}
    for d in result.diagnostics:
        families.setdefault(re.sub(r"\d+$", "", d.code), []).append(d.message)
    visible_codes = {a.get("data-code") for a in rendered.articles}
    for family, messages in families.items():
        assert any(code and code.startswith(family) for code in visible_codes), family
        message = " ".join(messages[0].split())
        assert message in rendered.text, (family, message)


def test_report_of_the_sample_site_in_chromium(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    write_report(out)
    result = the_run({}, [], discover=True)
    rendered = Rendered(dump_dom(out, tmp_path / "profile"))
    assert_report_shows_the_run(rendered, result)
    assert "Translation coverage" in rendered.text


@pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason="../shared/corpus is absent")
def test_report_of_the_utelecon_corpus_in_chromium(tmp_path: Path) -> None:
    # One run (the corpus is the long one): the report and the expectations both come
    # from it.  The CLI path is covered by the sample-site test above.
    config = {"root": str(CORPUS_PAGES), "url-style": "preserve"}
    result = the_run(config, [CORPUS_PAGES], discover=False)
    assert result.files == 114
    out = tmp_path / "corpus.html"
    out.write_text(report_html.render(build_report(result)), encoding="utf-8")
    rendered = Rendered(dump_dom(out, tmp_path / "profile"))
    assert_report_shows_the_run(rendered, result)


def test_page_text_never_runs_as_script(tmp_path: Path) -> None:
    # Findings of made-up families (ZZ, QQ) on a page whose text carries a <script> and an
    # <img onerror>; ZZ001 is on the English line, with the Japanese line as related.
    out = tmp_path / "r.html"
    out.write_text(report_html.render(build_report(sample_result(tmp_path))), encoding="utf-8")
    rendered = Rendered(dump_dom(out, tmp_path / "profile"))
    assert rendered.html_attrs.get("data-js") == "ready"  # our script ran ...
    assert "data-pwned" not in rendered.html_attrs  # ... the page's did not
    assert PAYLOAD in rendered.text  # shown as text, beside the English line
    assert (
        "support/chat.md:7 the Japanese hours 7 平日 8:30〜18:30 に対応します。" + PAYLOAD
        in rendered.text
    )
    assert "Operators are available 8:25 a.m.-6:30 p.m. on weekdays." in rendered.text
    assert {a.get("data-code") for a in rendered.articles} >= {"ZZ001", "QQ002"}


def test_filters_from_the_url_hide_other_findings(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    write_report(out)
    result = the_run({}, [], discover=True)
    codes = Counter(d.code for d in result.diagnostics)
    code, count = codes.most_common(1)[0]
    rendered = Rendered(dump_dom(out, tmp_path / "profile", f"#filter?rule={code}"))
    assert {a.get("data-code") for a in rendered.articles} == {code}
    assert f"Showing {count} of {len(result.diagnostics)} findings" in rendered.text
    nothing = Rendered(dump_dom(out, tmp_path / "profile2", "#filter?severity=none"))
    assert nothing.articles == []
    assert "No finding matches the filters." in nothing.text


def test_a_link_to_a_rule_opens_its_explanation(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    write_report(out)
    closed = Rendered(dump_dom(out, tmp_path / "profile"))
    opened = Rendered(dump_dom(out, tmp_path / "profile2", "#pr001-missing-translation"))
    why = "A reader who switches language lands on a missing page"
    assert why not in closed.text  # inside a closed <details>
    assert why in opened.text


def corpus_or_sample_report(tmp_path: Path) -> str:
    """The report of the corpus when it is here (the widest tables), else of the sample
    site, as if its root were deep in a CI runner's workspace (a long path, no spaces)."""
    if CORPUS_PAGES.is_dir():
        config = {"root": str(CORPUS_PAGES), "url-style": "preserve"}
        result = the_run(config, [CORPUS_PAGES], discover=False)
    else:
        result = the_run({}, [], discover=True)
    report = build_report(result)
    report.root = "/home/runner/work/" + "very-long-repository-name/" * 4 + report.root
    return report_html.render(report)


def test_on_a_phone_the_page_never_scrolls_sideways(tmp_path: Path) -> None:
    html = corpus_or_sample_report(tmp_path)
    phone = measure(html, tmp_path, "390,800")
    assert 370 <= (phone["innerWidth"] or 0) <= 390  # (less a scroll bar, if one shows)
    assert phone["scrollWidth"] == phone["clientWidth"]  # wide tables scroll in their box
    desk = measure(html, tmp_path, "1400,1000")
    assert desk["scrollWidth"] == desk["clientWidth"]


def test_a_filter_in_the_address_scrolls_to_the_results_and_recounts(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.html"
    write_report(out)
    result = the_run({}, [], discover=True)
    code, count = Counter(d.code for d in result.diagnostics).most_common(1)[0]
    chosen = [d for d in result.diagnostics if d.code == code]
    by_severity = Counter(d.severity.value for d in chosen)
    pages = len({folder_key(d.path, result) for d in chosen})

    plain = measure(out.read_text(encoding="utf-8"), tmp_path, "1400,900")
    filtered = measure(
        out.read_text(encoding="utf-8"), tmp_path, "1400,900", f"#filter?rule={code}"
    )
    assert plain["scrollY"] == 0
    assert filtered["scrollY"] > 0 and abs(filtered["pagesTop"] or 0) <= 2

    rendered = Rendered(dump_dom(out, tmp_path / "profile", f"#filter?rule={code}"))
    assert f"Showing {count} of {len(result.diagnostics)} findings" in rendered.text
    for severity in ("error", "warning", "info"):  # the toggles count what the rule found
        shown = re.search(rf"{severity} \( ?(\d+) ?\)", rendered.text)
        assert shown is not None and int(shown.group(1)) == by_severity.get(severity, 0)
    assert f"Pages {pages} with findings" in rendered.text


def folder_key(path: Path, result: RunResult) -> str:
    """The page group a finding's page belongs to: its pair (prefix layout)."""
    return path.relative_to(result.root).as_posix().removeprefix("en/")


def test_findings_are_one_line_each_until_opened(tmp_path: Path) -> None:
    html = corpus_or_sample_report(tmp_path)
    page = tmp_path / "r.html"
    page.write_text(html, encoding="utf-8")
    rendered = Rendered(dump_dom(page, tmp_path / "profile"))
    findings = html.count('<article class="finding')
    assert findings > 10  # enough that they start closed
    # closed: the summary (severity word, code, place, message) shows, the sources do not
    assert "日本語" not in rendered.text and "English" not in rendered.text.split("Rules")[0]
    assert "Fix first" in rendered.text
    assert "rules with no findings" in rendered.text or "rule with no findings" in rendered.text
