"""Extract times of day, dates and day qualifiers from Japanese text.

The text is read through its fugashi tokens: numerals (``名詞-数詞``, Arabic,
full-width or kanji, merged when UniDic splits them as in 十/八), the counters 時/分/
年/月/日, the particles から/まで, 午前/午後/正午/翌 and the weekday nouns.  Only
the digit forms are matched with regular expressions: ``9:00``/``９：００`` (the match
must begin and end on token boundaries), ``2025/3/15``, ``2024-01-06``, a bare
``4/29`` where a date is expected (before a weekday, 〜, より, まで, 以降, ... or alone
in a table cell; elsewhere ``1/2`` is a fraction), and the weekday after a date
(``（土）``, ``火曜日``).

What is *not* a time of day yields nothing: durations (``3分程度``, ``2時間``),
class periods (``5限``, ``3時限``), ``時`` meaning "when" (``問い合わせの時``), and
anything inside URLs, inline code or HTML tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from taiyaku.knowledge.facts._clock import Atom, make_point, make_range
from taiyaku.knowledge.facts._days import EVERY_DAY, HOLIDAYS, Day, Elem, evaluate, is_exclusion
from taiyaku.knowledge.facts._ja_dates import JaDates
from taiyaku.knowledge.facts._ja_lexemes import Lex, lexemes, may_hold_fact
from taiyaku.knowledge.facts._ja_words import (
    ALL_DAY_LEMMAS,
    ALL_DAY_NEXT,
    DAY_WORDS,
    EVENING,
    LABEL_END,
    LATE_NIGHT,
    LIST_WORDS,
    MORNING,
    STRICT_MERIDIEM,
    apply_prefix,
    inherit_meridiem,
    may_start_fact,
    valid_prefix,
    weekday,
)
from taiyaku.knowledge.facts._numeric import NumericDates
from taiyaku.knowledge.facts._scope import Qualifier, facts_in_order
from taiyaku.knowledge.facts._text import fold, mask_urls
from taiyaku.knowledge.facts.calendar import (
    JA_WEEKDAY_CHARS,
)
from taiyaku.knowledge.facts.model import (
    MINUTES_PER_DAY,
    DateFact,
    DaySet,
    Fact,
    InvalidDate,
    InvalidTime,
    PeriodFact,
    TimeFact,
)
from taiyaku.parse.analyzer import Token

__all__ = ["extract_ja"]

_COUNTER = "名詞-普通名詞-助数詞可能"
# A day qualifier is read over at most this many lexemes (土日祝日を除く毎日 has 7), so
# that a long run of brackets or separators costs linear time.
_MAX_QUALIFIER_LEXEMES = 40
_SEPARATORS = frozenset("~-–—‐―")

_NUMERAL = "[0-9〇零一二三四五六七八九十]"


def extract_ja(text: str, tokens: Sequence[Token], *, cell: bool = False) -> list[Fact]:
    """Times, dates and invalid times in Japanese ``text``, in text order.

    ``tokens`` must be ``taiyaku.parse.analyzer.tokenize(text)``.  ``cell`` says that
    ``text`` is the content of one table cell (as a Document's table blocks are): a bare
    month/day alone in it is then a date, as it is between ``|`` in Markdown.
    """
    if not may_hold_fact(text):
        return []  # the common case, decided without parsing
    return _parse(text, tokens, cell=cell)


def _parse(text: str, tokens: Sequence[Token], *, cell: bool = False) -> list[Fact]:
    masked = mask_urls(fold(text))
    dates = [*NumericDates(masked, text, "ja", cell=cell).run(), *JaDates(masked, text).run()]
    dates.sort(key=lambda f: f.start_offset)
    if not _TIME_HINT.search(text):  # dates only: no token needs reading
        return facts_in_order(text, [], [], dates, "ja")
    return _JaParser(text, masked, lexemes(masked, tokens), dates, cell=cell).run()


# What a time (and so a day qualifier, which only ever qualifies a time) needs: 正午, a
# numeral right before 時, or a digit before a clock's colon.
_TIME_HINT = re.compile(r"正午|[0-9０-９〇零一二三四五六七八九十百千]\s?時|\d[:：]")


@dataclass(frozen=True)
class _Hit:
    """An atom and the index of the lexeme after it."""

    atom: Atom
    next: int
    has_counter: bool


class _JaParser:
    """Times and day qualifiers, read lexeme by lexeme around the dates already found."""

    def __init__(
        self,
        text: str,
        masked: str,
        lexes: list[Lex],
        dates: list[DateFact | InvalidDate | PeriodFact],
        *,
        cell: bool = False,
    ) -> None:
        self.text = text
        self.masked = masked
        self.cell = cell
        self.lx = lexes
        self.times: list[TimeFact] = []
        self.others: list[DateFact | InvalidDate | PeriodFact | InvalidTime] = list(dates)
        self.qualifiers: list[Qualifier] = []

    # ----------------------------------------------------------------- driving
    def run(self) -> list[Fact]:
        spans = [(f.start_offset, f.end_offset) for f in self.others]
        i = k = 0
        while i < len(self.lx):
            lex = self.lx[i]
            while k < len(spans) and spans[k][1] <= lex.start:
                k += 1
            if k < len(spans) and spans[k][0] <= lex.start:
                i = self._index_at(spans[k][1], i)  # inside a numeric date
                continue
            i = self._step(i)
        return facts_in_order(self.text, self.times, self.qualifiers, self.others, "ja")

    def _step(self, i: int) -> int:
        lex = self.lx[i]
        if lex.kind == "masked" or (lex.kind == "word" and not may_start_fact(lex.text)):
            return i + 1  # most words: no parser below can start here
        for parse in (self._all_day, self._time, self._qualifier):
            nxt = parse(i)
            if nxt is not None:
                return nxt
        return i + 1

    def _index_at(self, offset: int, i: int) -> int:
        while i < len(self.lx) and self.lx[i].start < offset:
            i += 1
        return i

    # ----------------------------------------------------------------- helpers
    def _get(self, i: int) -> Lex | None:
        return self.lx[i] if 0 <= i < len(self.lx) else None

    def _is_word(self, i: int, *words: str) -> bool:
        lex = self._get(i)
        return lex is not None and lex.kind == "word" and lex.text in words

    def _is_counter(self, i: int, word: str) -> bool:
        lex = self._get(i)
        return (
            lex is not None
            and lex.kind == "word"
            and lex.text == word
            and (lex.pos.startswith(_COUNTER) or lex.pos.startswith("接尾辞-名詞的-助数詞"))
        )

    def _num(self, i: int) -> int | None:
        lex = self._get(i)
        return lex.value if lex is not None and lex.kind == "num" else None

    def _gap(self, i: int, j: int) -> str:
        """The text between lexeme i and lexeme j (i < j); j may be past the end."""
        end = self.lx[j].start if j < len(self.lx) else len(self.masked)
        return self.masked[self.lx[i].end : end]

    def _touching(self, i: int) -> bool:
        """Lexeme i+1 follows lexeme i with nothing between."""
        nxt = self._get(i + 1)
        return nxt is not None and nxt.start == self.lx[i].end

    def _spaced(self, i: int) -> bool:
        """Lexeme i+1 follows lexeme i with at most whitespace between."""
        nxt = self._get(i + 1)
        return nxt is not None and self._gap(i, i + 1).strip() == ""

    # ----------------------------------------------------------------- all day
    def _all_day(self, i: int) -> int | None:
        """``24時間`` meaning round the clock, optionally with ``365日``."""
        if self._num(i) != 24 or not self._is_word(i + 1, "時間") or not self._touching(i):
            return None
        end_index = i + 1
        days, after = self._every_day_after(i + 2)
        if days is None and self._round_the_clock(i) and self._get(i + 2) is not None:
            days, after = self._every_day_after(i + 3)  # 24時間対応（年中無休）
        if days is None and self._every_day_before(i):
            days = EVERY_DAY
        if days is not None:
            end_index = after - 1
        elif not self._round_the_clock(i):
            return i + 2  # a duration such as 24時間以内: skip it
        start, end = self.lx[i].start, self.lx[end_index].end
        quote = self.text[start:end]
        self.times.append(TimeFact("all-day", 0, MINUTES_PER_DAY, days, start, end, quote))
        return end_index + 1

    def _every_day_after(self, i: int) -> tuple[DaySet | None, int]:
        """``365日`` or ``年中無休`` right after 24時間 (a comma may come between)."""
        j = i
        if self._is_word(j, "、", ",", "・", "(") and not self._gap(j - 1, j).strip():
            j += 1
        if self._get(j) is None or self._gap(j - 1, j).strip():
            return None, i
        if self._num(j) == 365 and self._is_counter(j + 1, "日") and self._touching(j):
            return EVERY_DAY, j + 2
        if self._is_word(j, "年中") and self._is_word(j + 1, "無休"):
            return EVERY_DAY, j + 2
        return None, i

    def _every_day_before(self, i: int) -> bool:
        if i < 2 or self._gap(i - 1, i).strip(" 、,"):
            return False
        return self._num(i - 2) == 365 and self._is_counter(i - 1, "日")

    def _round_the_clock(self, i: int) -> bool:
        nxt = self._get(i + 2)
        if (
            nxt is not None
            and self._spaced(i + 1)
            and (nxt.text in ALL_DAY_NEXT or nxt.lemma in ALL_DAY_LEMMAS)
        ):
            return True
        before = self.masked[max(0, self.lx[i].start - 20) : self.lx[i].start].rstrip()
        after = self.masked[self.lx[i + 1].end :]
        return before.endswith(":") and bool(LABEL_END.match(after))

    # ------------------------------------------------------------------- times
    def _time(self, i: int) -> int | None:
        first = self._atom(i)
        if first is None:
            return self._bare_range(i)
        j = first.next
        connector = self._range_connector(j)
        if connector is not None:
            second = self._atom(connector)
            if second is not None:
                end_atom = inherit_meridiem(first.atom, second.atom)
                self._add(make_range(first.atom, end_atom, self.text))
                return self._skip_made(second.next)
        self._add([make_point(first.atom, self.text)])
        return self._skip_made(j) if self._is_word(j, "から", "まで") else j

    def _skip_made(self, j: int) -> int:
        return j + 1 if self._is_word(j, "まで") else j

    def _range_connector(self, j: int) -> int | None:
        """If lexeme j joins two times (～, -, から), the index after it."""
        lex = self._get(j)
        if lex is None or lex.kind != "word" or j == 0:
            return None
        if lex.text in _SEPARATORS and not self._gap(j - 1, j).strip() and self._spaced(j):
            return j + 1
        if lex.text == "から" and self._touching(j - 1):
            k = j + 1
            if self._is_word(k, "、", ","):
                k += 1
            return k if self._gap(k - 1, k).strip() == "" else None
        return None

    def _bare_range(self, i: int) -> int | None:
        """``6〜23時``: a bare number before a separator and an hour."""
        hour = self._num(i)
        if hour is None or hour > 24 or self._is_word(i - 1, "第"):
            return None
        if i > 0 and self._get(i - 1) is not None and self._touching(i - 1):
            prev = self.lx[i - 1]
            if prev.kind in ("num", "clock") or prev.text in _SEPARATORS:
                return None
        sep = self._get(i + 1)
        if sep is None or sep.text not in _SEPARATORS or not self._touching(i):
            return None
        if not self._touching(i + 1):
            return None
        second = self._atom(i + 2)
        if second is None or not second.has_counter or second.atom.meridiem is not None:
            return None
        lex = self.lx[i]
        first = Atom(lex.start, lex.end, hour, 0, None, False, None, "ja")
        self._add(make_range(first, second.atom, self.text))
        return self._skip_made(second.next)

    def _add(self, facts: list[TimeFact | InvalidTime]) -> None:
        for fact in facts:
            if isinstance(fact, TimeFact):
                self.times.append(fact)
            else:
                self.others.append(fact)

    def _atom(self, i: int) -> _Hit | None:
        """One clock reading at i: [翌][午前|午後] (N時[M分|半] | H:MM | 正午)."""
        start = i
        next_day, prefix = False, None
        for _ in range(2):
            word = self._get(i)
            if word is None or word.kind != "word":
                break
            if word.text in ("翌", "翌日", "翌朝") and self._spaced(i):
                next_day = True
                i += 2 if self._is_word(i + 1, "の") and word.text == "翌日" else 1
                prefix = "朝" if word.text == "翌朝" else prefix
            elif word.text in (*STRICT_MERIDIEM, *EVENING, *MORNING, *LATE_NIGHT, "昼"):
                if not self._spaced(i):
                    break
                prefix, i = word.text, i + 1
            else:
                break
        hit = self._core(i)
        if hit is None:
            return None
        hour, minute, end, nxt, counter = hit
        if hour < 0:
            if prefix is not None:
                return None
            atom = Atom(self.lx[start].start, end, 12, 0, None, next_day, "noon", "ja")
            return _Hit(atom, nxt, True)
        adjusted = apply_prefix(prefix, hour)
        if adjusted is None:
            return None
        hour, meridiem = adjusted
        atom = Atom(self.lx[start].start, end, hour, minute, meridiem, next_day, None, "ja")
        return _Hit(atom, nxt, counter)

    def _core(self, i: int) -> tuple[int, int, int, int, bool] | None:
        """(hour, minute, end offset, next index, has 時 counter); hour -1 for 正午."""
        lex = self._get(i)
        if lex is None:
            return None
        if lex.kind == "word" and lex.text == "正午":
            return -1, 0, lex.end, i + 1, True
        if lex.kind == "clock":
            return lex.value, lex.minute, lex.end, i + 1, False
        if lex.kind != "num" or not self._is_counter(i + 1, "時") or not self._touching(i):
            return None
        if self._is_word(i - 1, "第") or self._is_word(i + 2, "限", "限目", "間"):
            return None
        hour, minute, k = lex.value, 0, i + 2
        if (
            self._num(k) is not None
            and self._is_counter(k + 1, "分")
            and self._touching(k - 1)
            and self._touching(k)
        ):
            minute, k = self.lx[k].value, k + 2
            if self._num(k) is not None and self._is_counter(k + 1, "秒") and self._touching(k):
                k += 2
        elif self._is_word(k, "半") and self._touching(k - 1):
            minute, k = 30, k + 1
        return hour, minute, self.lx[k - 1].end, k, True

    # -------------------------------------------------------------- qualifiers
    def _qualifier(self, i: int) -> int | None:
        """A day qualifier (平日, 土日祝日, 月～金, 土日祝日を除く) starting at i."""
        elems: list[Elem] = []
        ends: list[int] = []
        strong = weak = 0
        j = i
        while j < len(self.lx) and j - i < _MAX_QUALIFIER_LEXEMES:
            if j > i and self._gap(j - 1, j).strip():
                break
            parsed = self._day_elem(j)
            if parsed is None:
                break
            elem, nxt, strength = parsed
            if not elems and not isinstance(elem, Day) and elem != "(":
                return None
            if elem != "skip":
                elems.append(elem)
                ends.append(nxt)
            elif elems and isinstance(elems[-1], Day):
                ends[-1] = nxt  # 金曜日まで: まで belongs to the qualifier
            strong += strength == "strong"
            weak += strength == "weak"
            j = nxt
        cut = valid_prefix(elems)
        if cut == 0:
            return None
        elems, last = elems[:cut], ends[cut - 1]
        days_count = sum(isinstance(e, Day) for e in elems)
        if strong == 0 and days_count < 2:
            return None
        days = evaluate(elems)
        if days is None:
            return None
        start, end = self.lx[i].start, self.lx[last - 1].end
        bracketed = elems[0] == "("
        self.qualifiers.append(Qualifier(days, start, end, bracketed, is_exclusion(elems)))
        return last

    def _day_elem(self, i: int) -> tuple[Elem, int, str] | None:
        """One qualifier element at i: (element, next index, strength)."""
        lex = self.lx[i]
        if lex.kind == "num":
            if lex.value == 365 and self._is_counter(i + 1, "日") and self._touching(i):
                return Day(EVERY_DAY), i + 2, "strong"
            return None
        if lex.kind != "word":
            return None
        text = lex.text
        day = DAY_WORDS.get(text)
        if day is not None:
            return Day(day), i + 1, "strong"
        if text == "年中" and self._is_word(i + 1, "無休"):
            return Day(EVERY_DAY), i + 2, "strong"
        if text == "年末" and self._is_word(i + 1, "年始"):
            return Day(HOLIDAYS), i + 2, "strong"
        if text == "祝祭" and self._is_word(i + 1, "日"):
            return Day(HOLIDAYS), i + 2, "strong"
        if len(text) >= 2 and text[0] in JA_WEEKDAY_CHARS and text[1] == "曜":
            nxt = i + 2 if text == text[:2] and self._is_word(i + 1, "日") else i + 1
            return Day(weekday(text[0])), nxt, "strong"
        if len(text) == 1 and text in JA_WEEKDAY_CHARS:
            prev = self._get(i - 1)
            if prev is not None and prev.kind == "num" and prev.end == lex.start:
                return None  # 3月, 15日: a counter, not a weekday
            return Day(weekday(text)), i + 1, "weak"
        return self._connector_elem(i)

    def _connector_elem(self, i: int) -> tuple[Elem, int, str] | None:
        text = self.lx[i].text
        if text in LIST_WORDS:
            return "list", i + 1, ""
        if text in _SEPARATORS or text == "から":
            return "range", i + 1, ""
        if text == "まで":
            return "skip", i + 1, ""
        if text in ("(", ")"):
            return text, i + 1, ""
        if text == "を" and self._get(i + 1) is not None and self.lx[i + 1].lemma == "除く":
            return "except", i + 2, ""
        if self.lx[i].lemma == "除く":
            return "except", i + 1, ""
        return None
