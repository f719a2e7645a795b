"""NM: numbers and contacts must agree across languages."""
