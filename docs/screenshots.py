"""Screenshots of the HTML report for the README, taken in headless Chromium.

    python docs/screenshots.py [ROOT]    # default: ../shared/corpus/utelecon/src/pages

Writes ``docs/img/report-1400.png`` (a desktop window, 1400 px wide) and
``docs/img/report-390.png`` (a phone's width, 390 px).  Chromium's windows are at least
500 px wide, so the phone view is the report in a 390 px frame, cropped to it.  Needs
``chromium`` on the PATH; reads the pages, writes only the two images.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "utelecon" / "src" / "pages"
OUT = REPO / "docs" / "img"
SHOTS = {"report-1400.png": (1400, 1100), "report-390.png": (390, 1500)}


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    chromium = shutil.which("chromium")
    if chromium is None or not root.is_dir():
        print("needs chromium and a site (python docs/screenshots.py ROOT)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        report = tmp / "report.html"
        subprocess.run(
            [
                *(sys.executable, "-m", "taiyaku", "report", "--no-progress", "--no-config"),
                *("--no-cache", "--root", str(root), "--url-style", "preserve"),
                *("--checks-dir", str(REPO / "checks"), "-o", str(report), str(root)),
            ],
            check=True,
        )
        OUT.mkdir(parents=True, exist_ok=True)
        for name, (width, height) in SHOTS.items():
            page = report if width >= 500 else _framed(report, width, height)
            shot = tmp / name
            _screenshot(chromium, tmp / "profile", page, shot, max(width, 500), height)
            data = shot.read_bytes()
            (OUT / name).write_bytes(data if width >= 500 else crop_png(data, width))
            print(f"wrote {(OUT / name).relative_to(REPO)}")
    return 0


def _framed(report: Path, width: int, height: int) -> Path:
    frame = report.with_name(f"frame-{width}.html")
    frame.write_text(
        "<!doctype html><html><body style='margin:0'>"
        f"<iframe src='{report.as_uri()}' style='border:0;width:{width}px;height:{height}px'>"
        "</iframe></body></html>",
        encoding="utf-8",
    )
    return frame


def _screenshot(chromium: str, profile: Path, page: Path, out: Path, w: int, h: int) -> None:
    subprocess.run(
        [
            *(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"),
            *("--no-first-run", "--disable-background-networking", f"--user-data-dir={profile}"),
            *("--allow-file-access-from-files", f"--window-size={w},{h}"),
            *("--virtual-time-budget=3000", f"--screenshot={out}", page.as_uri()),
        ],
        check=True,
        capture_output=True,
    )


def crop_png(data: bytes, width: int) -> bytes:
    """The left ``width`` pixels of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    chunks = _chunks(data)
    old_width, height, depth, color = struct.unpack(">IIBB", chunks["IHDR"][0][:10])
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None:
        raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {color})")
    raw = zlib.decompress(b"".join(chunks["IDAT"]))
    stride = old_width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        row = _unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        rows.append(b"\0" + bytes(row[: width * channels]))
        previous = row
    header = struct.pack(">IIBBBBB", width, height, 8, color, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunks(data: bytes) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8].decode("ascii")
        found.setdefault(kind, []).append(data[at + 8 : at + 8 + length])
        at += 12 + length
    return found


def _unfilter(kind: int, row: bytearray, prior: bytearray, bpp: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = prior[i]
        corner = prior[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            row[i] = (row[i] + best) & 0xFF
    return row


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


if __name__ == "__main__":
    sys.exit(main())
