"""A cache that does not answer degrades to the database cache, never to an error page.

The outage is a Redis URL on a closed port (127.0.0.1:1); the normal path is checked against a
real Redis at 127.0.0.1:6379 when one answers.
"""

import json
import socket
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.utils import timezone

from hub.community import services as community
from hub.community.models import Forum, Post
from hub.core import cache as hub_cache
from hub.core import ratelimit
from hub.core.models import WorkerHeartbeat
from hub.engagement.models import Comment
from hub.library.models import Item
from hub.taxonomy.models import Category
from tests.factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = "redis://127.0.0.1:6379/15"
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "hub_cache",
    "KEY_PREFIX": "hub",
}


def _redis_caches(location: str, **options) -> dict:
    return {
        "default": {
            "BACKEND": "hub.core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"hub-test-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"FALLBACK": "database", **options},
        },
        "database": DATABASE_CACHE,
    }


@pytest.fixture
def redis_down(settings):
    hub_cache._outages.pop(DEAD_REDIS, None)
    settings.CACHES = _redis_caches(DEAD_REDIS)  # resets django.core.cache.caches
    yield caches["default"]
    hub_cache._outages.pop(DEAD_REDIS, None)


def _redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_up(settings):
    if not _redis_answers():
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = _redis_caches(LIVE_REDIS)  # a prefix of its own; keys expire in a minute
    return caches["default"]


def _item(owner) -> Item:
    item = Item.objects.create(
        kind="article",
        status="published",
        published_at=timezone.now(),
        title="Learning from the night shift",
        slug=f"night-shift-{uuid.uuid4().hex[:8]}",
        summary="What we learned.",
        body="<p>x</p>",
        owner=owner,
    )
    item.categories.add(Category.objects.filter(parent__isnull=False).first())
    return item


# With Redis down -----------------------------------------------------------------------------


def test_pages_posting_and_sign_in_answer_while_redis_is_down(client, redis_down):
    author, member = MemberFactory(), MemberFactory()
    topic = community.topic_start(
        actor=author,
        title="Handover at night",
        body="<p>What works?</p>",
        forum=Forum.objects.order_by("position").first(),
    )
    item = _item(author)

    home = client.get("/")
    search = client.get("/search/?q=handover")
    signed_in = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    reply = client.post(f"/community/topic/{topic.pk}/reply/", {"body": "Same on our ward."})
    item_ct = ContentType.objects.get_for_model(item).pk
    comment = client.post(f"/engage/comment/{item_ct}/{item.pk}/", {"body": "Useful, thanks."})

    assert home.status_code == 200 and search.status_code == 200
    assert signed_in.status_code == 302 and client.session.get("_auth_user_id") == str(member.pk)
    assert reply.status_code == 302 and Post.objects.filter(topic=topic).count() == 2
    assert comment.status_code == 302 and Comment.objects.filter(author=member).count() == 1
    assert redis_down.outage.failures >= 1


def test_a_wrong_password_is_answered_and_still_limited_while_redis_is_down(client, redis_down):
    member = MemberFactory()

    answers = [
        client.post("/accounts/login/", {"login": member.email, "password": "not it"})
        for _ in range(6)
    ]

    assert {a.status_code for a in answers} == {200}
    assert "Too many failed login attempts" not in answers[4].content.decode()
    assert "Too many failed login attempts" in answers[5].content.decode()


def test_rate_limits_fall_back_to_the_database_while_redis_is_down(redis_down):
    key = f"test:{uuid.uuid4().hex}"

    answers = [ratelimit.rate_limit_hit(key=key, limit=2, window=60) for _ in range(3)]

    assert answers == [False, False, True]


def test_the_home_page_figures_are_cached_in_the_database_while_redis_is_down(redis_down):
    cache.set("core:probe", {"members": 3}, 60)

    assert cache.get("core:probe") == {"members": 3}
    assert caches["database"].get("core:probe") == {"members": 3}


def test_after_a_failure_redis_is_left_alone_for_a_while(redis_down):
    cache.get("a")
    failures = redis_down.outage.failures

    for _ in range(20):
        cache.get("a")
        ratelimit.hits(key="test:pause", window=60)

    assert failures == 1
    assert redis_down.outage.failures == failures  # no more attempts, so no more waiting


def test_without_a_fallback_an_outage_is_a_miss(settings):
    hub_cache._outages.pop(DEAD_REDIS, None)
    settings.CACHES = {
        "default": {"BACKEND": "hub.core.cache.ResilientRedisCache", "LOCATION": DEAD_REDIS}
    }

    assert cache.get("x", "default") == "default"
    assert cache.set("x", 1) is None
    assert cache.add("lock", 1) is True  # locks built on add go ahead rather than block
    assert cache.get_or_set("y", 5) == 5
    assert cache.get_many(["x", "y"]) == {}
    with pytest.raises(ValueError):
        cache.incr("x")
    hub_cache._outages.pop(DEAD_REDIS, None)


def test_an_outage_is_logged_once_not_on_every_operation(redis_down, caplog):
    with caplog.at_level("WARNING", logger="hub.cache"):
        for _ in range(5):
            redis_down.outage.skip_until = 0  # try Redis each time
            cache.get("a")

    assert redis_down.outage.failures == 5
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1


def test_healthz_says_the_cache_is_down_and_the_hub_degraded(client, redis_down):
    response = client.get("/healthz")

    body = json.loads(response.content)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["cache"] == "down" and body["cache_backend"] == "redis"
    assert body["database"]


# With Redis up and without it --------------------------------------------------------------


def test_with_redis_up_the_cache_and_the_limits_use_redis(client, redis_up):
    key = f"test:{uuid.uuid4().hex}"
    cache.set("core:probe", 7, 60)

    answers = [ratelimit.rate_limit_hit(key=key, limit=2, window=60) for _ in range(3)]
    health = json.loads(client.get("/healthz").content)

    assert cache.get("core:probe") == 7 and caches["database"].get("core:probe") is None
    assert answers == [False, False, True]
    assert not ratelimit.RateLimitCounter.objects.exists()  # counted in Redis, not the database
    # The overall status also reads the worker's heartbeat (none here), so check the cache's part.
    assert health["cache"] == "ok" and health["cache_backend"] == "redis"
    assert client.get("/").status_code == 200


def test_with_redis_up_a_limit_counted_in_two_connections_is_enforced_once(redis_up, settings):
    key = f"test:{uuid.uuid4().hex}"
    first = redis_up
    second = hub_cache.ResilientRedisCache(
        LIVE_REDIS, {"KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"]}
    )  # its own connection pool

    counts = [each.count_hit(key, timeout=60) for each in (first, second, first, second)]

    assert counts == [1, 2, 3, 4]


def test_healthz_without_redis_names_the_database_cache(client):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w", started_at=now, last_seen=now)  # worker ok

    body = json.loads(client.get("/healthz").content)

    assert body["status"] == "ok" and body["cache"] == "ok"
    assert body["cache_backend"] == "database"


def test_migrate_makes_the_database_cache_table():
    from django.apps import apps
    from django.db import connection

    from hub.core.apps import create_cache_table

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name('hub_cache')}")
    assert "hub_cache" not in connection.introspection.table_names()

    create_cache_table(sender=apps.get_app_config("core"), using="default")  # after migrate

    assert "hub_cache" in connection.introspection.table_names()
    cache.set("probe", 1)
    assert cache.get("probe") == 1
