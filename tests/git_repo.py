"""Real git repositories in a temporary folder, for the freshness (ST) tests.

Each commit gets its dates from ``GIT_AUTHOR_DATE``/``GIT_COMMITTER_DATE``, so a
history reads the same on every machine::

    repo = GitRepo.init(tmp_path)
    repo.commit("Add chat", "2025-03-01", {"support/chat.md": JA, "en/support/chat.md": EN})
    repo.commit("New hours", "2025-04-10", {"support/chat.md": JA_NEW})
    assert lint(repo.path, select=["ST001"]) == [...]

The user's own git configuration is left out (``GIT_CONFIG_GLOBAL``), so a signing or
hook setting on the machine cannot change what the tests build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)

_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}
_DROP = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")


def git_env(when: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROP}
    env.update(_ENV)
    if when is not None:
        stamp = when if "T" in when else f"{when}T12:00:00+09:00"
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = stamp
    return env


@dataclass
class GitRepo:
    path: Path

    @classmethod
    def init(cls, path: Path) -> GitRepo:
        path.mkdir(parents=True, exist_ok=True)
        repo = cls(path)
        repo.git("init", "-q", "-b", "main")
        return repo

    def git(self, *args: str, when: str | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.path,
            env=git_env(when),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
        return done.stdout

    def write(self, files: Mapping[str, str]) -> None:
        """Write ``files`` (path → text, dedented) without staging them."""
        for rel, text in files.items():
            target = self.path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")

    def commit(
        self,
        message: str,
        when: str,
        files: Mapping[str, str] | None = None,
        *,
        rename: Mapping[str, str] | None = None,
        delete: Iterable[str] = (),
    ) -> str:
        """Commit ``files`` (written first), renames and deletions; the new commit's hash."""
        for old, new in (rename or {}).items():
            (self.path / new).parent.mkdir(parents=True, exist_ok=True)
            self.git("mv", old, new)
        for rel in delete:
            self.git("rm", "-q", rel)
        if files:
            self.write(files)
            self.git("add", "--", *files)
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)
        return self.git("rev-parse", "HEAD").strip()

    def stage(self, *paths: str) -> None:
        self.git("add", "--", *paths)
