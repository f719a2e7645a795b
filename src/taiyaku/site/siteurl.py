"""The site's own address (``site-url``): its origin and the path it is served under.

``https://example.github.io/zoom/`` is the origin ``https://example.github.io`` and the
base path ``/zoom``.  A link written as an absolute URL to that origin and under that
path (``https://example.github.io/zoom/join``) is a link into the site, resolved like
``/join``; a root-relative link that repeats the base path (``/zoom/join``, as Astro and
Jekyll sites served from a sub-path write them) is too.  ``http`` and ``https``, and a
``www.`` in front of the host, are the same origin.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

__all__ = ["SiteUrl"]


@dataclass(frozen=True)
class SiteUrl:
    host: str  # lower case, without ``www.`` and without a default port
    base: str  # "" or "/zoom" (no trailing slash)
    text: str  # as configured

    @classmethod
    def parse(cls, text: str | None) -> SiteUrl | None:
        """None when ``text`` is empty or not an absolute http(s) URL."""
        if not text:
            return None
        parts = urlsplit(text.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        return cls(_host(parts.netloc), unquote(parts.path).rstrip("/"), text.strip())

    def local_path(self, scheme: str, netloc: str, path: str) -> str | None:
        """The site path (``/join``) an absolute URL's parts name, or None when the URL
        is not on this site.  ``path`` is percent-decoded."""
        if scheme.lower() not in ("http", "https", "") or _host(netloc) != self.host:
            return None
        return self.strip_base(path or "/", required=True)

    def strip_base(self, path: str, *, required: bool = False) -> str | None:
        """``/zoom/join`` → ``/join`` under the base ``/zoom``.  A path outside the base
        is None when ``required``, else returned as it is."""
        if not self.base:
            return path
        if path == self.base or path.startswith(self.base + "/"):
            return path[len(self.base) :] or "/"
        return None if required else path


def _host(netloc: str) -> str:
    host = netloc.rpartition("@")[2].lower()
    for port in (":80", ":443"):
        host = host.removesuffix(port)
    return host.removeprefix("www.")
