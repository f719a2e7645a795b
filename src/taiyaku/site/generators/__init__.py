"""What a site's generator says about it, read from the files the site already has.

One small module per generator (:mod:`astro`, with Starlight, :mod:`hugo`, :mod:`jekyll`,
:mod:`docusaurus`, :mod:`vitepress`, :mod:`mkdocs`); :func:`detect` asks each whether a
folder is one of its sites and returns the first :class:`Detected` setup: the content
root, the layout, the URL style, the source language, the site's URL and what counts as
a page, each value with where it came from (``hugo.toml``, ``folder shape``).

Configs are read, never run: TOML, YAML and JSON with their parsers (PyYAML's safe
loader), JavaScript and TypeScript configs (``astro.config.mjs``,
``docusaurus.config.js``, ``.vitepress/config.ts``) by a bounded scan for literal values
(``site: "https://…"``, ``trailingSlash: false``, ``defaultLocale: 'ja'``); a value that
is computed is not guessed: the folder shape or the default decides, and the note says
so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from taiyaku.site.generators._model import Detected, Setting

__all__ = ["GENERATORS", "Detected", "Setting", "detect", "site_marker"]


def _detectors() -> list[tuple[str, Callable[[Path], Detected | None]]]:
    from taiyaku.site.generators import astro, docusaurus, hugo, jekyll, mkdocs, vitepress

    return [
        ("Docusaurus", docusaurus.detect),
        ("VitePress", vitepress.detect),
        ("Astro", astro.detect),
        ("Hugo", hugo.detect),
        ("MkDocs", mkdocs.detect),
        ("Jekyll", jekyll.detect),
    ]


GENERATORS = ("Astro", "Docusaurus", "Hugo", "Jekyll", "MkDocs", "Starlight", "VitePress")


def detect(folder: Path) -> Detected | None:
    """The setup of the site whose top folder is ``folder``, or None."""
    for _name, detector in _detectors():
        found = detector(folder)
        if found is not None:
            return found
    return None


# Files whose presence makes a folder a site's top (for a page given alone).
_MARKERS = (
    "astro.config.mjs",
    "astro.config.js",
    "astro.config.ts",
    "astro.config.mts",
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "_config.yml",
    "_config.yaml",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "mkdocs.yml",
    "mkdocs.yaml",
    ".vitepress",
    "taiyaku.toml",
    ".git",
)


def site_marker(folder: Path) -> str | None:
    """What makes ``folder`` a site's top: a generator's config, ``taiyaku.toml``,
    ``.git``, or a ``pyproject.toml`` (the caller checks its table); else None."""
    base = os.fspath(folder)
    for name in _MARKERS:
        if os.path.exists(os.path.join(base, name)):  # (no Path object for each name)
            return name
    if (folder / "config.toml").is_file() and (folder / "content").is_dir():
        return "config.toml"  # Hugo's older config name
    return None
