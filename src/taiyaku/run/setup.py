"""Which site a run checks and how it is laid out, and where each of those came from.

Every setting is taken, in this order, from: the configuration (a flag, ``taiyaku.toml``
or ``[tool.taiyaku]``); the site's generator (:mod:`taiyaku.site.generators`, detected
at the site's top folder); the default.  The site's top folder is the configuration's
folder, else the folder given, else — for pages given one by one — the nearest folder
above them that is a site (a generator's config, ``taiyaku.toml``, ``.git``, a
``pyproject.toml`` with ``[tool.taiyaku]``), never the working directory above it; else
the working directory.  A folder given (or the working directory) that is no site itself
but lies inside the content folder of the site above it stands for that site, so
``cd content && taiyaku check`` reads the site as ``taiyaku check .`` at its top does.

The root is the configured one, else the detected site's content folder, else the one
folder given, else ``content/`` in the working directory if there is one, else the top
folder.  With no configured or detected root, more than 20,000 files under it is an
error rather than a long walk through a home directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from taiyaku.config.loading import Config
from taiyaku.errors import ConfigError
from taiyaku.model.paths import display_path
from taiyaku.site.discovery import Discovery
from taiyaku.site.generators import Detected, Setting, detect, site_marker
from taiyaku.site.layouts import LanguageLayout
from taiyaku.site.siteurl import SiteUrl

__all__ = ["MAX_UNCONFIGURED_FILES", "Setup", "resolve_setup"]

#: Files under a root that neither the configuration nor a generator named.
MAX_UNCONFIGURED_FILES = 20_000


@dataclass(frozen=True)
class Setup:
    """What the run decided, each setting with where it came from."""

    root: Path
    layout: LanguageLayout
    url_style: str
    site_url: SiteUrl | None
    discovery: Discovery
    generator: str | None
    config_file: Path | None
    settings: dict[str, Setting] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    static_dirs: tuple[Path, ...] = ()

    def identity(self) -> dict[str, object]:
        """Everything decided here that findings depend on, as JSON-able values: the
        result cache keys on it, since a generator's config (outside the content root)
        can change what the pages mean without any page changing."""
        layout = self.layout
        return {
            "root": str(self.root),
            "layout": [layout.kind, layout.source, layout.ja_code, layout.en_code],
            "prefix-source": layout.prefix_source,
            "url-style": self.url_style,
            "site-url": self.site_url.text if self.site_url else None,
            "static-dirs": [str(p) for p in self.static_dirs],
            "discovery": repr(self.discovery),
        }

    def summary(self, cwd: Path) -> str:
        """One line: ``Hugo site (hugo.toml); root content/ (…); layout suffix (…); …``."""
        parts = []
        if self.generator:
            parts.append(f"{self.generator} site")
        if self.config_file:
            parts.append(f"config {display_path(self.config_file, cwd)}")
        else:
            parts.append("no config file")
        shown = self.shown_settings(cwd)
        for key in ("root", "layout", "url-style", "source-language", "site-url", "static-dirs"):
            if key in shown:
                value, source = shown[key]
                parts.append(f"{key} {value} ({source})")
        return "; ".join(parts)

    def shown_settings(self, cwd: Path) -> dict[str, tuple[str, str]]:
        """Each setting as the user reads it (paths relative to ``cwd``), with its source."""
        return {key: (_shown(s.value, cwd), s.source) for key, s in self.settings.items()}


def _shown(value: object, cwd: Path) -> str:
    if isinstance(value, Path):
        return display_path(value, cwd)
    if isinstance(value, list):
        return ", ".join(display_path(Path(str(v)), cwd) for v in value)
    return str(value)


def resolve_setup(config: Config, paths: Sequence[Path], cwd: Path) -> Setup:
    top = _site_top(config, paths, cwd)
    detected = detect(top) if top is not None else None
    settings: dict[str, Setting] = {}
    for key in ("layout", "url-style", "source-language", "site-url", "static-dirs"):
        settings[key] = _setting(config, key, detected)
    root_setting = _root(config, paths, cwd, detected, top)
    settings["root"] = root_setting
    root = Path(str(root_setting.value))
    if not root.is_dir():
        shown = display_path(root, cwd) if root.is_absolute() else str(root)
        raise ConfigError(f"content root {shown} is not a folder")
    root = root.resolve()
    codes = detected.language_codes if detected else {}
    layout = LanguageLayout(
        settings["layout"].value,  # type: ignore[arg-type]
        settings["source-language"].value,  # type: ignore[arg-type]
        ja_code=codes.get("ja", "ja"),
        en_code=codes.get("en", "en"),
        prefix_source=_prefix_source(detected, settings["layout"]),
    )
    # What counts as a page is the generator's wherever its site is checked, however the
    # root was given (Jekyll copies a file without front matter: it is no page).
    within = top is not None and root.is_relative_to(top.resolve())
    discovery = detected.discovery if detected is not None and within else Discovery()
    named = config.given("root") or (detected is not None and root_setting is detected.root)
    if not named:
        discovery = Discovery(
            skip=discovery.skip,
            skip_underscore_dirs=discovery.skip_underscore_dirs,
            frontmatter_required=discovery.frontmatter_required,
            index_names=discovery.index_names,
            max_files=MAX_UNCONFIGURED_FILES,
        )
    site_url = settings["site-url"].value
    return Setup(
        root=root,
        layout=layout,
        url_style=str(settings["url-style"].value),
        site_url=SiteUrl.parse(site_url) if isinstance(site_url, str) else None,
        discovery=discovery,
        generator=detected.generator if detected else None,
        config_file=config.source,
        settings={k: v for k, v in settings.items() if v.value not in (None, [])},
        notes=tuple(detected.notes) if detected else (),
        static_dirs=tuple(Path(str(p)) for p in settings["static-dirs"].value or ()),  # type: ignore[attr-defined]
    )


def _prefix_source(detected: Detected | None, layout: Setting) -> bool:
    """Whether the source language's URLs start with its code too: only when the
    generator says so and its layout is the one used."""
    if detected is None or detected.prefix_source is None or layout is not detected.layout:
        return False
    return detected.prefix_source.value is True


def _setting(config: Config, key: str, detected: Detected | None) -> Setting:
    if config.given(key):
        return Setting(config.get(key), config.origins[key])
    found = detected.settings().get(key) if detected else None
    if found is not None:
        return found
    return Setting(config.get(key), "default")


def _site_top(config: Config, paths: Sequence[Path], cwd: Path) -> Path | None:
    """The folder whose generator config describes the site (see the module)."""
    if config.source is not None:
        return config.base_dir
    if not paths:
        return _folder_top(cwd.resolve())
    first = paths[0].resolve()
    if first.is_dir():
        return _folder_top(first)
    for folder in first.parents:
        if site_marker(folder) or _pyproject_names_taiyaku(folder):
            return folder
    return None


def _folder_top(folder: Path) -> Path:
    """A folder given (or the working directory) is the site's top, unless it is not a
    site itself and lies in the content folder of the site of the nearest site folder
    above it (``taiyaku check content/support`` in a Hugo site): then that site's top.
    The search stops at the first site folder above, whatever it is."""
    if detect(folder) is not None:
        return folder
    for parent in folder.parents:
        if site_marker(parent) or _pyproject_names_taiyaku(parent):
            found = detect(parent)
            if found is not None and folder.is_relative_to(Path(str(found.root.value)).resolve()):
                return parent
            return folder
    return folder


def _pyproject_names_taiyaku(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    try:
        return pyproject.is_file() and "[tool.taiyaku" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _root(
    config: Config,
    paths: Sequence[Path],
    cwd: Path,
    detected: Detected | None,
    top: Path | None,
) -> Setting:
    if config.root is not None:
        return Setting(Path(config.root), config.origins.get("root", "default"))
    if detected is not None and Path(str(detected.root.value)).is_dir():
        return detected.root
    if len(paths) == 1 and paths[0].is_dir():
        return Setting(paths[0], "the folder given")
    if paths and top is not None:
        if (top / "content").is_dir():
            return Setting(top / "content", "content/ of the nearest site folder above the pages")
        return Setting(top, "the nearest site folder above the pages given")
    if paths:
        return Setting(paths[0].resolve().parent, "the folder of the page given")
    if (cwd / "content").is_dir():
        return Setting(cwd / "content", "content/ in the working directory")
    return Setting(cwd, "the working directory")
