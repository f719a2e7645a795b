"""Astro: ``astro.config.*``; pages in ``src/pages`` (utelecon's layout), or Starlight's
docs collection ``src/content/docs`` with its locale folders.

Starlight (the Astro documentation theme) serves ``src/content/docs/guide.md`` at
``/guide/`` and its translations from locale folders: with a ``root`` locale the default
language has no folder (``ja/guide.md`` beside ``guide.md``, the ``prefix`` layout);
without one every language has its folder (``en/``, ``ja/``) and its URL prefix (the
``dirs`` layout, each language under ``/<code>/``).  Other content collections are served
by routes the site's code computes, so their URLs cannot be known without running it:
they are left alone."""

from __future__ import annotations

import re
from pathlib import Path

from taiyaku.site.discovery import Discovery
from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, js_literal, read_text
from taiyaku.site.generators._shape import served_folders, source_by_folders
from taiyaku.site.layouts import language_of_code

_CONFIGS = ("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts")
# build.format: "directory" (the default) serves a/b.md at /a/b/, "file" at /a/b.html,
# "preserve" as the file is laid out (/a/b, /a/ for a/index.md).
_FORMATS = {"directory": "pretty", "file": "jekyll", "preserve": "preserve"}


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder, _CONFIGS)
    if config is None:
        return None
    text = read_text(config) or ""
    pages = folder / "src" / "pages"
    name = config.name
    notes = []
    fmt = js_literal(text, "format")
    if isinstance(fmt, str) and fmt in _FORMATS:
        style = Setting(_FORMATS[fmt], f"{name} (build.format)")
    else:
        style = Setting("pretty", "Astro's default build.format (directory)")
        if "format" in text:
            notes.append(f"{name}: build.format is not a literal; read as directory")
    default = js_literal(text, "defaultLocale")
    if default in ("ja", "en"):
        source = Setting(default, f"{name} (i18n.defaultLocale)")
    else:
        source = source_by_folders(pages, "ja")
    site = js_literal(text, "site")
    starlight = _starlight(folder, config, text, style, site)
    if starlight is not None:
        return starlight
    return Detected(
        generator="Astro",
        config=config,
        root=Setting(pages, "src/pages (Astro's pages folder)"),
        layout=Setting("prefix", "Astro i18n routing (locale folders)"),
        url_style=style,
        source_lang=source,
        site_url=Setting(site, f"{name} (site)") if isinstance(site, str) else None,
        notes=notes,
        static_dirs=served_folders(folder, ["public"], "public/ (Astro's static folder)"),
    )


_ROOT_LOCALE_LANG = re.compile(r"\broot\s*:\s*\{[^{}]*?\blang\s*:\s*['\"]([\w-]+)")


def _starlight(
    folder: Path, config: Path, text: str, style: Setting, site: object
) -> Detected | None:
    """Starlight's docs collection, when the config uses Starlight and has one."""
    docs = folder / "src" / "content" / "docs"
    name = config.name
    if "starlight" not in text or not docs.is_dir():
        return None
    default = js_literal(text, "defaultLocale")
    both_folders = (docs / "en").is_dir() and (docs / "ja").is_dir()
    root_lang = _ROOT_LOCALE_LANG.search(text)
    if both_folders:
        layout = Setting("dirs", "Starlight (a locale folder per language)")
        if default in ("ja", "en"):
            source = Setting(default, f"{name} (defaultLocale)")
        else:
            source = Setting("en", "Starlight's usual default locale")
    else:
        layout = Setting("prefix", "Starlight (the root locale without a folder)")
        found = language_of_code(root_lang.group(1)) if root_lang else None
        if found is not None:
            source = Setting(found, f"{name} (locales.root.lang)")
        else:
            source = source_by_folders(docs, "en")
    return Detected(
        generator="Starlight",
        config=config,
        root=Setting(docs, "src/content/docs (Starlight's docs collection)"),
        layout=layout,
        url_style=style,
        source_lang=source,
        site_url=Setting(site, f"{name} (site)") if isinstance(site, str) else None,
        prefix_source=(
            Setting(True, "Starlight (every locale in a folder)") if both_folders else None
        ),
        static_dirs=served_folders(folder, ["public"], "public/ (Astro's static folder)"),
        # Starlight shows the default locale's page where a translation is missing
        discovery=Discovery(translation_fallback=True),
    )
