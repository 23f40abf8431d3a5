"""The hub's one rate limiter: every limit on members' posting goes through `rate_limit_hit`.

A limit counts hits per key in fixed windows (`window` seconds long) in a store every worker
process shares, atomically, so a member who spreads requests over processes is counted once:

- with Redis (`REDIS_URL`): SET NX EX + INCR in one MULTI (`ResilientRedisCache.count_hit`);
- without Redis, and whenever Redis does not answer: a row per key and window in the database
  (`RateLimitCounter`), counted with one INSERT ... ON CONFLICT DO UPDATE SET hits = hits + 1.

During a Redis outage the limiter falls back to the database rather than failing open: the
database is needed to post anything anyway, and a limit that vanishes with Redis would let a
flood through just when the hub is under strain. (A window that straddles the start or end of
an outage may count in both stores, so a member can get up to twice the limit once.)

allauth's sign-in limits use the default cache, which is the same shared store (Redis, or the
database cache without it); see `CACHES` in `hub/settings.py`.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import caches
from django.db import connection

from .cache import ResilientRedisCache
from .models import RateLimitCounter

GRACE = 5  # seconds a window's counter outlives the window


def rate_limit_hit(*, key: str, limit: int, window: int) -> bool:
    """Count one hit for `key`; True when it is over `limit` hits in this `window` (seconds).

    `key` names the limit and who it counts, e.g. "community:post:42".
    """
    return hits(key=key, window=window) > limit


def hits(*, key: str, window: int) -> int:
    """Count one hit for `key` in the current window and return the window's total so far."""
    window = max(int(window), 1)
    bucket = int(time.time() // window)
    full_key = f"ratelimit:{key}:{window}:{bucket}"
    if len(full_key) > 200:
        full_key = f"ratelimit:{hashlib.sha256(full_key.encode()).hexdigest()}"
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        count = cache.count_hit(full_key, timeout=window + GRACE)
        if count is not None:
            return count
    return _count_in_database(full_key, expires=(bucket + 1) * window + GRACE)


def _count_in_database(key: str, *, expires: int) -> int:
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({qn('key')}, {qn('hits')}, {qn('expires')}) "  # noqa: S608
            f"VALUES (%s, 1, %s) ON CONFLICT ({qn('key')}) "
            f"DO UPDATE SET {qn('hits')} = {table}.{qn('hits')} + 1 RETURNING {qn('hits')}",
            [key, expires],
        )
        count = int(cursor.fetchone()[0])
    if count == 1:  # a new window: clear away the ones that are over
        RateLimitCounter.objects.filter(expires__lt=int(time.time())).delete()
    return count
