"""Clause search over an index: similar articles to a text or to an indexed
article (LSH band candidates, plus FTS5 keyword candidates for a text), and
keyword search (FTS5, BM25 ranking).

Similarity is ``rapidfuzz.fuzz.ratio`` of the normalised texts (0-100), the
measure :mod:`treatydiff.corpus.sources` uses too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from treatydiff.alignment.normalise import normalize
from treatydiff.corpus.minhash import band_keys
from treatydiff.corpus.records import Hit
from treatydiff.errors import InvalidArgument, UnknownRef

__all__ = ["KEYWORD_CANDIDATES", "article_id", "keyword", "like", "similar"]

#: FTS5 matches (best BM25 first) added to the candidates of a text query.
KEYWORD_CANDIDATES = 100
#: The rarest query words are searched, as many as fit in this many postings.
KEYWORD_POSTINGS = 3000
#: Candidates scored, those nearest the query in length (fuzz.ratio is at
#: most 200 * shorter / (both lengths), so far longer or shorter texts rank low).
SCORED = 150

_HIT_SQL = (
    "SELECT a.id, t.name, a.ref, a.heading, t.signed, a.labels, a.text"
    " FROM articles a JOIN treaties t ON t.id = a.treaty WHERE a.id IN ({})"
)


def _rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple]:  # type: ignore[type-arg]
    out: list[tuple] = []  # type: ignore[type-arg]
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        out += conn.execute(_HIT_SQL.format(",".join("?" * len(chunk))), chunk)
    return out


def _band_candidates(conn: sqlite3.Connection, keys: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for key in keys:
        found.update(
            r[0]
            for r in conn.execute("SELECT article FROM bands WHERE key = ?", (key,))
        )
    return found


def _ranked(
    conn: sqlite3.Connection, query: str, candidates: set[int], k: int
) -> list[Hit]:
    rows = _rows(conn, sorted(candidates))
    if len(rows) > SCORED:
        size = len(query)
        rows.sort(key=lambda r: (abs(len(r[6]) - size) / (len(r[6]) + size), r[0]))
        rows = rows[:SCORED]
    choices = [normalize(row[6]) for row in rows]
    best = process.extract(query, choices, scorer=fuzz.ratio, limit=None)
    best.sort(key=lambda m: (-m[1], rows[m[2]][1], rows[m[2]][2]))
    return [_hit(rows[i], score) for _, score, i in best[:k]]


def _hit(row: tuple, score: float) -> Hit:  # type: ignore[type-arg]
    _, name, ref, heading, signed, labels, text = row
    return Hit(
        treaty=name,
        ref=ref,
        heading=heading,
        signed=signed,
        score=float(score),
        labels=labels.split(),
        text=text,
    )


def similar(conn: sqlite3.Connection, text: str, k: int = 10) -> list[Hit]:
    """The ``k`` articles most similar to ``text``."""
    query = normalize(text)
    if not query:
        raise InvalidArgument("empty search text")
    candidates = _band_candidates(conn, band_keys(query))
    terms = " OR ".join(f'"{w}"' for w in _rare_words(conn, query.split()))
    candidates.update(
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?",
            (terms, KEYWORD_CANDIDATES),
        )
    )
    return _ranked(conn, query, candidates, k)


def _rare_words(conn: sqlite3.Connection, words: list[str]) -> list[str]:
    """The query's rarest words (in the index) within :data:`KEYWORD_POSTINGS`;
    at least one. A word the index lacks costs nothing."""
    distinct = list(dict.fromkeys(words))
    marks = ",".join("?" * len(distinct))
    docs = dict(
        conn.execute(f"SELECT term, docs FROM terms WHERE term IN ({marks})", distinct)
    )
    chosen: list[str] = []
    total = 0
    for word in sorted(distinct, key=lambda w: (docs.get(w, 0), w)):
        total += docs.get(word, 0)
        if chosen and total > KEYWORD_POSTINGS:
            break
        chosen.append(word)
    return chosen


def article_id(conn: sqlite3.Connection, treaty: str, ref: str) -> int:
    """The row id of article ``ref`` of ``treaty``; raises :class:`UnknownRef`."""
    row = conn.execute(
        "SELECT a.id FROM articles a JOIN treaties t ON t.id = a.treaty"
        " WHERE t.name = ? AND a.ref = ?",
        (treaty, ref),
    ).fetchone()
    if row is None:
        raise UnknownRef(f"no article {ref!r} of treaty {treaty!r} in the index")
    return int(row[0])


def like(conn: sqlite3.Connection, treaty: str, ref: str, k: int = 10) -> list[Hit]:
    """The ``k`` articles most similar to article ``ref`` of ``treaty`` (itself
    excluded); a short article without band keys is searched as text."""
    art = article_id(conn, treaty, ref)
    text, keys = conn.execute(
        "SELECT text, keys FROM articles WHERE id = ?", (art,)
    ).fetchone()
    if not keys:
        return [
            h for h in similar(conn, text, k + 1) if (h.treaty, h.ref) != (treaty, ref)
        ][:k]
    candidates = _band_candidates(conn, (int(x) for x in np.frombuffer(keys, np.int64)))
    candidates.discard(art)
    return _ranked(conn, normalize(text), candidates, k)


def keyword(conn: sqlite3.Connection, query: str, k: int = 10) -> list[Hit]:
    """The ``k`` best FTS5 matches of ``query`` (FTS5 query syntax: words,
    ``"phrases"``, ``AND``/``OR``/``NOT``, ``prefix*``); score is -BM25."""
    try:
        found = conn.execute(
            "SELECT rowid, -bm25(fts) FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?",
            (query, k),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise InvalidArgument(f"bad keyword query {query!r}: {exc}") from exc
    rows = {row[0]: row for row in _rows(conn, [r[0] for r in found])}
    return [_hit(rows[i], score) for i, score in found]
