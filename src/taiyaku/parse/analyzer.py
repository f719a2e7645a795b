"""Japanese morphological analysis: one lazily created fugashi Tagger per process.

Every rule that reads Japanese reads the same :class:`Token` tuples, produced once per
block by :func:`tokenize`.  A token records where it starts in the analysed text, so a
rule can turn a match back into a line and column in the source file.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, overload

if TYPE_CHECKING:
    import fugashi

__all__ = [
    "MAX_CHUNK_CHARS",
    "Morphemes",
    "Token",
    "chunks",
    "get_tagger",
    "is_content_pos",
    "tokenize",
]


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
    """Split ``text`` into morphemes with their offsets in ``text``."""
    return Morphemes(text).tokens


class Morphemes(Sequence[Token]):
    """fugashi's analysis of one text: a sequence of :class:`Token`.

    The analyser runs on first use, once; the tokens themselves (with their offsets)
    are built only when asked for.  Many blocks are never analysed (the time and date
    extractors look at the text first), and most that are only need the
    (lemma, part of speech) pairs they hold, which come without a token per morpheme.
    """

    __slots__ = ("_features", "_surfaces", "_text", "_tokens")

    def __init__(self, text: str) -> None:
        self._text = text
        self._surfaces: list[str] | None = None
        self._features: list[tuple[str, str | None]] = []
        self._tokens: tuple[Token, ...] | None = None

    def _analysed(self) -> list[str]:
        """The surfaces, after running the analyser if it has not run yet."""
        if self._surfaces is None:
            surfaces: list[str] = []
            for chunk in chunks(self._text):
                tagger = get_tagger()
                # fugashi's nodes are valid only until its next parse: read them right away
                nodes = tagger(chunk)
                self._features += _features_of(nodes)
                surfaces += [node.surface for node in nodes]
            self._surfaces = surfaces
        return self._surfaces

    def __len__(self) -> int:
        return len(self._analysed())

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        return self.tokens[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Morphemes):
            other = other.tokens
        return self.tokens == other if isinstance(other, tuple) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Morphemes({self._text!r})"

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens, with their character offsets into the analysed text."""
        if self._tokens is None:
            self._tokens = _tokens(self._text, self._analysed(), self._features)
        return self._tokens

    def lemma_pos_pairs(self) -> set[tuple[str, str]]:
        """The distinct (lemma, part of speech) pairs, as :class:`Token` has them."""
        surfaces = self._analysed()
        distinct = set(self._features)
        pairs = {(lemma, pos) for pos, lemma in distinct if lemma is not None}
        if any(lemma is None for _pos, lemma in distinct):  # the surface stands in
            pairs.update(
                (surface, pos)
                for surface, (pos, lemma) in zip(surfaces, self._features, strict=True)
                if lemma is None
            )
        return pairs


def _features_of(nodes: Sequence[fugashi.UnidicNode]) -> list[tuple[str, str | None]]:
    """(POS, lemma) of each node.  They come from fugashi's raw feature string, split
    once per distinct morpheme in a process, since this runs over every morpheme."""
    known = _FEATURES
    raws = [node.feature_raw for node in nodes]
    features = list(map(known.get, raws))
    if None in features:
        for index, found in enumerate(features):
            if found is None:
                raw = raws[index]
                found = features[index] = _split_features(nodes[index], raw)
                if len(known) < 200_000:
                    known[raw] = found
    return features  # type: ignore[return-value]


def _tokens(
    text: str, surfaces: list[str], features: list[tuple[str, str | None]]
) -> tuple[Token, ...]:
    tokens: list[Token] = []
    append = tokens.append
    startswith = text.startswith
    cursor = 0
    for surface, (pos, lemma) in zip(surfaces, features, strict=True):
        if not startswith(surface, cursor):  # white space before it (or a normalised form)
            found = text.find(surface, cursor)
            if found >= 0:
                cursor = found
        end = cursor + len(surface)
        append(_new_tuple(Token, (surface, lemma or surface, pos, cursor, end)))
        cursor = end
    return tuple(tokens)


_new_tuple = tuple.__new__
#: Raw UniDic feature string -> (POS levels 1–3 joined by "-", lemma or None).
_FEATURES: dict[str, tuple[str, str | None]] = {}


# MeCab crashes the process (SIGSEGV) on one input of more than about 2.9 MB of UTF-8
# (993,065 Japanese characters, or 204,000 digits in a row): no text longer than this
# many characters (at most 4 bytes each) is handed to it whole.
MAX_CHUNK_CHARS = 100_000


def chunks(text: str, limit: int | None = None) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters (default
    :data:`MAX_CHUNK_CHARS`) that join back to ``text``.  A text within the limit is one
    piece (an empty text none); a longer one is cut after the last line break in the
    second half of each piece, else after the last sentence end (``。．！？`` or ``.!?``
    and a space), else after the last space, else at the limit."""
    limit = limit or MAX_CHUNK_CHARS
    start, size = 0, len(text)
    while size - start > limit:
        end = _cut(text, start, start + limit)
        yield text[start:end]
        start = end
    if start < size:
        yield text[start:]


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece ``text[start:end]``: a boundary in its second half."""
    low = start + (end - start) // 2
    newline = text.rfind("\n", low, end)
    if newline >= 0:
        return newline + 1
    last = None
    for match in _SENTENCE_ENDS.finditer(text, low, end):
        last = match.end()
    if last is not None:
        return last
    space = max(text.rfind(" ", low, end), text.rfind("\u3000", low, end))
    return space + 1 if space >= 0 else end


_SENTENCE_ENDS = re.compile(r"[。．！？]|[.!?](?= )")


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
