"""The synthetic corpus generator, at a small scale (the benchmark runs it at a million posts)."""

import re
from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Count, Max

from bench.corpus import (
    CORPUS_PASSWORD,
    RARE_TERMS,
    USERNAME_PREFIX,
    CorpusGenerator,
    CorpusIndexer,
    CorpusSpec,
    iter_sample_text,
)
from bench.generate_corpus import Command as GenerateCorpus
from hub.accounts.models import User
from hub.community.models import Forum, Post, Topic
from hub.library.models import Item, ItemStatus
from hub.networks.models import Membership

SMALL = {"items": 80, "posts": 600, "members": 60, "seed": 3, "until": date(2026, 6, 1)}


def generate(**overrides):
    spec = CorpusSpec(**{**SMALL, **overrides})
    return CorpusGenerator(spec).run()


def snapshot():
    return (
        list(Item.objects.order_by("pk").values_list("title", "body", "status", "network_id")),
        list(Post.objects.order_by("pk").values_list("body", "author_id", "created")),
        list(User.objects.order_by("pk").values_list("username", "display_name", "about")),
    )


def words(texts):
    counter = Counter()
    for text in texts:
        counter.update(re.findall(r"[a-z][a-z'-]+", re.sub(r"<[^>]+>", " ", text.lower())))
    return counter


@pytest.mark.django_db
def test_the_corpus_has_the_counts_asked_for_and_consistent_topics():
    report = generate()

    assert User.objects.filter(username__startswith=USERNAME_PREFIX).count() == 60
    assert Item.objects.count() == 80
    assert Post.objects.count() == 600
    assert report.counts["posts"] == 600 and report.counts["items"] == 80
    topics = Topic.objects.annotate(n=Count("posts"), top=Max("posts__number"))
    assert topics.count() == report.counts["topics"] > 10
    for topic in topics:
        assert topic.n == topic.top == topic.last_post_number == topic.reply_count + 1
    # Every item is filed in a category; the generator picks from the real taxonomy.
    assert not Item.objects.filter(categories=None).exists()
    assert Item.objects.exclude(tags=None).count() > 40


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_on_postgresql_the_corpus_leaves_statistics_as_autovacuum_would():
    generate()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_stats WHERE tablename IN "
            "('accounts_user', 'account_emailaddress', 'community_post')"
        )
        analysed = {row[0] for row in cursor.fetchall()}

    assert analysed == {"accounts_user", "account_emailaddress", "community_post"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's visibility map")
def test_on_postgresql_a_corpus_loaded_outside_a_transaction_is_vacuumed_for_index_only_scans():
    from hub.taxonomy.loaders import load_categories, load_forums
    from hub.taxonomy.models import Category

    # Transactional tests run last, after others have flushed what data migrations wrote.
    load_categories(Category)
    load_forums(Forum)
    call_command(GenerateCorpus(), items=20, posts=100, members=20, seed=3, stdout=StringIO())

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relallvisible FROM pg_class WHERE relname IN "
            "('accounts_user', 'account_emailaddress', 'search_searchdocument')"
        )
        all_visible_pages = dict(cursor.fetchall())

    # ANALYZE alone leaves the visibility map empty (0 pages), and the planner then avoids
    # index-only scans.
    assert all_visible_pages["accounts_user"] > 0
    assert all_visible_pages["account_emailaddress"] > 0
    assert all_visible_pages["search_searchdocument"] > 0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table order")
def test_on_postgresql_a_reindex_leaves_the_index_table_in_id_order():
    from hub.search.services import reindex_all

    def ids_in_table_order():
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM search_searchdocument ORDER BY ctid")
            return [row[0] for row in cursor.fetchall()]

    call_command(GenerateCorpus(), items=30, posts=200, members=20, seed=3, stdout=StringIO())
    after_the_bulk_path = ids_in_table_order()
    reindex_all()
    after_reindex = ids_in_table_order()

    # Written source by source (items, then topics, then posts), the rows would interleave.
    assert len(after_the_bulk_path) > 200
    assert after_the_bulk_path == sorted(after_the_bulk_path)
    assert after_reindex == sorted(after_reindex)


@pytest.mark.django_db
def test_the_writing_is_varied_with_a_long_tail_of_rare_words():
    generate()
    titles = list(Item.objects.values_list("title", flat=True))
    assert len(set(titles)) > len(titles) * 0.8
    counts = words(Post.objects.values_list("body", flat=True))
    frequencies = sorted(counts.values(), reverse=True)
    # Zipf-like: the commonest words are far commoner than the median one, a good share of
    # the vocabulary occurs only once or twice, and reference numbers are unique tokens.
    assert frequencies[0] > 30 * frequencies[len(frequencies) // 2]
    assert sum(1 for f in frequencies if f <= 2) > len(frequencies) * 0.15
    references = re.findall(r"IR-\d+", " ".join(Post.objects.values_list("body", flat=True)))
    assert len(set(references)) > len(references) * 0.9 > 20
    rare_seen = {t for t in RARE_TERMS if counts[t.lower()]}
    assert 5 < len(rare_seen) < len(RARE_TERMS)
    years = {created.year for created in Post.objects.values_list("created", flat=True)}
    assert len(years) >= 4


@pytest.mark.django_db
def test_the_corpus_mixes_what_some_people_may_not_see():
    generate(items=300, posts=2000)

    statuses = set(Item.objects.values_list("status", flat=True))
    assert {ItemStatus.PUBLISHED, ItemStatus.DRAFT, ItemStatus.SUBMITTED} <= statuses
    assert Item.objects.filter(is_anonymous=True).exists()
    assert Item.objects.filter(network__isnull=False).exists()
    assert Post.objects.filter(is_anonymous=True).exists()
    assert Post.objects.filter(hidden_at__isnull=False).exists()
    assert Post.objects.filter(deleted_at__isnull=False).exists()
    network_topics = Topic.objects.filter(network__isnull=False)
    assert network_topics.exists()
    # Network content is written by the network's members.
    for post in Post.objects.filter(topic__network__isnull=False).select_related("topic"):
        assert Membership.objects.filter(
            network_id=post.topic.network_id, user_id=post.author_id
        ).exists()
    assert Item.objects.filter(status=ItemStatus.PUBLISHED, network=None).count() > 200


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_corpus_and_another_seed_does_not():
    with transaction.atomic():
        generate()
        first = snapshot()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate()
        again = snapshot()
        transaction.set_rollback(True)
    generate(seed=4)
    other = snapshot()

    assert first == again
    assert first[0] != other[0] and first[1] != other[1]
    assert list(iter_sample_text(9, 20)) == list(iter_sample_text(9, 20))


@pytest.mark.django_db
def test_members_share_one_password_hash_that_signs_in():
    generate(items=0, posts=0)
    hashes = set(
        User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("password", flat=True)
    )
    assert len(hashes) == 1
    assert check_password(CORPUS_PASSWORD, hashes.pop())


@pytest.mark.django_db
def test_the_command_refuses_a_second_corpus_unless_told_to_append():
    options = {"members": 20, "items": 10, "posts": 50, "index": "none", "until": SMALL["until"]}
    call_command(GenerateCorpus(), **options, stdout=None)
    with pytest.raises(CommandError, match="--append"):
        call_command(GenerateCorpus(), **options)

    call_command(GenerateCorpus(), **options, append=True, seed=2)

    assert User.objects.filter(username__startswith=USERNAME_PREFIX).count() == 40
    assert Item.objects.count() == 20
    assert Post.objects.count() == 100
    assert len(set(Item.objects.values_list("slug", flat=True))) == 20


@pytest.mark.django_db
def test_the_command_needs_members_before_content():
    with pytest.raises(CommandError, match="members"):
        call_command(GenerateCorpus(), posts=10, index="none")
    with pytest.raises(CommandError, match="Nothing to do"):
        call_command(GenerateCorpus())


def index_snapshot():
    from hub.search.models import SearchDocument

    fields = [f.attname for f in SearchDocument._meta.concrete_fields if f.attname != "id"]
    return {
        (row["source"], row["object_id"]): row for row in SearchDocument.objects.values(*fields)
    }


@pytest.mark.django_db
def test_the_fast_corpus_index_writes_exactly_what_reindex_writes():
    from hub.search.models import SearchDocument
    from hub.search.services import reindex_all

    generate(items=100, posts=400)
    CorpusIndexer().run()
    fast_docs = index_snapshot()
    fast_ids = sorted(SearchDocument.objects.values_list("pk", flat=True))
    reindex_all()
    real_docs = index_snapshot()

    assert len(fast_docs) > 350
    assert fast_docs.keys() == real_docs.keys()
    for key, row in real_docs.items():
        assert fast_docs[key] == row, key
    # Both choose the same ids: they follow the time of posting, not the order of writing.
    assert sorted(SearchDocument.objects.values_list("pk", flat=True)) == fast_ids
    # The full-text part is built too: a word from a reply finds it.
    reply = SearchDocument.objects.filter(kind="reply").order_by("pk").first()
    word = max(reply.body.split(), key=len).strip(".,()")
    from hub.searchpages.queries import SearchParams, search

    found = search(viewer=AnonymousUser(), params=SearchParams(q=word))
    assert found.count > 0
