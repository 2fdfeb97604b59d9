"""The :class:`Corpus`: one SQLite index of many treaties, built once, queried often."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from types import TracebackType

from treatydiff.corpus import aligned, census, indexer, search, sources
from treatydiff.corpus.engine import Engine
from treatydiff.corpus.records import (
    CensusRow,
    Copy,
    Correspondence,
    Hit,
    IndexSummary,
    ReusePair,
    SourcesReport,
    TreatyRecord,
)
from treatydiff.corpus.schema import connect
from treatydiff.corpus.sources import ReuseTally

__all__ = ["Corpus"]


class Corpus:
    """A corpus index in one SQLite file.

    >>> import tempfile, pathlib
    >>> with Corpus(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite") as corpus:
    ...     summary = corpus.update(["ru-kp-2024", "ru-by-2024"], jobs=1)
    ...     [t.name for t in corpus.treaties()], summary.added
    (['ru-by-2024', 'ru-kp-2024'], ('bundled:ru-by-2024', 'bundled:ru-kp-2024'))
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = os.fspath(path)
        self._conn = connect(path, create=create)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection (read it; write through :meth:`update`)."""
        return self._conn

    def update(
        self,
        paths: Iterable[str],
        *,
        jobs: int | None = None,
        engine: Engine | str = Engine.PROCESS,
        scheduler: str | None = None,
        progress: indexer.Progress | None = None,
    ) -> IndexSummary:
        """Index ``paths`` (files, directories scanned recursively for
        :data:`~treatydiff.corpus.indexer.SUFFIXES`, bundled ids): new or
        changed sources (by SHA-256) are read across ``jobs`` workers, sources
        gone from disk or from a scanned directory are dropped, a source that
        fails is recorded and skipped. A directory that cannot be listed is
        reported as failed, and what the index holds from it is kept.
        Treaties are written in batches, one transaction each: an interrupted
        run keeps the batches it finished."""
        return indexer.update(
            self._conn,
            paths,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            progress=progress,
        )

    def treaties(self) -> Iterator[TreatyRecord]:
        """Every indexed treaty, by id."""
        for row in self._conn.execute(
            "SELECT name, title, parties, signed, lang, kind, source, articles"
            " FROM treaties ORDER BY name"
        ):
            name, title, parties, signed, lang, kind, source, articles = row
            yield TreatyRecord(
                name=name,
                title=title,
                parties=json.loads(parties),
                signed=signed,
                lang=lang,
                kind=kind,
                source=source,
                articles=articles,
            )

    def search(self, text: str, k: int = 10) -> list[Hit]:
        """The ``k`` articles most similar to ``text`` (fuzz.ratio, 0-100)."""
        return search.similar(self._conn, text, k)

    def like(self, treaty: str, ref: str, k: int = 10) -> list[Hit]:
        """The ``k`` articles most similar to article ``ref`` of ``treaty``."""
        return search.like(self._conn, treaty, ref, k)

    def keyword(self, query: str, k: int = 10) -> list[Hit]:
        """The ``k`` best FTS5 keyword matches (score: -BM25)."""
        return search.keyword(self._conn, query, k)

    def sources(self, treaty: str, *, threshold: float = 80) -> SourcesReport:
        """Earlier treaties by the share of ``treaty``'s articles found in them
        at ``threshold`` or more, and each article's earliest dated source."""
        return sources.sources(self._conn, treaty, threshold=threshold)

    def reuse(
        self,
        *,
        threshold: float = 80,
        lang: str | None = None,
        jobs: int | None = None,
        engine: Engine | str = Engine.PROCESS,
        scheduler: str | None = None,
    ) -> Iterator[ReusePair]:
        """Every pair of articles of different treaties with similarity at or
        above ``threshold`` (LSH candidates verified with rapidfuzz), sorted."""
        return sources.reuse(
            self._conn,
            threshold=threshold,
            lang=lang,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
        )

    def copies(
        self,
        pairs: Iterable[ReusePair] | ReuseTally,
        *,
        share: float = 0.8,
        lang: str | None = None,
    ) -> list[Copy]:
        """Of the reuse ``pairs`` (or their tally), the treaties that take at
        least ``share`` of their comparable articles from a single strictly
        earlier treaty."""
        return sources.copies(self._conn, pairs, share=share, lang=lang)

    def aligned(
        self,
        pairs: Iterable[ReusePair] | ReuseTally,
        *,
        share: float = 0.5,
        lang: str | None = None,
        jobs: int | None = None,
        engine: Engine | str = Engine.PROCESS,
        scheduler: str | None = None,
    ) -> Iterator[Correspondence]:
        """The treaty pairs whose reuse ``pairs`` cover at least ``share`` of
        either treaty's comparable articles, aligned with
        :func:`treatydiff.align`: which article became which, pair by pair
        (by treaty ids, each alignment in document order)."""
        return aligned.aligned(
            self._conn,
            pairs,
            share=share,
            lang=lang,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
        )

    def census(self, kinds: Iterable[str] | None = None) -> Iterator[CensusRow]:
        """The provision × treaty matrix, one row per treaty (all kinds found in
        the index, or ``kinds``)."""
        return census.census(self._conn, kinds)
