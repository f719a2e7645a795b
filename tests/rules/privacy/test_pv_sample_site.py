"""The PV rules on the sample site in ``content/`` with the repository's policy."""

from __future__ import annotations

import pytest
from privacy_pages import pv

from helpers import REPO


@pytest.fixture(scope="module")
def findings() -> list[str]:
    return pv(REPO / "content")


def on(findings: list[str], *paths: str) -> list[str]:
    return [f for f in findings if f.split(":", 1)[0] in paths]


def test_seed_000_lacks_its_fourth_clause_in_both_languages(findings: list[str]) -> None:
    """The bilingual online-call page carries three clauses in each language."""
    assert on(findings, "support/online-call.md") == [
        "support/online-call.md:26 PV001 missing required clause 'departmental-systems' "
        'in the Japanese text (JA: "部局が独自に提供している情報システムについては…"); '
        "expected after clause 'use-of-information'",
        "support/online-call.md:30 PV001 missing required clause 'departmental-systems' "
        'in the English text (EN: "For information systems which departments independently '
        "provide…\"); expected after clause 'use-of-information'",
    ]


def test_chat_pages_carry_the_same_clauses(findings: list[str]) -> None:
    """Both chat pages carry the four clauses in the policy's wording (the Japanese page
    with its own markup and links): nothing is missing, altered or one-sided."""
    assert on(findings, "support/chat.md", "en/support/chat.md") == []
