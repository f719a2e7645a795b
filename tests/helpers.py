"""Test helpers: build a small site in a temporary folder and lint it.

Rule tests read as input beside expected findings::

    site = make_site(tmp_path, {"support/chat.md": "---\\ntitle: x\\n---\\n..."})
    assert lint(site, select=["PR"]) == ["support/chat.md:1 PR001 no English translation ..."]
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from taiyaku.config.loading import load_config
from taiyaku.parse import analyzer
from taiyaku.run.engine import run
from taiyaku.run.result import RunResult

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS_PAGES = SHARED / "corpus" / "utelecon" / "src" / "pages"
SEEDS = SHARED / "seeds"


def make_site(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (root-relative path → text, dedented; or bytes) under ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def run_site(
    root: Path,
    paths: Iterable[Path] = (),
    *,
    checks_dir: Path | None = None,
    describe_pages: bool = False,
    **options: Any,
) -> RunResult:
    """Run taiyaku on ``root`` with flag-style ``options`` (``url_style="pretty"``);
    ``describe_pages`` as ``taiyaku report`` runs it."""
    overrides = {key.replace("_", "-"): value for key, value in options.items()}
    overrides.setdefault("root", str(root))
    overrides["checks-dir"] = str(checks_dir) if checks_dir else str(root / "_no_checks_")
    overrides.setdefault("cache", False)  # tests of the cache turn it on explicitly
    config = load_config(None, overrides, cwd=root, discover=False)
    return run(config, list(paths), cwd=root, describe_pages=describe_pages)


def lint(root: Path, paths: Iterable[Path] = (), **options: Any) -> list[str]:
    """Findings as ``"rel/path.md:LINE CODE message"`` strings, sorted, for easy asserts."""
    result = run_site(root, paths, **options)
    assert not result.internal_errors, result.internal_errors
    return [
        f"{d.path.relative_to(root.resolve()).as_posix()}:{d.line} {d.code} {d.message}"
        for d in result.diagnostics
    ]


def codes(root: Path, paths: Iterable[Path] = (), **options: Any) -> list[str]:
    """Just ``"rel/path.md:LINE CODE"`` for each finding."""
    return [
        entry.split(" ", 2)[0] + " " + entry.split(" ", 2)[1]
        for entry in lint(root, paths, **options)
    ]


def count_analyses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """From now on, count each run of the Japanese analyser (fugashi), by text."""
    tagger = analyzer.get_tagger()
    counted: Counter[str] = Counter()

    class Counting:
        """The tagger, counting each text it analyses (by either of its entry points)."""

        def __call__(self, text: str) -> Any:
            counted[text] += 1
            return tagger(text)

        def parse(self, text: str) -> str:
            counted[text] += 1
            return tagger.parse(text)

    counting = Counting()
    monkeypatch.setattr(analyzer, "get_tagger", lambda: counting)
    return counted
