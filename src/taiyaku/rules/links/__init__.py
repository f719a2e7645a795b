"""LK: links and anchors, resolved the way the site generator resolves them (site.links)."""
