"""The hub's cache backend for Redis: an outage degrades to the database cache, never to an error.

`ResilientRedisCache` is Django's `RedisCache` with three changes:

- every operation that fails with a Redis or socket error is answered from the fallback cache
  (the `FALLBACK` option, the database cache in `hub/settings.py`), or with a miss when there is
  none, and the failure is logged (once when the outage starts, then at most once a minute) and
  counted;
- after a failure the process leaves Redis alone for `RETRY_AFTER` seconds (5 by default) and
  goes straight to the fallback, so a dead Redis does not make every request wait for a timeout;
- short socket timeouts (0.5 s to connect and to read) and no retries, unless OPTIONS say otherwise.

The fallback is a cache shared by every process (the database), so sign-in limits, rate limits
and one-time codes still hold while Redis is down. `status()` tells `/healthz` how it is.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

try:  # redis-py is installed wherever REDIS_URL is used
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover
    RedisError = OSError  # type: ignore[assignment,misc]

logger = logging.getLogger("hub.cache")

CACHE_ERRORS = (RedisError, OSError)
LOG_EVERY = 60.0  # seconds between "still down" log lines


class _Outage:
    """Per process (shared by the threads' cache instances): is Redis down, and since when."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.failures = 0  # failed operations since the process started
        self.down_since: float | None = None
        self.skip_until = 0.0
        self.last_logged = 0.0
        self.last_error = ""


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class ResilientRedisCache(RedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.fallback_alias: str | None = options.pop("FALLBACK", None)
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)
        self.outage = _outage_for(self.location)

    # Outage bookkeeping -------------------------------------------------------------------

    def _skipping(self) -> bool:
        return time.monotonic() < self.outage.skip_until

    def _failed(self, operation: str, error: BaseException) -> None:
        now = time.monotonic()
        outage = self.outage
        with outage.lock:
            outage.failures += 1
            outage.skip_until = now + self.retry_after
            outage.last_error = f"{type(error).__name__}: {error}"
            starting = outage.down_since is None
            if starting:
                outage.down_since = now
            due = starting or now - outage.last_logged >= LOG_EVERY
            if due:
                outage.last_logged = now
            failures = outage.failures
        if starting:
            logger.warning(
                "Cache unreachable (%s on %s): carrying on with the %s cache",
                outage.last_error,
                operation,
                self.fallback_alias or "no",
            )
        elif due:
            logger.warning(
                "Cache still unreachable (%s); %d failed operations so far",
                outage.last_error,
                failures,
            )

    def _recovered(self) -> None:
        outage = self.outage
        if outage.down_since is None:
            return
        with outage.lock:
            if outage.down_since is None:
                return
            lasted = time.monotonic() - outage.down_since
            outage.down_since = None
            outage.skip_until = 0.0
        logger.warning("Cache reachable again after %.0f s", lasted)

    def _fallback(self) -> Any:
        if not self.fallback_alias:
            return None
        return caches[self.fallback_alias]

    def _call(self, operation: str, args: tuple, kwargs: dict, miss: Any) -> Any:
        if not self._skipping():
            try:
                result = getattr(super(), operation)(*args, **kwargs)
            except CACHE_ERRORS as error:
                self._failed(operation, error)
            else:
                self._recovered()
                return result
        fallback = self._fallback()
        if fallback is not None:
            try:
                return getattr(fallback, operation)(*args, **kwargs)
            except Exception:  # the fallback failing too is still no reason for an error page
                logger.exception("Fallback cache failed on %s", operation)
        if isinstance(miss, BaseException):
            raise miss
        return miss() if callable(miss) else miss

    # The cache API ------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # With no cache at all "stored" is the answer that does not block: locks built on add
        # (allauth's rate limits) go ahead instead of waiting and refusing.
        return self._call("add", (key, value), {"timeout": timeout, "version": version}, True)

    def get(self, key, default=None, version=None):
        return self._call("get", (key,), {"default": default, "version": version}, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", (key, value), {"timeout": timeout, "version": version}, None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", (key,), {"timeout": timeout, "version": version}, False)

    def delete(self, key, version=None):
        return self._call("delete", (key,), {"version": version}, False)

    def get_many(self, keys, version=None):
        return self._call("get_many", (keys,), {"version": version}, dict)

    def has_key(self, key, version=None):
        return self._call("has_key", (key,), {"version": version}, False)

    def incr(self, key, delta=1, version=None):
        return self._call(
            "incr", (key,), {"delta": delta, "version": version}, ValueError(f"{key!r} not found")
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "set_many", (data,), {"timeout": timeout, "version": version}, lambda: list(data)
        )

    def delete_many(self, keys, version=None):
        return self._call("delete_many", (keys,), {"version": version}, None)

    def clear(self):
        return self._call("clear", (), {}, False)

    # For the rate limiter and the health check --------------------------------------------

    def count_hit(self, key: str, *, timeout: int) -> int | None:
        """Add one to the counter `key` (created with `timeout`), atomically; None if Redis is down.

        One round trip: SET NX EX then INCR inside MULTI, so the counter always expires.
        """
        if self._skipping():
            return None
        redis_key = self.make_and_validate_key(key)
        try:
            client = self._cache.get_client(redis_key, write=True)
            with client.pipeline(transaction=True) as pipe:
                pipe.set(redis_key, 0, ex=timeout, nx=True)
                pipe.incr(redis_key)
                _, count = pipe.execute()
        except CACHE_ERRORS as error:
            self._failed("count_hit", error)
            return None
        self._recovered()
        return int(count)

    def ping(self) -> bool:
        """Ask Redis itself (ignoring the pause after a failure): True when it answers."""
        try:
            self._cache.get_client(write=True).ping()
        except CACHE_ERRORS as error:
            self._failed("ping", error)
            return False
        self._recovered()
        return True


def status() -> dict[str, Any]:
    """The default cache for `/healthz`: which backend, whether it answers, failures counted."""
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        up = cache.ping()
        return {
            "cache": "ok" if up else "down",
            "cache_backend": "redis",
            "cache_failures": cache.outage.failures,
        }
    backend = type(cache).__module__.rsplit(".", 1)[-1]  # "db", "locmem", ...
    return {"cache": "ok", "cache_backend": {"db": "database"}.get(backend, backend)}
