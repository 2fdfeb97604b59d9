"""Typed values the corpus index holds and answers with: frozen attrs, no I/O.

Each answer type has ``as_row()``: its fields as one flat row of strings and
numbers, what the CLI prints as text, JSON, CSV or HTML.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "ArticleRecord",
    "ArticleSource",
    "CensusRow",
    "Copy",
    "Correspondence",
    "Failure",
    "Finding",
    "Hit",
    "IndexSummary",
    "ReusePair",
    "SourceShare",
    "SourcesReport",
    "TreatyRecord",
]


def _strs(items: Any) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class ArticleRecord:
    """One article as stored: position, ref, heading, text, labels, and its band
    keys as the stored blob (signed 64-bit, native order; ``None``: too short)."""

    pos: int
    ref: str
    num: str
    heading: str | None
    text: str
    words: int
    labels: tuple[str, ...] = attrs.field(converter=_strs)
    keys: bytes | None = None


@attrs.frozen(kw_only=True)
class TreatyRecord:
    """One treaty as stored: its id (``name``), metadata and article count."""

    name: str
    title: str | None
    parties: tuple[str, ...] = attrs.field(converter=_strs)
    signed: str | None
    lang: str | None
    kind: str
    source: str
    articles: int

    def as_row(self) -> dict[str, Any]:
        return {
            "treaty": self.name,
            "signed": self.signed or "",
            "lang": self.lang or "",
            "parties": " ".join(self.parties),
            "articles": self.articles,
            "title": self.title or "",
        }


@attrs.frozen(kw_only=True)
class Finding:
    """What a treaty's source records about a provision kind it carries no
    labelled clause for: ``confirmed-absent`` (a curated absence) or
    ``unplaced`` (in the treaty, article not identified), with its note."""

    kind: str
    status: str
    note: str


@attrs.frozen(kw_only=True)
class Failure:
    """A file that could not be read, with the reason."""

    source: str
    error: str


@attrs.frozen(kw_only=True)
class IndexSummary:
    """What one indexing run did: sources added, updated, unchanged, dropped, failed."""

    added: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    updated: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    unchanged: int = 0
    dropped: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    failed: tuple[Failure, ...] = ()
    treaties: int = 0
    articles: int = 0

    def lines(self) -> list[str]:
        """A human summary, one line per fact, then one line per failure."""
        out = [
            f"indexed {self.treaties} treaties, {self.articles} articles: "
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.dropped)} dropped, "
            f"{len(self.failed)} failed"
        ]
        out += [f"failed: {f.source}: {f.error}" for f in self.failed]
        return out


@attrs.frozen(kw_only=True)
class Hit:
    """A search result: an article of the corpus and its score (0-100 similarity,
    or BM25 relevance in keyword mode)."""

    treaty: str
    ref: str
    heading: str | None
    signed: str | None
    score: float
    labels: tuple[str, ...] = attrs.field(converter=_strs)
    text: str

    def as_row(self) -> dict[str, Any]:
        return {
            "treaty": self.treaty,
            "ref": self.ref,
            "heading": self.heading or "",
            "signed": self.signed or "",
            "score": round(self.score, 1),
            "labels": " ".join(self.labels),
        }


@attrs.frozen(kw_only=True)
class SourceShare:
    """An earlier treaty and the share of a treaty's articles found in it."""

    treaty: str
    signed: str | None
    articles: int
    share: float

    def as_row(self) -> dict[str, Any]:
        return {
            "source": self.treaty,
            "signed": self.signed or "",
            "articles": self.articles,
            "share": round(self.share, 3),
        }


@attrs.frozen(kw_only=True)
class ArticleSource:
    """An article and its earliest dated source (``None`` when it has none)."""

    ref: str
    source: str | None
    source_ref: str | None
    signed: str | None
    score: float | None

    def as_row(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "source": self.source or "",
            "source_ref": self.source_ref or "",
            "signed": self.signed or "",
            "score": "" if self.score is None else round(self.score, 1),
        }


@attrs.frozen(kw_only=True)
class SourcesReport:
    """Where a treaty's articles come from: earlier treaties by share, and the
    earliest source of each article. ``compared`` counts the articles long
    enough to compare (at least :data:`~treatydiff.corpus.minhash.MIN_WORDS`
    words); shares are over them."""

    treaty: str
    signed: str | None
    compared: int
    threshold: float
    sources: tuple[SourceShare, ...]
    articles: tuple[ArticleSource, ...]


@attrs.frozen(kw_only=True, order=True)
class ReusePair:
    """Two articles of different treaties at or above the reuse threshold; ``a``
    is the earlier treaty (by signed date, then id)."""

    a_treaty: str
    a_ref: str
    b_treaty: str
    b_ref: str
    score: float

    def as_row(self) -> dict[str, Any]:
        return {
            "a_treaty": self.a_treaty,
            "a_ref": self.a_ref,
            "b_treaty": self.b_treaty,
            "b_ref": self.b_ref,
            "score": round(self.score, 2),
        }


@attrs.frozen(kw_only=True)
class CensusRow:
    """One treaty's row of the provision census: refs per provision kind, and
    the status of each kind: ``present`` (refs), ``confirmed-absent``,
    ``unplaced`` (see :class:`Finding`) or ``not-found`` (no clause labelled,
    nothing recorded). A row's cell for a kind is its refs when present,
    else its status."""

    treaty: str
    signed: str | None
    parties: tuple[str, ...] = attrs.field(converter=_strs)
    refs: tuple[tuple[str, tuple[str, ...]], ...]
    status: tuple[tuple[str, str], ...]

    def as_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "treaty": self.treaty,
            "signed": self.signed or "",
            "parties": " ".join(self.parties),
        }
        status = dict(self.status)
        for kind, refs in self.refs:
            row[kind] = " ".join(refs) or status[kind]
        return row


@attrs.frozen(kw_only=True)
class Copy:
    """A treaty taking ``share`` of its comparable articles from one earlier
    treaty, ``source`` (signed on ``signed``)."""

    treaty: str
    source: str
    signed: str | None
    share: float

    def as_row(self) -> dict[str, Any]:
        return {
            "treaty": self.treaty,
            "source": self.source,
            "signed": self.signed or "",
            "share": round(self.share, 3),
        }


@attrs.frozen(kw_only=True)
class Correspondence:
    """One link of the alignment of two treaties that share much text: article
    ``a_ref`` of the earlier ``a_treaty`` became ``b_ref`` of ``b_treaty``
    (``link``: match, split, merge or regroup; ``moved``: out of order).
    ``share`` is the larger share of either treaty's articles reused in the
    other, which chose the pair."""

    a_treaty: str
    b_treaty: str
    share: float
    a_ref: str
    b_ref: str
    link: str
    score: float
    moved: bool

    def as_row(self) -> dict[str, Any]:
        return {
            "a_treaty": self.a_treaty,
            "b_treaty": self.b_treaty,
            "share": round(self.share, 3),
            "a_ref": self.a_ref,
            "b_ref": self.b_ref,
            "link": self.link,
            "score": round(self.score, 3),
            "moved": self.moved,
        }
