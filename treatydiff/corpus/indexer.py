"""Building and updating an index: find sources, read what is new or changed
(by content hash) across workers, drop what is gone; treaties are written in
batches of about :data:`BATCH` rows, one transaction each.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from treatydiff import bundled
from treatydiff.corpus.engine import Engine, run
from treatydiff.corpus.extract import BUNDLED, content_hash, extract
from treatydiff.corpus.records import (
    ArticleRecord,
    Failure,
    Finding,
    IndexSummary,
    TreatyRecord,
)
from treatydiff.corpus.schema import batches, merge_bands, pend_bands, transaction
from treatydiff.errors import CorpusError
from treatydiff.formats.reader import shown_name

__all__ = ["SUFFIXES", "discover", "update"]

#: File name endings read when a directory is scanned (a file named on the
#: command line is read whatever its name).
SUFFIXES = frozenset({".txt", ".xml", ".akn", ".html", ".htm", ".xhtml"})

#: Rows (a treaty, each of its articles) written per transaction.
BATCH = 5000

#: ``progress(done, total, source)`` after each source read.
Progress = Callable[[int, int, str], None]


def discover(
    paths: Iterable[str],
) -> tuple[list[str], list[Path], dict[Path, str]]:
    """The sources named by ``paths`` (files, directories scanned recursively,
    bundled ids) in a stable order, the directories scanned, and the
    directories below them that could not be listed, with the reason."""
    sources: dict[str, None] = {}
    roots: list[Path] = []
    unlisted: dict[Path, str] = {}
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            root = path.resolve()
            roots.append(root)
            for file in sorted(_files(root, unlisted)):
                hidden = any(p.startswith(".") for p in file.relative_to(root).parts)
                if file.suffix.lower() in SUFFIXES and not hidden and file.is_file():
                    sources[str(file)] = None
        elif path.is_file():
            sources[str(path.resolve())] = None
        elif arg in bundled.ids():
            sources[BUNDLED + arg] = None
        else:
            raise CorpusError(f"{arg}: neither a file, a directory nor a bundled id")
    return list(sources), roots, unlisted


def _files(root: Path, unlisted: dict[Path, str]) -> Iterator[Path]:
    """Every name below ``root`` that is not a directory (symbolic links to
    directories are not followed); a directory that cannot be listed goes
    into ``unlisted`` with the reason."""

    def failed(exc: OSError) -> None:
        unlisted[Path(exc.filename or root)] = exc.strerror or str(exc)

    for folder, _, names in os.walk(root, onerror=failed):
        yield from (Path(folder, name) for name in names)


def _stamp(source: str) -> str | None:
    """Size and modification time of a file: unchanged, it is not hashed again."""
    if source.startswith(BUNDLED):
        return None
    info = Path(source).stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


def _size(source: str) -> int:
    try:
        return 0 if source.startswith(BUNDLED) else Path(source).stat().st_size
    except OSError:  # gone since it was hashed: reading it will say so
        return 0


def _gone(
    source: str, found: set[str], roots: Sequence[Path], unlisted: Sequence[Path]
) -> bool:
    """Whether an indexed ``source`` is no longer there: not found by this
    scan, and not in a directory that could not be listed."""
    if source in found or source.startswith(BUNDLED):
        return False
    path = Path(source)
    if any(path.is_relative_to(u) for u in unlisted):
        return False
    return not path.is_file() or any(path.is_relative_to(r) for r in roots)


def _delete(conn: sqlite3.Connection, source: str) -> None:
    row = conn.execute(
        "SELECT treaty FROM sources WHERE path = ?", (source,)
    ).fetchone()
    conn.execute("DELETE FROM sources WHERE path = ?", (source,))
    if row is None or row[0] is None:
        return
    treaty = row[0]
    for art_id, text, keys in conn.execute(
        "SELECT id, text, keys FROM articles WHERE treaty = ?", (treaty,)
    ).fetchall():
        conn.execute(
            "INSERT INTO fts(fts, rowid, text) VALUES ('delete', ?, ?)", (art_id, text)
        )
        if keys:
            conn.executemany(
                "DELETE FROM bands WHERE key = ? AND article = ?",
                ((int(k), art_id) for k in np.frombuffer(keys, np.int64)),
            )
    conn.execute("DELETE FROM articles WHERE treaty = ?", (treaty,))
    conn.execute("DELETE FROM findings WHERE treaty = ?", (treaty,))
    conn.execute("DELETE FROM treaties WHERE id = ?", (treaty,))


def _insert(
    conn: sqlite3.Connection,
    digest: str,
    record: TreatyRecord,
    articles: Sequence[ArticleRecord],
    findings: Sequence[Finding],
) -> None:
    cur = conn.execute(
        "INSERT INTO treaties(name, title, parties, signed, lang, kind, source,"
        " articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.name,
            record.title,
            json.dumps(list(record.parties)),
            record.signed,
            record.lang,
            record.kind,
            record.source,
            record.articles,
        ),
    )
    treaty = cur.lastrowid
    conn.executemany(
        "INSERT INTO articles(treaty, pos, ref, num, heading, text, words,"
        " labels, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                treaty,
                art.pos,
                art.ref,
                art.num,
                art.heading,
                art.text,
                art.words,
                " ".join(art.labels),
                art.keys,
            )
            for art in articles
        ),
    )
    conn.execute(
        "INSERT INTO fts(rowid, text) SELECT id, text FROM articles WHERE treaty = ?",
        (treaty,),
    )
    conn.executemany(
        "INSERT INTO findings VALUES (?, ?, ?, ?)",
        ((treaty, f.kind, f.status, f.note) for f in findings),
    )
    conn.execute(
        "INSERT INTO sources(path, hash, stamp, treaty) VALUES (?, ?, ?, ?)",
        (record.source, digest, _safe_stamp(record.source), treaty),
    )


def _fail(conn: sqlite3.Connection, failure: Failure, digest: str) -> None:
    conn.execute(
        "INSERT INTO sources(path, hash, stamp, error) VALUES (?, ?, ?, ?)",
        (failure.source, digest, _safe_stamp(failure.source), failure.error),
    )


def _safe_stamp(source: str) -> str | None:
    try:
        return _stamp(source)
    except OSError:
        return None


def update(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> IndexSummary:
    """Bring the index up to date with ``paths``; see :meth:`Corpus.update`."""
    found, roots, unlisted = discover(paths)
    # What the index holds from a directory that cannot be listed now is kept
    # (not taken as deleted), and the run says so.
    failed = [
        Failure(
            source=shown_name(folder),
            error=f"cannot list the directory ({reason}); "
            "what the index holds from it is kept",
        )
        for folder, reason in unlisted.items()
    ]
    # SQLite keys a source by its path as text: a name that is not UTF-8
    # (Python holds its bytes as lone surrogates) cannot be one.
    failed += [
        Failure(
            source=shown_name(s), error="its name is not UTF-8; rename it to index it"
        )
        for s in found
        if shown_name(s) != s
    ]
    found = [s for s in found if shown_name(s) == s]
    stored = dict(conn.execute("SELECT path, hash FROM sources").fetchall())
    stamps = dict(conn.execute("SELECT path, stamp FROM sources").fetchall())
    errors = dict(
        conn.execute("SELECT path, error FROM sources WHERE error IS NOT NULL")
    )
    jobs_todo: list[tuple[str, str]] = []
    unchanged = 0
    for source in found:
        try:
            stamp = _stamp(source)
            same = stamp is not None and stamps.get(source) == stamp
            digest = stored[source] if same else content_hash(source)
        except OSError as exc:
            failed.append(Failure(source=source, error=exc.strerror or str(exc)))
            continue
        if stored.get(source) == digest:
            unchanged += 1
            if not same:  # touched, not changed
                conn.execute(
                    "UPDATE sources SET stamp = ? WHERE path = ?", (stamp, source)
                )
            if source in errors:
                failed.append(Failure(source=source, error=errors[source]))
        else:
            jobs_todo.append((source, digest))
    found_set = set(found)
    dropped = [s for s in stored if _gone(s, found_set, roots, list(unlisted))]
    for source in dropped:
        with transaction(conn):
            _delete(conn, source)
    added: list[str] = []
    updated: list[str] = []
    hashes = dict(jobs_todo)
    # Largest first: no long treaty is left alone on one worker at the end.
    jobs_todo.sort(key=lambda job: -_size(job[0]))
    pend_bands(conn)
    results = run(extract, jobs_todo, jobs=jobs, engine=engine, scheduler=scheduler)
    with batches(conn, BATCH) as wrote:
        for done, result in enumerate(results, start=1):
            if isinstance(result, Failure):
                source = result.source
                _delete(conn, source)
                _fail(conn, result, hashes[source])
                failed.append(result)
                wrote(1)
            else:
                digest, record, articles, notes = result
                source = record.source
                _delete(conn, source)
                taken = conn.execute(
                    "SELECT source FROM treaties WHERE name = ?", (record.name,)
                ).fetchone()
                if taken is None:
                    _insert(conn, digest, record, articles, notes)
                    (updated if source in stored else added).append(source)
                else:
                    failure = Failure(
                        source=source,
                        error=f"treaty id {record.name!r} is already indexed "
                        f"from {taken[0]}",
                    )
                    _fail(conn, failure, digest)
                    failed.append(failure)
                wrote(1 + len(articles))
            if progress is not None:
                progress(done, len(jobs_todo), source)
    merge_bands(conn)
    if added or updated or dropped or failed:
        with transaction(conn):
            conn.execute("DELETE FROM terms")
            conn.execute("INSERT INTO terms SELECT term, doc FROM vocab")
    treaties, articles_n = conn.execute(
        "SELECT (SELECT count(*) FROM treaties), (SELECT count(*) FROM articles)"
    ).fetchone()
    return IndexSummary(
        added=sorted(added),
        updated=sorted(updated),
        unchanged=unchanged,
        dropped=sorted(dropped),
        failed=tuple(sorted(failed, key=lambda f: f.source)),
        treaties=treaties,
        articles=articles_n,
    )
