"""What content is about: areas and categories, tags, series and the facets that describe it."""
