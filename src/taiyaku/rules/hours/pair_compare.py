"""TM001 and TM002 compare a pair the same way; this is that comparison, with places.

:func:`compare_pair` runs the comparison of :mod:`taiyaku.knowledge.facts.compare` over
a pair's sections (:func:`~taiyaku.rules.hours.located.pair_sections`) and returns what
disagrees, with the blocks it was found in:

* ``differs``: one JA and one EN fact that state the same thing differently — the same
  date with another year or weekday in one section, times of the same days, or the one
  fact of each of two statements known to say the same thing (the same list item, the
  same link; see :func:`taiyaku.knowledge.alignment.align_statements`);
* ``one_sided``: the facts of one statement (one block) that the other language does
  not state at all, one group per block.  A fact that both languages state is not
  one-sided, however often either repeats it — except in a table row that only one
  language has: when both sections hold tables whose rows are keyed by the same first
  cells (``夏学期``, ``S1S2``…), a row whose key the other table lacks is reported with
  its facts, even where the other table states the same date in other rows.

Precision first: a one-sided group is ``unsure`` when the other language's aligned
section holds date- or time-like text that no extractor could read (its
:func:`~taiyaku.rules.hours.located.section_unread`): that text may well state the
fact, so the rules say so as information, never as a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from taiyaku.knowledge.facts import (
    DateFact,
    PeriodFact,
    TimeFact,
    compare_dates_in_sections,
    compare_periods_in_sections,
    compare_times_in_sections,
    dates_equal,
    equality_key,
    periods_equal,
    times_equal,
)
from taiyaku.knowledge.facts.residue import Residue, ResidueKind
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, LANG_NAME, Lang, other_lang
from taiyaku.model.records import quick_init
from taiyaku.rules.hours.located import LocatedFact, SectionFacts, pair_sections, section_unread
from taiyaku.rules.hours.messages import fact_reading, join_words, other_side, quoted

if TYPE_CHECKING:
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair

__all__ = [
    "Differs",
    "OneSided",
    "PairComparison",
    "compare_pair",
    "differs_finding",
    "one_sided_finding",
]

What = Literal["times", "dates", "periods"]
_FACT_TYPE: dict[What, type[Any]] = {"times": TimeFact, "dates": DateFact, "periods": PeriodFact}
_COMPARE: dict[What, Callable[..., list[Any]]] = {
    "times": compare_times_in_sections,
    "dates": compare_dates_in_sections,
    "periods": compare_periods_in_sections,
}
_EQUAL: dict[What, Callable[[Any, Any], bool]] = {
    "times": times_equal,
    "dates": dates_equal,
    "periods": periods_equal,
}
_RESIDUE: dict[What, ResidueKind] = {"times": "time", "dates": "date", "periods": "date"}


@dataclass(frozen=True)
class Differs:
    ja: LocatedFact
    en: LocatedFact
    section: SectionFacts  # the section both are in


@dataclass(frozen=True)
class OneSided:
    """Facts of one block that the other language does not state."""

    lang: Lang  # the language that states them
    facts: list[LocatedFact]  # in text order
    section: SectionFacts
    # the other side's unread date- or time-like text in that section (may state them)
    unread: list[tuple[Block, Residue]] = field(default_factory=list)
    row: str = ""  # the key of a table row the other language's table lacks


@quick_init
@dataclass(frozen=True)
class PairComparison:
    differs: list[Differs]
    one_sided: list[OneSided]
    left_out: dict[Lang, list[LocatedFact]]  # the facts ``keep`` left out, by language


def compare_pair(
    ctx: Context,
    pair: Pair,
    what: What,
    keep: Callable[[LocatedFact], bool] | None = None,
) -> PairComparison:
    """Compare the times, dates or periods of a pair; ``keep`` leaves facts out
    (datelines)."""
    sections = pair_sections(ctx, pair)
    chosen = _Chosen(sections, _FACT_TYPE[what], keep)
    mismatches = _COMPARE[what](chosen.groups, chosen.statements)
    equal = _EQUAL[what]
    result = PairComparison([], [], chosen.left_out)
    groups: dict[tuple[Lang, int], OneSided] = {}
    unread: dict[tuple[int, Lang], list[tuple[Block, Residue]]] = {}
    for mismatch in mismatches:
        if mismatch.kind == "differs":
            ja, _ = chosen.where[id(mismatch.ja[0])]
            en, section = chosen.where[id(mismatch.en[0])]
            result.differs.append(Differs(ja, en, section))
            continue
        lang: Lang = "ja" if mismatch.ja else "en"
        lf, section = chosen.where[id((mismatch.ja or mismatch.en)[0])]
        theirs = chosen.by_key[other_lang(lang)].get(equality_key(lf.fact), ())
        row = ""
        if any(_same(equal, lang, lf, other) for other in theirs):
            row = _row_only_here(section, lang, lf.block)
            if not row:
                continue  # stated by both, one of them more often: the same fact
        key = (lang, id(lf.block))
        if key not in groups:
            where = (id(section), other_lang(lang))
            if where not in unread:
                unread[where] = section_unread(ctx, section, other_lang(lang), _RESIDUE[what])
            groups[key] = OneSided(lang, [], section, [] if row else unread[where], row)
            result.one_sided.append(groups[key])
        groups[key].facts.append(lf)
    for group in result.one_sided:
        group.facts.sort(key=lambda lf: lf.fact.start_offset)
    return result


def _row_only_here(section: SectionFacts, lang: Lang, block: Block) -> str:
    """The key of ``block``'s table row when the other side's tables in the section
    share row keys with this side's but lack this one; else ``""``."""
    if block.kind != "table":
        return ""
    mine, theirs = _row_keys(section, lang), _row_keys(section, other_lang(lang))
    key = mine.get(block.line, "")
    shared = set(mine.values()) & set(theirs.values())
    if not key or not shared or key in theirs.values():
        return ""
    return key


def _row_keys(section: SectionFacts, lang: Lang) -> dict[int, str]:
    """Each table row's first cell text, by line (a row is one line of cells)."""
    keys: dict[int, str] = {}
    for block in section.blocks.get(lang, ()):
        if block.kind == "table" and block.line not in keys:
            keys[block.line] = " ".join(block.text.split())
    return keys


class _Chosen:
    """The facts of one type in each section and statement, and where each is."""

    def __init__(
        self,
        sections: list[SectionFacts],
        fact_type: type[Any],
        keep: Callable[[LocatedFact], bool] | None,
    ) -> None:
        self.where: dict[int, tuple[LocatedFact, SectionFacts]] = {}
        # the facts each language states, by what two equal facts share
        self.by_key: dict[Lang, dict[object, list[LocatedFact]]] = {"ja": {}, "en": {}}
        self.left_out: dict[Lang, list[LocatedFact]] = {"ja": [], "en": []}
        self.groups: list[tuple[list[Any], list[Any]]] = []
        self.statements: list[tuple[list[Any], list[Any]]] = []
        for section in sections:
            by_block: dict[int, list[Any]] = {}
            sides: dict[Lang, list[Any]] = {"ja": [], "en": []}
            for lang in ("ja", "en"):
                for lf in section.side(lang):
                    if not isinstance(lf.fact, fact_type):
                        continue
                    if keep is not None and not keep(lf):
                        self.left_out[lang].append(lf)
                        continue
                    sides[lang].append(lf.fact)
                    self.by_key[lang].setdefault(equality_key(lf.fact), []).append(lf)
                    self.where[id(lf.fact)] = (lf, section)
                    by_block.setdefault(id(lf.block), []).append(lf.fact)
            self.groups.append((sides["ja"], sides["en"]))
            self.statements += [
                (by_block.get(id(ja), []), by_block.get(id(en), []))
                for ja, en in section.statements
            ]


def _same(
    equal: Callable[[Any, Any], bool], lang: Lang, mine: LocatedFact, theirs: LocatedFact
) -> bool:
    """``theirs``, a fact of the other language, states what ``mine`` states."""
    return equal(mine.fact, theirs.fact) if lang == "ja" else equal(theirs.fact, mine.fact)


def differs_finding(ctx: Context, differs: Differs, noun: str) -> Finding:
    """The error for one value stated differently by the two languages (TM001, TM002):
    reported on the translation (English on a Japanese-first site), with the source's
    statement as the related place."""
    here = other_lang(ctx.site.source_lang)
    mine, theirs = (differs.en, differs.ja) if here == "en" else (differs.ja, differs.en)
    there = other_lang(here)
    spot = mine.spot()
    shown = ctx.display_path(theirs.path)
    message = (
        f"{LANG_LABEL[here]} says {fact_reading(mine.fact)}; {LANG_LABEL[there]} "
        f"({shown}:{theirs.line}) says {fact_reading(theirs.fact)}"
    )
    ja, en = differs.ja, differs.en
    return Finding(
        mine.path,
        spot.line,
        spot.column,
        message,
        end_line=spot.end_line,
        end_column=spot.end_column,
        severity=Severity.ERROR,
        related=(Related(theirs.path, theirs.line, f"the {LANG_NAME[there]} {noun}"),),
        fingerprint_text=(
            f"differs [{differs.section.label}] JA {ja.fact.describe()} / EN {en.fact.describe()}"
        ),
    )


def one_sided_finding(ctx: Context, pair: Pair, one: OneSided, noun: str) -> Finding:
    """A warning for the facts of one statement that the other language lacks; only
    information when the other side holds text that taiyaku cannot read (see the
    module)."""
    first, last = one.facts[0], one.facts[-1]
    name, related = other_side(ctx, pair, one.section, other_lang(one.lang))
    spot = first.spot()
    end = last.spot()
    said = join_words([fact_reading(lf.fact) for lf in one.facts])
    lacks = f"no such {noun}" if len(one.facts) == 1 else f"none of these {noun}s"
    message = f"{LANG_LABEL[one.lang]} says {said}; {name} states {lacks}"
    if one.row:
        message = (
            f"{LANG_LABEL[one.lang]} says {said} in the table row {quoted(one.row)}; "
            f"{name} has no such row"
        )
    severity = Severity.WARNING
    if one.unread:
        severity = Severity.INFO
        texts = join_words([quoted(r.text) for _, r in one.unread[:3]])
        more = f" (and {len(one.unread) - 3} more)" if len(one.unread) > 3 else ""
        message += f" that taiyaku can read, but it has {texts}{more}, which may state it"
    return Finding(
        first.path,
        spot.line,
        spot.column,
        message,
        end_line=end.end_line,
        end_column=end.end_column,
        severity=severity,
        related=(related,),
        fingerprint_text=(
            f"{one.lang}-only [{one.section.label}] {one.row} "
            + ", ".join(lf.fact.describe() for lf in one.facts)
        ),
    )
