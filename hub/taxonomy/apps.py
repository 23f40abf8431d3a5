"""The taxonomy app: areas and categories, tags, series and the facets, shared by every content
kind. It imports no content app; content kinds register into it (queries.register_tag_carrier)."""

from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "hub.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomy"
