"""Hugo: ``hugo.toml``/``hugo.yaml``/``hugo.json`` (or ``config.toml``, or
``config/_default/``); ``content/``, translations by file name (``page.ja.md``) or by
``contentDir`` per language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taiyaku.model.lang import Lang
from taiyaku.site.discovery import Discovery
from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, read_data
from taiyaku.site.generators._shape import served_folders
from taiyaku.site.layouts import language_of_code

_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml")


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder, _CONFIGS)
    if config is None:
        config = first_existing(folder / "config" / "_default", _CONFIGS)
    if config is None or (config.name.startswith("config.") and not (folder / "content").is_dir()):
        return None
    data = read_data(config)
    name = config.relative_to(folder).as_posix()
    languages = _languages(data)
    codes = {lang: code for code, lang in languages.items()}
    content = folder / str(data.get("contentDir") or "content")
    dirs = _content_dirs(data, folder)
    default_code = str(data.get("defaultContentLanguage") or "en")
    source_lang = language_of_code(default_code) or "en"
    if dirs:
        layout = Setting("dirs", f"{name} (contentDir per language)")
        root = Setting(_common_parent(list(dirs.values())), f"{name} (contentDir)")
    else:
        layout = Setting("suffix", f"{name} (translations by file name)")
        root = Setting(content, f"{name} (contentDir)" if "contentDir" in data else "content/")
    ugly = bool(data.get("uglyURLs"))
    style = Setting("jekyll" if ugly else "pretty", f"{name} (uglyURLs: {str(ugly).lower()})")
    base = data.get("baseURL") or data.get("baseurl")
    in_subdir = data.get("defaultContentLanguageInSubdir") is True
    static = data.get("staticDir") or "static"
    static_names = [static] if isinstance(static, str) else [str(d) for d in static]
    where = f"{name} (staticDir)" if "staticDir" in data else "static/ (Hugo's default)"
    return Detected(
        generator="Hugo",
        config=config,
        root=root,
        layout=layout,
        url_style=style,
        source_lang=Setting(source_lang, f"{name} (defaultContentLanguage: {default_code})"),
        site_url=Setting(str(base), f"{name} (baseURL)") if base else None,
        discovery=Discovery(index_names=("index", "_index")),
        language_codes={lang: code for lang, code in codes.items() if code != lang},
        prefix_source=(
            Setting(True, f"{name} (defaultContentLanguageInSubdir)") if in_subdir else None
        ),
        static_dirs=served_folders(folder, static_names, where),
    )


def _languages(data: dict[str, Any]) -> dict[str, Lang]:
    """The site's language keys that name Japanese or English (``jp`` is Japanese)."""
    found: dict[str, Lang] = {}
    table = data.get("languages")
    if isinstance(table, dict):
        for code, settings in table.items():
            lang = language_of_code(str(code))
            if lang is None and isinstance(settings, dict):
                lang = language_of_code(str(settings.get("languageCode", "")))
            if lang is not None:
                found[str(code)] = lang
    return found


def _content_dirs(data: dict[str, Any], folder: Path) -> dict[str, Path]:
    table = data.get("languages")
    dirs: dict[str, Path] = {}
    if isinstance(table, dict):
        for code, settings in table.items():
            if isinstance(settings, dict) and settings.get("contentDir"):
                dirs[str(code)] = folder / str(settings["contentDir"])
    return dirs if len(dirs) >= 2 else {}


def _common_parent(paths: list[Path]) -> Path:
    parents = [p.parent for p in paths]
    return parents[0] if all(p == parents[0] for p in parents) else paths[0].parent
