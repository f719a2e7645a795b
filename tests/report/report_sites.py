"""Small sites and synthetic findings for the report tests.

The report must work for any rule family, so besides the real rules' findings these
helpers add Diagnostics of made-up codes (``ZZ001``) that the registry does not know.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers import make_site, run_site
from taiyaku.model.diagnostics import Diagnostic, Related, Severity
from taiyaku.run.engine import RunResult

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


def with_synthetic_findings(result: RunResult) -> RunResult:
    """Add a pair finding with a related line on the counterpart, and an unknown code."""
    assert result.site is not None
    site = result.site
    ja = site.by_rel["support/chat.md"].path
    en = site.by_rel["en/support/chat.md"].path
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
    diagnostics = sorted([*result.diagnostics, *extra], key=Diagnostic.sort_key)
    return replace(result, diagnostics=diagnostics)


def sample_result(root: Path) -> RunResult:
    """The sample site checked by the pairing and input rules only (their findings are
    what these tests expect; other families are exercised by the browser tests), plus
    synthetic findings of made-up codes."""
    return with_synthetic_findings(run_site(sample_site(root), select=["PR", "IN"]))
