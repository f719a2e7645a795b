"""The real utelecon layout, with flags only (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import CORPUS_PAGES, REPO
from taiyaku.site.pages import Site

pytestmark = pytest.mark.skipif(not CORPUS_PAGES.is_dir(), reason="../shared/corpus is absent")


def test_the_corpus_has_50_pairs() -> None:
    site = Site(CORPUS_PAGES, layout="prefix", url_style="preserve")
    assert len(site.pages) == 114
    assert len(site.pairs()) == 50


def test_check_runs_to_the_end_on_the_real_layout() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "taiyaku",
            "check",
            "--root",
            str(CORPUS_PAGES),
            "--url-style",
            "preserve",
            "--format",
            "json",
            str(CORPUS_PAGES),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    summary = json.loads(proc.stdout)["summary"]
    assert summary["files"] == 114
    assert summary["pairs"] >= 50
