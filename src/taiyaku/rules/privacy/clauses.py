"""Required privacy clauses: load the policy file and find each clause on a page.

A *policy* (``checks/privacy.yml``) lists clauses that every in-scope support page must
carry, in Japanese and in English.  :func:`match_clause` looks for one clause among the
blocks of a page in one language and says whether it is ``present``, ``altered`` or
``missing``.

Matching compares *content words*, not strings, so that punctuation style (，． or 、。),
Markdown emphasis and links, line wrapping and honorific variation (あります/ございます,
します/いたします, ください/くださいますよう) do not matter:

* Japanese: the lemmas of content words from fugashi (nouns, verbs, adjectives, adverbs),
  leaving out auxiliary verbs (ある, する, いる, くださる, いただく ...), formal nouns
  (こと, ため, 上 ...), pronouns and compound particles (について, に関して, による).
* English: lower-cased words with a light suffix stemmer, leaving out stop words.  Words
  that carry an obligation (``not``, ``no``, ``only``, ``first``) are never stop words.

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

import contextlib
import functools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml

from taiyaku.errors import PolicyError
from taiyaku.model.globs import PathPatterns
from taiyaku.model.lang import LANGS, Lang
from taiyaku.parse.analyzer import Morphemes, Token, is_content_pos, tokenize

__all__ = [
    "DEFAULT_THRESHOLDS",
    "BlockText",
    "Clause",
    "ClauseMatch",
    "LangThresholds",
    "Policy",
    "PolicyError",
    "Status",
    "TextBlock",
    "Thresholds",
    "load_policy",
    "match_clause",
    "parse_policy",
    "policy_in_scope",
]

Status = Literal["present", "altered", "missing"]
POLICY_VERSION = 1
# Kana, kanji, CJK punctuation and full-width forms.
_CJK = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"

# ---------------------------------------------------------------------------------------
# The policy
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LangThresholds:
    """Score limits for one language: ``score >= present`` is present,
    ``altered <= score < present`` is altered, anything lower is missing."""

    present: float
    altered: float


@dataclass(frozen=True)
class Thresholds:
    ja: LangThresholds
    en: LangThresholds

    def for_lang(self, lang: Lang) -> LangThresholds:
        return self.ja if lang == "ja" else self.en


#: Defaults.  ``present``: F2 >= 0.8 lets about one content word in five differ; editors'
#: rewordings, honorifics and small insertions score 0.85-1.0, a clause missing a whole
#: sentence scores about 0.65.  ``altered``: on 121 pages of a real support site, the best
#: run of sentences on a page without the clause scored at most 0.44 (even where the page
#: shares the clause's vocabulary); only passages paraphrasing part of a clause reached
#: 0.59-0.63.  0.5 keeps unrelated text out and still reports a half-kept clause.
DEFAULT_THRESHOLDS = Thresholds(
    ja=LangThresholds(present=0.8, altered=0.5),
    en=LangThresholds(present=0.8, altered=0.5),
)


@dataclass(frozen=True)
class Clause:
    id: str
    ja: str
    en: str
    key_terms_ja: tuple[str, ...] = ()
    key_terms_en: tuple[str, ...] = ()

    def text(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en

    def key_terms(self, lang: Lang) -> tuple[str, ...]:
        return self.key_terms_ja if lang == "ja" else self.key_terms_en


@dataclass(frozen=True)
class Policy:
    clauses: tuple[Clause, ...]
    scope_frontmatter: dict[str, Any]
    scope_paths: tuple[str, ...]
    thresholds: Thresholds = DEFAULT_THRESHOLDS

    @cached_property
    def scope_patterns(self) -> PathPatterns:
        """``scope_paths``, compiled (:mod:`taiyaku.model.globs`)."""
        return PathPatterns(self.scope_paths)


_TOP_KEYS = frozenset({"version", "scope", "thresholds", "clauses"})
_SCOPE_KEYS = frozenset({"frontmatter", "paths"})
_CLAUSE_KEYS = frozenset({"id", "ja", "en", "key_terms"})
_THRESHOLD_KEYS = frozenset({"present", "altered"})
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file; raise :class:`PolicyError` on any problem."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy file: {exc.strerror or exc}") from exc
    try:
        data = _safe_load(source)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: invalid YAML: {exc}") from exc
    try:
        return parse_policy(data)
    except PolicyError as exc:
        raise PolicyError(f"{path}: {exc}", exc.key) from exc


def _safe_load(source: str) -> Any:
    """``yaml.safe_load`` with libyaml when PyYAML has it (ten times faster); on an error
    the pure-Python parser runs again, so that messages do not depend on the build."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        with contextlib.suppress(yaml.YAMLError):
            return yaml.load(source, Loader=fast)  # CSafeLoader: safe
    return yaml.safe_load(source)


def parse_policy(data: object) -> Policy:
    """Validate already-parsed policy data (a mapping) and build a :class:`Policy`."""
    top = _mapping(data, "<policy>", _TOP_KEYS)
    version = top.get("version")
    if type(version) is not int or version != POLICY_VERSION:
        raise PolicyError(f"version: expected {POLICY_VERSION}, got {version!r}", "version")
    frontmatter, paths = _parse_scope(top.get("scope"))
    thresholds = _parse_thresholds(top.get("thresholds"))
    clauses = _parse_clauses(top.get("clauses"))
    return Policy(clauses, frontmatter, paths, thresholds)


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _fail_type(key: str, expected: str, value: object) -> PolicyError:
    return PolicyError(f"{key}: expected {expected}, got {_type_name(value)}", key)


def _mapping(value: object, key: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail_type(key, "a mapping", value)
    prefix = "" if key.startswith("<") else f"{key}."
    for name in value:
        if name not in allowed:
            full = f"{prefix}{name}"
            known = ", ".join(sorted(allowed))
            raise PolicyError(f"{full}: unknown key (expected one of: {known})", full)
    return value


def _string(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail_type(key, "a non-empty string", value)
    return value.strip()


def _string_list(value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail_type(key, "a list of strings", value)
    return tuple(_string(item, f"{key}[{i}]") for i, item in enumerate(value))


def _parse_scope(value: object) -> tuple[dict[str, Any], tuple[str, ...]]:
    scope = _mapping(value, "scope", _SCOPE_KEYS)
    frontmatter = scope.get("frontmatter") or {}
    if not isinstance(frontmatter, Mapping):
        raise _fail_type("scope.frontmatter", "a mapping", frontmatter)
    for name, wanted in frontmatter.items():
        if not isinstance(wanted, str | int | float | bool):
            raise _fail_type(f"scope.frontmatter.{name}", "a scalar", wanted)
    paths = _string_list(scope.get("paths"), "scope.paths")
    if not frontmatter and not paths:
        raise PolicyError("scope: give `frontmatter` and/or `paths`", "scope")
    return dict(frontmatter), paths


def _parse_thresholds(value: object) -> Thresholds:
    if value is None:
        return DEFAULT_THRESHOLDS
    table = _mapping(value, "thresholds", frozenset(LANGS))
    ja = _parse_lang_thresholds(table.get("ja"), "thresholds.ja", DEFAULT_THRESHOLDS.ja)
    en = _parse_lang_thresholds(table.get("en"), "thresholds.en", DEFAULT_THRESHOLDS.en)
    return Thresholds(ja=ja, en=en)


def _parse_lang_thresholds(value: object, key: str, default: LangThresholds) -> LangThresholds:
    if value is None:
        return default
    table = _mapping(value, key, _THRESHOLD_KEYS)
    limits = {}
    for name in ("present", "altered"):
        number = table.get(name, getattr(default, name))
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise _fail_type(f"{key}.{name}", "a number", number)
        if not 0.0 <= number <= 1.0:
            raise PolicyError(
                f"{key}.{name}: expected a number in [0, 1], got {number}", f"{key}.{name}"
            )
        limits[name] = float(number)
    if limits["altered"] > limits["present"]:
        raise PolicyError(f"{key}.altered: must not exceed {key}.present", f"{key}.altered")
    return LangThresholds(**limits)


def _parse_clauses(value: object) -> tuple[Clause, ...]:
    if not isinstance(value, list) or not value:
        raise _fail_type("clauses", "a non-empty list", value)
    clauses = tuple(_parse_clause(item, f"clauses[{i}]") for i, item in enumerate(value))
    seen: set[str] = set()
    for i, clause in enumerate(clauses):
        if clause.id in seen:
            raise PolicyError(f"clauses[{i}].id: duplicate id {clause.id!r}", f"clauses[{i}].id")
        seen.add(clause.id)
    return clauses


def _parse_clause(value: object, key: str) -> Clause:
    table = _mapping(value, key, _CLAUSE_KEYS)
    for required in ("id", "ja", "en"):
        if required not in table:
            raise PolicyError(f"{key}.{required}: required key is absent", f"{key}.{required}")
    clause_id = _string(table["id"], f"{key}.id")
    if not _ID_RE.match(clause_id):
        raise PolicyError(f"{key}.id: {clause_id!r} is not kebab-case", f"{key}.id")
    terms = table.get("key_terms")
    terms_table = {} if terms is None else _mapping(terms, f"{key}.key_terms", frozenset(LANGS))
    clause = Clause(
        id=clause_id,
        ja=_clean_wording(_string(table["ja"], f"{key}.ja")),
        en=_clean_wording(_string(table["en"], f"{key}.en")),
        key_terms_ja=_string_list(terms_table.get("ja"), f"{key}.key_terms.ja"),
        key_terms_en=_string_list(terms_table.get("en"), f"{key}.key_terms.en"),
    )
    _check_key_terms(clause, key)
    return clause


def _clean_wording(text: str) -> str:
    """One space between words, none between Japanese characters (YAML folding adds
    them at line ends)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}])", "", text)


def _check_key_terms(clause: Clause, key: str) -> None:
    """A key term must occur in the clause's own wording, or no page could match it."""
    for lang in LANGS:
        wording = clause.text(lang)
        for i, term in enumerate(clause.key_terms(lang)):
            if lang == "ja":
                found = re.sub(r"\s", "", term) in re.sub(r"\s", "", wording)
            else:
                found = _contains(_en_keys(wording), _en_keys(term))
            if not found:
                where = f"{key}.key_terms.{lang}[{i}]"
                raise PolicyError(f"{where}: {term!r} does not occur in {key}.{lang}", where)


# ---------------------------------------------------------------------------------------
# Scope
# ---------------------------------------------------------------------------------------


def policy_in_scope(policy: Policy, rel_path: str, frontmatter: Mapping[str, Any] | None) -> bool:
    """Whether a page must carry the policy's clauses.

    ``rel_path`` is posix and relative to the content root (``en/support/chat.md``).  A
    page is in scope when its front matter has every ``scope.frontmatter`` key with the
    same value, or when its path matches one of the ``scope.paths`` globs.
    """
    if _frontmatter_matches(policy.scope_frontmatter, frontmatter):
        return True
    return policy.scope_patterns.match(rel_path)


def _frontmatter_matches(wanted: Mapping[str, Any], frontmatter: Mapping[str, Any] | None) -> bool:
    if not wanted or frontmatter is None:
        return False
    return all(_same_value(frontmatter.get(k, _ABSENT), v) for k, v in wanted.items())


_ABSENT = object()


def _same_value(actual: object, wanted: object) -> bool:
    """Equality that does not confuse ``true`` with ``1``."""
    return type(actual) is type(wanted) and actual == wanted


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


_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")
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
# Words: what counts as a content word, and its normal form
# ---------------------------------------------------------------------------------------

_JA_LIGHT_POS = ("動詞-非自立可能", "形容詞-非自立可能", "形状詞-助動詞語幹", "代名詞")
# fmt: off
_JA_LIGHT_LEMMAS = frozenset({
    "事", "為", "上", "物", "所", "下", "中", "等",  # formal nouns: こと, ため, 上で ...
    "つく", "関する", "因る", "対する", "於く",  # について, に関して, による, に対して ...
    "そう", "こう", "ああ", "どう",  # demonstrative adverbs: そうした, こうした ...
})
# fmt: on
_JA_SKIP_POS = ("補助記号", "空白", "記号")


_GODAN_STEM = str.maketrans("うくぐすつぬぶむる", "いきぎしちにびみり")
_E_I_ROWS = frozenset("いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")


def _ja_key(token: Token) -> str:
    """The lemma, with verbs in their nominal (連用形) form so that 問い合わせる meets
    お問い合わせ and 取り扱う meets 取り扱い."""
    return _ja_key_of(token.lemma, token.pos.startswith("動詞"))


@functools.lru_cache(maxsize=1 << 16)
def _ja_key_of(lemma: str, verb: bool) -> str:
    lemma = unicodedata.normalize("NFKC", lemma).lower()
    if verb and len(lemma) >= 2:
        if lemma.endswith("る") and lemma[-2] in _E_I_ROWS:  # ichidan: 受け付ける
            return lemma[:-1]
        return lemma[:-1] + lemma[-1].translate(_GODAN_STEM)
    return lemma


@functools.lru_cache(maxsize=1 << 16)
def _ja_content_key(lemma: str, pos: str) -> str | None:
    """The key of a content word with this lemma and part of speech; None for the
    others (particles, auxiliaries, formal nouns, numerals ...)."""
    content = (
        is_content_pos(pos) and not pos.startswith(_JA_LIGHT_POS) and lemma not in _JA_LIGHT_LEMMAS
    )
    return _ja_key_of(lemma, pos.startswith("動詞")) if content else None


# fmt: off
_EN_STOP_WORDS = frozenset([
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


@functools.lru_cache(maxsize=1 << 16)
def _en_stem(word: str) -> str:
    """A deliberately light stemmer.  Both sides go through it, so it only has to bring
    inflections of one word together (inquiry/inquiries, provide/provided,
    individual/individually), not to produce real stems."""
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


def _en_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    if "'" in text or "cannot" in text or "unable" in text or "e-mail" in text:
        text = _EN_REWRITE_RE.sub(_en_rewrite, text)  # (every rewrite needs one of these)
    return _EN_WORD_RE.findall(text)


# ---------------------------------------------------------------------------------------
# Sentences of a page and of a clause
# ---------------------------------------------------------------------------------------


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
    return [t for t in tokens if not t.pos.startswith(_JA_SKIP_POS) and t.surface.strip()]


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
            key = _ja_content_key(token.lemma, token.pos)
            if key is not None:
                content.setdefault(key, token.surface)
        sentences.append(_Sentence(block_index, content, tuple(_ja_key(t) for t in inside)))
    return sentences


def _en_sentences(text: str, block_index: int) -> list[_Sentence]:
    masked = _mask_markup(text)
    sentences = []
    for start, end in _sentence_spans(masked, _EN_SENTENCE_END_RE):
        words = _en_words(masked[start:end])
        content: dict[str, str] = {}
        for word in words:
            if word not in _EN_STOP_WORDS:
                content.setdefault(_en_stem(word), word)
        sentences.append(_Sentence(block_index, content, tuple(_en_stem(w) for w in words)))
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


def _block_keys(lang: Lang, block: BlockText) -> frozenset[str | None] | None:
    """Every content-word key the block may hold: a superset of its sentences' keys,
    found without splitting sentences.  None when it cannot be known cheaply (Japanese
    text that comes without tokens)."""
    if lang == "en":
        # Masking markup only blanks characters out, so it can only remove words.
        return frozenset(map(_en_stem, set(_en_words(block.text))))
    tokens = block.tokens
    if tokens is None:
        return None
    pairs = (
        tokens.lemma_pos_pairs()  # without building a Token per morpheme
        if isinstance(tokens, Morphemes)
        else set(map(_LEMMA_AND_POS, tokens))
    )
    return frozenset(_ja_content_key(*pair) for pair in pairs)


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


def _en_keys(text: str) -> tuple[str, ...]:
    return tuple(_en_stem(w) for w in _en_words(text))


def _term_keys(term: str, lang: Lang) -> tuple[str, ...]:
    if lang == "en":
        return _en_keys(term)
    return tuple(_ja_key(t) for t in _ja_words(tokenize(term)))


# ---------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------

#: Recall weighs BETA² times as much as precision in the score.
BETA = 2.0
#: A candidate may be this many sentences longer than the clause.
EXTRA_SENTENCES = 2
#: A candidate may span this many adjacent blocks.
MAX_BLOCKS = 2


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
    relevant = [
        every_clause_key if k is None else every_clause_key.intersection(k)
        for k in map(functools.partial(_block_keys, lang), blocks)
    ]
    candidates = [i for i, held in enumerate(relevant) if held]
    wanted: set[int] = set()
    last = len(relevant) - 1
    for canonical in canonicals:
        clause_keys = canonical.content.keys()
        size = len(clause_keys)
        if not size:
            continue
        for i in candidates:  # a pair of blocks holding no clause word cannot qualify
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


def _f_beta(canonical: Iterable[str], found: Mapping[str, str], size: int) -> float:
    if not size or not found:
        return 0.0
    common = sum(1 for key in canonical if key in found)
    if not common:
        return 0.0
    recall, precision = common / size, common / len(found)
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


def _candidates(sentences: Sequence[_Sentence], longest: int) -> Iterator[tuple[int, int]]:
    for start in range(len(sentences)):
        first_block = sentences[start].block_index
        for end in range(start + 1, min(len(sentences), start + longest) + 1):
            if sentences[end - 1].block_index - first_block >= MAX_BLOCKS:
                break
            yield start, end


def _best_candidate(canonical: _Canonical, sentences: Sequence[_Sentence]) -> _Candidate | None:
    """The highest-scoring run of sentences; ties go to the shorter, then earlier run."""
    size = len(canonical.content)
    best: _Candidate | None = None
    for start, end in _candidates(sentences, canonical.sentence_count + EXTRA_SENTENCES):
        score = _f_beta(canonical.content, _union(sentences[start:end]), size)
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
    return tuple(term for term, keys in canonical.key_terms if not _contains(sequence, keys))


def _contains(sequence: Sequence[str], keys: Sequence[str]) -> bool:
    if not keys:
        return True
    width = len(keys)
    return any(
        tuple(sequence[i : i + width]) == tuple(keys) for i in range(len(sequence) - width + 1)
    )
