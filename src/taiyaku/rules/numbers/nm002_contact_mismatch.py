"""NM002 contact-mismatch."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.knowledge.quantities import Contact, extract_contacts
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.rules.base import PairRule

if TYPE_CHECKING:
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair, Side

_KIND_WORD = {"phone": "telephone number", "email": "e-mail address", "postal": "postal code"}


class ContactMismatch(PairRule):
    """A telephone number, e-mail address or postal code differs between the languages.

    ## What it does
    Reads the contacts of both versions of a page: telephone numbers (Japanese numbers
    as both languages write them: ``03-1234-5678``, ``(03) 1234-5678``,
    ``+81-3-1234-5678``, full-width digits; ten or eleven digits in separated groups),
    e-mail addresses (in the text and in ``mailto:`` links) and postal codes (after
    ``〒``, ``郵便番号``, ``Postal code``/``ZIP``, or in an address such as ``Tokyo
    113-8654`` / ``113-8654, Japan``), and compares them as values: digits alone
    (``+81`` read as ``0``), addresses in lower case.

    A contact one language gives and the other does not, where the other gives a
    *near* one of the same kind (a telephone number or postal code of the same length
    with at most two digits changed; an address with the same domain and a local part
    at most three edits away, or the same local part at a near domain), is an error:
    one of them is a typo. A contact one language gives with nothing near it in the
    other is a warning: the translation lost a way to reach you (on a bilingual page,
    where both languages share one contact line, nothing is missing).

    Examples and placeholders are not contacts: ``0123456789@…``, ``1234567890@…``,
    ``xxxx@…``, ``…@example.com``, ``03-xxxx-xxxx``.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    A wrong digit sends readers of one language to someone else's telephone; a missing
    address leaves them no way to ask.

    ## Example
    ``support/desk.md`` gives ``03-5841-2345``; its translation gives ``03-5841-2354``:

        en/support/desk.md:12:9: error NM002 [contact-mismatch] EN gives the telephone
        number 03-5841-2354 where JA (support/desk.md:12) gives 03-5841-2345
    """

    CODE = "NM002"
    NAME = "contact-mismatch"
    SEVERITY = Severity.ERROR
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        if not (pair.ja.doc.readable and pair.en.doc.readable):
            return
        here: Lang = other_lang(ctx.site.source_lang)
        mine, theirs = _contacts(pair.side(here)), _contacts(pair.side(other_lang(here)))
        my_values = {(c.contact.kind, c.contact.value) for c in mine}
        their_values = {(c.contact.kind, c.contact.value) for c in theirs}
        reported: set[tuple[str, str]] = set()
        missing: list[_Placed] = []
        for placed in mine:
            key = (placed.contact.kind, placed.contact.value)
            if key in their_values or key in reported:
                continue
            near = [t for t in theirs if (t.contact.kind, t.contact.value) not in my_values]
            twin = _nearest(placed.contact, [t.contact for t in near])
            if twin is not None:
                reported.add(key)
                other = next(t for t in near if t.contact is twin)
                yield _differs(pair, here, placed, other)
        unmatched = [
            m.contact for m in mine if (m.contact.kind, m.contact.value) not in their_values
        ]
        for placed in theirs:
            key = (placed.contact.kind, placed.contact.value)
            if key in my_values or key in reported or pair.bilingual:
                continue
            if _nearest(placed.contact, unmatched) is None:
                reported.add(key)
                missing.append(placed)
        if missing:
            yield _missing(pair, here, missing)


@dataclass(frozen=True)
class _Placed:
    contact: Contact
    block: Block | None  # None: from a link
    line: int
    column: int


def _contacts(side: Side) -> list[_Placed]:
    found: list[_Placed] = []
    for block in side.blocks:  # code spans included: `info@example.ac.jp` is an address
        for contact in extract_contacts(block.text):
            if not _placeholder(contact):
                line, column = block.position(contact.start)
                found.append(_Placed(contact, block, line, column))
    wanted = {id(b) for b in side.blocks}
    for link in side.doc.links:
        if link.href.lower().startswith(("mailto:", "tel:")) and _link_in(side, link, wanted):
            address = link.href.split(":", 1)[1].split("?", 1)[0]
            for contact in extract_contacts(address):
                if not _placeholder(contact):
                    found.append(_Placed(contact, None, link.line, link.column))
    return found


def _link_in(side: Side, link: object, wanted: set[int]) -> bool:
    """On a bilingual page, a link counts for the side whose language it is written in."""
    return not side.doc.bilingual or getattr(link, "lang", None) == side.lang


_PLACEHOLDER_LOCAL = re.compile(r"^(?:x+|0123456789|1234567890|\d{10}|user|name|example|your.*)$")


def _placeholder(contact: Contact) -> bool:
    if contact.kind == "email":
        local, _, domain = contact.value.partition("@")
        return bool(_PLACEHOLDER_LOCAL.match(local)) or domain.startswith("example.")
    return len(set(contact.value)) <= 2 or contact.value in ("0123456789", "01234567890")


def _nearest(contact: Contact, others: list[Contact]) -> Contact | None:
    """The one contact of ``others`` near enough to be ``contact`` mistyped."""
    near = [o for o in others if o.kind == contact.kind and _near(contact.value, o.value, o.kind)]
    return near[0] if len(near) == 1 else None


def _near(one: str, other: str, kind: str) -> bool:
    if kind in ("phone", "postal"):
        if len(one) != len(other):
            return False
        return sum(a != b for a, b in zip(one, other, strict=True)) <= 2
    local, _, domain = one.partition("@")
    other_local, _, other_domain = other.partition("@")
    if domain == other_domain:
        return _edits(local, other_local) <= 3
    return local == other_local and _edits(domain, other_domain) <= 3


def _edits(one: str, other: str) -> int:
    """An upper bound of the edit distance, enough to tell a typo from another name."""
    matcher = difflib.SequenceMatcher(None, one, other)
    return max(len(one), len(other)) - sum(b.size for b in matcher.get_matching_blocks())


def _differs(pair: Pair, here: Lang, mine: _Placed, theirs: _Placed) -> Finding:
    there = other_lang(here)
    where = pair.side(there).doc.rel
    word = _KIND_WORD[mine.contact.kind]
    message = (
        f"{LANG_LABEL[here]} gives the {word} {mine.contact.text} where {LANG_LABEL[there]} "
        f"({where}:{theirs.line}) gives {theirs.contact.text}"
    )
    return Finding(
        pair.side(here).doc.path,
        mine.line,
        mine.column,
        message,
        related=(Related(pair.side(there).doc.path, theirs.line, f"the {LANG_LABEL[there]} text"),),
        fingerprint_text=f"{mine.contact.kind}:{mine.contact.value}:{theirs.contact.value}",
    )


def _missing(pair: Pair, here: Lang, theirs: list[_Placed]) -> Finding:
    """One warning per page, listing what the other language gives and this one lacks."""
    there = other_lang(here)
    side, other = pair.side(here), pair.side(there)
    listed = ", ".join(
        f"{_KIND_WORD[p.contact.kind]} {p.contact.text} (line {p.line})" for p in theirs
    )
    message = (
        f"{LANG_LABEL[there]} ({other.doc.rel}) gives contacts that {LANG_LABEL[here]} does "
        f"not: {listed}"
    )
    return Finding(
        side.doc.path,
        1,
        1,
        message,
        severity=Severity.WARNING,
        related=tuple(
            Related(other.doc.path, p.line, f"the {LANG_LABEL[there]} text") for p in theirs
        ),
        fingerprint_text="missing:" + ",".join(sorted(p.contact.value for p in theirs)),
    )
