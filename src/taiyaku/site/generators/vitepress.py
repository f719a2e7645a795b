"""VitePress: ``.vitepress/config.*``; locale folders (``/ja/``) beside the root locale."""

from __future__ import annotations

import re
from pathlib import Path

from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, js_literal, read_text
from taiyaku.site.generators._shape import served_folders, source_by_folders

_CONFIGS = ("config.js", "config.ts", "config.mjs", "config.mts")


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder / ".vitepress", _CONFIGS)
    if config is None:
        return None
    text = read_text(config) or ""
    name = f".vitepress/{config.name}"
    src = js_literal(text, "srcDir")
    root = (folder / src) if isinstance(src, str) else folder
    clean = js_literal(text, "cleanUrls")
    if clean is True:
        style = Setting("preserve", f"{name} (cleanUrls: true)")
    else:
        style = Setting("jekyll", f"{name} (cleanUrls not set: /a/b.html)")
    root_lang = re.search(r"root\s*:\s*\{[^{}]*?lang\s*:\s*['\"](ja|en)", text)
    if root_lang:
        source = Setting(root_lang.group(1), f"{name} (locales.root.lang)")
    else:
        source = source_by_folders(root, "en")
    return Detected(
        generator="VitePress",
        config=config,
        root=Setting(root, f"{name} (srcDir)" if isinstance(src, str) else "the site's folder"),
        layout=Setting("prefix", "VitePress locales (locale folders)"),
        url_style=style,
        source_lang=source,
        static_dirs=served_folders(root, ["public"], "public/ (VitePress's static folder)"),
    )
