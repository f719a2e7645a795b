"""Content words, the unit of clause matching: which words count, and their normal form.

* Japanese: the lemmas of content words from fugashi (nouns, verbs, adjectives,
  adverbs), leaving out auxiliary verbs (ある, する, いる, くださる, いただく ...), formal
  nouns (こと, ため, 上 ...), pronouns and compound particles (について, に関して, による).
* English: lower-cased words with a light suffix stemmer, leaving out stop words.  Words
  that carry an obligation (``not``, ``no``, ``only``, ``first``) are never stop words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from taiyaku.parse.analyzer import Token, is_content_pos

# Kana, kanji, CJK punctuation and full-width forms.
CJK = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"


_JA_LIGHT_POS = ("動詞-非自立可能", "形容詞-非自立可能", "形状詞-助動詞語幹", "代名詞")


# fmt: off
_JA_LIGHT_LEMMAS = frozenset({
    "事", "為", "上", "物", "所", "下", "中", "等",  # formal nouns: こと, ため, 上で ...
    "つく", "関する", "因る", "対する", "於く",  # について, に関して, による, に対して ...
    "そう", "こう", "ああ", "どう",  # demonstrative adverbs: そうした, こうした ...
})


# fmt: on
JA_SKIP_POS = ("補助記号", "空白", "記号")


_GODAN_STEM = str.maketrans("うくぐすつぬぶむる", "いきぎしちにびみり")


_E_I_ROWS = frozenset("いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")


def ja_key(token: Token) -> str:
    """The lemma, with verbs in their nominal (連用形) form so that 問い合わせる meets
    お問い合わせ and 取り扱う meets 取り扱い."""
    return ja_key_of(token.lemma, token.pos.startswith("動詞"))


@functools.lru_cache(maxsize=1 << 16)
def ja_key_of(lemma: str, verb: bool) -> str:
    lemma = unicodedata.normalize("NFKC", lemma).lower()
    if verb and len(lemma) >= 2:
        if lemma.endswith("る") and lemma[-2] in _E_I_ROWS:  # ichidan: 受け付ける
            return lemma[:-1]
        return lemma[:-1] + lemma[-1].translate(_GODAN_STEM)
    return lemma


class _Memo(dict):  # type: ignore[type-arg]
    """A one-argument function's results by argument, kept up to ``limit`` entries (a
    bound on what a hostile page can make a run hold).  Read through ``__getitem__``, a
    kept result costs a dictionary lookup in C; ``functools.lru_cache`` costs twice as
    much on each hit, to keep an order this never needs, and these run on every word of
    every block the privacy rules read."""

    def __init__(self, func: Callable[[Any], Any], limit: int) -> None:
        super().__init__()
        self._func = func
        self._limit = limit

    def __missing__(self, key: Any) -> Any:
        value = self._func(key)
        if len(self) < self._limit:
            self[key] = value
        return value


def _ja_content_key(lemma_and_pos: tuple[str, str]) -> str | None:
    lemma, pos = lemma_and_pos
    content = (
        is_content_pos(pos) and not pos.startswith(_JA_LIGHT_POS) and lemma not in _JA_LIGHT_LEMMAS
    )
    return ja_key_of(lemma, pos.startswith("動詞")) if content else None


#: ``ja_content_key`` by (lemma, part of speech): ``map(JA_CONTENT_KEYS.__getitem__, pairs)``
JA_CONTENT_KEYS = _Memo(_ja_content_key, 1 << 16)


def ja_content_key(lemma: str, pos: str) -> str | None:
    """The key of a content word with this lemma and part of speech; None for the
    others (particles, auxiliaries, formal nouns, numerals ...)."""
    return JA_CONTENT_KEYS[lemma, pos]


# fmt: off
EN_STOP_WORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "nor", "if", "of", "to", "in", "on", "at", "by",
    "for", "with", "from", "as", "into", "onto", "about", "than", "then", "so", "such",
    "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been",
    "being", "am", "have", "has", "had", "having", "do", "does", "did", "will", "would",
    "shall", "should", "may", "might", "can", "could", "must", "we", "us", "our", "ours",
    "you", "your", "yours", "they", "them", "their", "he", "she", "his", "her", "i", "me",
    "my", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "how",
    "all", "any", "each", "both", "some", "other", "also", "very", "just", "please", "etc",
    "eg", "ie", "via", "per", "well",
])


# fmt: on
_EN_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


# (suffix, replacement), tried in order; the first that leaves 3+ letters applies.
# fmt: off
_EN_SUFFIXES = (
    ("ations", ""), ("ation", ""), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"),
    ("ed", ""), ("es", ""), ("ly", ""), ("al", ""), ("s", ""), ("e", ""), ("y", ""),
)


# fmt: on
# Spellings of negation and of "email" brought to one form before splitting into words,
# in one pass over the text: (pattern, replacement) in the order they are tried.
_EN_REWRITES = (
    (r"\bwon't\b", "will not"),
    (r"\bcan't\b|\bcannot\b", "can not"),
    (r"n't\b", " not"),
    (r"\bunable\b", "not able"),
    (r"\be-mail\b", "email"),
)


_EN_REWRITE_RE = re.compile("|".join(f"({pattern})" for pattern, _ in _EN_REWRITES))


def _en_rewrite(match: re.Match[str]) -> str:
    return _EN_REWRITES[(match.lastindex or 1) - 1][1]


def _en_stem(word: str) -> str:
    word = word.removesuffix("'s").replace("'", "")
    for _ in range(3):
        for suffix, replacement in _EN_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word.endswith(("ss", "us", "is")):
                    continue
                word = word[: -len(suffix)] + replacement
                break
        else:
            break
    return word


#: A deliberately light stemmer: ``en_stem(word)``.  Both sides go through it, so it only
#: has to bring inflections of one word together (inquiry/inquiries, provide/provided,
#: individual/individually), not to produce real stems.  (Each word stemmed once.)
en_stem: Callable[[str], str] = _Memo(_en_stem, 1 << 16).__getitem__


def en_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    if "n't" in text or "cannot" in text or "unable" in text or "e-mail" in text:
        text = _EN_REWRITE_RE.sub(_en_rewrite, text)  # (every rewrite needs one of these)
    return _EN_WORD_RE.findall(text)


def en_keys(text: str) -> tuple[str, ...]:
    return tuple(en_stem(w) for w in en_words(text))


def contains_run(sequence: Sequence[str], keys: Sequence[str]) -> bool:
    if not keys:
        return True
    width = len(keys)
    return any(
        tuple(sequence[i : i + width]) == tuple(keys) for i in range(len(sequence) - width + 1)
    )
