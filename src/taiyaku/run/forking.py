"""Run one function over a few work groups in forked processes, this one included.

``multiprocessing.Pool`` costs tens of milliseconds to start and shut down, which is a
tenth of a whole check of a 100-page site.  A check needs much less: ``n`` groups known
in advance, ``fork()`` (so the children share the parent's loaded dictionary and parsed
site), one result back from each child, and this process working on a group of its own
meanwhile instead of waiting.

Results travel back pickled through a pipe; they are the tool's own findings, produced
by the child of this very process, never data read from disk.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import selectors
import signal
import struct
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from taiyaku.errors import WorkerFailed

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows, where nothing forks
    fcntl = None  # type: ignore[assignment]

__all__ = ["WorkQueue", "WorkerFailed", "can_fork", "run_forked"]


@dataclass
class _Child:
    index: int
    pid: int
    fd: int
    data: bytearray


def can_fork() -> bool:
    return hasattr(os, "fork")


def run_forked(
    func: Callable[[int], Any],
    count: int,
    on_result: Callable[[int, Any], None] | None = None,
    on_tick: Callable[[], None] | None = None,
) -> list[Any]:
    """``[func(0), …, func(count - 1)]``: ``func(0)`` here, the others in forked children.

    ``on_result(index, result)`` is called as each result arrives, and ``on_tick()``
    every fifth of a second while this process waits for the children (for progress).
    A child that raises or dies makes this raise :class:`WorkerFailed` after every child
    has ended; an exception here (KeyboardInterrupt included) stops the children first.
    """
    _reap_ended()
    children = [_spawn(func, index) for index in range(1, count)]
    try:
        results: list[Any] = [None] * count
        results[0] = func(0)
        if on_result is not None:
            on_result(0, results[0])
        for child in _drain(children, on_tick):
            results[child.index] = _result_of(child)
            if on_result is not None:
                on_result(child.index, results[child.index])
        return results
    finally:
        _reap(children)


def _spawn(func: Callable[[int], Any], index: int) -> _Child:
    read_fd, write_fd = os.pipe()
    _widen(write_fd)
    pid = os.fork()
    if pid == 0:  # the child: never return into the caller's stack
        os.close(read_fd)
        _default_signals()
        status = 0
        try:
            payload = pickle.dumps(("ok", func(index)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            status = 1
            payload = pickle.dumps(("error", traceback.format_exc()))
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(status)
    os.close(write_fd)
    return _Child(index, pid, read_fd, bytearray())


def _widen(fd: int) -> None:
    """Let the pipe hold a whole result (up to 1 MiB, Linux): the child then writes it
    at once and ends, instead of waiting for this process to read each 64 KiB while it
    finishes its own work.  Where the system refuses, the pipe stays as it is."""
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):  # (F_SETPIPE_SZ: Linux only)
        return
    with contextlib.suppress(OSError):  # over the user's limit (EPERM)
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


_PIPE_BYTES = 1 << 20  # the default /proc/sys/fs/pipe-max-size


def _default_signals() -> None:
    """In a child: SIGTERM and SIGHUP end it at once (the parent stops its children with
    SIGTERM), and SIGINT, which a terminal sends to the whole process group, is left to
    the parent, which stops the children itself."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _drain(children: list[_Child], on_tick: Callable[[], None] | None = None):  # type: ignore[no-untyped-def]
    """Read every child's pipe to its end, at the same time (a child blocks when its
    pipe is full); yield each child when its result is complete."""
    with selectors.DefaultSelector() as selector:
        for child in children:
            selector.register(child.fd, selectors.EVENT_READ, child)
        open_pipes = len(children)
        while open_pipes:
            ready = selector.select(timeout=0.2 if on_tick is not None else None)
            if not ready and on_tick is not None:
                on_tick()
            for key, _events in ready:
                child: _Child = key.data
                chunk = os.read(child.fd, 1 << 20)
                if chunk:
                    child.data += chunk
                    continue
                selector.unregister(child.fd)
                os.close(child.fd)
                child.fd = -1
                open_pipes -= 1
                yield child


def _result_of(child: _Child) -> Any:
    if not child.data:
        raise WorkerFailed(f"worker {child.index} ended without a result")
    kind, value = pickle.loads(bytes(child.data))
    if kind != "ok":
        raise WorkerFailed(f"worker {child.index} failed:\n{value}")
    return value


def _reap(children: list[_Child]) -> None:
    """Wait for every child; stop those still running (after an error here).

    A child whose result has arrived whole is only ending: the kernel takes a few
    milliseconds to tear down a large process, which this process need not wait for.
    Such a child is collected now if it has ended, else by the next :func:`run_forked`
    or when this process exits (:func:`_reap_ended`); until then it is a zombie, a
    process-table entry that holds no memory."""
    for child in children:
        if child.fd >= 0:
            os.close(child.fd)
            child.fd = -1
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM)
        elif child.data:  # its whole result arrived: it is ending on its own
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(child.pid, os.WNOHANG) == (0, 0):
                    _ENDING.append(child.pid)
            continue
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child.pid, 0)


#: Children whose results arrived and that were still ending when their run finished.
_ENDING: list[int] = []


def _reap_ended() -> None:
    """Collect the children left ending by earlier runs (they have ended by now)."""
    while _ENDING:
        pid = _ENDING.pop()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


atexit.register(_reap_ended)


class WorkQueue:
    """The numbers ``0 … count - 1`` handed out, in order, to whichever process asks
    next: made before ``fork()``, shared by the children (a pipe, so no lock is needed:
    the kernel serialises reads, and each read takes one whole fixed-size item).

    When there are more numbers than a pipe holds, consecutive ones travel as ranges.
    """

    _ITEM = struct.Struct("=II")  # a range: start, stop
    # 4,096 bytes (PIPE_BUF): one write that a pipe always takes whole, even one that the
    # kernel shrank to a single page, so writing before any reader exists cannot block.
    _MAX_ITEMS = 512

    def __init__(self, count: int) -> None:
        step = max(1, -(-count // self._MAX_ITEMS))
        payload = b"".join(
            self._ITEM.pack(start, min(start + step, count)) for start in range(0, count, step)
        )
        self._read_fd, write_fd = os.pipe()
        try:
            written = os.write(write_fd, payload)
            assert written == len(payload)
        finally:
            os.close(write_fd)  # so that an empty queue reads as the end
        self._pending: list[int] = []

    def take(self) -> int | None:
        """The next number, or None when all are taken."""
        if not self._pending:
            item = os.read(self._read_fd, self._ITEM.size)
            if len(item) < self._ITEM.size:
                return None
            start, stop = self._ITEM.unpack(item)
            self._pending = list(range(stop - 1, start - 1, -1))
        return self._pending.pop()

    def close(self) -> None:
        os.close(self._read_fd)
