"""Japanese text as the fact parser reads it: fugashi tokens, with runs of numeral
tokens merged into one number and digit-colon clocks (``9:00``) as one lexeme, and the
quick tests that spare most text any parsing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from taiyaku.knowledge.facts._text import parse_numeral
from taiyaku.parse.analyzer import Token

# A run of more numeral tokens than this is no part of a time or date.
_LONG_NUMERAL_RUN = 12


_CLOCK_RE = re.compile(r"(?<![0-9A-Za-z:./])(\d{1,2}):(\d{2})(?![0-9:]|\.\d)")


_RATIO_CONTEXT = re.compile(r"(?:比|比率|割合|アスペクト|ratio|aspect)\s*[:：はが]?\s*$", re.I)


class Lex(NamedTuple):
    """A token, a run of numeral tokens merged into one number, or a digit-colon time.

    (A named tuple: a block with a digit makes one per token, and tuples are the
    cheapest to build.)
    """

    kind: Literal["num", "clock", "word", "masked"]
    text: str  # folded surface
    pos: str
    lemma: str
    start: int
    end: int
    value: int = 0  # the number, or the hour of a clock
    minute: int = 0


#: What every fact needs: 正午; a numeral right before 時 (an hour, 24時間), 月 (a
#: month: a date and a part of a month need one) or 年 (年度); or a digit right before
#: the ``:`` of a clock or the ``/``, ``-`` or ``.`` of a numeric date (with their
#: full-width forms, which fold() turns into these).  A numeral lexeme ends in an ASCII
#: or full-width digit or in a kanji numeral (see parse_numeral); the regular
#: expressions of clocks and dates use ``\d``.
FACT_HINT = re.compile(
    # (first, what every branch starts with: a quick refusal at most characters)
    r"(?=[正元\d〇零一二三四五六七八九十百千)）])"
    r"(?:正午|元年|[0-9０-９〇零一二三四五六七八九十百千)）]\s?[時月年]|\d[:：/／\-－−]|\d[.．]\d)"
)


def may_hold_fact(text: str) -> bool:
    """Whether ``text`` has what every time and date needs (most text with a number has
    not: 2つの部屋, 手順3, 10秒): decided without building a token."""
    return FACT_HINT.search(text) is not None


def lexemes(masked: str, tokens: Sequence[Token]) -> list[Lex]:
    clocks = {
        m.start(): m
        for m in _CLOCK_RE.finditer(masked)
        if int(m.group(1)) <= 29 and not _is_ratio(masked, m)  # 45:30 is a duration
    }
    lexes: list[Lex] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        lex, i = _lex_at(masked, tokens, i, clocks.get(tok.start))
        lexes.append(lex)
    return lexes


def _is_ratio(masked: str, match: re.Match[str]) -> bool:
    return bool(_RATIO_CONTEXT.search(masked[max(0, match.start() - 12) : match.start()]))


def _lex_at(
    masked: str, tokens: Sequence[Token], i: int, clock: re.Match[str] | None
) -> tuple[Lex, int]:
    tok = tokens[i]
    text = masked[tok.start : tok.end]
    if text.strip() == "" and tok.surface.strip():
        return Lex("masked", text, tok.pos, tok.lemma, tok.start, tok.end), i + 1
    if clock is not None:
        for j in range(i, min(i + 4, len(tokens))):
            if tokens[j].end == clock.end():
                hour, minute = int(clock.group(1)), int(clock.group(2))
                lex = Lex("clock", clock.group(), "", "", tok.start, clock.end(), hour, minute)
                return lex, j + 1
    if tok.pos.startswith("名詞-数詞"):
        j = i + 1
        while (
            j < len(tokens)
            and tokens[j].pos.startswith("名詞-数詞")
            and tokens[j].start == tokens[j - 1].end
        ):
            j += 1
        end = tokens[j - 1].end
        number = masked[tok.start : end]
        value = parse_numeral(number)
        if value is not None:
            return Lex("num", number, tok.pos, tok.lemma, tok.start, end, value), j
        if j - i > _LONG_NUMERAL_RUN:  # a long run of digits: one word (linear time)
            return Lex("word", number, tok.pos, tok.lemma, tok.start, end), j
    return Lex("word", text, tok.pos, tok.lemma, tok.start, tok.end), i + 1
