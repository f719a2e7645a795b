"""The sample site with a history: ``content/`` committed into a new git repository, in
four commits, so that the English chat page is behind its Japanese source.

This repository's own history of ``content/`` is not used: the history is built here,
with fixed dates, so that the freshness rules read the same story everywhere::

    2025-02-03  Add the support site        every page; the Japanese chat page still
                                            announces the spring weekend service, as the
                                            English page does
    2025-03-03  chat: fix a typo [skip translation]
    2025-04-21  chat: the weekend service has ended    (the English page lacks this)
    2025-04-22  chat: re-wrap a list item               (white space only)

Run it to try ``taiyaku status`` and the ST rules on the result::

    python tests/content_history.py /tmp/taiyaku-demo
    cd /tmp/taiyaku-demo && taiyaku status && taiyaku check --select ST
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from git_repo import GitRepo

REPO = Path(__file__).resolve().parent.parent
CHAT = "content/support/chat.md"

_NOW = "- オペレータによる対応は，平日8時25分から18時30分まで受け付けています．\n"
_SPRING = (
    "- オペレータによる対応は，平日8時25分から18時30分まで，"
    "土日祝日10時20分から16時35分まで受け付けています．\n"
    "- 土日祝日の対応は，2025年3月15日（土）から4月20日（日）まで（3月20日（木）を含む）の"
    "期間限定です．通常は平日のみの対応です．\n"
)
_WRAPPED = "お待たせすることがあります．\n  その場合は"
_UNWRAPPED = "お待たせすることがあります．その場合は"
_TYPO = ("あらかじめご了承ください．", "あらかじめご了承くださ．")


def chat_versions() -> tuple[str, str, str, str]:
    """The Japanese chat page at each of the four commits (the last is the file today)."""
    today = (REPO / CHAT).read_text(encoding="utf-8")
    assert _NOW in today and _WRAPPED in today and _TYPO[0] in today, "content/ changed"
    ended = today.replace(_WRAPPED, _UNWRAPPED)
    spring = ended.replace(_NOW, _SPRING)
    return spring.replace(*_TYPO), spring, ended, today


def build(dest: Path) -> GitRepo:
    """The repository in ``dest`` (which must not exist yet)."""
    if dest.exists():
        raise FileExistsError(f"{dest} exists")
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "checks", dest / "checks")
    (dest / "taiyaku.toml").write_text('root = "content"\n', encoding="utf-8")
    first, fixed, ended, today = chat_versions()
    (dest / CHAT).write_text(first, encoding="utf-8")
    repo = GitRepo.init(dest)
    repo.git("add", ".")
    repo.commit("Add the support site", "2025-02-03")
    repo.commit("chat: fix a typo [skip translation]", "2025-03-03", {CHAT: fixed})
    repo.commit("chat: the weekend service has ended", "2025-04-21", {CHAT: ended})
    repo.commit("chat: re-wrap a list item", "2025-04-22", {CHAT: today})
    return repo


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} DEST")
    built = build(Path(sys.argv[1]))
    print(f"built {built.path}: try `taiyaku status` and `taiyaku check --select ST` there")
