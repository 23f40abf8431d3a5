"""DDL for the full-text part of the index, per engine (used by migrations and `reindex`).

Migrations that ran before a change keep their own copy of the statements they ran.
"""

# ruff: noqa: S608  (SQL is built from constants; every value is a query parameter)

TABLE = "search_searchdocument"

# SQLite ------------------------------------------------------------------------------------

# The FTS columns: the reader's words are matched in the first four, filters in the last.
FTS_COLUMNS = "title, summary, tag_names, body, filter_terms"
# A second index without the body: where a search's words are (title, summary or tags) is
# asked of it, whose lists are a fraction of the length ("handover" is in 571,255 rows of 1M
# and in the title, summary or tags of 119,846).
HEADS_COLUMNS = "title, summary, tag_names, filter_terms"
# A third index of network content alone (all five columns, for the rows with a network): a
# search kept to one network asks it for everything, whose lists are a twentieth of the
# length (a network's "handover" at 1M documents: its 561 matches in 0.41 ms instead of 0.98,
# where they are in 0.49 ms instead of 1.22, their snippets in 0.79 ms instead of 1.46).
NETWORK_INDEX = "search_fts_net"

_NET_VALUES = (
    "{row}.id, {row}.title, {row}.summary, {row}.tag_names, {row}.body, {row}.filter_terms"
)
# Only rows with a network are in the network index; a row moved in or out of a network is
# taken out with its old values and put in with its new ones, as in the other indexes.
_NET_INSERT = (
    f"INSERT INTO {NETWORK_INDEX}(rowid, {FTS_COLUMNS}) "
    f"SELECT {_NET_VALUES.format(row='new')} WHERE new.network_id IS NOT NULL;"
)
_NET_DELETE = (
    f"INSERT INTO {NETWORK_INDEX}({NETWORK_INDEX}, rowid, {FTS_COLUMNS}) "
    f"SELECT 'delete', {_NET_VALUES.format(row='old')} WHERE old.network_id IS NOT NULL;"
)

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
        INSERT INTO search_fts_heads(rowid, {HEADS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.filter_terms);
        {_NET_INSERT}
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_fts_heads(search_fts_heads, rowid, {HEADS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.filter_terms);
        {_NET_DELETE}
    END""",
    f"""CREATE TRIGGER search_fts_update
        AFTER UPDATE OF title, summary, tag_names, body, filter_terms, network_id ON {TABLE}
        BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.body,
                old.filter_terms);
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.body, new.filter_terms);
        INSERT INTO search_title_trgm(search_title_trgm, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO search_title_trgm(rowid, title) VALUES (new.id, new.title);
        INSERT INTO search_fts_heads(search_fts_heads, rowid, {HEADS_COLUMNS})
        VALUES ('delete', old.id, old.title, old.summary, old.tag_names, old.filter_terms);
        INSERT INTO search_fts_heads(rowid, {HEADS_COLUMNS})
        VALUES (new.id, new.title, new.summary, new.tag_names, new.filter_terms);
        {_NET_DELETE}
        {_NET_INSERT}
    END""",
]

SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
]

SQLITE_CREATE_HEADS = f"""CREATE VIRTUAL TABLE search_fts_heads USING fts5(
        {HEADS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"""

SQLITE_CREATE_NETWORK = f"""CREATE VIRTUAL TABLE {NETWORK_INDEX} USING fts5(
        {FTS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"""

# The network index holds a subset of the documents table, so it is never rebuilt with FTS5's
# 'rebuild' (which would index every row): emptied, then filled from the rows with a network.
SQLITE_FILL_NETWORK = [
    f"INSERT INTO {NETWORK_INDEX}({NETWORK_INDEX}) VALUES ('delete-all')",
    f"INSERT INTO {NETWORK_INDEX}(rowid, {FTS_COLUMNS}) "
    f"SELECT id, title, summary, tag_names, body, filter_terms FROM {TABLE} "
    "WHERE network_id IS NOT NULL ORDER BY id",
]

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {FTS_COLUMNS},
        content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE VIRTUAL TABLE search_title_trgm USING fts5(
        title, content='{TABLE}', content_rowid='id', tokenize='trigram')""",
    SQLITE_CREATE_HEADS,
    SQLITE_CREATE_NETWORK,
    *SQLITE_TRIGGERS,
]

SQLITE_DROP = [
    *SQLITE_DROP_TRIGGERS,
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_title_trgm",
    "DROP TABLE IF EXISTS search_fts_heads",
    f"DROP TABLE IF EXISTS {NETWORK_INDEX}",
]

# Rebuild the FTS tables from the documents table in one pass each (after a bulk load).
SQLITE_REBUILD = [
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    "INSERT INTO search_title_trgm(search_title_trgm) VALUES ('rebuild')",
    "INSERT INTO search_fts_heads(search_fts_heads) VALUES ('rebuild')",
    *SQLITE_FILL_NETWORK,
]

# Then merge each index into one segment: a rebuild writes a segment for every megabyte of
# terms (16 at 1M posts), and every search reads them all. Merged, the network-content search
# read its matches in 0.27 ms instead of 0.64 at 10k posts. Writes then add small segments,
# which FTS5's automerge keeps few.
SQLITE_OPTIMIZE = [
    "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
    "INSERT INTO search_title_trgm(search_title_trgm) VALUES ('optimize')",
    "INSERT INTO search_fts_heads(search_fts_heads) VALUES ('optimize')",
    f"INSERT INTO {NETWORK_INDEX}({NETWORK_INDEX}) VALUES ('optimize')",
]

# PostgreSQL --------------------------------------------------------------------------------

# Id-range terms, worked out from the row's id by PostgreSQL itself: `zra857` for the range of
# 2**31 ids the id falls in (about 24 days of posting time: ids are the posting second times
# 1024), `zrb3428` for its range of 2**29 (about 6 days). A search for the newest matches of a
# phrase names the ranges that cover the latest ids (postgres.py, `id_range_terms`).
COARSE_ID_BITS = 31
FINE_ID_BITS = 29
COARSE_ID_TERM = "zra"
FINE_ID_TERM = "zrb"

# Text at weights A (title), B (summary and tags), C (body); filter terms and the id-range
# terms at D, unstemmed.
POSTGRES_VECTOR = f"""
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig,
                 coalesce(summary, '') || ' ' || coalesce(tag_names, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
    || setweight(to_tsvector('simple'::regconfig, coalesce(filter_terms, '')), 'D')
    || setweight(to_tsvector('simple'::regconfig,
                 '{COARSE_ID_TERM}' || (id >> {COARSE_ID_BITS})::text
                 || ' {FINE_ID_TERM}' || (id >> {FINE_ID_BITS})::text), 'D')
"""

POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Keep rows whole up to a full page: a search tests each row it walks against its vector,
    # and a vector moved out to TOAST cost several extra page reads per row.
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 8160)",
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({POSTGRES_VECTOR}) STORED",
    f"CREATE INDEX search_doc_vector ON {TABLE} USING GIN (search_vector)",
    f"CREATE INDEX search_doc_title_trgm ON {TABLE} USING GIN (title gin_trgm_ops)",
]

POSTGRES_DROP = [
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    "DROP INDEX IF EXISTS search_doc_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]
