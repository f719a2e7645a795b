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
    append = tokens.append
    cursor = 0
    for node in tagger(text):
        surface = node.surface
        start = cursor + len(node.white_space)
        if text.startswith(surface, start):
            end = start + len(surface)
        else:  # the tagger normalised something: search instead of trusting lengths
            found = text.find(surface, cursor)
            start = found if found >= 0 else cursor
            end = start + len(surface)
        cursor = end
        pos, lemma = _pos_and_lemma(node, surface)
        append(Token(surface, lemma, pos, start, end))
    return tuple(tokens)


_FEATURES: dict[str, tuple[str, str | None]] = {}


def _pos_and_lemma(node: fugashi.UnidicNode, surface: str) -> tuple[str, str]:
    """UniDic POS (levels 1–3 joined by ``-``) and lemma, read from the raw CSV.

    Reading ``feature_raw`` is several times cheaper than fugashi's parsed ``feature``,
    and a page repeats most of its morphemes, so each distinct feature string is split
    once per process.
    """
    raw = node.feature_raw
    known = _FEATURES.get(raw)
    if known is None:
        known = _split_features(node, raw)
        if len(_FEATURES) < 200_000:
            _FEATURES[raw] = known
    pos, lemma = known
    return pos, lemma or surface


def _split_features(node: fugashi.UnidicNode, raw: str) -> tuple[str, str | None]:
    if '"' in raw:  # a quoted CSV field (a comma in the data): take the careful path
        feature = node.feature
        fields = [feature.pos1, feature.pos2, feature.pos3]
        lemma = getattr(feature, "lemma", None)
    else:
        parts = raw.split(",", 8)
        fields = parts[:3]
        lemma = parts[7] if len(parts) > 7 else None
    pos = "-".join(p for p in fields if p and p != "*")
    if not lemma or lemma == "*":
        lemma = None
    return pos, lemma
