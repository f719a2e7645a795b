"""``python -m taiyaku``."""

from __future__ import annotations

import sys

from taiyaku.cli import main

sys.exit(main())
