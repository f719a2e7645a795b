"""Reading a user's file safely: regular files only, never more than a size cap.

A FIFO named ``page.md`` blocks whoever opens it for reading; a device file never ends.
Every file taiyaku reads (pages, config files, ``.gitignore``, a generator's config) goes
through here: the file is opened without blocking, checked to be a regular file on the
open descriptor (so a file swapped after a check is still caught), and read only when its
size is within the cap.  Failures are :class:`OSError` with a readable ``strerror``.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "is_regular_file",
    "open_regular_file",
    "read_head",
    "read_regular_file",
    "read_small_text",
]

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` (symbolic links followed) is a regular file."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _open_regular(path: Path) -> int:
    fd, _size = _open_regular_sized(path)
    return fd


def _open_regular_sized(path: Path) -> tuple[int, int]:
    """A descriptor of the regular file ``path``, and the file's size when opened."""
    fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_BINARY)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket)")
    except BaseException:
        os.close(fd)
        raise
    return fd, status.st_size


def open_regular_file(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (OSError if not)."""
    return os.fdopen(_open_regular(path), "rb")


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``; OSError when it is not a regular file or
    is larger than ``max_bytes`` (checked before reading)."""
    fd, size = _open_regular_sized(path)
    try:
        if size > max_bytes:
            raise OSError(errno.EFBIG, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = _read_up_to(fd, max_bytes + 1, size + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while being read
        raise OSError(errno.EFBIG, f"file is over the limit of {max_bytes:,} bytes")
    return data


def read_head(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of the regular file ``path`` (OSError otherwise)."""
    fd, size = _open_regular_sized(path)
    try:
        return _read_up_to(fd, count, min(size, count))
    finally:
        os.close(fd)


def _read_up_to(fd: int, limit: int, expected: int) -> bytes:
    """At most ``limit`` bytes from ``fd``, to its end: unbuffered reads, the first of
    ``expected`` bytes (the size the file had), so that a page is one read and the
    read that finds its end."""
    parts: list[bytes] = []
    total = 0
    step = max(expected, 1)
    while total < limit:
        chunk = os.read(fd, min(step, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        step = 1 << 16
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_small_text(path: Path, max_bytes: int = 1024 * 1024) -> str:
    """A small UTF-8 text file (a config file), newlines as they are.

    OSError when it cannot be read, is not a regular file or is too large;
    UnicodeDecodeError when it is not UTF-8.
    """
    return read_regular_file(path, max_bytes).decode("utf-8-sig")
