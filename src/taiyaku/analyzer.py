"""Japanese morphological analysis: one lazily created fugashi Tagger per process.

Every rule that reads Japanese reads the same :class:`Token` tuples, produced once per
block by :func:`tokenize`.  A token records where it starts in the analysed text, so a
rule can turn a match back into a line and column in the source file.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import fugashi

__all__ = ["Token", "get_tagger", "tokenize"]


class Token(NamedTuple):
    """One morpheme.

    ``start``/``end`` are character offsets into the text given to :func:`tokenize`.
    ``pos`` is the UniDic part of speech joined by ``-`` (for example ``名詞-数詞`` or
    ``名詞-普通名詞-助数詞可能``); ``lemma`` is the dictionary form (the surface when
    UniDic has none, as for Arabic numerals).
    """

    surface: str
    lemma: str
    pos: str
    start: int
    end: int

    @property
    def pos1(self) -> str:
        return self.pos.split("-", 1)[0]

    def is_numeral(self) -> bool:
        return self.pos.startswith("名詞-数詞")

    def is_content_word(self) -> bool:
        """Nouns, verbs, adjectives and adverbs: the words that carry meaning."""
        return self.pos1 in _CONTENT_POS and not self.pos.startswith("名詞-数詞")


_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞"})

_tagger: fugashi.Tagger | None = None
_lock = threading.Lock()


def get_tagger() -> fugashi.Tagger:
    """Return the process-wide Tagger, creating it on first use.

    Loading unidic-lite's dictionary can take seconds on a cold disk, so it happens at
    most once per process and only when Japanese text is actually analysed.
    """
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                import fugashi

                _tagger = fugashi.Tagger()
    return _tagger


def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into morphemes with their offsets in ``text``."""
    if not text:
        return ()
    tagger = get_tagger()
    tokens: list[Token] = []
    cursor = 0
    for node in tagger(text):
        surface = node.surface
        start = text.find(surface, cursor) if surface else cursor
        if start < 0:  # the tagger normalised something; fall back to the cursor
            start = cursor
        end = start + len(surface)
        cursor = end
        feature = node.feature
        pos = "-".join(p for p in (feature.pos1, feature.pos2, feature.pos3) if p and p != "*")
        lemma = getattr(feature, "lemma", None) or surface
        tokens.append(Token(surface, lemma, pos, start, end))
    return tuple(tokens)
