"""Text a page controls, made safe and short for a terminal or a CI log.

A page's text and its file name are data, never commands: a link target whose ``%0A``
decodes to a line break, or a file named ``::error file=x::.md``, must not print a line
that GitHub Actions reads as a workflow command (``::add-mask::…``), and an escape
sequence in a page must not recolour or rewrite the reader's terminal.  So every piece
of page text the text reporters print goes through :func:`printable`, and a source line
is shown as a window around the reported column (:func:`window`), never whole: one
finding on a 100 KB line must not print 100 KB, let alone once per finding.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

__all__ = ["SOURCE_WIDTH", "cell_len", "printable", "safe_line_start", "window"]

# C0 and C1 control characters (a tab is shown as one space), DEL, and the bidirectional
# controls that reorder what a reader sees ("Trojan Source").
_UNPRINTABLE = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

#: Terminal columns a quoted source line takes at most (caret context on both sides).
SOURCE_WIDTH = 100


def printable(text: str) -> str:
    """``text`` on one line with every control character spelled out (``\\n``,
    ``\\x1b``, ``\\u202e``), tabs as one space, and lone surrogates (a file name that is
    not UTF-8) as ``\\udcff``."""
    if text.isprintable():
        return text
    text = text.replace("\t", " ")
    text = _UNPRINTABLE.sub(_escape, text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_line_start(text: str) -> str:
    """``text`` made safe to begin an output line: a line that starts with ``::`` is a
    workflow command to GitHub Actions, so such a text gets ``./`` before it (it only
    happens to a file name)."""
    return "./" + text if text.startswith("::") else text


def window(line: str, column: int, width: int = SOURCE_WIDTH) -> tuple[str, int]:
    """The part of ``line`` shown for a finding at ``column`` (1-based, in characters),
    made :func:`printable`, at most about ``width`` terminal columns, with ``…`` where it
    was cut; and the terminal column (0-based) of the reported character in what is
    shown.  The work is bounded by ``width``, not by the line's length."""
    line = line.rstrip()
    index = min(max(column - 1, 0), len(line))
    if len(line) <= width:
        shown = printable(line)
        if cell_len(shown) <= width:
            return shown, cell_len(printable(line[:index]))
    start, used = index, 0
    while start > 0 and used + _cells(line[start - 1]) <= width // 2:
        start -= 1
        used += _cells(line[start])
    end, room = index, width - used
    while end < len(line) and _cells(line[end]) <= room:
        room -= _cells(line[end])
        end += 1
    head = "…" if start > 0 else ""
    tail = "…" if end < len(line) else ""
    return head + printable(line[start:end]) + tail, cell_len(head) + used


def _cells(char: str) -> int:
    """Terminal columns ``char`` takes once :func:`printable`."""
    return get_character_cell_size(char) if char.isprintable() else len(printable(char))
