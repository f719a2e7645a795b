"""TM001 and TM002 compare a pair the same way; this is that comparison, with places.

:func:`compare_pair` runs :func:`~taiyaku.knowledge.facts.compare_times_in_sections` (or the
dates version) over a pair's sections (see :func:`pair_sections`) and returns the
mismatches with the blocks they were found in:

* ``differs``: one JA and one EN fact of the same section that disagree;
* ``repeated``: a fact that both languages state, one of them more often than the
  other (``April 29`` in fourteen table rows against twelve).  Which occurrence is the
  extra one cannot be told from the values alone, so these are grouped by value and
  reported with both counts, rather than claiming that the other side lacks the fact;
* ``one_sided``: facts that one language states and the other does not state at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from taiyaku.knowledge.facts import (
    DateFact,
    TimeFact,
    compare_dates_in_sections,
    compare_times_in_sections,
    dates_equal,
    times_equal,
)
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.rules.hours.block_facts import LocatedFact, SectionFacts, how_often, pair_sections

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair

__all__ = [
    "Differs",
    "OneSided",
    "PairComparison",
    "Repeated",
    "compare_pair",
    "differs_finding",
    "repeated_finding",
]


@dataclass(frozen=True)
class Differs:
    ja: LocatedFact
    en: LocatedFact
    section: SectionFacts  # the section both are in


@dataclass(frozen=True)
class OneSided:
    lang: Lang  # the language that states the fact
    fact: LocatedFact
    section: SectionFacts


@dataclass(frozen=True)
class Repeated:
    """A fact that ``lang`` states more often than the other language, page-wide."""

    lang: Lang
    extra: list[LocatedFact]  # the occurrences left unpaired, in text order
    section: SectionFacts  # the section of the first of them
    count: int  # how often ``lang`` states it
    others: list[LocatedFact]  # where the other language states it

    @property
    def other_count(self) -> int:
        return len(self.others)


@dataclass(frozen=True)
class PairComparison:
    differs: list[Differs]
    repeated: list[Repeated]
    one_sided: list[OneSided]
    left_out: dict[Lang, list[LocatedFact]]  # the facts ``keep`` left out, by language


def compare_pair(
    ctx: Context,
    pair: Pair,
    what: Literal["times", "dates"],
    keep: Callable[[LocatedFact], bool] | None = None,
) -> PairComparison:
    """Compare the times or the dates of a pair; ``keep`` leaves facts out (datelines)."""
    fact_type: type[Any] = TimeFact if what == "times" else DateFact
    compare: Callable[..., list[Any]] = (
        compare_times_in_sections if what == "times" else compare_dates_in_sections
    )
    equal: Callable[[Any, Any], bool] = times_equal if what == "times" else dates_equal

    where: dict[int, tuple[LocatedFact, SectionFacts]] = {}
    stated: dict[Lang, list[LocatedFact]] = {"ja": [], "en": []}
    left_out: dict[Lang, list[LocatedFact]] = {"ja": [], "en": []}
    groups = []
    for section in pair_sections(ctx, pair):
        sides: dict[Lang, list[LocatedFact]] = {}
        for lang in ("ja", "en"):
            sides[lang] = []
            for lf in section.side(lang):
                if not isinstance(lf.fact, fact_type):
                    continue
                if keep is None or keep(lf):
                    sides[lang].append(lf)
                else:
                    left_out[lang].append(lf)
            stated[lang].extend(sides[lang])
            for lf in sides[lang]:
                where[id(lf.fact)] = (lf, section)
        groups.append(([lf.fact for lf in sides["ja"]], [lf.fact for lf in sides["en"]]))

    def same(lang: Lang, mine: LocatedFact, theirs: LocatedFact) -> bool:
        """``theirs``, a fact of the other language, states what ``mine`` states."""
        return equal(mine.fact, theirs.fact) if lang == "ja" else equal(theirs.fact, mine.fact)

    result = PairComparison([], [], [], left_out)
    extra: dict[tuple[Lang, str], list[LocatedFact]] = {}
    for mismatch in compare(groups):
        if mismatch.kind == "differs":
            ja, _ = where[id(mismatch.ja[0])]
            en, section = where[id(mismatch.en[0])]
            result.differs.append(Differs(ja, en, section))
            continue
        lang: Lang = "ja" if mismatch.ja else "en"
        lf, section = where[id((mismatch.ja or mismatch.en)[0])]
        if any(same(lang, lf, theirs) for theirs in stated[other_lang(lang)]):
            extra.setdefault((lang, lf.fact.describe()), []).append(lf)
        else:
            result.one_sided.append(OneSided(lang, lf, section))
    for (lang, value), facts in extra.items():
        facts.sort(key=lambda lf: (lf.line, lf.fact.start_offset))
        first = facts[0]
        count = sum(1 for lf in stated[lang] if lf.fact.describe() == value)
        others = [lf for lf in stated[other_lang(lang)] if same(lang, first, lf)]
        if count <= len(others):  # equality that is not transitive: report them one by one
            result.one_sided.extend(OneSided(lang, lf, where[id(lf.fact)][1]) for lf in facts)
            continue
        section = where[id(first.fact)][1]
        result.repeated.append(Repeated(lang, facts, section, count, others))
    return result


def differs_finding(
    ctx: Context, differs: Differs, reading: Callable[[Any], str], noun: str
) -> Finding:
    """The error for one value stated differently by the two languages (TM001, TM002):
    reported on the English side, with the Japanese statement as the related place."""
    ja, en = differs.ja, differs.en
    spot = en.spot()
    shown = ctx.display_path(ja.path)
    message = f"EN says {reading(en.fact)}; JA ({shown}:{ja.line}) says {reading(ja.fact)}"
    return Finding(
        en.path,
        spot.line,
        spot.column,
        message,
        end_line=spot.end_line,
        end_column=spot.end_column,
        severity=Severity.ERROR,
        related=(Related(ja.path, ja.line, f"the Japanese {noun}"),),
        fingerprint_text=(
            f"differs [{differs.section.label}] JA {ja.fact.describe()} / EN {en.fact.describe()}"
        ),
    )


def repeated_finding(
    ctx: Context, repeated: Repeated, reading: Callable[[Any], str], noun: str
) -> Finding:
    """A warning for a fact that one language states more often than the other.

    Reported at the first occurrence left unpaired; the related location is the other
    language's first occurrence.
    """
    first, theirs = repeated.extra[0], repeated.others[0]
    lang, other = repeated.lang, other_lang(repeated.lang)
    spot = first.spot()
    shown = ctx.display_path(theirs.path)
    message = (
        f"{LANG_LABEL[lang]} says {reading(first.fact)} {how_often(repeated.count)}; "
        f"{LANG_LABEL[other]} ({shown}:{theirs.line}) says it {how_often(repeated.other_count)}"
    )
    return Finding(
        first.path,
        spot.line,
        spot.column,
        message,
        end_line=spot.end_line,
        end_column=spot.end_column,
        severity=Severity.WARNING,
        related=(Related(theirs.path, theirs.line, f"where {LANG_LABEL[other]} first says it"),),
        fingerprint_text=(
            f"{noun} {first.fact.describe()}: {lang} {repeated.count}, "
            f"{other} {repeated.other_count}"
        ),
    )
