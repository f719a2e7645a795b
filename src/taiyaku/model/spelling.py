"""The nearest spelling among candidates: what ``difflib.get_close_matches`` finds, cheaper.

A broken link's "did you mean" looks for a near spelling among some fifty URLs of the
site, once per missing URL: on a site that links to many pages it does not hold (a
partial checkout, a section published elsewhere), that is hundreds of searches a run.
``difflib`` builds a matcher and indexes the word for every search, and counts each
candidate's characters in a Python loop; almost every candidate then fails that count.
:func:`closest` asks the same three questions in the same order, with the same
arithmetic, and so gives the same answer, but counts characters with ``Counter`` (once
per distinct candidate) and builds the matcher only for a candidate that passes the
count, which is rare.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher

__all__ = ["closest"]


def closest(word: str, candidates: Iterable[str], cutoff: float) -> str | None:
    """``difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)``'s match, or
    None when it finds none.

    A candidate is a match when three ratios reach ``cutoff``, each a bound of the next
    (as :class:`difflib.SequenceMatcher` computes them): the shorter length's share of
    both, the characters the two have in common (as multisets), and the matching blocks'
    share.  The match is the candidate with the highest last ratio; between equal ratios,
    the greatest string.
    """
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    counts = _counts(word)
    size = len(word)
    matcher: SequenceMatcher[str] | None = None
    best: tuple[float, str] | None = None
    for candidate in candidates:
        total = size + len(candidate)
        if _ratio(min(size, len(candidate)), total) < cutoff:
            continue
        if _ratio(_in_common(counts, _counts(candidate)), total) < cutoff:
            continue
        if matcher is None:
            matcher = SequenceMatcher()
            matcher.set_seq2(word)
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return best[1] if best is not None else None


def _ratio(matches: int, length: int) -> float:
    """As difflib's ``_calculate_ratio``: the same float for the same comparison."""
    return 2.0 * matches / length if length else 1.0


@functools.lru_cache(maxsize=4096)
def _counts(text: str) -> Counter[str]:
    """Each character's count in ``text`` (a run asks the same candidates again and
    again: they are the site's URLs)."""
    return Counter(text)


def _in_common(first: Counter[str], second: Counter[str]) -> int:
    """The size of the two multisets' intersection."""
    if len(second) < len(first):
        first, second = second, first
    found = 0
    for char, count in first.items():
        other = second.get(char, 0)
        found += count if count < other else other
    return found
