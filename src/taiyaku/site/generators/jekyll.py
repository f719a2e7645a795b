"""Jekyll: ``_config.yml``; ``.md`` and ``.markdown`` pages with front matter (a file
without it is copied as it is), ``_``-folders and ``exclude`` left out."""

from __future__ import annotations

from pathlib import Path

from taiyaku.model.globs import PathPatterns
from taiyaku.site.discovery import Discovery
from taiyaku.site.generators._model import Detected, Setting
from taiyaku.site.generators._read import first_existing, read_data
from taiyaku.site.generators._shape import source_by_folders
from taiyaku.site.layouts import language_of_code


def detect(folder: Path) -> Detected | None:
    config = first_existing(folder, ("_config.yml", "_config.yaml"))
    if config is None:
        return None
    data = read_data(config)
    name = config.name
    permalink = str(data.get("permalink") or "date")
    if permalink == "pretty" or permalink.endswith("/"):
        style = Setting("pretty", f"{name} (permalink: {permalink})")
    else:
        style = Setting("jekyll", f"{name} (permalink: {permalink})")
    default = language_of_code(str(data.get("default_lang") or data.get("lang") or ""))
    if default is not None:
        source = Setting(default, f"{name} (default_lang)")
    else:
        source = source_by_folders(folder, "ja")
    url, base = data.get("url"), data.get("baseurl")
    site = None
    if isinstance(url, str) and url:
        full = url.rstrip("/") + (base if isinstance(base, str) else "")
        site = Setting(full, f"{name} (url, baseurl)")
    excluded = [str(e) for e in data.get("exclude") or [] if isinstance(e, str)]
    skip = PathPatterns(["/vendor/", "/Gemfile*", *(f"/{e.strip('/')}" for e in excluded)])
    return Detected(
        generator="Jekyll",
        config=config,
        root=Setting(folder, f"{name} (the site's folder)"),
        layout=Setting("prefix", "Jekyll (translations in a language folder)"),
        url_style=style,
        source_lang=source,
        site_url=site,
        discovery=Discovery(
            skip=skip,
            skip_underscore_dirs=True,
            frontmatter_required=True,
            dated_posts=True,
            post_dates_in_urls=permalink in ("date", "pretty"),
        ),
    )
