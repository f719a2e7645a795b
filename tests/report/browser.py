"""Open a report in a real headless Chromium and read back what it rendered.

``chromium --headless --dump-dom URL`` loads the page, runs its script, and prints the
DOM as it is afterwards.  :class:`Rendered` reads that DOM and keeps only the text a
person sees: not the head, scripts or styles, nothing under an element with ``hidden``
(how the report's filters hide findings), nothing in a closed ``<details>`` except its
summary.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium); "
    "the report's browser test needs a real headless Chromium",
)

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_INVISIBLE = frozenset({"head", "script", "style", "template", "noscript"})


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium as root, offline, with a throwaway profile."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def dump_dom(page: Path, profile: Path, fragment: str = "") -> str:
    url = page.resolve().as_uri() + fragment
    dom = chromium(profile, "--dump-dom", url).stdout
    assert "<html" in dom, dom[:500]
    return dom


def screenshot(page: Path, out: Path, profile: Path, size: str = "1280,2000") -> None:
    chromium(
        profile, "--hide-scrollbars", f"--window-size={size}", f"--screenshot={out}", page.as_uri()
    )


class Rendered(HTMLParser):
    """The visible text of a dumped DOM, plus a few attributes the tests look at."""

    def __init__(self, dom: str) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[tuple[str, bool]] = []  # tag, visible
        self.chunks: list[str] = []
        self.html_attrs: dict[str, str | None] = {}
        self.cells: dict[str, str] = {}  # data-cov key -> visible text
        self.articles: list[dict[str, str | None]] = []  # visible findings' attributes
        self._cell: str | None = None
        self._open_details: list[bool] = []
        self.feed(dom)
        self.close()

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def _visible(self) -> bool:
        return not self._stack or self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        parent = self._visible()
        in_closed_details = bool(self._stack) and self._stack[-1][0] == "details:closed"
        visible = (
            parent
            and tag not in _INVISIBLE
            and "hidden" not in a
            and not (in_closed_details and tag != "summary")
        )
        if tag in _VOID:
            return
        name = "details:closed" if tag == "details" and "open" not in a else tag
        self._stack.append((name, visible))
        if visible and tag == "article":
            self.articles.append(a)
        if visible and a.get("data-cov"):
            self._cell = a["data-cov"]
            self.cells[self._cell] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self._stack:
            name, _visible = self._stack.pop()
            if name.split(":")[0] == tag:
                break
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self._visible():
            return
        if self._stack and self._stack[-1][0] == "details:closed":
            return  # text directly inside a closed <details>, outside its summary
        self.chunks.append(data)
        if self._cell is not None:
            self.cells[self._cell] += data.strip()


_MEASURE = (
    "<script>(function(){var d=document.documentElement,p=document.getElementById('pages');"
    "parent.postMessage(JSON.stringify({scrollWidth:d.scrollWidth,clientWidth:d.clientWidth,"
    "innerWidth:innerWidth,scrollY:scrollY,"
    "pagesTop:p?Math.round(p.getBoundingClientRect().top):null}),'*');})();</script>"
)
_FRAME = (
    "<!doctype html><html><body style='margin:0'>"
    "<iframe src='{src}' style='border:0;width:{width}px;height:{height}px'></iframe>"
    "<script>addEventListener('message',function(m){{"
    "document.documentElement.setAttribute('data-measure',m.data);}});</script>"
    "</body></html>"
)


def measure(html: str, folder: Path, size: str, fragment: str = "") -> dict[str, int | None]:
    """Layout figures of the report in a viewport of ``size`` (``"390,800"``), after its
    script ran: the page's width against the viewport's, and where the results are.

    The report is shown in a frame of that size (Chromium's windows are at least 500 px
    wide, a frame can be a phone's width).  A copy of the page without its
    Content-Security-Policy (which admits only the report's own script) gets a
    measuring script after the report's, which posts what it measured to the frame's
    page; the report itself is never changed.
    """
    import json

    width, height = (int(n) for n in size.split(","))
    copy = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    copy = copy.replace("</body>", _MEASURE + "</body>", 1)
    page = folder / "measured.html"
    page.write_text(copy, encoding="utf-8")
    frame = folder / "frame.html"
    src = page.resolve().as_uri() + fragment
    frame.write_text(_FRAME.format(src=src, width=width, height=height), encoding="utf-8")
    dom = chromium(
        folder / "profile",
        f"--window-size={max(width, 500)},{height}",
        "--virtual-time-budget=5000",
        "--allow-file-access-from-files",
        "--dump-dom",
        frame.resolve().as_uri(),
    ).stdout
    found = re.search(r'data-measure="([^"]*)"', dom)
    assert found is not None, dom[:500]
    return json.loads(found.group(1).replace("&quot;", '"'))
