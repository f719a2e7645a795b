"""Greedy pairing of the facts of two languages, pass by pass, in hashed buckets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from taiyaku.knowledge.facts.model import DateFact, PeriodFact, TimeFact

A = TypeVar("A")
B = TypeVar("B")
_MAX_CLOSEST = 4096  # candidate pairs in one bucket beyond which closest-first gives way


class _Pairing(Generic[A, B]):
    """Greedy pairing of two fact lists; what is paired leaves the pool.

    Every pass takes a ``key`` that two facts must share to be paired (a value, a day):
    facts are bucketed by it, so a pass costs the size of the lists, not their product.
    """

    def __init__(self, ja: Sequence[A], en: Sequence[B]) -> None:
        self.ja = list(ja)
        self.en = list(en)
        self.ja_used = [False] * len(self.ja)
        self.en_used = [False] * len(self.en)

    def ja_left(self) -> list[A]:
        return [f for f, used in zip(self.ja, self.ja_used, strict=True) if not used]

    def en_left(self) -> list[B]:
        return [f for f, used in zip(self.en, self.en_used, strict=True) if not used]

    def _take(self, i: int, j: int) -> tuple[A, B]:
        self.ja_used[i] = self.en_used[j] = True
        return self.ja[i], self.en[j]

    def _buckets(self, key: Callable[[B], object]) -> dict[object, list[int]]:
        buckets: dict[object, list[int]] = {}
        for j, b in enumerate(self.en):
            if not self.en_used[j]:
                buckets.setdefault(key(b), []).append(j)
        return buckets

    def pair_in_order(
        self, accept: Callable[[A, B], bool], key: Callable[[Any], object]
    ) -> list[tuple[A, B]]:
        """Pair each JA fact with the first free EN fact of its key that it accepts."""
        buckets = self._buckets(key)
        pairs = []
        for i, a in enumerate(self.ja):
            if self.ja_used[i]:
                continue
            bucket = buckets.get(key(a))
            if not bucket:
                continue
            for position, j in enumerate(bucket):
                if accept(a, self.en[j]):
                    pairs.append(self._take(i, j))
                    del bucket[position]
                    break
        return pairs

    def pair_closest(
        self,
        accept: Callable[[A, B], bool],
        distance: Callable[[A, B], int],
        key: Callable[[Any], object],
    ) -> list[tuple[A, B]]:
        """Pair accepted candidates of the same key, closest first (ties in text order).

        A bucket with more candidate pairs than a page plausibly holds is paired in text
        order instead, so that a pathological page costs linear time.
        """
        ja_buckets: dict[object, list[int]] = {}
        for i, a in enumerate(self.ja):
            if not self.ja_used[i]:
                ja_buckets.setdefault(key(a), []).append(i)
        pairs = []
        for bucket_key, en_bucket in self._buckets(key).items():
            ja_bucket = ja_buckets.get(bucket_key, [])
            if len(ja_bucket) * len(en_bucket) > _MAX_CLOSEST:
                pairs += self._in_order(ja_bucket, en_bucket, accept)
                continue
            candidates = [
                (distance(self.ja[i], self.en[j]), (i, j))
                for i in ja_bucket
                for j in en_bucket
                if accept(self.ja[i], self.en[j])
            ]
            candidates.sort()
            for _distance, (i, j) in candidates:
                if not self.ja_used[i] and not self.en_used[j]:
                    pairs.append(self._take(i, j))
        return pairs

    def _in_order(
        self, ja: list[int], en: list[int], accept: Callable[[A, B], bool]
    ) -> list[tuple[A, B]]:
        pairs = []
        free = list(en)
        for i in ja:
            for position, j in enumerate(free):
                if accept(self.ja[i], self.en[j]):
                    pairs.append(self._take(i, j))
                    del free[position]
                    break
        return pairs


F = TypeVar("F", TimeFact, DateFact, PeriodFact)


class SectionPairing(Generic[F]):
    """:class:`_Pairing` over a whole page whose facts know their section.

    Facts are paired as ``(section, fact)`` items so that a pass can accept only pairs
    from one section (``*_within``) or from anywhere on the page (``*_across``).
    Facts are held by position, never compared by value, so identical facts in two
    blocks stay distinct.
    """

    def __init__(
        self, sections: Sequence[tuple[Sequence[F], Sequence[F]]], key: Callable[[F], object]
    ) -> None:
        ja = [(s, f) for s, (facts, _) in enumerate(sections) for f in facts]
        en = [(s, f) for s, (_, facts) in enumerate(sections) for f in facts]
        self.pairing: _Pairing[tuple[int, F], tuple[int, F]] = _Pairing(ja, en)
        self.key = key

    def pair_within(self, accept: Callable[[F, F], bool]) -> list[tuple[F, F]]:
        pairs = self.pairing.pair_in_order(
            lambda a, b: accept(a[1], b[1]), lambda item: (item[0], self.key(item[1]))
        )
        return _unwrap(pairs)

    def pair_across(self, accept: Callable[[F, F], bool]) -> list[tuple[F, F]]:
        pairs = self.pairing.pair_in_order(
            lambda a, b: accept(a[1], b[1]), lambda item: self.key(item[1])
        )
        return _unwrap(pairs)

    def pair_closest_within(
        self,
        accept: Callable[[F, F], bool],
        distance: Callable[[F, F], int],
        key: Callable[[F], object],
    ) -> list[tuple[F, F]]:
        pairs = self.pairing.pair_closest(
            lambda a, b: accept(a[1], b[1]),
            lambda a, b: distance(a[1], b[1]),
            lambda item: (item[0], key(item[1])),
        )
        return _unwrap(pairs)

    def pair_statements(
        self,
        statements: Sequence[tuple[Sequence[F], Sequence[F]]],
        accept: Callable[[F, F], bool],
        *,
        one_each: bool = True,
    ) -> list[tuple[F, F]]:
        """Pair facts of the two sides of each statement (blocks known to say the same
        thing) that ``accept`` takes, in text order.  ``one_each``: only where each side
        of the statement states exactly one fact."""
        ja_index = {id(f): i for i, (_, f) in enumerate(self.pairing.ja)}
        en_index = {id(f): j for j, (_, f) in enumerate(self.pairing.en)}
        pairs = []
        for ja_facts, en_facts in statements:
            if one_each and (len(ja_facts) != 1 or len(en_facts) != 1):
                continue
            for a in ja_facts:
                i = ja_index.get(id(a))
                if i is None or self.pairing.ja_used[i]:
                    continue
                for b in en_facts:
                    j = en_index.get(id(b))
                    if j is None or self.pairing.en_used[j] or not accept(a, b):
                        continue
                    self.pairing._take(i, j)
                    pairs.append((a, b))
                    break
        return pairs

    def ja_left(self) -> list[F]:
        return [f for _, f in self.pairing.ja_left()]

    def en_left(self) -> list[F]:
        return [f for _, f in self.pairing.en_left()]


def _unwrap(pairs: list[tuple[tuple[int, F], tuple[int, F]]]) -> list[tuple[F, F]]:
    return [(a, b) for (_, a), (_, b) in pairs]
