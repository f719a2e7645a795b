"""The vocabulary every layer shares: diagnostics, languages, places in a file, paths.

Nothing here imports another part of taiyaku (except :mod:`taiyaku.errors`).
"""
