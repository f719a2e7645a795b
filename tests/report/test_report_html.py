"""The HTML report as text: self-contained, escaped, every link inside the page."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_sites import IMG_PAYLOAD, PAYLOAD, sample_result

from taiyaku.output.report import html as report_html
from taiyaku.output.report.model import build_report


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture
def page(tmp_path: Path) -> str:
    return report_html.render(build_report(sample_result(tmp_path)))


def parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def test_page_text_is_escaped(page: str) -> None:
    assert PAYLOAD not in page and IMG_PAYLOAD not in page
    assert "&lt;script&gt;document.documentElement.setAttribute(" in page
    tags = parse(page)
    assert [t for t, _a in tags.tags].count("script") == 1  # the report's own
    assert not [t for t, a in tags.tags if t == "img" or "onerror" in a]


def test_the_page_makes_no_requests_and_allows_only_its_own_script(page: str) -> None:
    tags = parse(page)
    for tag, attrs in tags.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "base"), tag
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    metas = [a for _t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"]
    csp = metas[0]["content"]
    assert csp is not None and "default-src 'none'" in csp
    (script,) = tags.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_utf8_and_japanese_text(page: str) -> None:
    assert page.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in page
    assert "平日 8:30〜18:30 に対応します。" in page
    assert '<pre lang="ja">' in page


def test_every_internal_link_has_a_target(page: str) -> None:
    tags = parse(page)
    ids = {a["id"] for _t, a in tags.tags if a.get("id")}
    for _tag, attrs in tags.tags:
        href = attrs.get("href") or ""
        if href.startswith("#") and not href.startswith("#filter?"):
            assert href[1:] in ids, href


def test_each_rule_is_explained_in_the_page(tmp_path: Path) -> None:
    report = build_report(sample_result(tmp_path))
    page = report_html.render(report)
    for rule in report.rules:
        assert f'<details class="ruledoc" id="{rule.anchor}">' in page
    assert "<h4>What it does</h4>" in page  # docstrings rendered as Markdown
    assert 'href="#pr001-missing-translation"' in page


def test_findings_carry_their_filter_data(page: str) -> None:
    found = re.findall(r'<article class="finding (\w+)" data-code="(\w+)"', page)
    assert sorted(found) == [
        ("error", "ZZ001"),
        ("info", "PR001"),
        ("warning", "PR002"),
        ("warning", "QQ002"),
    ]
    assert '<option value="ZZ001">ZZ001 hours-disagree (1)</option>' in page


def test_a_clean_run(tmp_path: Path) -> None:
    from helpers import make_site, run_site

    root = make_site(tmp_path, {"a.md": "あ\n", "en/a.md": "a\n"})
    page = report_html.render(build_report(run_site(root, describe_pages=True)))
    assert "No findings. Every checked page passed." in page
