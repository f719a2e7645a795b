"""Pages and helpers for the ST tests: a small pair whose versions differ as editors
change pages, and findings as short strings."""

from __future__ import annotations

from pathlib import Path

from git_repo import GitRepo
from helpers import run_site

JA = "support/chat.md"
EN = "en/support/chat.md"

JA_V1 = """\
---
title: チャットで相談する
lastmod: 2025-03-01
---

# チャット

オペレータによる対応は，平日9時から17時までです．

- 混み合っているときはお待たせすることがあります．
- チャットは東京大学の構成員のみ利用できます．
"""

EN_V1 = """\
---
title: Support via Chat
lastmod: 2025-03-01
---

# Chat

Operators are available 9 a.m.-5 p.m. on weekdays.

- It may take some time for operators to respond.
- Chat support is available to members of the University of Tokyo only.
"""

# The same Japanese text as a reader sees it: lines wrapped, emphasis, full-width
# punctuation as half-width, a new lastmod.
JA_V1_TRIVIAL = """\
---
title: チャットで相談する
lastmod: 2025-04-02
---

# チャット

オペレータによる対応は，
**平日**9時から17時までです.

- 混み合っているときは
  お待たせすることがあります．
- チャットは東京大学の構成員のみ利用できます．
"""

# A change a reader sees: new hours.
JA_V2 = JA_V1.replace("平日9時から17時まで", "平日8時25分から18時30分まで")
EN_V2 = EN_V1.replace("9 a.m.-5 p.m.", "8:25 a.m.-6:30 p.m.")
JA_V3 = JA_V2.replace("- チャットは", "- 土日は休みです．\n- チャットは")


def st(
    root: Path, *, select: str = "ST001", paths: list[Path] | None = None, **options: object
) -> list[str]:
    """Findings as ``"path:line SEVERITY CODE message"``."""
    result = run_site(root, paths or [], select=[select], **options)
    assert not result.internal_errors, result.internal_errors
    base = root.resolve()
    return [
        f"{d.path.relative_to(base).as_posix()}:{d.line} {d.severity.value} {d.code} {d.message}"
        for d in result.diagnostics
    ]


def synced_pair(repo: GitRepo, when: str = "2025-03-01") -> str:
    """Commit the pair in sync; the commit's hash."""
    return repo.commit("Add the chat pages", when, {JA: JA_V1, EN: EN_V1})


# An English-first site in the prefix layout: the source at the root, the Japanese
# translation under ja/.
EN_FIRST_EN = "support/chat.md"
EN_FIRST_JA = "ja/support/chat.md"


def synced_en_first(repo: GitRepo, when: str = "2025-03-01") -> str:
    """Commit an English-first pair in sync; the commit's hash."""
    return repo.commit("Add the chat pages", when, {EN_FIRST_EN: EN_V1, EN_FIRST_JA: JA_V1})
