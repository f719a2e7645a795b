"""Bounded work on any input: no input crashes the analyser, and no pass over a page
grows faster than n log n in what the page holds.  (The growth itself is measured by
``benchmarks/doubling.py``; these tests pin the reproductions of what went wrong.)"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import make_site, run_site

# Blocks below the 5 MiB page limit on which MeCab, handed the text whole, segfaulted
# (the run died with exit 139 and no message).
CRASHERS = {
    "digits": "'1' * 204_000",
    "clock colons": "'12:' * 156_737",
    "japanese": "('窓口は平日に開いています' * 90_000)[:993_065]",
}


@pytest.mark.parametrize("name", sorted(CRASHERS))
def test_a_block_mecab_cannot_take_whole_is_analysed_in_pieces(name: str) -> None:
    script = textwrap.dedent(
        f"""
        from taiyaku.parse.analyzer import tokenize
        text = {CRASHERS[name]}
        tokens = tokenize(text)
        assert "".join(t.surface for t in tokens) == text
        assert all(text[t.start : t.end] == t.surface for t in tokens[:: len(tokens) // 97])
        print("ok", len(tokens))
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("ok ")


def test_reading_a_page_s_suppression_comments_is_under_its_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: 20,000 `taiyaku-disable-next-line` comments took 115 s and never gave IN003:
    the suppression pass ran outside the per-page limit."""
    import taiyaku.run.units

    real = taiyaku.run.units.parse_directives

    def slow(doc, resolve):  # type: ignore[no-untyped-def]
        if doc.rel == "slow.md":
            time.sleep(5)
        return real(doc, resolve)

    monkeypatch.setattr(taiyaku.run.units, "parse_directives", slow)
    comment = "<!-- taiyaku-disable-next-line LK001 -->\n[x](./missing)\n\n"
    root = make_site(tmp_path, {"slow.md": comment * 3, "fast.md": comment * 3})
    started = time.monotonic()
    result = run_site(root, max_page_seconds=0.5, jobs=1)
    assert time.monotonic() - started < 4
    assert sorted((d.path.name, d.code) for d in result.diagnostics if d.code != "PR001") == [
        ("slow.md", "IN003"),
        ("slow.md", "LK001"),
        ("slow.md", "LK001"),
        ("slow.md", "LK001"),
    ]
