"""closest(): difflib.get_close_matches's one best match, found with less work."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.model.spelling import closest

# Short words over a few letters: near spellings, ties and repeated candidates are common.
_WORDS = st.text(alphabet="abc/-", max_size=12)


@settings(max_examples=2000, deadline=None)
@given(_WORDS, st.lists(_WORDS, max_size=12), st.sampled_from([0.0, 0.5, 0.6, 0.8, 0.85, 1.0]))
def test_the_same_match_as_difflib(word: str, candidates: list[str], cutoff: float) -> None:
    expected = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    assert closest(word, candidates, cutoff) == (expected[0] if expected else None)


@pytest.mark.parametrize(
    ("word", "candidates", "cutoff", "match"),
    [
        ("/support/chatt", ["/support/chat", "/support/email-form"], 0.85, "/support/chat"),
        ("/zoom/signin", ["/webex/signin", "/zoom/sign-up"], 0.85, None),  # not near enough
        ("ab", ["ba", "ab"], 0.6, "ab"),  # the highest ratio
        ("ab", ["ac", "ad"], 0.5, "ad"),  # equal ratios: the greatest string
        ("", [""], 1.0, ""),  # two empty strings are the same
    ],
)
def test_examples(word: str, candidates: list[str], cutoff: float, match: str | None) -> None:
    assert closest(word, candidates, cutoff) == match


def test_a_cutoff_outside_0_1_is_refused() -> None:
    with pytest.raises(ValueError, match="cutoff"):
        closest("a", ["a"], 1.5)
