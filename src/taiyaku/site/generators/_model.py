"""The setup a generator's files give: values with where they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from taiyaku.model.lang import Lang
from taiyaku.site.discovery import Discovery

__all__ = ["Detected", "Setting"]


@dataclass(frozen=True)
class Setting:
    """A value and where it came from (``hugo.toml``, ``folder shape``, ``default``)."""

    value: object
    source: str


@dataclass
class Detected:
    """A site's setup as its generator's files give it."""

    generator: str  # "Hugo"
    config: Path  # the file (or folder) that identified it
    root: Setting  # Path: the content root
    layout: Setting  # Layout
    url_style: Setting  # UrlStyle
    source_lang: Setting  # Lang
    site_url: Setting | None = None  # str
    discovery: Discovery = field(default_factory=Discovery)
    language_codes: dict[Lang, str] = field(default_factory=dict)  # Hugo "jp" for ja
    # the source language's URLs start with /<code>/ too (Hugo's
    # defaultContentLanguageInSubdir)
    prefix_source: Setting | None = None  # bool
    # folders whose files the site serves at its root (Hugo's static/, Astro's public/)
    static_dirs: Setting | None = None  # list[Path]
    notes: list[str] = field(default_factory=list)

    def settings(self) -> dict[str, Setting]:
        found = {
            "root": self.root,
            "layout": self.layout,
            "url-style": self.url_style,
            "source-language": self.source_lang,
        }
        if self.site_url is not None:
            found["site-url"] = self.site_url
        if self.static_dirs is not None:
            found["static-dirs"] = self.static_dirs
        return found
