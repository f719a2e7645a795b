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

__all__ = ["Token", "get_tagger", "is_content_pos", "tokenize"]


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

    def is_content_word(self) -> bool:
        """Nouns, verbs, adjectives and adverbs: the words that carry meaning."""
        return is_content_pos(self.pos)


def is_content_pos(pos: str) -> bool:
    """Whether a UniDic part of speech (``名詞-普通名詞-一般``) is a content word's:
    a noun (not a numeral), verb, adjective, adverb or pronoun."""
    return pos.split("-", 1)[0] in _CONTENT_POS and not pos.startswith("名詞-数詞")


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
    """Split ``text`` into morphemes with their offsets in ``text``.

    This runs once per block of Japanese text, over every morpheme, so it is written
    for speed: POS and lemma come from fugashi's raw feature string, split once per
    distinct morpheme, and tokens are built without the named tuple's ``__new__``.
    """
    if not text:
        return ()
    tokens: list[Token] = []
    append = tokens.append
    known_features = _FEATURES
    startswith = text.startswith
    cursor = 0
    for node in get_tagger()(text):
        surface = node.surface
        if not startswith(surface, cursor):  # white space before it (or a normalised form)
            found = text.find(surface, cursor)
            if found >= 0:
                cursor = found
        end = cursor + len(surface)
        raw = node.feature_raw
        features = known_features.get(raw)
        if features is None:
            features = _split_features(node, raw)
            if len(known_features) < 200_000:
                known_features[raw] = features
        append(_new_tuple(Token, (surface, features[1] or surface, features[0], cursor, end)))
        cursor = end
    return tuple(tokens)


_new_tuple = tuple.__new__
#: Raw UniDic feature string -> (POS levels 1–3 joined by "-", lemma or None).
_FEATURES: dict[str, tuple[str, str | None]] = {}


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
