"""A crude page splitter for the clause tests.

The real caller (the rule framework) hands :func:`taiyaku.rules.privacy.clauses.match_clause` parsed
blocks; these tests only need something close: front matter dropped, the body cut into
paragraphs and list items, each block given a language by its script.
"""

from __future__ import annotations

import re
from pathlib import Path

from taiyaku.model.lang import Lang
from taiyaku.parse.analyzer import tokenize
from taiyaku.rules.privacy.clauses import TextBlock

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
POLICY_PATH = REPO / "checks" / "privacy.yml"

_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_LIST_ITEM_RE = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def body_of(source: str) -> str:
    return _FRONT_MATTER_RE.sub("", source, count=1)


def raw_blocks(body: str) -> list[str]:
    """Paragraphs, and list items inside them, stripped of surrounding space."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", body):
        blocks.extend(item.strip() for item in _LIST_ITEM_RE.split(paragraph) if item.strip())
    return blocks


def language_of(block: str) -> Lang:
    """Japanese when at least a third of the letters are kana or kanji."""
    cjk, latin = len(_CJK_RE.findall(block)), len(_LATIN_RE.findall(block))
    return "ja" if cjk and cjk * 3 >= cjk + latin else "en"


def page_blocks(source: str, *, with_tokens: bool = True) -> dict[Lang, list[TextBlock]]:
    """The page's blocks by language; Japanese blocks carry their tokens, as the
    framework's will."""
    by_lang: dict[Lang, list[TextBlock]] = {"ja": [], "en": []}
    for text in raw_blocks(body_of(source)):
        lang = language_of(text)
        tokens = tokenize(text) if lang == "ja" and with_tokens else None
        by_lang[lang].append(TextBlock(text, tokens))
    return by_lang


def fixture_blocks(name: str, *, with_tokens: bool = True) -> dict[Lang, list[TextBlock]]:
    return page_blocks((FIXTURES / name).read_text(encoding="utf-8"), with_tokens=with_tokens)
