"""What the PV rules share: the run's privacy policy and each page's clause verdicts.

The policy (``privacy.yml`` in ``checks-dir``) is loaded once per run, as the run's
:data:`PRIVACY` state (:meth:`Context.state`), together with a cache of verdicts.  Each
page is matched against every clause once per language and per run
(:meth:`PrivacyRun.side`), and PV001, PV002 and PV003 read the same :class:`PageSide`.
Japanese blocks are matched with their shared ``Block.tokens``, so the analyzer never
runs twice over a block.

A page is matched only when some rule needs its verdicts: when it is in the policy's
scope, or when it has another language to compare with (a translation, or the other
half of a bilingual page).  Other pages cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from taiyaku.errors import ConfigError, PolicyError
from taiyaku.model.lang import LANG_NAME, Lang, other_lang
from taiyaku.model.spans import Spot
from taiyaku.rules.context import RunState
from taiyaku.rules.privacy.clauses import ClauseMatch, match_clauses
from taiyaku.rules.privacy.policy import Clause, Policy, load_policy, policy_in_scope

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page

__all__ = [
    "POLICY_FILE",
    "PageSide",
    "PrivacyRun",
    "UsesPrivacyPolicy",
    "display_line",
    "excerpt",
    "first_words",
    "language_note",
    "privacy_run",
]

POLICY_FILE = "privacy.yml"


def privacy_run(ctx: Context) -> PrivacyRun:
    """The run's policy and verdict cache (created on first use, once per run).

    A missing ``privacy.yml`` gives a run without a policy: the PV rules report nothing.
    A broken one stops the whole run with a one-line :class:`ConfigError` (exit code 2):
    checking pages against a policy that cannot be read would report them all clean.
    """
    return ctx.state(PRIVACY)


# The run's policy and clause verdicts.
PRIVACY: RunState[PrivacyRun] = RunState("privacy", lambda ctx: PrivacyRun(ctx, _load(ctx)))


class UsesPrivacyPolicy:
    """Mixin of the PV rules: the policy is loaded, and each clause's own wording
    analysed, before workers fork."""

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        policy = privacy_run(ctx).policy
        if policy is not None:
            for lang in ("ja", "en"):
                match_clauses(policy.clauses, lang, (), policy.thresholds)


def _load(ctx: Context) -> Policy | None:
    path = ctx.checks_file(POLICY_FILE)
    if path is None:
        return None
    try:
        return load_policy(path)
    except PolicyError as exc:
        raise ConfigError(_one_line(exc, path, ctx.display_path(path))) from None


def _one_line(exc: PolicyError, path: Path, shown: str) -> str:
    """The PolicyError text on one line, with the path as the user would write it."""
    cause = exc.__cause__
    if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
        mark = cause.problem_mark
        problem = " ".join(f"{cause.context or ''} {cause.problem or ''}".split())
        return f"{shown}:{mark.line + 1}:{mark.column + 1}: invalid YAML: {problem}"
    text = " ".join(str(exc).split())
    prefix = f"{path}: "
    if text.startswith(prefix):
        text = text[len(prefix) :]
    return f"{shown}: {text}"


@dataclass(frozen=True)
class PageSide:
    """One language of one page and its verdict for every clause of the policy."""

    doc: Document
    page: Page
    lang: Lang
    blocks: tuple[Block, ...]
    matches: Mapping[str, ClauseMatch]  # clause id -> verdict, in policy order
    bilingual: bool  # the page holds both languages
    in_scope: bool  # the page must carry the clauses
    present_limit: float  # the policy's `present` threshold for this language

    def has(self, clause_id: str) -> bool:
        """Whether the page carries the clause, as written or changed.

        On a page in the policy's scope, any match above the ``altered`` threshold
        counts: the page meant to carry the clause, and PV003 reports what changed.  A
        page outside the scope is not meant to carry it, and there a passage that merely
        shares much of a clause's vocabulary (a note about exams on the email-form page)
        is no evidence of the clause: it counts only when it scores as present, so that
        a lost key term (``only``) still counts and is still reported.
        """
        match = self.matches[clause_id]
        if self.in_scope:
            return match.status != "missing"
        return match.status != "missing" and match.score >= self.present_limit

    def clause_blocks(self, clause_id: str) -> list[Block]:
        return [self.blocks[i] for i in self.matches[clause_id].block_indices]

    def spot_of(self, clause_id: str) -> Spot:
        """The span of the blocks that carry the clause."""
        blocks = self.clause_blocks(clause_id)
        line, column = blocks[0].position(0)
        end_line, end_column = blocks[-1].position(len(blocks[-1].text.rstrip()))
        return Spot(line, column, end_line, end_column)

    def quote(self, clause_id: str) -> str:
        """The page's own wording of the clause, shortened."""
        return excerpt(self.clause_blocks(clause_id)[0].text, self.lang, words=10, chars=40)


class PrivacyRun:
    """The policy of one run and the clause verdicts computed so far."""

    def __init__(self, ctx: Context, policy: Policy | None) -> None:
        self.ctx = ctx
        self.policy = policy
        self._sides: dict[tuple[Path, Lang], PageSide] = {}

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.policy.clauses if self.policy else ()

    # -- which pages ---------------------------------------------------------------

    def in_scope(self, doc: Document, page: Page) -> bool:
        """Whether the page must carry the clauses.

        Partials (included by pages that carry the clauses themselves) and pages that
        only redirect are never in scope, nor is a page that could not be read.
        """
        if self.policy is None or not doc.readable or page.partial:
            return False
        data = doc.frontmatter.data if isinstance(doc.frontmatter.data, Mapping) else None
        if data is not None and "redirect_to" in data:
            return False
        return policy_in_scope(self.policy, page.rel, data)

    def is_bilingual(self, doc: Document, page: Page) -> bool:
        """Both languages in one file, and no separate translation (as the engine pairs)."""
        return page.counterpart is None and doc.readable and doc.bilingual

    def has_counterpart(self, doc: Document, page: Page) -> bool:
        """The page has another language to compare with."""
        if not doc.readable:
            return False
        if page.counterpart is not None:
            return self.ctx.document(page.counterpart).readable
        return doc.bilingual

    def languages(self, doc: Document, page: Page) -> tuple[Lang, ...]:
        """The languages the page is written in: both for a bilingual page."""
        if self.is_bilingual(doc, page):
            return ("ja", "en")
        return (page.lang,) if page.lang in ("ja", "en") else ()

    # -- verdicts --------------------------------------------------------------------

    def side(self, doc: Document, page: Page, lang: Lang) -> PageSide:
        """Every clause matched against the page's blocks in ``lang``, once per run."""
        key = (doc.path, lang)
        cached = self._sides.get(key)
        if cached is not None and cached.doc is doc:
            return cached
        assert self.policy is not None
        blocks = tuple(doc.blocks_in(lang))
        matches = match_clauses(self.policy.clauses, lang, blocks, self.policy.thresholds)
        side = PageSide(
            doc,
            page,
            lang,
            blocks,
            matches,
            bilingual=self.is_bilingual(doc, page),
            in_scope=self.in_scope(doc, page),
            present_limit=self.policy.thresholds.for_lang(lang).present,
        )
        self._sides[key] = side
        return side

    def other_side(self, side: PageSide) -> PageSide | None:
        """The other language: the bilingual page's other half, or the translation."""
        other = other_lang(side.lang)
        if side.bilingual:
            return self.side(side.doc, side.page, other)
        counterpart = side.page.counterpart
        if counterpart is None or counterpart.lang != other:
            return None
        doc = self.ctx.document(counterpart)
        if not doc.readable:
            return None
        return self.side(doc, counterpart, other)

    # -- where a missing clause belongs --------------------------------------------

    def insertion_spot(self, side: PageSide, clause_id: str) -> tuple[Spot, str]:
        """Where ``clause_id``, absent from ``side``, belongs; and a note saying why.

        1. Beside its neighbours in the catalogue on the same page and language: after
           the nearest earlier clause that is there, else before the nearest later one.
           Pages list the clauses in the catalogue's order, so that is where it goes.
        2. Where the other language has its clauses: on a bilingual page, the heading of
           the section holding them (both languages share it); on a translation, the
           heading of the corresponding section (see :func:`_same_section`).
        3. The page's first block in that language: a page without any clause has no
           better anchor, and the start of its text beats line 1 (front matter).
        """
        ids = [c.id for c in self.clauses]
        index = ids.index(clause_id)
        for earlier in reversed(ids[:index]):
            if side.has(earlier):
                block = side.clause_blocks(earlier)[-1]
                return _block_spot(block), f"expected after clause '{earlier}'"
        for later in ids[index + 1 :]:
            if side.has(later):
                block = side.clause_blocks(later)[0]
                return _block_spot(block), f"expected before clause '{later}'"
        other = self.other_side(side)
        if other is not None:
            spot = self._section_of_other(side, other, clause_id)
            if spot is not None:
                return spot, (
                    f"expected in the section where the {LANG_NAME[other.lang]} text has "
                    "the clauses"
                )
        if side.blocks:
            return _block_spot(side.blocks[0]), ""
        return Spot(side.doc.frontmatter.body_start_line or 1, 1), ""

    def _section_of_other(self, side: PageSide, other: PageSide, clause_id: str) -> Spot | None:
        found = [c.id for c in self.clauses if other.has(c.id)]
        if not found:
            return None
        wanted = clause_id if clause_id in found else found[0]
        theirs = other.clause_blocks(wanted)[0].section
        ours = theirs if side.bilingual else _same_section(other.doc, side.doc, theirs)
        if not ours:  # None, or the preamble before the first heading
            return None
        heading = side.doc.sections[ours]
        at_heading = [b for b in side.doc.blocks if b.kind == "heading" and b.line == heading.line]
        # A bilingual heading is two blocks on one line: take this language's half.
        at_heading.sort(key=lambda b: b.lang != side.lang)
        return _block_spot(at_heading[0]) if at_heading else Spot(heading.line, 1)


def _same_section(source: Document, target: Document, index: int) -> int | None:
    """The section of ``target`` that corresponds to section ``index`` of ``source``.

    The same index when both pages have the same heading outline.  Otherwise the
    top-level section that holds it, matched by its rank among the top-level sections
    when both pages have as many of them: translations add and drop subsections far
    more often than top-level sections.
    """
    if _outline(source) == _outline(target):
        return index
    source_tops, target_tops = _top_sections(source), _top_sections(target)
    if not source_tops or len(source_tops) != len(target_tops):
        return None
    holding = [rank for rank, top in enumerate(source_tops) if top <= index]
    return target_tops[holding[-1]] if holding else None


def _top_sections(doc: Document) -> list[int]:
    levels = [s.level for s in doc.sections if s.level > 0]
    if not levels:
        return []
    top = min(levels)
    return [s.index for s in doc.sections if s.level == top]


def _outline(doc: Document) -> list[int]:
    return [s.level for s in doc.sections]


def _block_spot(block: Block) -> Spot:
    line, column = block.position(0)
    return Spot(line, column)


_JA_BREAKS = "，、,。．"
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff])")


def excerpt(text: str, lang: Lang, *, words: int = 7, chars: int = 30) -> str:
    """The first words of ``text``: ``words`` English words, or about ``chars``
    Japanese characters, cut at a comma or full stop where one is near."""
    text = " ".join(text.split())
    if lang == "en":
        parts = text.split(" ")
        cut = " ".join(parts[:words]).rstrip(",.;:")
        return cut + ("…" if len(parts) > words else "")
    text = _CJK_SPACE.sub("", text)
    if len(text) <= chars:
        return text
    low, high = chars // 3, chars + chars // 3
    breaks = [i for i, ch in enumerate(text[: high + 1]) if ch in _JA_BREAKS and i >= low]
    end = breaks[0] if breaks else chars
    return text[:end] + "…"


def language_note(side: PageSide) -> str:
    """`` in the English text`` on a bilingual page, nothing elsewhere."""
    return f" in the {LANG_NAME[side.lang]} text" if side.bilingual else ""


def display_line(ctx: Context, side: PageSide, line: int) -> str:
    return f"{ctx.display_path(side.doc.path)}:{line}"


def first_words(clause: Clause, lang: Lang) -> str:
    return excerpt(clause.text(lang), lang)
