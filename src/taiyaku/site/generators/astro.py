"""Astro: ``astro.config.*``; pages in ``src/pages`` (utelecon's layout)."""

from __future__ import annotations

from pathlib import Path

from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, js_literal, read_text
from taiyaku.site.generators._shape import source_by_folders

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
    return Detected(
        generator="Astro",
        config=config,
        root=Setting(pages, "src/pages (Astro's pages folder)"),
        layout=Setting("prefix", "Astro i18n routing (locale folders)"),
        url_style=style,
        source_lang=source,
        site_url=Setting(site, f"{name} (site)") if isinstance(site, str) else None,
        notes=notes,
    )
