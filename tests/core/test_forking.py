"""run_forked: group 0 here, the others in forked children, results in order."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from taiyaku.errors import WorkerFailed
from taiyaku.run.forking import WorkQueue, can_fork, run_forked

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork() on this platform")


def test_results_come_back_in_group_order_and_group_0_runs_here() -> None:
    here = os.getpid()
    results = run_forked(lambda i: (i, os.getpid() == here), 3)
    assert results == [(0, True), (1, False), (2, False)]


def test_each_result_is_announced_once() -> None:
    seen: list[tuple[int, int]] = []
    run_forked(lambda i: i * 10, 3, lambda index, result: seen.append((index, result)))
    assert sorted(seen) == [(0, 0), (1, 10), (2, 20)]


def test_a_result_larger_than_a_pipe_buffer_arrives_whole() -> None:
    big = "対訳" * 500_000  # 3 MB of UTF-8, far beyond a 64 KB pipe buffer
    assert run_forked(lambda i: big if i else "", 2) == ["", big]


def _pipes_widen_to_1_mib() -> bool:
    try:
        limit = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    except (OSError, ValueError):  # not Linux
        return False
    return limit >= 1 << 20 or os.geteuid() == 0


@pytest.mark.skipif(not _pipes_widen_to_1_mib(), reason="pipes cannot grow to 1 MiB here")
def test_a_child_writes_a_result_that_fits_the_pipe_and_ends_without_waiting(
    tmp_path: Path,
) -> None:
    """A result of 300 KB (beyond a default pipe's 64 KiB, within the 1 MiB the pipe is
    widened to) is written at once: the child has ended before this process reads."""
    pid_file = tmp_path / "child.pid"
    result = "x" * 300_000

    def work(index: int) -> str | bool:
        if index == 1:
            pid_file.write_text(str(os.getpid()))
            return result
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if pid_file.exists() and pid_file.read_text():
                state = Path(f"/proc/{pid_file.read_text()}/stat").read_text()
                if state.rpartition(")")[2].split()[0] == "Z":  # ended, not yet collected
                    return True
            time.sleep(0.01)
        return False

    assert run_forked(work, 2) == [True, result]


def test_an_exception_in_a_child_is_reported_with_its_traceback() -> None:
    def work(index: int) -> int:
        if index == 1:
            raise ValueError("broken page model")
        return index

    with pytest.raises(WorkerFailed, match=r"(?s)worker 1 failed.*ValueError: broken page model"):
        run_forked(work, 2)


def test_a_child_that_dies_without_a_result_is_reported() -> None:
    def work(index: int) -> int:
        if index == 1:
            os._exit(3)
        return index

    with pytest.raises(WorkerFailed, match="worker 1 ended without a result"):
        run_forked(work, 2)


def test_an_error_here_stops_the_children_and_leaves_no_process_behind() -> None:
    def work(index: int) -> int:
        if index == 0:
            raise KeyboardInterrupt
        time.sleep(60)
        return index

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_forked(work, 3)
    assert time.monotonic() - started < 30  # the sleeping children were stopped
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # and reaped: this process has no child left


def test_a_single_group_forks_nothing() -> None:
    here = os.getpid()
    assert run_forked(lambda i: os.getpid() == here, 1) == [True]


def test_a_work_queue_hands_out_every_number_once_across_processes() -> None:
    queue = WorkQueue(300)

    def drain(_index: int) -> list[int]:
        taken = []
        while (number := queue.take()) is not None:
            taken.append(number)
            time.sleep(0.0005)  # let the other process take some
        return taken

    try:
        here, there = run_forked(drain, 2)
    finally:
        queue.close()
    assert sorted(here + there) == list(range(300))
    assert here and there  # both processes worked
    assert here == sorted(here) and there == sorted(there)  # each in queue order


def test_a_work_queue_larger_than_a_pipe_item_limit_travels_as_ranges() -> None:
    queue = WorkQueue(100_000)
    try:
        numbers = list(iter(queue.take, None))
    finally:
        queue.close()
    assert numbers == list(range(100_000))


def test_an_empty_work_queue_is_empty() -> None:
    queue = WorkQueue(0)
    try:
        assert queue.take() is None
    finally:
        queue.close()


def test_children_left_ending_after_their_results_are_collected_by_the_next_run() -> None:
    import taiyaku.run.forking as forking

    assert run_forked(lambda i: i, 3) == [0, 1, 2]
    # each child has ended, or is ending and listed to be collected
    run_forked(lambda i: i, 1)  # the next run collects what was left ending
    assert forking._ENDING == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child of this process is left, not even a zombie
