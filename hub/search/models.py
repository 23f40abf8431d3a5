"""The search index: one denormalised row per searchable object, whatever its kind.

A `SearchDocument` exists only while its object may be shown to someone (published, not
hidden, not deleted); `visible_from` holds back scheduled items until their time. Rows are
written by `hub.search.services` (after each commit, and by `manage.py reindex`), never by
hand. Filters (type, network, author, dates, counts) are plain indexed columns here;
many-valued filters (tags, categories with their ancestors, forums with their parents) are
`SearchFacet` rows. The full-text part lives beside this table and is engine-specific (see
`hub/search/backends/`): an FTS5 table on SQLite, a generated weighted tsvector column on
PostgreSQL. Both are created by this app's migrations.
"""

from django.db import models


class SearchDocument(models.Model):
    id = models.BigAutoField(primary_key=True)
    # Which registered source made the row ("library.item", "community.post", …) and its pk.
    source = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    # What the reader filters on as "type": an item kind, "topic", "reply", "event", …
    kind = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Plain text, never HTML.")
    tag_names = models.TextField(blank=True, help_text="For display: comma-separated.")
    url = models.CharField(max_length=500)
    # Where it lives, for display ("Medication safety", "Falls forum", a network's name).
    place = models.CharField(max_length=200, blank=True)
    place_url = models.CharField(max_length=500, blank=True)
    forum_id = models.PositiveBigIntegerField(null=True, blank=True)
    network_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Empty for public content; else members only."
    )
    # Empty when the object was posted anonymously: an author filter can never find it.
    author_id = models.PositiveBigIntegerField(null=True, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    is_anonymous = models.BooleanField(default=False)
    created = models.DateTimeField()
    updated = models.DateTimeField()
    visible_from = models.DateTimeField(help_text="Hidden from results until then.")
    comment_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="search_document_once")
        ]
        # Sort indexes end with -id, the tie-break, so a page is read straight off the index.
        indexes = [
            models.Index(fields=["-created", "-id"], name="search_doc_created"),
            models.Index(fields=["-updated", "-id"], name="search_doc_updated"),
            models.Index(fields=["kind", "-created"], name="search_doc_kind"),
            models.Index(fields=["network_id", "-created"], name="search_doc_network"),
            models.Index(fields=["author_id", "-created"], name="search_doc_author"),
            models.Index(fields=["forum_id"], name="search_doc_forum"),
            models.Index(fields=["-view_count", "-id"], name="search_doc_views"),
            models.Index(fields=["-comment_count", "-id"], name="search_doc_comments"),
            models.Index(fields=["-reaction_count", "-id"], name="search_doc_reactions"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id} {self.title}"


class SearchFacet(models.Model):
    """One value of a many-valued filter: ("tag", tag id), ("category", id), ("forum", id)."""

    id = models.BigAutoField(primary_key=True)
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "value", "document"], name="search_facet_once")
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
