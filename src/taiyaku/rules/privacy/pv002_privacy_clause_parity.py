"""PV002 privacy-clause-parity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, LANG_NAME
from taiyaku.rules.base import PairRule
from taiyaku.rules.privacy.page_clauses import UsesPrivacyPolicy, display_line, privacy_run

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair


# The rule that reports a required clause missing from a page in the policy's scope.
CLAUSE_MISSING = "PV001"


class PrivacyClauseParity(UsesPrivacyPolicy, PairRule):
    """A privacy clause is in one language of a page and not in the other.

    ## What it does
    Compares the two languages of a pair (a page and its translation, or the Japanese
    and English halves of a bilingual page) clause by clause, for every clause of
    ``privacy.yml``, whether or not the page is in the policy's scope. A clause that one
    side carries (as written, or changed: see PV003) and the other side lacks is
    reported on the side that lacks it, where the clause belongs there (after its
    neighbour in the catalogue, as PV001 locates it). The message quotes the clause as
    the other side words it, with its file and line; the finding's related location
    points there.

    On a page outside the scope a clause counts as carried only when it scores as
    present (a lost key term aside): such a page is not meant to carry the clauses,
    and a note that shares much of a clause's vocabulary (a word about exams on the
    email-form page) is not the clause. On a page in scope, a changed clause counts.

    One fact, one message: when the side that lacks the clause is itself in the
    policy's scope, the absence breaks the policy and PV001 reports it (naming the other
    side's clause, too), so PV002 does not. PV002 speaks for that page only when PV001
    is not selected or is ignored for it.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    A reader of one language is told that student staff read inquiries, or that their
    information may be published as statistics, and a reader of the other is not. The
    translation promises something different from the source.

    ## Example
    The Japanese ``support/guide.md`` (not a support-desk page) carries the clause about
    departmental systems; its English translation does not:

        content/en/support/guide.md:12:3: error PV002 [privacy-clause-parity] clause
        'departmental-systems' has no English version: JA (content/support/guide.md:14)
        says "部局が独自に提供している情報システムについては…"

    Translate the Japanese clause into the English page (or drop it from both).
    """

    CODE = "PV002"
    NAME = "privacy-clause-parity"
    SEVERITY = Severity.ERROR
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        run = privacy_run(ctx)
        if run.policy is None or not (pair.ja.doc.readable and pair.en.doc.readable):
            return
        ja = run.side(pair.ja.doc, pair.ja.page, "ja")
        en = run.side(pair.en.doc, pair.en.page, "en")
        for clause in run.clauses:
            for lacking, having in ((ja, en), (en, ja)):
                if lacking.has(clause.id) or not having.has(clause.id):
                    continue
                # In scope, the absence breaks the policy: PV001's finding where it runs.
                defer = run.in_scope(lacking.doc, lacking.page)
                spot, _why = run.insertion_spot(lacking, clause.id)
                where = having.spot_of(clause.id)
                on_page = " on this page" if pair.bilingual else ""
                yield Finding(
                    lacking.doc.path,
                    spot.line,
                    spot.column,
                    f"clause '{clause.id}' has no {LANG_NAME[lacking.lang]} version{on_page}: "
                    f"{LANG_LABEL[having.lang]} ({display_line(ctx, having, where.line)}) "
                    f'says "{having.quote(clause.id)}"',
                    related=(
                        Related(
                            having.doc.path, where.line, f"the clause in {LANG_NAME[having.lang]}"
                        ),
                    ),
                    fingerprint_text=f"{clause.id} {lacking.lang} not translated",
                    deferred_to=((CLAUSE_MISSING, lacking.doc.path),) if defer else (),
                )
