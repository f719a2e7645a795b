"""PR: pairing — every Japanese page has its English translation, and vice versa."""
