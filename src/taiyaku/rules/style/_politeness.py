"""The politeness of Japanese sentences, read from their final auxiliary verbs (JA004).

A sentence ends at 。．！？!? outside brackets and quotation marks, or at the end of its
block.  Its *ending* is found by walking back from its end over punctuation, symbols,
sentence-final particles (ね, よ, か) and whole bracketed or quoted parts (a closing
（…） or 「…」 is an aside, not the predicate), then collecting the auxiliary verbs
(助動詞) there, and ある after だ's て-form で (である):

* **polite** (です・ます): one of them is です or ます (です, でした, でしょう, ます, ました,
  ません, であります);
* **plain** (だ・である): none is, one is だ, and the last is a final form: だ, だった,
  だろう, である, であった, であろう (で alone, cut off before a line break, is none);
* otherwise the sentence says nothing of its style: a verb or adjective ending
  (〜できる, 〜ない), a noun phrase (体言止め), 〜てください.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from taiyaku.parse.analyzer import Features
    from taiyaku.rules.style._text import Prose

__all__ = ["Ending", "Style", "ending_span", "may_be_plain", "sentence_endings"]

Style = Literal["polite", "plain"]

_OPENING = frozenset("「『（([［【〔〈《“‘")
_CLOSING = frozenset("」』）)]］】〕〉》”’")
_ENDS = frozenset("。．！？!?")
_PASSED = ("補助記号", "記号", "空白", "助詞-終助詞")
_POLITE = frozenset({"です", "ます"})
_PLAIN_LAST = frozenset({"だ", "た", "う", "ある", "だろう", "であろう"})
# How だ is written where it may end a sentence (で, before ある, is looked for in the text).
_PLAIN_FORMS = frozenset({"だ", "だっ", "だろ", "だろう"})


@dataclass(frozen=True)
class Ending:
    """The auxiliary verbs that end a sentence (morphemes ``first`` to ``last`` of its
    Prose), and the sentence's style."""

    style: Style
    first: int
    last: int
    text: str


def may_be_plain(prose: Prose) -> bool:
    """Whether a sentence of ``prose`` can end plain: only where だ (だ, だっ, だろ,
    だろう) or で followed by ある is written (a quick look, before reading sentences)."""
    surfaces = prose.morphemes.words()[0]
    return "であ" in prose.text or not _PLAIN_FORMS.isdisjoint(surfaces)  # (one pass)


def sentence_endings(prose: Prose) -> Iterator[Ending]:
    """The ending of every sentence of ``prose`` whose style its auxiliaries tell
    (whether it is in prose is for :func:`ending_span` to say)."""
    surfaces, features = prose.morphemes.words()
    depth, sentence_start = 0, 0
    for i, surface in enumerate(surfaces):
        if surface in _OPENING:
            depth += 1
        elif surface in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and surface in _ENDS:
            found = _ending(surfaces, features, sentence_start, i)
            if found is not None:
                yield found
            sentence_start = i + 1
    if sentence_start < len(surfaces):
        found = _ending(surfaces, features, sentence_start, len(surfaces))
        if found is not None:
            yield found


def ending_span(prose: Prose, ending: Ending, offsets: list[int]) -> tuple[int, int] | None:
    """Where ``ending`` is in ``prose.text`` (``offsets``: where its morphemes start),
    or None when it lies in code, a URL or an English run."""
    surfaces, _features = prose.morphemes.words()
    start = offsets[ending.first]
    end = offsets[ending.last] + len(surfaces[ending.last])
    return (start, end) if prose.is_prose(start, end) else None


def _ending(surfaces: list[str], features: list[Features], first: int, stop: int) -> Ending | None:
    """The ending of the sentence ``surfaces[first:stop]`` (``stop`` excluded)."""
    i = _last_word(surfaces, features, first, stop)
    chain: list[int] = []
    while i >= first:
        f = features[i]
        if f.pos == "助動詞" or (f.lemma == "有る" and _is_de(features, i - 1)):
            chain.append(i)
            i -= 1
            continue
        break
    if not chain:
        return None
    chain.reverse()
    style = _style([features[j] for j in chain], surfaces[chain[-1]])
    if style is None:
        return None
    return Ending(style, chain[0], chain[-1], "".join(surfaces[j] for j in chain))


def _last_word(surfaces: list[str], features: list[Features], first: int, stop: int) -> int:
    """The index of the sentence's last word: punctuation, final particles and a closing
    bracketed or quoted part passed over (``first - 1`` when there is none)."""
    i = stop - 1
    while i >= first:
        if surfaces[i] in _CLOSING:
            i = _opening_of(surfaces, first, i) - 1
        elif features[i].pos.startswith(_PASSED) or not surfaces[i].strip():
            i -= 1
        else:
            break
    return i


def _opening_of(surfaces: list[str], first: int, closing: int) -> int:
    depth = 0
    for i in range(closing, first - 1, -1):
        if surfaces[i] in _CLOSING:
            depth += 1
        elif surfaces[i] in _OPENING:
            depth -= 1
            if depth == 0:
                return i
    return first


def _is_de(features: list[Features], i: int) -> bool:
    return i >= 0 and features[i].pos == "助動詞" and features[i].lemma == "だ"


def _style(chain: list[Features], last_surface: str) -> Style | None:
    lemmas = {f.lemma for f in chain}
    if lemmas & _POLITE:
        return "polite"
    if "だ" in lemmas and last_surface in _PLAIN_LAST:
        return "plain"
    return None
