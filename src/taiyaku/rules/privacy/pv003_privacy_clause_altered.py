"""PV003 privacy-clause-altered."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import LANG_LABEL
from taiyaku.rules.base import PageRule
from taiyaku.rules.privacy.page_clauses import UsesPrivacyPolicy, privacy_run

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

#: At most this many words are quoted from each list.
MAX_WORDS = 6


class PrivacyClauseAltered(UsesPrivacyPolicy, PageRule):
    """A privacy clause is on the page but its wording changed beyond tolerance.

    ## What it does
    Reports a clause of ``privacy.yml`` that a page carries in a changed form: its best
    match on the page scores between the policy's ``altered`` and ``present``
    thresholds, or lacks one of the clause's ``key_terms`` (``only``, ``first``, のみ,
    まず ...: the words whose removal changes the obligation). The message quotes the
    clause's words the page lacks and the words it adds, and points at the blocks that
    carry the clause. Matching compares content words, so punctuation, emphasis, links,
    line wrapping and politeness (します/いたします) are never reported.

    It looks at the pages the PV rules read anyway: pages in the policy's scope, in each
    of their languages, and pages with a counterpart in the other language. On a page
    outside the scope only a clause that matches in full but lost a key term is
    reported: there, a passage that merely resembles a clause is not a changed clause.

    ## Why is this bad?
    The clauses are the support desk's commitments to its users. A copy that dropped
    "only through the email form" or "first contact your instructor" no longer states
    the rule, and readers follow the page they read.

    ## Example
    ``content/en/support/chat.md`` says "please contact us through the email form" where
    the policy says "only through the email form":

        content/en/support/chat.md:16:3: warning PV003 [privacy-clause-altered] clause
        'exam-inquiries' differs from the required wording: lacks "only" (EN, match 0.96)

    Restore the policy's wording (rewording is fine as long as the obligation stays).
    """

    CODE = "PV003"
    NAME = "privacy-clause-altered"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        run = privacy_run(ctx)
        page = ctx.page_of(doc)
        if run.policy is None:
            return
        if not run.in_scope(doc, page) and not run.has_counterpart(doc, page):
            return  # the matcher does not run for pages no PV rule needs
        for lang in run.languages(doc, page):
            side = run.side(doc, page, lang)
            for clause in run.clauses:
                match = side.matches[clause.id]
                if match.status != "altered" or not side.has(clause.id):
                    continue
                spot = side.spot_of(clause.id)
                yield Finding(
                    doc.path,
                    spot.line,
                    spot.column,
                    f"clause '{clause.id}' differs from the required wording: "
                    f"{_differences(match.missing_words, match.extra_words)} "
                    f"({LANG_LABEL[lang]}, match {match.score:.2f})",
                    end_line=spot.end_line,
                    end_column=spot.end_column,
                    fingerprint_text=f"{clause.id} {lang} altered "
                    + " ".join((*match.missing_words, "|", *match.extra_words)),
                )


def _differences(missing: Sequence[str], extra: Sequence[str]) -> str:
    parts = []
    if missing:
        parts.append(f"lacks {_quoted(missing)}")
    if extra:
        parts.append(f"adds {_quoted(extra)}")
    return "; ".join(parts) or "reworded"


def _quoted(words: Sequence[str]) -> str:
    shown = ", ".join(f'"{w}"' for w in words[:MAX_WORDS])
    more = len(words) - MAX_WORDS
    return shown + (f" and {more} more" if more > 0 else "")
