"""The SQLite layout of a corpus index, opening it, and batched transactions.

Tables: ``sources`` (every file or digest seen, with its content hash, size
and modification time, its treaty, or the reason it failed), ``treaties``
(metadata), ``findings`` (a source's curated absences and provisions at an
unknown article), ``articles`` (text, provision kinds, LSH band keys as a blob),
``fts`` (FTS5 over article text, external content), ``terms`` (each FTS
term's article count, copied from the ``vocab`` view after every run, for
choosing rare query words) and ``bands`` (LSH key → article). Treaties are
written in batches, each batch in one transaction, so an interrupted run
leaves a consistent index. The band rows of a run's articles (ids above
the one row of ``pending_bands``) are written once, in key order, from their
stored keys by :func:`merge_bands` at the end of the run, or when an index is
opened after an interrupted run: inserting at random keys one treaty at a
time rewrites most of a large index's pages.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from treatydiff.corpus.minhash import BANDS, MIN_WORDS, ROWS
from treatydiff.errors import CorpusError

__all__ = [
    "SCHEMA_VERSION",
    "batches",
    "connect",
    "merge_bands",
    "pend_bands",
    "transaction",
]

SCHEMA_VERSION = "3"

#: Bytes the write-ahead log is cut back to after a checkpoint.
WAL_LIMIT = 64 * 1024 * 1024

#: SQLite's page cache per connection, in KiB: the band table's B-tree is
#: written at random keys, and a small cache rereads its pages.
CACHE_KIB = 64 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
    path TEXT PRIMARY KEY, hash TEXT NOT NULL, stamp TEXT, treaty INTEGER,
    error TEXT);
CREATE TABLE IF NOT EXISTS treaties(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT,
    parties TEXT NOT NULL, signed TEXT, lang TEXT, kind TEXT NOT NULL,
    source TEXT NOT NULL, articles INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY AUTOINCREMENT, treaty INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    ref TEXT NOT NULL, num TEXT NOT NULL, heading TEXT, text TEXT NOT NULL,
    words INTEGER NOT NULL, labels TEXT NOT NULL, keys BLOB);
CREATE INDEX IF NOT EXISTS articles_treaty ON articles(treaty, pos);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    text, content='articles', content_rowid='id', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, row);
CREATE TABLE IF NOT EXISTS terms(
    term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings(
    treaty INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
    note TEXT NOT NULL, PRIMARY KEY(treaty, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bands(
    key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(key, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending_bands(since INTEGER NOT NULL);
"""


def _expected() -> dict[str, str]:
    return {
        "schema": SCHEMA_VERSION,
        "bands": str(BANDS),
        "rows": str(ROWS),
        "min_words": str(MIN_WORDS),
    }


def connect(
    path: str | os.PathLike[str], *, create: bool = False
) -> sqlite3.Connection:
    """Open (or with ``create``, make) an index; raises :class:`CorpusError` for a
    missing file or one that is not a treatydiff index of this version. A file
    that is not an index is left as it was."""
    name = os.fspath(path)
    if not create:
        _check_file(name)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise CorpusError(f"{name}: cannot open an index there ({exc})") from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if create and not tables:
            values = ", ".join(f"('{k}', '{v}')" for k, v in _expected().items())
            conn.executescript(
                f"BEGIN; {_SCHEMA} INSERT INTO meta VALUES {values}; COMMIT;"
            )
        elif "meta" not in tables:
            raise CorpusError(f"{name}: not a treatydiff index (no meta table)")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta != _expected():
            raise CorpusError(
                f"{name}: built with other index settings {meta}; rebuild it"
            )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorpusError(f"{name}: not a treatydiff index ({exc})") from exc
    except CorpusError:
        conn.close()
        raise
    merge_bands(conn)
    return conn


def _check_file(name: str) -> None:
    """An index to open must exist and be an SQLite database (not an empty
    file: SQLite would take it as a new database and write to it)."""
    if not os.path.isfile(name):
        raise CorpusError(f"{name}: no such index (build it with 'treatydiff index')")
    with open(name, "rb") as file:
        head = file.read(len(_SQLITE_HEADER))
    if head != _SQLITE_HEADER:
        what = "an empty file" if not head else "not an SQLite database"
        raise CorpusError(f"{name}: not a treatydiff index ({what})")


_SQLITE_HEADER = b"SQLite format 3\x00"


def pend_bands(conn: sqlite3.Connection) -> None:
    """Mark the articles written from now on as still without band rows."""
    if conn.execute("SELECT 1 FROM pending_bands").fetchone() is None:
        last = conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'articles'"
        ).fetchone()
        with transaction(conn):
            conn.execute(
                "INSERT INTO pending_bands VALUES (?)", (last[0] if last else 0,)
            )


def merge_bands(conn: sqlite3.Connection) -> None:
    """Write the band rows of the pending articles in key order, in one
    transaction."""
    pending = conn.execute("SELECT since FROM pending_bands").fetchone()
    if pending is None:
        return
    rows = conn.execute(
        "SELECT id, keys FROM articles WHERE id > ? AND keys IS NOT NULL ORDER BY id",
        pending,
    ).fetchall()
    ids = np.repeat(np.array([r[0] for r in rows], np.int64), BANDS)
    keys = np.frombuffer(b"".join(r[1] for r in rows), np.int64)
    order = np.lexsort((ids, keys))
    with transaction(conn):
        for start in range(0, len(order), _CHUNK):
            part = order[start : start + _CHUNK]
            conn.executemany(
                "INSERT OR IGNORE INTO bands VALUES (?, ?)",
                zip(keys[part].tolist(), ids[part].tolist(), strict=True),
            )
        conn.execute("DELETE FROM pending_bands")


_CHUNK = 1 << 20  # band rows converted to Python at a time


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # Ctrl-C or SIGTERM may come between a batch's COMMIT and its next
        # BEGIN: then there is nothing to roll back.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def batches(conn: sqlite3.Connection, rows: int) -> Iterator[Callable[[int], None]]:
    """Transactions of about ``rows`` written rows: yields ``wrote(n)``, which
    commits once ``rows`` are pending; the last batch commits at the end, and
    an exception rolls back the batch in progress (earlier ones stay)."""
    pending = 0

    def wrote(n: int) -> None:
        nonlocal pending
        pending += n
        if pending >= rows:
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            pending = 0

    with transaction(conn):
        yield wrote
