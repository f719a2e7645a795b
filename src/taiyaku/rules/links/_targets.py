"""What the LK rules say about a link's target: how a message shows it, whether it is an
image, which page it should have been, and how two external links compare."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from taiyaku.site.links import Target, url_extension
from taiyaku.site.pages import Page

_LANGUAGE_TAG = re.compile(r"(?:ja|jp|jpn|japanese|en|eng|english)(?:[-_](?:jp|ja|us|gb))?", re.I)


_LANGUAGE_PARAMS = frozenset({"lang", "hl", "locale", "language", "ln"})


_BRAND_SUFFIXES = (".co.jp", ".ne.jp", ".jp", ".com")


def external_key(url: str) -> str:
    """An external URL with its language markers removed, to compare translations' links.

    A Japanese page links ``https://support.zoom.us/hc/ja/articles/1`` where its English
    translation links ``…/hc/en-us/articles/1``: the same resource in each reader's
    language.  Removed: path segments that are language tags (``ja``, ``en-us``, ``jp``),
    language query parameters (``lang=ja``, ``hl=en``), ``utm_*`` parameters, the
    fragment, a trailing ``/`` or ``index.html``, ``www.``, and a ``.co.jp``/``.jp``/
    ``.com`` ending of the host (``google.co.jp`` and ``google.com``).
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    for suffix in _BRAND_SUFFIXES:
        if host.endswith(suffix):
            host = host[: -len(suffix)]
            break
    segments = [s for s in parts.path.split("/") if s and not _LANGUAGE_TAG.fullmatch(s)]
    if segments and segments[-1] in ("index.html", "index.htm"):
        segments.pop()
    query = "&".join(
        sorted(
            pair
            for pair in parts.query.split("&")
            if pair
            and pair.split("=", 1)[0].lower() not in _LANGUAGE_PARAMS
            and not pair.lower().startswith("utm_")
        )
    )
    return f"{parts.scheme.lower()}://{host}/{'/'.join(segments)}?{query}"


_IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff"}
)


def is_image_url(url: str) -> bool:
    return url_extension(url) in _IMAGE_EXTENSIONS


def arrow(target: Target) -> str:
    """`` (→ /email-form/)``: where a link leads, when that differs from what is written.

    A URL for URL links, a root-relative file path (``en/chat.md``) for file-path links.
    """
    landed = target.url.lstrip("/") if target.file_link else target.url
    return "" if target.href.path == landed else f" (→ {landed})"


def with_fragment(url: str, target: Target) -> str:
    """``url`` with the link's query and fragment, as the user would write it."""
    href = target.href
    query = f"?{href.query}" if href.query else ""
    fragment = "#" + href.raw.split("#", 1)[1] if "#" in href.raw else ""
    return f"{url}{query}{fragment}"


def wrong_language(target: Target, lang: str) -> Page | None:
    """The ``lang`` counterpart of the other-language page a link in ``lang`` lands on.

    None unless the link lands on a page in the other language that has a counterpart in
    ``lang`` (a page that exists in one language only is a fine target from both).
    """
    page = target.page
    if target.kind not in ("page", "redirect") or page is None or target.same_page:
        return None
    if page.lang not in ("ja", "en") or page.lang == lang:
        return None
    counterpart = page.counterpart
    if counterpart is None or counterpart.lang != lang:
        return None
    return counterpart
