"""The rules: one module per rule, grouped by family; see :mod:`taiyaku.rules.registry`."""
