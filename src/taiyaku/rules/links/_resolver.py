"""The LK rules' shared link resolver: one per run, so its caches serve every rule."""

from __future__ import annotations

from taiyaku.rules.context import Context, RunState
from taiyaku.site.links import LinkResolver

__all__ = ["LINKS", "link_resolver"]

LINKS: RunState[LinkResolver] = RunState("links", lambda ctx: LinkResolver(ctx.site))


def link_resolver(ctx: Context) -> LinkResolver:
    """The run's link resolver."""
    return ctx.state(LINKS)
