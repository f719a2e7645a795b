"""taiyaku (対訳): lint a website's Japanese pages against their English counterparts."""

from __future__ import annotations

__version__ = "0.1.0"

# Where the project and its rule documentation live (also pyproject's [project.urls]):
# SARIF's informationUri, and each rule's helpUri (an anchor into docs/rules.md).
HOMEPAGE = "https://github.com/taiyaku/taiyaku"
RULES_DOC_URL = f"{HOMEPAGE}/blob/main/docs/rules.md"
