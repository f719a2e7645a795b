"""TY: taiyaku itself — its own suppression comments."""
