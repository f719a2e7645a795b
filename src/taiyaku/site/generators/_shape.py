"""What a site's folders say when its config does not: which language is the source."""

from __future__ import annotations

from pathlib import Path

from taiyaku.model.lang import Lang
from taiyaku.site.generators._model import Setting

__all__ = ["served_folders", "source_by_folders"]


def source_by_folders(root: Path, default: Lang) -> Setting:
    """``en/`` under the root: the root's pages are Japanese (the source); ``ja/``: they
    are English; neither or both: ``default``."""
    has_en, has_ja = (root / "en").is_dir(), (root / "ja").is_dir()
    if has_en and not has_ja:
        return Setting("ja", "folder shape (translations in en/)")
    if has_ja and not has_en:
        return Setting("en", "folder shape (translations in ja/)")
    return Setting(default, "default")


def served_folders(folder: Path, names: list[str], source: str) -> Setting | None:
    """The folders among ``names`` (relative to ``folder``) that exist, as a setting
    from ``source``; None when none does."""
    found = [folder / name for name in names if (folder / name).is_dir()]
    return Setting(found, source) if found else None
