"""Pages for the PV rule tests, built around the repository's real policy.

The clauses' canonical wording comes from ``checks/privacy.yml`` (so the thresholds
are tested on the text they were set for); rewordings are written out in the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import REPO, lint
from taiyaku.rules.privacy.policy import load_policy

CHECKS = REPO / "checks"
POLICY = load_policy(CHECKS / "privacy.yml")
IDS = [c.id for c in POLICY.clauses]
_BY_ID = {c.id: c for c in POLICY.clauses}


def clause(clause_id: str, lang: str) -> str:
    return _BY_ID[clause_id].text(lang)  # type: ignore[arg-type]


def notes(lang: str, items: list[str]) -> str:
    """A list of notes: a clause id stands for its canonical wording."""
    return "".join(f"- {clause(i, lang) if i in _BY_ID else i}\n" for i in items)


def page(lang: str, items: list[str], *, support: bool = True) -> str:
    """A page with a list of notes; ``support`` puts it in the policy's scope.

    Line 6 is the intro, line 8 the ``## Notes`` heading, line 10 the first note.
    """
    flag = f"support: {'true' if support else 'false'}\n"
    intro, heading, closing, last = {
        "ja": (
            "このページはサポート窓口の案内です．",
            "## 注意事項",
            "## 相談する",
            "押してください．",
        ),
        "en": ("This is a page of the support desk.", "## Notes", "## Inquire", "Press it."),
    }[lang]
    return (
        f"---\ntitle: t\n{flag}---\n\n{intro}\n\n{heading}\n\n"
        f"{notes(lang, items)}\n{closing}\n\n{last}\n"
    )


def pv(root: Path, **options: Any) -> list[str]:
    """PV findings on the site at ``root``, with the repository's policy."""
    options.setdefault("select", ["PV"])
    return lint(root, checks_dir=CHECKS, **options)
