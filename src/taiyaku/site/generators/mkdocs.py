"""MkDocs: ``mkdocs.yml``; ``docs/`` (``docs_dir``), translations by the i18n plugin as
``page.ja.md`` (``docs_structure: suffix``) or ``docs/ja/`` (``folder``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taiyaku.model.lang import Lang
from taiyaku.site.discovery import Discovery
from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, read_data
from taiyaku.site.layouts import language_of_code


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder, ("mkdocs.yml", "mkdocs.yaml"))
    if config is None:
        return None
    data = read_data(config)
    name = config.name
    docs = folder / str(data.get("docs_dir") or "docs")
    i18n = _i18n(data)
    structure = str(i18n.get("docs_structure") or "suffix")
    source: Lang = "en"
    source_note = "MkDocs' default"
    for entry in i18n.get("languages") or []:
        if isinstance(entry, dict) and entry.get("default"):
            found = language_of_code(str(entry.get("locale", "")))
            if found is not None:
                source, source_note = found, f"{name} (i18n default language)"
    directory_urls = data.get("use_directory_urls", True) is not False
    style = "pretty" if directory_urls else "jekyll"
    site = data.get("site_url")
    return Detected(
        generator="MkDocs",
        config=config,
        root=Setting(docs, f"{name} (docs_dir)"),
        layout=Setting(
            "dirs" if structure == "folder" else "suffix",
            f"{name} (i18n docs_structure: {structure})",
        ),
        url_style=Setting(style, f"{name} (use_directory_urls: {str(directory_urls).lower()})"),
        source_lang=Setting(source, source_note),
        site_url=Setting(str(site), f"{name} (site_url)") if site else None,
        # the i18n plugin builds an untranslated page from the default language's
        discovery=Discovery(translation_fallback=bool(i18n) and _falls_back(i18n)),
    )


def _falls_back(i18n: dict[str, Any]) -> bool:
    """``fallback_to_default`` (true unless set false), for the plugin or any language."""
    if i18n.get("fallback_to_default") is False:
        return False
    languages = [e for e in i18n.get("languages") or [] if isinstance(e, dict)]
    return not any(e.get("fallback_to_default") is False for e in languages)


def _i18n(data: dict[str, Any]) -> dict[str, Any]:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return plugin["i18n"]  # type: ignore[no-any-return]
    return {}
