"""Japanese morphological analysis: one lazily created fugashi Tagger per process.

Every rule that reads Japanese reads the same :class:`Token` tuples, produced once per
block by :func:`tokenize`.  A token records where it starts in the analysed text, so a
rule can turn a match back into a line and column in the source file.
"""

from __future__ import annotations

import csv
import operator
import re
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, overload

if TYPE_CHECKING:
    import fugashi

__all__ = [
    "MAX_CHUNK_CHARS",
    "Features",
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
    UniDic has none, as for Arabic numerals).  ``orth_base`` is how this text writes the
    word's base form (書字形基本形: ``問合せ``, ``出来る`` where the lemma is
    ``問い合わせ``, ``出来る``), ``form_base`` the base form's sound (語形基本形:
    ``イイ`` for いい, ``ヨイ`` for よい, both of lemma 良い); both are empty for words
    UniDic does not know.
    """

    surface: str
    lemma: str
    pos: str
    start: int
    end: int
    orth_base: str = ""
    form_base: str = ""


class Features(NamedTuple):
    """What UniDic says of one morpheme, as :class:`Morphemes` keeps it (no offsets)."""

    pos: str
    lemma: str | None  # None for words UniDic does not know
    orth_base: str
    form_base: str

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

                _tagger = fugashi.Tagger(_OUTPUT_FORMAT)
    return _tagger


# What ``Tagger.parse`` writes: per morpheme its surface, a tab, its raw feature string (as
# ``node.feature_raw`` has it) and a tab; nothing before or after the sentence.  One string
# for the whole text costs much less than a Python object per morpheme and two attributes
# read from each, and one separator throughout splits it in one call.  (The node API,
# ``tagger(text)``, is unaffected.)
_OUTPUT_FORMAT = (
    "--output-format-type= '--node-format=%m\\t%H\\t' '--unk-format=%m\\t%H\\t' "
    "--bos-format= --eos-format="
)


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

    __slots__ = ("_distinct", "_features", "_surfaces", "_text", "_tokens")

    def __init__(self, text: str) -> None:
        self._text = text
        self._surfaces: list[str] | None = None
        self._features: list[Features] = []
        self._tokens: tuple[Token, ...] | None = None
        self._distinct: frozenset[Features] | None = None

    def _analysed(self) -> list[str]:
        """The surfaces, after running the analyser if it has not run yet."""
        if self._surfaces is None:
            surfaces: list[str] = []
            for chunk in chunks(self._text):
                fields = _morpheme_fields(get_tagger().parse(chunk))
                surfaces += fields[0::2]
                self._features += _features_of(fields[1::2])
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

    def distinct_features(self) -> frozenset[Features]:
        """The distinct :class:`Features` of the morphemes (made once: the privacy rules
        and the orthographic-variant rule both read them)."""
        if self._distinct is None:
            self._analysed()
            self._distinct = frozenset(self._features)
        return self._distinct

    def lemma_pos_pairs(self) -> set[tuple[str, str]]:
        """The distinct (lemma, part of speech) pairs, as :class:`Token` has them."""
        surfaces = self._analysed()
        distinct = self.distinct_features()
        pairs = set(map(_LEMMA_AND_POS, distinct))
        if not all(map(_LEMMA_OF, distinct)):  # an unknown word: its surface stands in
            pairs = {pair for pair in pairs if pair[0] is not None}
            pairs.update(
                (surface, f.pos)
                for surface, f in zip(surfaces, self._features, strict=True)
                if f.lemma is None
            )
        return pairs  # type: ignore[return-value]

    def words(self) -> tuple[list[str], list[Features]]:
        """The surfaces and the :class:`Features` of the morphemes, in order: what a
        rule that reads every morpheme of every block needs, without a :class:`Token`
        (and its offsets) built for each.  Read them; do not change them."""
        surfaces = self._analysed()
        return surfaces, self._features


def _morpheme_fields(output: str) -> list[str]:
    """``Tagger.parse``'s output (:data:`_OUTPUT_FORMAT`) as surface, feature, surface,
    feature…  Neither holds a tab or a line break: MeCab reads both as space between
    morphemes, and its dictionaries' fields have none."""
    fields = output.split("\t")
    if len(fields) % 2:  # the empty field after the last tab (or an empty output)
        fields.pop()
    return fields


def _features_of(raws: Sequence[str]) -> list[Features]:
    """The :class:`Features` of each raw feature string.  Each distinct string is split
    once per process, since this runs over every morpheme."""
    known = _FEATURES
    features = list(map(known.get, raws))
    if None in features:
        for index, found in enumerate(features):
            if found is None:
                raw = raws[index]
                found = features[index] = _split_features(raw)
                if len(known) < 200_000:
                    known[raw] = found
    return features  # type: ignore[return-value]


def _tokens(text: str, surfaces: list[str], features: list[Features]) -> tuple[Token, ...]:
    tokens: list[Token] = []
    append = tokens.append
    startswith = text.startswith
    cursor = 0
    for surface, (pos, lemma, orth_base, form_base) in zip(surfaces, features, strict=True):
        if not startswith(surface, cursor):  # white space before it (or a normalised form)
            found = text.find(surface, cursor)
            if found >= 0:
                cursor = found
        end = cursor + len(surface)
        append(
            _new_tuple(Token, (surface, lemma or surface, pos, cursor, end, orth_base, form_base))
        )
        cursor = end
    return tuple(tokens)


_new_tuple = tuple.__new__
_LEMMA_OF = operator.itemgetter(1)  # of a Features: its lemma (None for an unknown word)
_LEMMA_AND_POS = operator.itemgetter(1, 0)  # of a Features: (lemma, pos)
#: Raw UniDic feature string -> its :class:`Features`.
_FEATURES: dict[str, Features] = {}
# Where unidic-lite's feature string has the lemma, the base form's spelling and sound.
_LEMMA, _ORTH_BASE, _FORM_BASE = 7, 10, 20


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


def _split_features(raw: str) -> Features:
    # A quoted CSV field (a comma in the data: an accent "0,2") takes the careful path.
    parts = next(csv.reader([raw])) if '"' in raw else raw.split(",", _FORM_BASE + 1)
    fields = parts[:3]
    known = len(parts) > _FORM_BASE  # an unknown word has only its POS fields
    lemma = parts[_LEMMA] if known else None
    orth_base = parts[_ORTH_BASE] if known else None
    form_base = parts[_FORM_BASE] if known else None
    pos = "-".join(p for p in fields if p and p != "*")
    if not lemma or lemma == "*":
        lemma = None
    return Features(pos, lemma, _field(orth_base), _field(form_base))


def _field(value: str | None) -> str:
    return "" if not value or value == "*" else value
