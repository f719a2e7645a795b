"""FM: front matter — YAML that parses, fits the site's schema, agrees across languages,
and keeps breadcrumbs and redirects consistent."""
