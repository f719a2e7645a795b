"""The shape of the date/time notation tables (issue #16), not the extractors' answers.

``date_notations.yaml`` and ``date_pairs.yaml`` are read by parametrized tests of the
extractors; this module checks that every row is well formed before those tests rely on it:
the fields and their values, fact strings in the exact form ``TimeFact.describe()`` prints,
dates that exist, weekdays that agree with the calendar (unless a row says otherwise), quotes
of impossible dates and times that occur in the text, and no two rows that could contradict
each other.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from taiyaku.knowledge.facts.calendar import WEEKDAY_ABBR
from taiyaku.knowledge.facts.model import day_label, format_minutes

DATA = Path(__file__).resolve().parent
NOTATIONS = DATA / "date_notations.yaml"
PAIRS = DATA / "date_pairs.yaml"

ROW_KEYS = {"text", "lang", "facts", "note", "cell", "date-order"}
GROUP_KEYS = {"fact", "ja", "en", "date-order", "note"}
LANGS = {"ja", "en"}
DATE_ORDERS = {"mdy", "dmy"}
WRONG_WEEKDAY_NOTE = "wrong weekday on purpose"

_DATE = re.compile(r"date (?:(?P<year>\d{4})-)?(?P<month>\d{2})-(?P<day>\d{2})(?: (?P<wd>\w{3}))?")
_PERIOD = re.compile(r"period (?:(?:start|early|mid|late|end) (?:\d{4}-)?(?P<month>\d{2})|FY\d{4})")
_CLOCK = r"\d{1,2}:\d{2}(?: \(next day\))?"
_TIME = re.compile(
    rf"time (?P<when>all day|(?P<start>{_CLOCK})(?:–(?P<end>{_CLOCK}))?)(?P<days> .+)?"
)
_INVALID = re.compile(r"invalid-(?:date|time) (?P<quote>\S.*)")
# An English all-numeric month/day (4/8, 04/08/2025, 15.04.2025, 04-15-2025), not one that
# starts with a four-digit year (2025/4/15 is always year/month/day) and not a day range
# after a month name (May 11-12).
_NUMERIC_MD = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}/\d{1,2}(?!\d)|\d{1,2}([.-])\d{1,2}\1\d{2,4}(?!\d))"
)


def _load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name}: the top level must be a list"
    assert all(isinstance(item, dict) for item in data), f"{path.name}: every item is a mapping"
    return data


@cache
def notation_rows() -> list[dict[str, Any]]:
    return _load(NOTATIONS)


@cache
def pair_groups() -> list[dict[str, Any]]:
    return _load(PAIRS)


@cache
def day_labels() -> frozenset[str]:
    """Every days suffix ``TimeFact.describe()`` can print (`` on weekdays``, `` every day``)."""
    labels = set()
    for mask in range(1, 1 << 7):
        weekdays = frozenset(d for d in range(7) if mask >> d & 1)
        labels.update(day_label(weekdays, flag) for flag in (None, True, False))
    labels.add(day_label(frozenset(), True))
    return frozenset(f" {x}" if x.startswith("every") else f" on {x}" for x in labels)


def _minutes(clock: str) -> int:
    next_day = clock.endswith(" (next day)")
    hour, minute = (int(part) for part in clock.removesuffix(" (next day)").split(":"))
    return hour * 60 + minute + (1440 if next_day else 0)


def date_problem(fact: str) -> str | None:
    match = _DATE.fullmatch(fact)
    if match is None:
        return "not 'date [YYYY-]MM-DD [Www]'"
    year = int(match["year"]) if match["year"] else 2000  # 2000 is a leap year
    try:
        datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        return "no such date (write it as invalid-date)"
    if match["wd"] is not None and match["wd"] not in WEEKDAY_ABBR:
        return f"weekday {match['wd']!r} is not one of {WEEKDAY_ABBR}"
    return None


def weekday_disagreement(fact: object) -> str | None:
    """For a well-formed date fact with a year and a weekday: the calendar's weekday when
    the stated one differs from it, else None."""
    match = _DATE.fullmatch(fact) if isinstance(fact, str) else None
    if match is None or not match["year"] or not match["wd"] or date_problem(fact):
        return None
    date = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    actual = WEEKDAY_ABBR[date.weekday()]
    return None if actual == match["wd"] else f"{fact!r}: {date} is a {actual}"


def time_problem(fact: str) -> str | None:
    match = _TIME.fullmatch(fact)
    if match is None:
        return "not 'time H:MM[–H:MM] [days]' or 'time all day [days]'"
    if match["days"] is not None and match["days"] not in day_labels():
        return f"days {match['days'].strip()!r} are not as TimeFact.describe() prints them"
    if match["when"] == "all day":
        return None
    clocks = [c for c in (match["start"], match["end"]) if c is not None]
    values = [_minutes(c) for c in clocks]
    if any(format_minutes(v) != c for v, c in zip(values, clocks, strict=True)):
        return "a clock value is not as format_minutes() prints it (H:MM, 0-23, or 24:00)"
    if len(values) == 2 and values[1] <= values[0]:
        return "a range must end after it starts (mark an overnight end '(next day)')"
    if values[0] >= 1440 and len(values) == 2:
        return "a range cannot start at 24:00 or later"
    return None


def fact_problem(fact: object) -> str | None:
    """Why ``fact`` is not a well-formed fact string, or None."""
    if not isinstance(fact, str):
        return "not a string"
    kind = fact.split(" ", 1)[0]
    if kind == "date":
        return date_problem(fact)
    if kind == "time":
        return time_problem(fact)
    if kind == "period":
        match = _PERIOD.fullmatch(fact)
        if match is None:
            return "not 'period <start|early|mid|late|end> [YYYY-]MM' or 'period FY<YYYY>'"
        if match["month"] is not None and not 1 <= int(match["month"]) <= 12:
            return "no such month"
        return None
    if kind in {"invalid-date", "invalid-time"}:
        return None if _INVALID.fullmatch(fact) else "an invalid fact quotes the text"
    return f"unknown fact kind {kind!r}"


def _row_id(row: dict[str, Any]) -> str:
    extra = "".join(f" [{k}={row[k]}]" for k in ("date-order", "cell") if k in row)
    return f"{row.get('lang')}: {row.get('text')!r}{extra}"


def row_problems(row: dict[str, Any]) -> Iterator[str]:
    unknown = set(row) - ROW_KEYS
    if unknown:
        yield f"unknown fields {sorted(unknown)}"
    missing = {"text", "lang", "facts"} - set(row)
    if missing:
        yield f"missing fields {sorted(missing)}"
        return
    text, facts = row["text"], row["facts"]
    if not isinstance(text, str) or not text.strip():
        yield "text must be a non-empty string"
        return
    if row["lang"] not in LANGS:
        yield f"lang must be one of {sorted(LANGS)}"
    if "note" in row and (not isinstance(row["note"], str) or not row["note"].strip()):
        yield "note must be a non-empty string"
    if "cell" in row and row["cell"] is not True:
        yield "cell is written only as 'cell: true'"
    if "date-order" in row and row["date-order"] not in DATE_ORDERS:
        yield f"date-order must be one of {sorted(DATE_ORDERS)}"
    if not isinstance(facts, list):
        yield "facts must be a list ([] for none)"
        return
    yield from _facts_problems(row, text, facts)


def _facts_problems(row: dict[str, Any], text: str, facts: list[Any]) -> Iterator[str]:
    for fact in facts:
        problem = fact_problem(fact)
        if problem is not None:
            yield f"{fact!r}: {problem}"
        invalid = _INVALID.fullmatch(fact) if isinstance(fact, str) else None
        if invalid is not None and invalid["quote"] not in text:
            yield f"{fact!r}: the quote does not occur in the text"
    wrong = [w for w in map(weekday_disagreement, facts) if w is not None]
    on_purpose = str(row.get("note", "")).startswith(WRONG_WEEKDAY_NOTE)
    if wrong and not on_purpose:
        yield f"{wrong}: a wrong weekday needs a note starting {WRONG_WEEKDAY_NOTE!r}"
    if on_purpose and not wrong:
        yield f"the note says {WRONG_WEEKDAY_NOTE!r} but every weekday agrees with its date"
    if not facts and "note" not in row:
        yield "a row without facts says why in a note"
    has_date = any(isinstance(f, str) and f.startswith(("date ", "invalid-date ")) for f in facts)
    if row["lang"] == "en" and has_date and _NUMERIC_MD.search(text) and "date-order" not in row:
        yield "an English all-numeric date needs a date-order (the site's order decides it)"


ROWS = notation_rows()


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(r) for r in ROWS])
def test_a_notation_row_is_well_formed(row: dict[str, Any]) -> None:
    assert list(row_problems(row)) == []


def _key(row: dict[str, Any]) -> tuple[str, str, str | None, bool]:
    return (row["text"], row["lang"], row.get("date-order"), bool(row.get("cell")))


def test_no_two_notation_rows_share_text_language_order_and_cell() -> None:
    seen: dict[tuple[str, str, str | None, bool], int] = {}
    repeated = []
    for index, row in enumerate(ROWS):
        if _key(row) in seen:
            repeated.append(f"rows {seen[_key(row)]} and {index}: {_row_id(row)}")
        seen.setdefault(_key(row), index)
    assert repeated == []


def test_a_japanese_row_reads_the_same_whatever_the_date_order() -> None:
    """Japanese is month/day: a ja row with a date-order has a twin without one, same facts."""
    plain = {_key(r): r["facts"] for r in ROWS if "date-order" not in r}
    differing = []
    for row in ROWS:
        if row["lang"] == "ja" and "date-order" in row:
            twin = plain.get((row["text"], "ja", None, bool(row.get("cell"))))
            if twin != row["facts"]:
                differing.append(_row_id(row))
    assert differing == []


def test_the_two_readings_of_an_english_row_differ() -> None:
    """An mdy/dmy pair exists because the order changes the reading; the same facts under
    both orders would mean the row needs no date-order at all (or one twin is wrong)."""
    by_order: dict[tuple[str, bool], dict[str, list[str]]] = {}
    for row in ROWS:
        if row["lang"] == "en" and "date-order" in row:
            readings = by_order.setdefault((row["text"], bool(row.get("cell"))), {})
            readings[row["date-order"]] = row["facts"]
    same = [
        text
        for (text, _), readings in by_order.items()
        if len(readings) == 2 and readings["mdy"] == readings["dmy"] and readings["mdy"]
    ]
    assert same == []


def test_the_table_covers_both_languages_and_no_fact_rows() -> None:
    langs = [row["lang"] for row in ROWS]
    assert len(ROWS) >= 300
    assert min(langs.count("ja"), langs.count("en")) >= 100
    assert sum(1 for row in ROWS if not row["facts"]) >= 50
    kinds = {f.split(" ", 1)[0] for row in ROWS for f in row["facts"]}
    assert kinds == {"date", "time", "period", "invalid-date", "invalid-time"}


GROUPS = pair_groups()


def group_problems(group: dict[str, Any]) -> Iterator[str]:
    unknown = set(group) - GROUP_KEYS
    if unknown:
        yield f"unknown fields {sorted(unknown)}"
    fact = group.get("fact")
    problem = fact_problem(fact)
    if problem is not None:
        yield f"fact {fact!r}: {problem}"
    elif str(fact).startswith("invalid-"):
        yield "a group states a real date, time or period"
    elif weekday_disagreement(fact) is not None:
        yield f"{weekday_disagreement(fact)}: a group's weekday agrees with the calendar"
    if "date-order" in group and group["date-order"] not in DATE_ORDERS:
        yield f"date-order must be one of {sorted(DATE_ORDERS)}"
    for lang in sorted(LANGS):
        notations = group.get(lang)
        if not isinstance(notations, list) or not notations:
            yield f"{lang} must be a non-empty list"
            continue
        if not all(isinstance(n, str) and n.strip() for n in notations):
            yield f"{lang}: every notation is a non-empty string"
        elif len(set(notations)) != len(notations):
            yield f"{lang}: a notation is listed twice"
    english = group.get("en") if isinstance(group.get("en"), list) else []
    numeric = [n for n in english if isinstance(n, str) and _NUMERIC_MD.search(n)]
    if numeric and str(fact).startswith("date ") and "date-order" not in group:
        yield f"all-numeric English dates {numeric} need the group's date-order"


@pytest.mark.parametrize("group", GROUPS, ids=[str(g.get("fact")) for g in GROUPS])
def test_a_pair_group_is_well_formed(group: dict[str, Any]) -> None:
    assert list(group_problems(group)) == []


def test_a_notation_belongs_to_one_fact() -> None:
    """The same text in two groups (with the same date order) would state two facts."""
    owners: dict[tuple[str, str, str | None], set[str]] = {}
    for group in GROUPS:
        for lang in sorted(LANGS):
            for notation in group.get(lang) or []:
                key = (lang, notation, group.get("date-order"))
                owners.setdefault(key, set()).add(group["fact"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_there_are_enough_pair_groups_of_each_kind() -> None:
    assert len(GROUPS) >= 40
    kinds = [str(g.get("fact")).split(" ", 1)[0] for g in GROUPS]
    assert min(kinds.count("date"), kinds.count("time"), kinds.count("period")) >= 5


@pytest.mark.parametrize(
    ("fact", "problem"),
    [
        ("date 2025-04-08 Tue", None),
        ("date 04-31", "no such date (write it as invalid-date)"),
        ("date 2025-4-8", "not 'date [YYYY-]MM-DD [Www]'"),
        ("time 9:00–17:00 on weekdays", None),
        ("time 9:00-17:00", "not 'time H:MM[–H:MM] [days]' or 'time all day [days]'"),
        (
            "time 9:00–17:00 on Mon–Fri",
            "days 'on Mon–Fri' are not as TimeFact.describe() prints them",
        ),
        (
            "time 22:00–5:00",
            "a range must end after it starts (mark an overnight end '(next day)')",
        ),
        ("time 22:00–5:00 (next day)", None),
        ("time 09:00", "a clock value is not as format_minutes() prints it (H:MM, 0-23, or 24:00)"),
        ("time 18:00–24:00", None),
        ("time all day every day", None),
        ("period end 2021-05", None),
        ("period FY2025", None),
        ("period late 13", "no such month"),
        ("fiscal 2025", "unknown fact kind 'fiscal'"),
    ],
)
def test_the_fact_grammar_accepts_and_refuses(fact: str, problem: str | None) -> None:
    """The checker itself: a malformed fact string is caught, a good one passes."""
    assert fact_problem(fact) == problem


@pytest.mark.parametrize(
    ("fact", "disagreement"),
    [
        ("date 2025-04-08 Tue", None),
        ("date 2025-04-08 Wed", "'date 2025-04-08 Wed': 2025-04-08 is a Tue"),
        ("date 04-08 Wed", None),
        ("date 2025-04-08", None),
    ],
)
def test_the_weekday_check_compares_with_the_calendar(fact: str, disagreement: str | None) -> None:
    assert weekday_disagreement(fact) == disagreement
