"""The search engine for the database in use: SQLite FTS5 or PostgreSQL full-text.

Both implement `base.Engine`; `hub.searchpages.queries` only talks to that interface, and the
contract suite (tests/unit/search/test_engine_contract.py) runs against whichever is active.
"""

from functools import cache

from django.db import connection

from .base import Engine


@cache
def _engine_for(vendor: str) -> Engine:
    if vendor == "postgresql":
        from .postgres import PostgresEngine

        return PostgresEngine()
    if vendor == "sqlite":
        from .sqlite_fts5 import SqliteEngine

        return SqliteEngine()
    raise LookupError(f"Search has no engine for the {vendor} database")


def engine() -> Engine:
    return _engine_for(connection.vendor)
