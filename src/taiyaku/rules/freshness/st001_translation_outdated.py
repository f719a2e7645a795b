"""ST001 translation-outdated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.rules.base import PairRule
from taiyaku.rules.freshness.behind import Side, pair_freshness
from taiyaku.rules.freshness.st003_source_changed_alone import SourceChangedAlone, changed_alone
from taiyaku.rules.freshness.state import FRESHNESS, IGNORE_KEYS, PIN_KEY, SKIP_MARKERS

if TYPE_CHECKING:
    from taiyaku.model.freshness import PairFreshness
    from taiyaku.rules.context import Context, Pair
    from taiyaku.rules.context import Side as PairSide


class TranslationOutdated(PairRule):
    """The source page changed after the translation was last updated.

    ## What it does
    Reads the git history of the pair's two pages (one ``git log`` for the whole site,
    renames followed) and reports the translation when its source (the page in the
    ``source-language``, Japanese by default) has substantive changes committed after the
    translation's own last substantive change. The message says how far behind it is
    (commits, and days from the oldest missing commit to the site's newest commit), names
    the oldest source commit it lacks, and the related location is the source's first
    line changed since.

    * **Substantive** means a reader sees it: the two versions are parsed and their text
      blocks compared, so white space, re-wrapped lines, emphasis, full-width against
      half-width punctuation and the front-matter keys of ``freshness-ignore-keys``
      (``lastmod``, ``updated``, ``sitemap``, ``redirect_from``) do not count.
    * A commit whose message carries a marker of ``skip-translation-markers``
      (``[skip translation]``, ``[i18n skip]``) does not count.
    * A commit that changes both pages, one of them substantively, is a sync point.
    * A change not committed yet counts as the newest change of its page: an edited
      source makes the translation behind by "an uncommitted change", an edited
      translation is up to date. Where the uncommitted change is all the translation
      lacks and it is the change ST003 looks at (a page named on the command line, the
      staged pages at the commit-msg stage), ST003 reports it on the source page, and
      ST001 does not repeat it (unless ST003 is not selected or ignored there).
    * **Pinned translations:** when the translation's front matter names the source
      commit it translates (``source-commit-key``, default ``source_commit``, as MDN's
      translated content does), the pin decides instead of dates: the translation is
      behind by the substantive source commits after it. A pin that names no commit of
      the history is reported too.

    Outside a git repository the rule reports nothing. In a shallow clone (the default
    checkout of most CI systems) it reports nothing and the run says once that the full
    history is needed (``fetch-depth: 0``). Pages that hold both languages are not
    checked.

    ## Why is this bad?
    A translation that missed a change tells its readers something the source no longer
    says: an old deadline, a removed service, last year's hours. Which translations are
    behind is the first question a bilingual site's maintainers ask, and a date
    comparison answers it badly: a typo fix or a re-wrapped paragraph would mark every
    translation stale, a translator's whitespace commit would mark it fresh.

    ## Example
    ``content/support/chat.md`` got new weekend hours in two commits after
    ``content/en/support/chat.md`` was last translated:

        content/en/support/chat.md:1:1: warning ST001 [translation-outdated] 2 commits,
        41 days behind content/support/chat.md; the oldest it lacks is 1a2b3c4
        (2025-03-01, "Weekend hours from April"); the source changed from line 23
    """

    CODE = "ST001"
    NAME = "translation-outdated"
    SEVERITY = Severity.WARNING
    OPTIONS = (SKIP_MARKERS, IGNORE_KEYS, PIN_KEY)
    USES_SITE = False

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        ctx.state(FRESHNESS)  # one read of the history, shared by the workers

    @classmethod
    def cache_token(cls, ctx: Context) -> str:
        # what defers to ST003 depends on the pages named and the commit-msg stage
        named = ",".join(sorted(ctx.named))
        return f"{ctx.state(FRESHNESS).history.token()}:{named}"

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        if pair.bilingual:
            return
        state = ctx.state(FRESHNESS)
        if not state.history.usable:
            return
        source = pair.side(ctx.site.source_lang)
        translation = pair.en if source is pair.ja else pair.ja
        row = pair_freshness(state, _side(source), _side(translation))
        if row is None:
            return
        if row.state == "behind":
            finding = _behind(ctx, row, source, translation, state.pin_key)
            if not row.commits and changed_alone(ctx, state, source.page, translation.page):
                # only the change ST003 reports on the source page: one fact, one message
                deferred_to = ((SourceChangedAlone.CODE, source.path),)
                finding = replace(finding, deferred_to=deferred_to)
            yield finding
        elif row.state == "unknown-pin":
            yield _unknown_pin(ctx, row, source, translation, state.pin_key)


def _side(side: PairSide) -> Side:
    doc = side.doc
    return Side(side.page, lambda: doc)


def _pin_line(translation: PairSide, key: str) -> int:
    return translation.doc.frontmatter.key_lines.get((key,), 1)


def _behind(
    ctx: Context, row: PairFreshness, source: PairSide, translation: PairSide, pin_key: str
) -> Finding:
    shown = ctx.display_path(source.path)
    amount = row.status().removesuffix(" behind")
    if row.days:
        amount += f", {row.days} day{'' if row.days == 1 else 's'}"
    message = f"{amount} behind {shown}"
    line = 1
    if row.pin is not None:
        message += f" since its pinned {pin_key} {row.pin}"
        line = _pin_line(translation, pin_key)
    if row.oldest is not None:
        message += f"; the oldest it lacks is {row.oldest.describe()}"
    changed = row.changed_line or 1
    message += f"; the source changed from line {changed}"
    since = row.oldest.sha if row.oldest is not None else "uncommitted"
    return Finding(
        translation.path,
        line,
        1,
        message,
        related=(Related(source.path, changed, "first line changed since"),),
        fingerprint_text=f"behind {source.page.rel} since {since}",
    )


def _unknown_pin(
    ctx: Context, row: PairFreshness, source: PairSide, translation: PairSide, pin_key: str
) -> Finding:
    shown = ctx.display_path(source.path)
    return Finding(
        translation.path,
        _pin_line(translation, pin_key),
        1,
        f"{pin_key} {row.pin!r} names no commit of the repository's history: how far "
        f"behind {shown} the translation is cannot be told",
        related=(Related(source.path, 1),),
    )
