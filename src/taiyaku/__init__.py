"""taiyaku (対訳): lint a website's Japanese pages against their English counterparts."""

from __future__ import annotations

__version__ = "0.1.0"
