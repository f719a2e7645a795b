"""Bounded work on any input: no input crashes the analyser, and no pass over a page
grows faster than n log n in what the page holds.  (The growth itself is measured by
``benchmarks/doubling.py``; these tests pin the reproductions of what went wrong.)"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

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
