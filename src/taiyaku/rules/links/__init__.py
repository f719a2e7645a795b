"""LK: links and anchors, resolved the way the site generator resolves them (see taiyaku.site.links)."""
