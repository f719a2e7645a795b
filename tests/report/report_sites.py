"""Small sites and synthetic findings for the report tests.

The report must work for any rule family, so besides the real rules' findings these
helpers add Diagnostics of made-up codes (``ZZ001``) that the registry does not know.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers import make_site, run_site
from taiyaku.model.diagnostics import Diagnostic, Related, Severity
from taiyaku.run.result import RunResult

PAYLOAD = "<script>document.documentElement.setAttribute('data-pwned','1')</script>"
IMG_PAYLOAD = '<img src="x" onerror="document.title=\'pwned\'">'

FILES = {
    "index.md": "---\ntitle: ホーム\n---\n\nようこそ。\n",
    "en/index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
    "support/chat.md": (
        "---\ntitle: チャット\n---\n\n## 受付時間\n\n"
        f"平日 8:30〜18:30 に対応します。{PAYLOAD}\n\n{IMG_PAYLOAD}\n"
    ),
    "en/support/chat.md": (
        "---\ntitle: Chat\n---\n\n## Hours\n\n"
        "Operators are available 8:25 a.m.-6:30 p.m. on weekdays.\n"
    ),
    "support/_note.md": "注意書き\n",
    "ucom/terms.md": "利用規約\n",
    "en/old/page.md": "---\ntitle: Old\n---\nold\n",
}


def sample_site(root: Path) -> Path:
    return make_site(root, FILES)


def page_path(result: RunResult, rel: str) -> Path:
    """The path of the page ``rel`` as the run knows it."""
    return next(page.path for page in result.pages if page.rel == rel)


def with_diagnostics(result: RunResult, added: list[Diagnostic]) -> RunResult:
    """``result`` with ``added`` among its diagnostics, and the lines they quote (read
    here, as the run reads the lines of its own diagnostics)."""
    sources = dict(result.sources)
    for d in added:
        for path, line in [(d.path, d.line), *((r.path, r.line) for r in d.related)]:
            lines = path.read_text(encoding="utf-8").split("\n")
            if 1 <= line <= len(lines):
                sources[(path, line)] = lines[line - 1]
    diagnostics = tuple(sorted([*result.diagnostics, *added], key=Diagnostic.sort_key))
    return replace(result, diagnostics=diagnostics, sources=sources)


def with_synthetic_findings(result: RunResult) -> RunResult:
    """Add a pair finding with a related line on the counterpart, and an unknown code."""
    ja = page_path(result, "support/chat.md")
    en = page_path(result, "en/support/chat.md")
    extra = [
        Diagnostic(
            en,
            7,
            25,
            "ZZ001",
            "hours-disagree",
            Severity.ERROR,
            "EN says 8:25–18:30 on weekdays; JA (support/chat.md:7) says 8:30–18:30",
            end_line=7,
            end_column=44,
            related=(Related(ja, 7, "the Japanese hours"),),
        ),
        Diagnostic(ja, 9, 1, "QQ002", "odd-markup", Severity.WARNING, f"found {IMG_PAYLOAD}"),
    ]
    return with_diagnostics(result, extra)


def sample_result(root: Path) -> RunResult:
    """The sample site checked by the pairing and input rules only (their findings are
    what these tests expect; other families are exercised by the browser tests), plus
    synthetic findings of made-up codes."""
    site = sample_site(root)
    return with_synthetic_findings(run_site(site, select=["PR", "IN"], describe_pages=True))
