"""Words and their spellings, as JA001 counts them: which morphemes are one word, and
which of their spellings are orthographic variants of each other.

A word is a :class:`WordKey`: UniDic's lemma (語彙素), its part of speech, the sound of
its base form (語形基本形: いい and よい share the lemma 良い but not the sound; long-vowel
marks are ignored, so サーバ and サーバー are one word), and the *frame* it is used in.
The frame keeps apart uses that style guides write differently on purpose:

* ``aux``: a verb or adjective UniDic marks as possibly non-independent (非自立可能)
  right after a て/で, a verb stem or a noun: an auxiliary (〜てみる, 〜ておく,
  ご確認ください, 利用できる), written in kana by the government's guide, while the
  same verb used on its own (見る, 置く) is written in kanji;
* ``conj``: a verb's て-form opening a clause (したがって, よって): a conjunction;
* ``te``: any other て-form (にあたって, をもって, 手順に従って);
* ``compound``: a verb right after a noun (前もって), or a one-kanji noun right after
  another noun (提供元, 利用時), where only the kanji is written;
* ``""``: everything else.

Two spellings of one word are variants when the kanji of one are, in order, among the
kanji of the other: okurigana (問合せ / 問い合わせ), kana for kanji (出来る / できる,
様 / さま) and long vowels (サーバ / サーバー) are; two different kanji (作る / 造る,
見る / 観る: different meanings UniDic gives one lemma) are not.

Not counted at all: proper nouns, numerals, symbols, words with Latin letters, digits
or half-width or full-width forms (JA005 and JA006 report those), words UniDic does not
know, words in quotation brackets (「」『』［］: a quoted label or title is written as the
thing it names is), and what :class:`~taiyaku.rules.style._text.Prose` skips.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from taiyaku.rules.context import RunState
from taiyaku.rules.style._page import JaPage, ja_page
from taiyaku.rules.style._text import Prose, inside, is_japanese_word, morpheme_offsets

if TYPE_CHECKING:
    from taiyaku.parse.analyzer import Features
    from taiyaku.rules.context import Context

__all__ = [
    "SITE_VARIANTS",
    "Occurrence",
    "SiteVariants",
    "WordKey",
    "are_variants",
    "occurrences",
    "spelled_like",
]


class WordKey(NamedTuple):
    lemma: str
    pos: str
    form: str
    frame: str


class Occurrence(NamedTuple):
    """One counted morpheme: its word, how its base form is spelled, where it is."""

    key: WordKey
    orth: str  # the spelling of the base form (書字形基本形)
    surface: str  # as written here (a conjugated form: 出来 for 出来る)
    prose: int  # index in the page's prose
    start: int
    end: int


_SKIPPED_POS = ("補助記号", "記号", "空白", "名詞-数詞", "名詞-固有名詞")
_KANJI = re.compile("[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NON_INDEPENDENT = "非自立可能"

# A word without its frame (lemma, POS, sound), and a spelling of its base form.
_Base = tuple[tuple[str, str, str], str]


class _Bases(dict["Features", "_Base | None"]):
    """Each distinct morpheme's word and spelling, or None for one not counted: worked
    out once per process, on first sight, since pages are read morpheme by morpheme."""

    def __missing__(self, features: Features) -> _Base | None:
        base = None
        pos, lemma, orth, form = features
        counted = lemma is not None and orth and not pos.startswith(_SKIPPED_POS)
        if counted and is_japanese_word(orth):
            base = (lemma, pos, form.replace("ー", "")), orth
        if len(self) < _MAX_BASES:
            self[features] = base
        return base


_MAX_BASES = 200_000
_BASES = _Bases()


def occurrences(page: JaPage, *, every_word: bool = False) -> Iterator[Occurrence]:
    """The counted morphemes of the page's prose, in order: those of the words the page
    spells more than one way (every word's, with ``every_word``)."""
    wanted = None if every_word else _respelled(page)
    if wanted is None or wanted:
        for index, prose in enumerate(page.prose):
            yield from _prose_occurrences(index, prose, wanted)


def _respelled(page: JaPage) -> set[Features]:
    """The morphemes of the words (frames aside) spelled more than one way on the page:
    a first look at the page's distinct morphemes, without offsets; most pages have none."""
    distinct: set[Features] = set()
    for prose in page.prose:
        distinct.update(prose.morphemes.distinct_features())
    pairs = set(map(_BASES.__getitem__, distinct))  # (word, spelling), and None
    pairs.discard(None)
    per_word = Counter(map(itemgetter(0), pairs))  # type: ignore[arg-type]
    if len(per_word) == len(pairs):
        return set()  # every word has one spelling
    words = {word for word, spellings in per_word.items() if spellings > 1}
    return {f for f in distinct if (base := _BASES[f]) is not None and base[0] in words}


def _prose_occurrences(
    index: int, prose: Prose, wanted: set[Features] | None
) -> Iterator[Occurrence]:
    surfaces, features = prose.morphemes.words()
    bases = _BASES
    if wanted is None:
        chosen = [i for i, base in enumerate(map(bases.__getitem__, features)) if base]
    elif wanted.isdisjoint(features):
        return
    else:
        chosen = [i for i, f in enumerate(features) if f in wanted]
    text = prose.text
    offsets = morpheme_offsets(text, surfaces)
    quoted = prose.quoted
    for i in chosen:
        surface, start = surfaces[i], offsets[i]
        end = start + len(surface)
        if not is_japanese_word(surface) or not prose.is_prose(start, end):
            continue
        if quoted and inside(quoted, start):
            continue
        adjacent = i > 0 and offsets[i - 1] + len(surfaces[i - 1]) == start
        (lemma, pos, form), orth = bases[features[i]]  # type: ignore[misc]
        key = WordKey(lemma, pos, form, _frame(features, i, surface, adjacent=adjacent))
        yield Occurrence(key, orth, surface, index, start, end)


def _frame(features: list[Features], i: int, surface: str, *, adjacent: bool) -> str:
    """How the word at ``i`` is used (see the module's docstring)."""
    f = features[i]
    head = f.pos.split("-", 1)[0]
    before = features[i - 1].pos if i > 0 else ""
    if head in ("動詞", "形容詞"):
        if _NON_INDEPENDENT in f.pos and before.startswith(("助詞-接続助詞", "動詞", "名詞")):
            return "aux"
        if head == "動詞" and adjacent and before.startswith("名詞"):
            return "compound"
        after = features[i + 1] if i + 1 < len(features) else None
        if after is not None and after.pos == "助詞-接続助詞" and after.lemma == "て":
            return "conj" if not before or before.startswith("補助記号") else "te"
        return ""
    if (
        head == "名詞"
        and len(surface) == 1
        and _KANJI.match(surface)
        and adjacent
        and before.startswith(("名詞", "接頭辞", "接尾辞"))
    ):
        return "compound"
    return ""


def are_variants(first: str, second: str) -> bool:
    """Whether two spellings of one word differ in okurigana, kana for kanji or long
    vowels, rather than in the kanji they use: the kanji of one, in order, are among
    the kanji of the other."""
    a, b = _KANJI.findall(first), _KANJI.findall(second)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    remaining = iter(longer)
    return all(kanji in remaining for kanji in shorter)


def spelled_like(surface: str, orth: str, other: str) -> str | None:
    """``surface`` (a form of the word spelled ``orth``) spelled as ``other`` spells it,
    when the two spellings differ only before a shared ending (出来 → でき with 出来る
    and できる); None when that cannot be told."""
    shared = 0
    for x, y in zip(surface, orth, strict=False):
        if x != y:
            break
        shared += 1
    ending = orth[shared:]
    if not other.endswith(ending):
        return None
    return other[: len(other) - len(ending)] + surface[shared:]


# -- the whole site ---------------------------------------------------------------------


@dataclass
class SiteVariants:
    """Every word written more than one way on the site: its spellings' counts per page."""

    counts: dict[WordKey, dict[str, Counter[str]]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # page rel -> its place in the site

    def majority(self, key: WordKey) -> str:
        spellings = self.counts[key]

        def rank(orth: str) -> tuple[int, int]:
            pages = spellings[orth]
            return -sum(pages.values()), min(self.order[rel] for rel in pages)

        return min(spellings, key=rank)

    def host(self, key: WordKey, orth: str, targets: frozenset[str]) -> str | None:
        """The checked page that reports a variant for the site: the first (in the
        site's order) checked page that writes it."""
        pages = [rel for rel in self.counts[key][orth] if rel in targets]
        return min(pages, key=self.order.__getitem__) if pages else None


def _site_variants(ctx: Context) -> SiteVariants:
    table: dict[WordKey, dict[str, Counter[str]]] = {}
    order: dict[str, int] = {}
    for place, page in enumerate(sorted(ctx.site.pages, key=lambda p: p.rel)):
        order[page.rel] = place
        doc = ctx.document(page)
        for occurrence in occurrences(ja_page(ctx, doc), every_word=True):
            spellings = table.setdefault(occurrence.key, {})
            spellings.setdefault(occurrence.orth, Counter())[page.rel] += 1
        doc.release_analysis()  # the whole site's morphemes are not kept at once
    kept = {key: spellings for key, spellings in table.items() if len(spellings) > 1}
    return SiteVariants(kept, order)


#: The site's words written more than one way (JA001 with ``ja-variant-scope = "site"``).
SITE_VARIANTS: RunState[SiteVariants] = RunState("ja-site-variants", _site_variants)
