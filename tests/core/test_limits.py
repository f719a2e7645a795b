"""PageAlarm: the per-page time limit, one signal handler for a stretch of pages."""

from __future__ import annotations

import signal
import time

import pytest

from taiyaku.errors import PageTimeout
from taiyaku.run.limits import PageAlarm, time_limit

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_work_past_the_limit_is_stopped_and_the_next_page_gets_its_own_budget() -> None:
    with PageAlarm(0.05) as alarm:
        with pytest.raises(PageTimeout), alarm.limit():
            _spin(2)
        with alarm.limit():  # a page within its budget runs to its end
            _spin(0.01)


def test_an_alarm_outside_a_page_is_ignored() -> None:
    with PageAlarm(5) as alarm:
        with alarm.limit():
            pass
        signal.setitimer(signal.ITIMER_REAL, 0.01)  # as a race at a block's end would
        _spin(0.1)  # no PageTimeout here


def test_the_previous_handler_is_restored() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with PageAlarm(5) as alarm, alarm.limit():
        assert signal.getsignal(signal.SIGALRM) != before
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_limit_when_seconds_is_zero() -> None:
    with time_limit(0):
        _spin(0.01)


def test_time_limit_alone() -> None:
    with pytest.raises(PageTimeout), time_limit(0.05):
        _spin(2)


def test_entered_again_it_keeps_its_handler_until_the_outermost_exit() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with PageAlarm(0.05) as alarm:
        with alarm:
            pass
        with pytest.raises(PageTimeout), alarm.limit():  # still armed after the inner exit
            _spin(2)
    assert signal.getsignal(signal.SIGALRM) == before
