"""Search's pages: the search page, its feed and suggestions, member search (index: hub.search)."""
