"""JA: Japanese writing — one spelling per word, the site's terms, punctuation, politeness
and character widths, read only in Japanese prose."""
