"""The search index: the registry content kinds fill, the indexer, both engines."""
