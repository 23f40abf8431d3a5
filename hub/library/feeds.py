"""RSS and Atom feeds of published items: the whole library, an area or category, a tag, news."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from hub.core.richtext import html_to_text
from hub.core.templatetags.safety import public_time
from hub.taxonomy.models import Category
from hub.taxonomy.queries import public_tags

from . import queries
from .models import Item, ItemKind

FEED_LENGTH = 30


class LibraryFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Safety Hub library"
    description = "New learning about patient safety, shared on Safety Hub."

    def link(self):
        return reverse("library:index")

    def items(self):
        return queries.published_items()[:FEED_LENGTH]

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return html_to_text(item.summary)

    def item_link(self, item: Item) -> str:
        return item.get_absolute_url()

    # An anonymous item's times are given to the day (and so is the feed's Last-Modified).
    def item_pubdate(self, item: Item):
        return public_time(item, "published_at")

    def item_updateddate(self, item: Item):
        return public_time(item, "updated")

    def item_author_name(self, item: Item) -> str:
        # Anonymous items never carry their author, in any surface.
        return "Anonymous" if item.is_anonymous else item.owner.public_name

    def item_categories(self, item: Item):
        return [c.name for c in item.categories.all()] + [t.name for t in item.tags.all()]


class LibraryAtomFeed(LibraryFeed):
    feed_type = Atom1Feed
    subtitle = LibraryFeed.description


class CategoryFeed(LibraryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"Safety Hub library: {category.name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return f"New learning in {category.name} on Safety Hub."

    def items(self, category):
        return queries.published_items(category=category)[:FEED_LENGTH]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)


class TagFeed(LibraryFeed):
    def get_object(self, request, slug):
        # A feed is a public document (read by feed readers, without a session): only tags
        # that public content carries have one.
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, tag):
        return f"Safety Hub library: tagged “{tag.name}”"

    def link(self, tag):
        return tag.get_absolute_url()

    def description(self, tag):
        return f"New learning tagged {tag.name} on Safety Hub."

    def items(self, tag):
        return queries.published_items(tag=tag)[:FEED_LENGTH]


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)


class NewsFeed(LibraryFeed):
    title = "Safety Hub news"
    description = "Patient safety news from Safety Hub."

    def link(self):
        return reverse("library:kind", kwargs={"kind": ItemKind.NEWS})

    def items(self):
        return queries.published_items(kind=ItemKind.NEWS)[:FEED_LENGTH]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
