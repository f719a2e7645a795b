"""PV001 privacy-clause-missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, LANG_NAME
from taiyaku.rules.base import PageRule
from taiyaku.rules.privacy.page_clauses import (
    UsesPrivacyPolicy,
    display_line,
    first_words,
    language_note,
    privacy_run,
)

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class PrivacyClauseMissing(UsesPrivacyPolicy, PageRule):
    """A support page lacks a required privacy clause in its own language.

    ## What it does
    For every page in the scope of ``privacy.yml`` (in ``checks-dir``; the repository's
    policy takes pages whose front matter says ``support: true``), looks for each clause
    of the policy among the page's blocks in the page's language, and reports each clause
    that is not there. A bilingual page (both languages in one file, and no separate
    translation) must carry every clause in both languages; each missing language is
    reported on its own, and the message says which. Light rewording is accepted (see
    PV003 for a clause that is there but changed).

    The finding points at the place the clause belongs, not at line 1:

    1. after the nearest earlier clause of the catalogue that the page carries in that
       language (else before the nearest later one): pages list the clauses in the
       catalogue's order, so that is where it has to be inserted;
    2. when the page carries none of them in that language, at the heading of the
       section where the other language has them: the shared heading on a bilingual
       page; on a translation, the same section when both pages have the same heading
       outline, else the top-level section of the same rank (translations add and drop
       subsections, rarely top-level sections);
    3. otherwise at the page's first block in that language: with nothing to stand
       beside, the start of the text is still better than the front matter's line 1.

    When the other language has the clause, the message says where (and the finding's
    related location points there): that is the text to translate. PV002 then stays
    silent about the same absence, so that one fact gives one message; PV002 reports it
    only for a page outside the scope, or when PV001 does not run on that page.

    Partials (``_name.md``, included by pages that carry the clauses themselves), pages
    that only redirect, and pages that cannot be read are not checked. A site without a
    ``privacy.yml`` gets no PV findings; a broken one stops the run with exit code 2.

    ## Why is this bad?
    The clauses tell users that student staff read their inquiries, that exam questions
    go only through the email form, and how their information is used. A support page
    without them collects inquiries under terms the user never saw, and a reader of the
    other language may be told less than a reader of the source.

    ## Example
    ``content/support/online-call.md`` (``support: true``, Japanese and English in one
    file) lists three clauses in each language but not ``departmental-systems``:

        content/support/online-call.md:26:3: error PV001 [privacy-clause-missing] missing
        required clause 'departmental-systems' in the Japanese text (JA: "部局が独自に提供
        している情報システムについては…"); expected after clause 'use-of-information'
        content/support/online-call.md:30:3: error PV001 [privacy-clause-missing] missing
        required clause 'departmental-systems' in the English text (EN: "For information
        systems which departments independently provide…"); expected after clause
        'use-of-information'

    Add the clause after the others, in each language.
    """

    CODE = "PV001"
    NAME = "privacy-clause-missing"
    SEVERITY = Severity.ERROR
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        run = privacy_run(ctx)
        page = ctx.page_of(doc)
        if not run.in_scope(doc, page):
            return
        for lang in run.languages(doc, page):
            side = run.side(doc, page, lang)
            for clause in run.clauses:
                if side.has(clause.id):
                    continue
                spot, why = run.insertion_spot(side, clause.id)
                message = (
                    f"missing required clause '{clause.id}'{language_note(side)} "
                    f'({LANG_LABEL[lang]}: "{first_words(clause, lang)}")'
                )
                related: tuple[Related, ...] = ()
                other = run.other_side(side)
                if other is not None and other.has(clause.id):
                    where = other.spot_of(clause.id)
                    kind = "text" if other.bilingual else "page"
                    message += (
                        f"; the {LANG_NAME[other.lang]} {kind} has it "
                        f"({display_line(ctx, other, where.line)})"
                    )
                    related = (
                        Related(
                            other.doc.path, where.line, f"the clause in {LANG_NAME[other.lang]}"
                        ),
                    )
                if why:
                    message += f"; {why}"
                yield Finding(
                    doc.path,
                    spot.line,
                    spot.column,
                    message,
                    related=related,
                    fingerprint_text=f"{clause.id} {lang} missing",
                )
