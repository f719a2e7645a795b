"""The unit and counter table (``units.yaml``), loaded once: what each unit counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

__all__ = ["Unit", "Units", "units"]


@dataclass(frozen=True)
class Unit:
    """One way of writing a unit: ``人`` or ``participants`` or ``¥``."""

    written: str
    kind: str
    factor: float  # to the kind's base (durations: minutes)
    integer: bool  # whole things (people, yen, counts): "more than 300" is 301 and up


@dataclass(frozen=True)
class Units:
    ja: dict[str, Unit]
    en: dict[str, Unit]  # lower case, except the upper-case symbols (GB, JPY)
    en_before: dict[str, Unit]
    ja_pattern: str  # alternatives, longest first
    en_pattern: str
    en_before_pattern: str

    def ja_unit(self, written: str) -> Unit:
        return self.ja[written]

    def en_unit(self, written: str) -> Unit | None:
        return self.en.get(written) or self.en.get(written.lower())


_CONTINUOUS = frozenset({"duration", "size", "percentage"})


@cache
def units() -> Units:
    text = resources.files(__package__).joinpath("units.yaml").read_text(encoding="utf-8")
    table = yaml.safe_load(text)
    ja: dict[str, Unit] = {}
    en: dict[str, Unit] = {}
    before: dict[str, Unit] = {}
    for group, entries in table.items():
        integer = group not in _CONTINUOUS
        for entry in entries:
            factor = float(entry.get("factor", 1))
            kind = entry["kind"]
            for written in entry.get("ja", []):
                ja[written] = Unit(written, kind, factor, integer)
            for written in entry.get("en", []):
                key = written if written.isupper() or not written.isalpha() else written.lower()
                en[key] = Unit(written, kind, factor, integer)
            for written in entry.get("en_before", []):
                before[written] = Unit(written, kind, factor, integer)
    return Units(ja, en, before, _alternatives(ja), _alternatives(en), _alternatives(before))


def _alternatives(words: dict[str, Unit]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
