"""The published pre-commit hook, run by the real pre-commit in a throwaway repository.

A snapshot of this working tree (committed or not) becomes the hook's source repository;
a second repository holds a small bilingual site and uses the ``taiyaku`` hook from it.
pre-commit builds its own virtual environment and pip-installs taiyaku and its
dependencies from the package index, so the first run takes a minute or two.

Slow: deselect with ``-m "not slow"``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import REPO

pytestmark = pytest.mark.slow

pytest.importorskip(
    "pre_commit", reason="pre-commit is not installed (pip install pre-commit) in this Python"
)
if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("PYTHONPATH", "VIRTUAL_ENV", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(key, None)
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.com",
            "PRE_COMMIT_COLOR": "never",
        }
    )
    return env


def _run(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = _run(cwd, env, "git", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Copy this working tree's files (tracked or new, not ignored) into a new repository."""
    listed = _git(REPO, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for rel in filter(None, listed.split("\0")):
        source = REPO / rel
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    _git(dest, env, "init", "-q")
    _git(dest, env, "add", "-A")
    _git(dest, env, "commit", "-q", "--no-verify", "-m", "snapshot")
    return _git(dest, env, "rev-parse", "HEAD")


def _write(root: Path, rel: str, content: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def test_a_commit_of_a_broken_page_fails_and_passes_after_the_fix(tmp_path: Path) -> None:
    env = _env(tmp_path)
    hook_repo = tmp_path / "taiyaku"
    hook_repo.mkdir()
    rev = _snapshot(hook_repo, env)

    site = tmp_path / "site"
    site.mkdir()
    _git(site, env, "init", "-q")
    _write(
        site,
        ".pre-commit-config.yaml",
        f"""
        repos:
          - repo: {hook_repo.as_posix()}
            rev: {rev}
            hooks:
              - id: taiyaku
        """,
    )
    _write(site, "pyproject.toml", '[tool.taiyaku]\nroot = "content"\n')
    _write(site, "README.md", "# A site\n")  # Markdown outside the root: skipped
    _write(site, "content/support/chat.md", "---\ntitle: チャット\n---\n本文です。\n")
    _write(site, "content/en/support/chat.md", "---\ntitle: Chat\n---\nText.\n")
    _write(site, "content/support/desk.mdx", "本文です。\n\n{/* comment */}\n")
    _write(site, "content/en/support/desk.mdx", "Text.\n")
    installed = _run(site, env, sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    _git(site, env, "add", "-A")
    first = _run(site, env, "git", "commit", "-m", "a clean site")
    output = first.stdout + first.stderr  # the hook's output goes to stderr
    assert first.returncode == 0, output
    assert "taiyaku (Japanese ⇄ English pages)" in output
    assert "Passed" in output

    # A page saved in Shift_JIS: IN001, an error.
    _write(site, "content/support/online-call.md", "本文です。\n".encode("shift_jis"))
    _write(site, "content/en/support/online-call.md", "Text.\n")
    _git(site, env, "add", "-A")
    broken = _run(site, env, "git", "commit", "-m", "a broken page")
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0, output
    assert "Failed" in output
    assert "content/support/online-call.md:1:1: error IN001 [unreadable-page]" in output
    assert "content/support/chat.md" not in output  # only the staged pages are checked
    assert _git(site, env, "rev-list", "--count", "HEAD") == "1"

    _write(site, "content/support/online-call.md", "本文です。\n")
    _git(site, env, "add", "-A")
    fixed = _run(site, env, "git", "commit", "-m", "the page, fixed")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _git(site, env, "rev-list", "--count", "HEAD") == "2"

    # The taiyaku-fix hook, from the same repository (pre-commit reuses its environment):
    # it fixes what it can, fails because it changed a file, and the fixed page commits.
    _write(
        site,
        ".pre-commit-config.yaml",
        f"""
        repos:
          - repo: {hook_repo.as_posix()}
            rev: {rev}
            hooks:
              - id: taiyaku-fix
        """,
    )
    unused = "<!-- taiyaku-disable-next-line LK001 -->\n"
    _write(site, "content/support/chat.md", "---\ntitle: チャット\n---\n" + unused + "本文です。\n")
    _git(site, env, "add", "-A")
    changed = _run(site, env, "git", "commit", "-m", "an unused suppression")
    output = changed.stdout + changed.stderr
    assert changed.returncode != 0, output
    assert "taiyaku --fix (Japanese ⇄ English pages)" in output
    assert "files were modified by this hook" in output
    assert (site / "content/support/chat.md").read_text(encoding="utf-8") == (
        "---\ntitle: チャット\n---\n本文です。\n"
    )
    _git(site, env, "add", "-A")
    again = _run(site, env, "git", "commit", "-m", "the suppression, removed")
    assert again.returncode == 0, again.stdout + again.stderr
