"""IN: input — files that cannot be read or parsed as pages."""
