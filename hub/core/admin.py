from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect

from .params import ascii_int

ANONYMOUS_NAME = "Anonymous"


class ReadableAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget looks the posted value up as an id when a form with errors
    is shown again; a value that is no id (a tampered form) is shown as empty, not a 500."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if ascii_int(v) is not None], attr)


class ReadableAutocompleteMixin:
    """Use `ReadableAutocompleteSelect` for every `autocomplete_fields` foreign key."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ReadableAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AnonymousAuthorAdminMixin:
    """Admin pages of content that can be posted anonymously: "Anonymous" instead of the author.

    Only a safeguarding lead may reveal an author (hub.moderation), so the admin shows the
    author's name only for rows that were not posted anonymously, and nobody searches by author.
    """

    author_field = "author"

    @admin.display(description="author")
    def shown_author(self, obj) -> str:
        if obj.is_anonymous:
            return ANONYMOUS_NAME
        return str(getattr(obj, self.author_field))

    def _masked(self, names) -> list[str]:
        shown = ["shown_author" if name == self.author_field else name for name in names]
        return list(dict.fromkeys(shown))

    def get_readonly_fields(self, request, obj=None):
        return self._masked(super().get_readonly_fields(request, obj))

    def get_fields(self, request, obj=None):
        return self._masked(super().get_fields(request, obj))
