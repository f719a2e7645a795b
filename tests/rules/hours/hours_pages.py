"""Helpers for the TM rule tests: pages from body text, and findings with their severity."""

from __future__ import annotations

import textwrap
from pathlib import Path

from helpers import run_site


def page(body: str, title: str = "t") -> str:
    """A page with front matter and ``body`` (dedented)."""
    return f"---\ntitle: {title}\n---\n\n{textwrap.dedent(body).strip()}\n"


# Two sentences per language, so that a page holding both is bilingual.
BILINGUAL_PROSE = (
    "このページは，サポート窓口の案内です．\n\n"
    "ご不明な点があればお問い合わせください．\n\n"
    "This page explains how the support desk works for everyone.\n\n"
    "Please contact us if you have any questions about this page.\n"
)


def bilingual(body: str) -> str:
    """A bilingual page: ``body`` after enough prose in both languages."""
    return page(BILINGUAL_PROSE + "\n" + textwrap.dedent(body).strip())


def tm(root: Path, *, select: str = "TM", **options: object) -> list[str]:
    """Findings as ``"path:line:col SEVERITY CODE message"``, in report order."""
    result = run_site(root, select=[select], **options)
    assert not result.internal_errors, result.internal_errors
    base = root.resolve()
    return [
        f"{d.path.relative_to(base).as_posix()}:{d.line}:{d.column} {d.severity.value} "
        f"{d.code} {d.message}"
        for d in result.diagnostics
    ]


def pairs(root: Path) -> int:
    """How many pairs the run compared (a bilingual page is one)."""
    return run_site(root, select=["TM"]).pairs
