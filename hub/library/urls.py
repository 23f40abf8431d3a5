from django.urls import path

from . import feeds, views

app_name = "library"

urlpatterns = [
    path("", views.index, name="index"),
    path("feed/rss/", feeds.LibraryFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LibraryAtomFeed(), name="feed_atom"),
    path("news/feed/rss/", feeds.NewsFeed(), name="news_feed_rss"),
    path("news/feed/atom/", feeds.NewsAtomFeed(), name="news_feed_atom"),
    path("kind/<str:kind>/", views.kind_list, name="kind"),
    path("category/<slug:slug>/", views.category, name="category"),
    path("category/<slug:slug>/feed/rss/", feeds.CategoryFeed(), name="category_feed_rss"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("tag/<slug:slug>/feed/rss/", feeds.TagFeed(), name="tag_feed_rss"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("tags/suggest/", views.tag_autocomplete, name="tag_autocomplete"),
    path("share/", views.share_choose, name="share"),
    path("share/<str:kind>/", views.item_new, name="item_new"),
    path("mine/", views.my_items, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("item/<slug:slug>/", views.item_detail, name="item"),
    path("item/<slug:slug>/edit/", views.item_edit, name="item_edit"),
    path("item/<slug:slug>/submit/", views.item_submit, name="item_submit"),
    path("item/<slug:slug>/review/<str:decision>/", views.item_review, name="item_review"),
    path("item/<slug:slug>/revisions/", views.revisions, name="revisions"),
    path(
        "item/<slug:slug>/revisions/<int:number>/restore/",
        views.revision_restore,
        name="revision_restore",
    ),
    path("item/<slug:slug>/attachments/", views.attachment_add, name="attachment_add"),
    path("item/<slug:slug>/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path(
        "item/<slug:slug>/attachments/<int:pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
]
