"""PV: privacy — support pages carry the required privacy clauses, in both languages."""
