"""Finding a required privacy clause on a page.

:func:`match_clause` looks for one clause of the policy (:mod:`.policy`) among the
blocks of a page in one language and says whether it is ``present``, ``altered`` or
``missing``.

Matching compares *content words* (:mod:`.words`), not strings, so that punctuation
style (，． or 、。), Markdown emphasis and links, line wrapping and honorific variation
(あります/ございます, します/いたします, ください/くださいますよう) do not matter.

The page is split into sentences; every run of consecutive sentences that spans at most
two adjacent blocks and is at most two sentences longer than the clause is a candidate.
Each candidate is scored with an F-beta measure (beta = 2) of the clause's content words
against the candidate's, so coverage of the clause counts four times as much as the
absence of extra words: a clause inside a longer paragraph, or with a small inserted
phrase, still scores high, while a paragraph that merely shares the site's vocabulary
(学生, 窓口, 問い合わせ ...) scores low.  A clause is ``altered`` when its best candidate
scores between the two thresholds, or scores as ``present`` but lacks one of the clause's
key terms (``only``, のみ ...).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from taiyaku.model.lang import Lang
from taiyaku.model.records import quick_init
from taiyaku.parse.analyzer import Morphemes, Token, tokenize
from taiyaku.rules.privacy.policy import DEFAULT_THRESHOLDS, Clause, Thresholds
from taiyaku.rules.privacy.words import (
    CJK,
    EN_STOP_WORDS,
    JA_CONTENT_KEYS,
    JA_SKIP_POS,
    contains_run,
    en_keys,
    en_stem,
    en_words,
    ja_content_key,
    ja_key,
)

__all__ = ["BlockText", "ClauseMatch", "Status", "TextBlock", "match_clause", "match_clauses"]

Status = Literal["present", "altered", "missing"]

# ---------------------------------------------------------------------------------------
# Page text
# ---------------------------------------------------------------------------------------


class BlockText(Protocol):
    """What :func:`match_clause` needs from a block: its plain text and, for Japanese,
    its tokens (offsets into ``text``) when the caller already has them."""

    @property
    def text(self) -> str: ...

    @property
    def tokens(self) -> Sequence[Token] | None: ...


@dataclass(frozen=True)
class TextBlock:
    """The simplest :class:`BlockText`."""

    text: str
    tokens: Sequence[Token] | None = None


@quick_init
@dataclass(frozen=True)
class ClauseMatch:
    """The verdict for one clause on one page in one language.

    ``score`` is the best candidate's F2 score (0..1).  ``block_index`` is the first block
    of that candidate (``None`` when missing) and ``block_indices`` all of its blocks.
    ``missing_words`` are the clause's content words (and key terms) absent from the
    candidate; ``extra_words`` are the candidate's content words absent from the clause.
    Both are empty when the clause is missing.
    """

    clause_id: str
    status: Status
    score: float
    block_index: int | None
    missing_words: tuple[str, ...] = ()
    extra_words: tuple[str, ...] = ()
    block_indices: tuple[int, ...] = ()


# Markup a caller may have left in: each match is blanked out except group "keep".
_MARKUP_RE = re.compile(
    r"!?\[(?P<keep>[^\]\n]*)\]\([^)\n]*\)"  # [text](url), ![alt](src)
    r"|<[^>\n]*>"  # HTML tags
    r"|\{:[^}\n]*\}"  # kramdown attribute lists {:#id}
    r"|https?://\S+"  # bare URLs
    r"|\*+|__+|~~|`+"  # emphasis, strike-through, code
    r"|^[ \t]*(?:[-+]|\d+[.)]|#+)[ \t]"  # list markers and heading marks
    r"|^[ \t]*>[ \t]?",  # block quotes
    re.MULTILINE,
)


def _mask_markup(text: str) -> str:
    """Blank out Markdown/HTML markup with spaces, keeping every offset in place."""

    def blank(match: re.Match[str]) -> str:
        kept = match.group("keep")
        if kept is None:
            return " " * len(match.group())
        start = match.start("keep") - match.start()
        return " " * start + kept + " " * (len(match.group()) - start - len(kept))

    return _MARKUP_RE.sub(blank, text)


_CJK_BREAK_RE = re.compile(rf"(?<=[{CJK}])[ \t]*\n\s*(?=[{CJK}])")
_JA_SENTENCE_END_RE = re.compile(r"[。．！？!?]+|\.(?=\s|$)|\n\s*\n")
_EN_SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n\s*\n")


def _sentence_spans(text: str, end_re: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in end_re.finditer(text):
        if text[start : match.end()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# ---------------------------------------------------------------------------------------
# Sentences of a page and of a clause
# ---------------------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class _Sentence:
    """One sentence reduced to what matching needs.

    ``content`` maps each content-word key to its first surface form, in order;
    ``sequence`` holds the keys of all words (content or not), for key-term look-ups.
    """

    block_index: int
    content: dict[str, str] = field(hash=False)
    sequence: tuple[str, ...]


def _ja_words(tokens: Iterable[Token]) -> list[Token]:
    """Tokens that are words: no punctuation, symbols or white space."""
    return [t for t in tokens if not t.pos.startswith(JA_SKIP_POS) and t.surface.strip()]


def _ja_sentences(text: str, tokens: Sequence[Token] | None, block_index: int) -> list[_Sentence]:
    masked = _mask_markup(text)
    if tokens is None:
        analysed = _CJK_BREAK_RE.sub("", masked).replace("\n", " ")
        usable: Iterable[Token] = tokenize(analysed)
    else:
        analysed = masked
        usable = (t for t in tokens if masked[t.start : t.end] == text[t.start : t.end])
    words = _ja_words(usable)
    sentences = []
    cursor = 0
    for start, end in _sentence_spans(analysed, _JA_SENTENCE_END_RE):
        while cursor < len(words) and words[cursor].start < start:
            cursor += 1
        first = cursor
        while cursor < len(words) and words[cursor].start < end:
            cursor += 1
        inside = words[first:cursor]
        content: dict[str, str] = {}
        for token in inside:
            key = ja_content_key(token.lemma, token.pos)
            if key is not None:
                content.setdefault(key, token.surface)
        sentences.append(_Sentence(block_index, content, tuple(ja_key(t) for t in inside)))
    return sentences


def _en_sentences(text: str, block_index: int) -> list[_Sentence]:
    masked = _mask_markup(text)
    sentences = []
    for start, end in _sentence_spans(masked, _EN_SENTENCE_END_RE):
        words = en_words(masked[start:end])
        content: dict[str, str] = {}
        for word in words:
            if word not in EN_STOP_WORDS:
                content.setdefault(en_stem(word), word)
        sentences.append(_Sentence(block_index, content, tuple(en_stem(w) for w in words)))
    return sentences


def _page_sentences(
    lang: Lang, blocks: Sequence[BlockText], indices: Iterable[int] | None = None
) -> list[_Sentence]:
    """The sentences of ``blocks`` (only of those at ``indices``, when given)."""
    sentences: list[_Sentence] = []
    for index in range(len(blocks)) if indices is None else indices:
        block = blocks[index]
        if lang == "ja":
            sentences.extend(_ja_sentences(block.text, block.tokens, index))
        else:
            sentences.extend(_en_sentences(block.text, index))
    return sentences


_LEMMA_AND_POS = operator.itemgetter(1, 2)  # of a Token: (lemma, pos)


def _block_keys(lang: Lang, wanted: frozenset[str], block: BlockText) -> frozenset[str]:
    """The keys of ``wanted`` the block may hold: a superset of what its sentences hold,
    found without splitting sentences.  All of ``wanted`` when that cannot be known
    cheaply (Japanese text that comes without tokens)."""
    if lang == "en":
        # Masking markup only blanks characters out, so it can only remove words.
        return wanted.intersection(map(en_stem, set(en_words(block.text))))
    tokens = block.tokens
    if tokens is None:
        return wanted
    pairs = (
        tokens.lemma_pos_pairs()  # without building a Token per morpheme
        if isinstance(tokens, Morphemes)
        else set(map(_LEMMA_AND_POS, tokens))
    )
    return wanted.intersection(map(JA_CONTENT_KEYS.__getitem__, pairs))


@dataclass(frozen=True)
class _Canonical:
    content: dict[str, str] = field(hash=False)
    sentence_count: int
    key_terms: tuple[tuple[str, tuple[str, ...]], ...]  # (as written, normalised keys)


@functools.lru_cache(maxsize=128)
def _canonical(text: str, key_terms: tuple[str, ...], lang: Lang) -> _Canonical:
    sentences = _page_sentences(lang, [TextBlock(text)])
    content: dict[str, str] = {}
    for sentence in sentences:
        for key, surface in sentence.content.items():
            content.setdefault(key, surface)
    terms = tuple((term, _term_keys(term, lang)) for term in key_terms)
    return _Canonical(content, max(1, len(sentences)), terms)


def _term_keys(term: str, lang: Lang) -> tuple[str, ...]:
    if lang == "en":
        return en_keys(term)
    return tuple(ja_key(t) for t in _ja_words(tokenize(term)))


# ---------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------

#: Recall weighs BETA² times as much as precision in the score.
BETA = 2.0
#: A candidate may be this many sentences longer than the clause.
EXTRA_SENTENCES = 2
#: A candidate may span this many adjacent blocks.
MAX_BLOCKS = 2


@quick_init
@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int  # exclusive, into the page's sentence list
    score: float


def match_clause(
    clause: Clause,
    lang: Lang,
    blocks: Sequence[BlockText],
    policy_thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> ClauseMatch:
    """Find ``clause`` among ``blocks`` (all blocks of one page in language ``lang``)."""
    return match_clauses([clause], lang, blocks, policy_thresholds)[clause.id]


def match_clauses(
    clauses: Sequence[Clause],
    lang: Lang,
    blocks: Sequence[BlockText],
    policy_thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    prune: bool = True,
) -> dict[str, ClauseMatch]:
    """Every clause matched against one page's blocks, splitting the page into
    sentences once for all of them.

    Only the blocks where some clause could reach "altered" are split into sentences
    (see :func:`_blocks_worth_splitting`).  ``prune=False`` splits every block; the
    verdicts are the same, only the score of a missing clause may be lower (0.0).
    """
    altered = policy_thresholds.for_lang(lang).altered
    canonicals = [_canonical(c.text(lang), c.key_terms(lang), lang) for c in clauses]
    indices = _blocks_worth_splitting(canonicals, lang, blocks, altered) if prune else None
    sentences = _page_sentences(lang, blocks, indices)
    page_words = _union(sentences)
    return {
        clause.id: _match_sentences(clause, lang, sentences, page_words, policy_thresholds)
        for clause in clauses
    }


def _blocks_worth_splitting(
    canonicals: Sequence[_Canonical], lang: Lang, blocks: Sequence[BlockText], altered: float
) -> list[int]:
    """The blocks that some candidate reaching ``altered`` could touch, in order.

    A candidate spans at most two adjacent blocks, and its score is at most its recall
    at precision 1.  So when the clause's words found in blocks ``i`` and ``i + 1``
    together cannot reach ``altered``, no candidate inside them can either.  On a
    typical page this leaves no block, or the two or three around the clause.
    """
    every_clause_key = frozenset().union(*(c.content for c in canonicals))
    # Per block, only the keys some clause has (usually none): the loops below stay small.
    relevant = [_block_keys(lang, every_clause_key, block) for block in blocks]
    candidates = [i for i, held in enumerate(relevant) if held]
    sizes = [len(held) for held in relevant]
    wanted: set[int] = set()
    last = len(relevant) - 1
    for canonical in canonicals:
        clause_keys = canonical.content.keys()
        size = len(clause_keys)
        if not size:
            continue
        # Fewer words than the first count that reaches ``altered`` cannot reach it: the
        # blocks' own sizes rule most pairs out before any set is built.
        enough = next(
            (n for n in range(1, size + 1) if _recall_bound(n, size) >= altered - 1e-9),
            size + 1,
        )
        for i in candidates:  # a pair of blocks holding no clause word cannot qualify
            after_size = sizes[i + 1] if i < last else 0
            if sizes[i] + after_size < enough:
                continue
            here = clause_keys & relevant[i]
            after = clause_keys & relevant[i + 1] if i < last else set()
            if _recall_bound(len(here | after), size) >= altered - 1e-9:
                wanted.update(range(i, min(i + 1, last) + 1))
            before_is_empty = i > 0 and not relevant[i - 1]  # (i - 1, i): only block i's
            if before_is_empty and _recall_bound(len(here), size) >= altered - 1e-9:
                wanted.update((i - 1, i))
    return sorted(wanted)


def _match_sentences(
    clause: Clause,
    lang: Lang,
    sentences: Sequence[_Sentence],
    page_words: Mapping[str, str],
    policy_thresholds: Thresholds,
) -> ClauseMatch:
    canonical = _canonical(clause.text(lang), clause.key_terms(lang), lang)
    limits = policy_thresholds.for_lang(lang)
    if _score_bound(canonical, page_words) < limits.altered:
        # Not even the whole page holds enough of the clause's words for any run of its
        # sentences to reach "altered": it is missing, without scoring every window.
        best = None
    else:
        best = _best_candidate(canonical, sentences)
    if best is None or best.score < limits.altered:
        score = 0.0 if best is None else best.score
        return ClauseMatch(clause.id, "missing", round(score, 3), None)
    window = sentences[best.start : best.end]
    found = _union(window)
    absent_terms = _absent_key_terms(canonical, window)
    missing = _missing_words(canonical, found, absent_terms)
    extra = tuple(s for k, s in found.items() if k not in canonical.content)
    status: Status = "present" if best.score >= limits.present and not absent_terms else "altered"
    indices = tuple(sorted({s.block_index for s in window}))
    return ClauseMatch(clause.id, status, round(best.score, 3), indices[0], missing, extra, indices)


def _missing_words(
    canonical: _Canonical, found: Mapping[str, str], absent_terms: Sequence[str]
) -> tuple[str, ...]:
    """Absent content words, then absent key terms; a word that is part of an absent key
    term is reported once, as the key term (メールフォーム, not メール and フォーム)."""
    covered = {key for term, keys in canonical.key_terms if term in absent_terms for key in keys}
    words = [s for k, s in canonical.content.items() if k not in found and k not in covered]
    return tuple(words) + tuple(t for t in absent_terms if t not in words)


def _union(window: Sequence[_Sentence]) -> dict[str, str]:
    found: dict[str, str] = {}
    for sentence in window:
        for key, surface in sentence.content.items():
            found.setdefault(key, surface)
    return found


def _f_beta_of(common: int, size: int, found: int) -> float:
    """The F-beta score of ``common`` of the clause's ``size`` words found among the
    candidate's ``found`` words."""
    if not common:
        return 0.0
    recall, precision = common / size, common / found
    beta2 = BETA * BETA
    return (1 + beta2) * precision * recall / (beta2 * precision + recall)


def _score_bound(canonical: _Canonical, page_words: Mapping[str, str]) -> float:
    """An upper bound of any window's score: the whole page's recall, at precision 1."""
    size = len(canonical.content)
    return _recall_bound(sum(1 for key in canonical.content if key in page_words), size)


def _recall_bound(common: int, size: int) -> float:
    """The score of ``common`` of the clause's ``size`` words found, at precision 1."""
    if not size or not common:
        return 0.0
    recall = common / size
    beta2 = BETA * BETA
    return (1 + beta2) * recall / (beta2 + recall)


def _best_candidate(canonical: _Canonical, sentences: Sequence[_Sentence]) -> _Candidate | None:
    """The highest-scoring run of sentences; ties go to the shorter, then earlier run.

    A candidate starts at any sentence and takes up to ``sentence_count +
    EXTRA_SENTENCES`` sentences within ``MAX_BLOCKS`` adjacent blocks.  The runs from
    one start are scored as they grow, a sentence at a time, so that no run's words are
    gathered again from the start."""
    size = len(canonical.content)
    if not size:
        return None
    wanted = canonical.content
    longest = canonical.sentence_count + EXTRA_SENTENCES
    best: _Candidate | None = None
    for start in range(len(sentences)):
        first_block = sentences[start].block_index
        seen: set[str] = set()
        common = 0
        for end in range(start + 1, min(len(sentences), start + longest) + 1):
            sentence = sentences[end - 1]
            if sentence.block_index - first_block >= MAX_BLOCKS:
                break
            for key in sentence.content:
                if key not in seen:
                    seen.add(key)
                    common += key in wanted
            score = _f_beta_of(common, size, len(seen)) if seen else 0.0
            if score <= 0.0:
                continue
            if (
                best is None
                or score > best.score + 1e-9
                or (abs(score - best.score) <= 1e-9 and end - start < best.end - best.start)
            ):
                best = _Candidate(start, end, score)
    return best


def _absent_key_terms(canonical: _Canonical, window: Sequence[_Sentence]) -> tuple[str, ...]:
    sequence = tuple(key for sentence in window for key in sentence.sequence)
    return tuple(term for term, keys in canonical.key_terms if not contains_run(sequence, keys))
