"""Docusaurus: ``docusaurus.config.*``; ``docs/``, ``blog/``, ``src/pages/`` and their
translations under ``i18n/<locale>/``."""

from __future__ import annotations

from pathlib import Path

from taiyaku.model.globs import PathPatterns
from taiyaku.site.discovery import Discovery
from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, js_literal, read_text
from taiyaku.site.generators._shape import served_folders

_CONFIGS = ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder, _CONFIGS)
    if config is None:
        return None
    text = read_text(config) or ""
    name = config.name
    default = js_literal(text, "defaultLocale")
    if default in ("ja", "en"):
        source = Setting(default, f"{name} (i18n.defaultLocale)")
    elif (folder / "i18n" / "ja").is_dir():
        source = Setting("en", "folder shape (i18n/ja/)")
    else:
        source = Setting("en", "Docusaurus's default locale")
    slash = js_literal(text, "trailingSlash")
    if slash is False:
        style = Setting("preserve", f"{name} (trailingSlash: false)")
    else:
        reason = "trailingSlash: true" if slash is True else "trailingSlash not set"
        style = Setting("pretty", f"{name} ({reason})")
    url, base = js_literal(text, "url"), js_literal(text, "baseUrl")
    site = None
    if isinstance(url, str):
        full = url.rstrip("/") + (base if isinstance(base, str) else "/")
        site = Setting(full, f"{name} (url, baseUrl)")
    skip = PathPatterns(["/build/", "/.docusaurus/", "/static/"])
    return Detected(
        generator="Docusaurus",
        config=config,
        root=Setting(folder, f"{name} (the site's folder)"),
        layout=Setting("docusaurus", "Docusaurus (docs/, blog/, i18n/<locale>/)"),
        url_style=style,
        source_lang=source,
        site_url=site,
        discovery=Discovery(skip=skip, translation_fallback=True),
        static_dirs=served_folders(folder, ["static"], "static/ (Docusaurus's static folder)"),
    )
