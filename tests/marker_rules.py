"""Two rules for tests only, which report where the page says so.

A suppression or baseline test needs findings on chosen lines; these rules put one on
every line containing a marker word, like pylint's functional tests mark expected hits:

* ``ZZ001 fixme-marker`` (page rule, error): each line containing ``FIXME``, with the
  rest of the line as message (``FIXME two`` → ``FIXME: two``);
* ``ZZ002 pair-marker`` (pair rule, warning): each line of the English page containing
  ``MISMATCH``, with the Japanese page as related location.

``install(monkeypatch)`` adds them to the rule registry for one test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import taiyaku.rules.registry as registry
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.parse.document import Document
from taiyaku.rules.base import PageRule, PairRule, Rule
from taiyaku.rules.context import Context, Pair


class FixmeMarker(PageRule):
    """Test rule: a line says FIXME.

    ## What it does
    Reports every line containing ``FIXME``.

    ## Why is this bad?
    It is a test rule.

    ## Example

        FIXME
    """

    CODE = "ZZ001"
    NAME = "fixme-marker"
    SEVERITY = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for number, text in enumerate(doc.lines, start=1):
            column = text.find("FIXME")
            if column >= 0:
                yield Finding(
                    doc.path,
                    number,
                    column + 1,
                    f"FIXME: {text[column + 5 :].strip()}",
                    end_line=number,
                    end_column=column + 6,
                )


class PairMarker(PairRule):
    """Test rule: the English page says MISMATCH.

    ## What it does
    Reports every line of the English page containing ``MISMATCH``.

    ## Why is this bad?
    It is a test rule.

    ## Example

        MISMATCH
    """

    CODE = "ZZ002"
    NAME = "pair-marker"
    SEVERITY = Severity.WARNING

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        for number, text in enumerate(pair.en.doc.lines, start=1):
            if "MISMATCH" in text:
                yield Finding(
                    pair.en.path,
                    number,
                    1,
                    "EN says MISMATCH, JA does not",
                    related=(Related(pair.ja.path, 1, "the Japanese page"),),
                )


MARKER_RULES: tuple[type[Rule], ...] = (FixmeMarker, PairMarker)


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tuple(sorted({*registry.all_rules(), *MARKER_RULES}, key=lambda r: r.CODE))
    monkeypatch.setattr(registry, "all_rules", lambda: rules)
