"""The TM rules on the sample site in content/: the real drift, and nothing else."""

from __future__ import annotations

from hours_pages import tm

from helpers import REPO, run_site

CONTENT = REPO / "content"


def test_the_sample_site_shows_the_spring_2025_weekend_hours_drift() -> None:
    """Seed 001: the English chat page states weekend hours (and the period of that
    temporary service) that the Japanese chat page does not. One TM001 warning for the
    hours; the dates of the note are one TM002 warning. Every other pair is clean,
    including the bilingual online-call page (seed 000), whose JA and EN hours agree."""
    assert tm(CONTENT) == [
        'en/support/chat.md:23:73 warning TM001 EN says "10:20 a.m.-4:35 p.m." '
        "(10:20–16:35 on weekends and holidays); JA (support/chat.md) states no such time",
        'en/support/chat.md:24:68 warning TM002 EN says "Saturday, March 15, 2025" '
        '(2025-03-15 Sat), "Sunday, April 20, 2025" (2025-04-20 Sun) and '
        '"Thursday, March 20" (03-20 Thu); JA (support/chat.md) states none of these dates',
    ]


def test_the_bilingual_online_call_page_is_compared_and_clean() -> None:
    """Its JA hours (平日8時25分から18時30分まで) and EN hours (8:25 a.m.-6:30 p.m. on
    weekdays (Mon-Fri)) are the same fact."""
    online_call = CONTENT / "support" / "online-call.md"
    assert run_site(CONTENT, [online_call], select=["TM"]).pairs == 1
    assert tm(CONTENT, paths=[online_call]) == []
