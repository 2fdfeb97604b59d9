"""Where articles come from: the sources of one treaty, all-pairs article reuse
over the corpus, and the share of each treaty taken from a single earlier one.

Similarity is ``rapidfuzz.fuzz.ratio`` of normalised article texts. Only
articles of at least :data:`~treatydiff.corpus.minhash.MIN_WORDS` words take
part. Candidates are pairs sharing an LSH band key; each is verified.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence

import attrs
import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

from treatydiff.alignment.normalise import normalize
from treatydiff.corpus.engine import Engine, run_shared
from treatydiff.corpus.minhash import BANDS
from treatydiff.corpus.records import (
    ArticleSource,
    Copy,
    ReusePair,
    SourceShare,
    SourcesReport,
)
from treatydiff.errors import CorpusError

__all__ = ["CHUNK", "HOLD", "candidate_pairs", "copies", "reuse", "sources"]

#: Candidate pairs verified per task.
CHUNK = 200_000


def _earlier(a: str | None, b: str | None) -> bool:
    """Whether a treaty signed on ``a`` may be a source of one signed on ``b``:
    strictly earlier, or either date unknown."""
    return a is None or b is None or a < b


def sources(
    conn: sqlite3.Connection, treaty: str, *, threshold: float = 80
) -> SourcesReport:
    """See :meth:`treatydiff.corpus.Corpus.sources`."""
    row = conn.execute(
        "SELECT id, signed FROM treaties WHERE name = ?", (treaty,)
    ).fetchone()
    if row is None:
        raise CorpusError(f"treaty {treaty!r} is not in the index")
    tid, signed = row
    arts = conn.execute(
        "SELECT id, ref, text, keys FROM articles"
        " WHERE treaty = ? AND keys IS NOT NULL ORDER BY pos",
        (tid,),
    ).fetchall()
    found: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, str | None] = {}
    earliest: list[ArticleSource] = []
    for _, ref, text, keys in arts:
        key_list = [int(k) for k in np.frombuffer(keys, np.int64)]
        marks = ",".join("?" * len(key_list))
        candidates = conn.execute(
            "SELECT DISTINCT a.id, a.ref, a.pos, a.text, t.name, t.signed"
            " FROM bands b JOIN articles a ON a.id = b.article"
            " JOIN treaties t ON t.id = a.treaty"
            f" WHERE b.key IN ({marks}) AND a.treaty != ?",
            [*key_list, tid],
        ).fetchall()
        query = normalize(text)
        best: tuple[tuple[str, str, int], ArticleSource] | None = None
        for _, c_ref, c_pos, c_text, c_name, c_signed in candidates:
            if not _earlier(c_signed, signed):
                continue
            score = fuzz.ratio(query, normalize(c_text), score_cutoff=threshold)
            if not score:
                continue
            found[c_name].add(ref)
            dates[c_name] = c_signed
            rank = (c_signed, c_name, c_pos)
            if c_signed is not None and (best is None or rank < best[0]):
                source = ArticleSource(
                    ref=ref,
                    source=c_name,
                    source_ref=c_ref,
                    signed=c_signed,
                    score=score,
                )
                best = (rank, source)
        none = ArticleSource(
            ref=ref, source=None, source_ref=None, signed=None, score=None
        )
        earliest.append(none if best is None else best[1])
    compared = len(arts)
    shares = sorted(
        (
            SourceShare(
                treaty=name,
                signed=dates[name],
                articles=len(refs),
                share=len(refs) / compared,
            )
            for name, refs in found.items()
        ),
        key=lambda s: (-s.articles, s.signed or "", s.treaty),
    )
    return SourcesReport(
        treaty=treaty,
        signed=signed,
        compared=compared,
        threshold=threshold,
        sources=tuple(shares),
        articles=tuple(earliest),
    )


@attrs.frozen
class _Articles:
    """The comparable articles of the corpus, as parallel arrays."""

    ids: NDArray[np.int64]
    treaty: NDArray[np.int64]
    keys: NDArray[np.int64]  # (n, BANDS)
    texts: list[str]


def _articles(conn: sqlite3.Connection, lang: str | None) -> _Articles:
    sql = (
        "SELECT a.id, a.treaty, a.keys, a.text FROM articles a"
        " JOIN treaties t ON t.id = a.treaty WHERE a.keys IS NOT NULL"
    )
    rows = conn.execute(
        sql + (" AND t.lang = ?" if lang else "") + " ORDER BY a.id",
        (lang,) if lang else (),
    ).fetchall()
    keys = np.frombuffer(b"".join(r[2] for r in rows), np.int64).reshape(-1, BANDS)
    return _Articles(
        ids=np.array([r[0] for r in rows], np.int64),
        treaty=np.array([r[1] for r in rows], np.int64),
        keys=keys,
        texts=[normalize(r[3]) for r in rows],
    )


def _bucket_pairs(column: NDArray[np.int64]) -> NDArray[np.int64]:
    """Index pairs ``i < j`` (as ``i * 2**32 + j``) of rows sharing a key."""
    order = np.argsort(column, kind="stable")
    ordered = column[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(ordered)]
    # For each sorted position p in a bucket ending at e: partners p+1 .. e-1.
    bucket_end = np.repeat(ends, ends - starts)
    counts = bucket_end - np.arange(len(ordered)) - 1
    if counts.sum() == 0:
        return np.empty(0, np.int64)
    first = np.repeat(np.arange(len(ordered)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + offsets
    a, b = order[first], order[second]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs: NDArray[np.int64] = lo.astype(np.int64) << 32 | hi.astype(np.int64)
    return pairs


#: Candidate pairs held before duplicates are dropped (bounds the memory of
#: :func:`candidate_pairs` on a large corpus: 8 bytes each).
HOLD = 1 << 25


def candidate_pairs(
    arts: _Articles, threshold: float
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Row index pairs of different treaties sharing any band key whose lengths
    allow a ratio of ``threshold``, in order."""
    lengths = np.array([len(t) for t in arts.texts], np.int64)
    held: list[NDArray[np.int64]] = [np.empty(0, np.int64)]
    for band in range(BANDS):
        found = _bucket_pairs(arts.keys[:, band])
        i, j = found >> 32, found & 0xFFFFFFFF
        la, lb = lengths[i], lengths[j]
        keep = arts.treaty[i] != arts.treaty[j]
        keep &= 200 * np.minimum(la, lb) >= threshold * (la + lb)
        held.append(found[keep])
        if sum(map(len, held)) > HOLD:
            held = [np.unique(np.concatenate(held))]
    pairs = np.unique(np.concatenate(held))
    return pairs >> 32, pairs & 0xFFFFFFFF


def _verify(
    shared: tuple[list[str], float], chunk: tuple[NDArray[np.int64], NDArray[np.int64]]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    texts, threshold = shared
    i, j = chunk
    scores = np.array(
        [
            fuzz.ratio(texts[a], texts[b], score_cutoff=threshold)
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ],
        np.float64,
    )
    keep = scores > 0
    return i[keep], j[keep], scores[keep]


def reuse(
    conn: sqlite3.Connection,
    *,
    threshold: float = 80,
    lang: str | None = None,
    jobs: int | None = None,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
) -> Iterator[ReusePair]:
    """See :meth:`treatydiff.corpus.Corpus.reuse`."""
    arts = _articles(conn, lang)
    i, j = candidate_pairs(arts, threshold)
    chunks = [(i[s : s + CHUNK], j[s : s + CHUNK]) for s in range(0, len(i), CHUNK)]
    parts = list(
        run_shared(
            _verify,
            (arts.texts, threshold),
            chunks,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
        )
    )
    vi = np.concatenate([p[0] for p in parts] or [np.empty(0, np.int64)])
    vj = np.concatenate([p[1] for p in parts] or [np.empty(0, np.int64)])
    vs = np.concatenate([p[2] for p in parts] or [np.empty(0, np.float64)])
    return _pairs(conn, arts, vi, vj, vs)


def _pairs(
    conn: sqlite3.Connection,
    arts: _Articles,
    vi: NDArray[np.int64],
    vj: NDArray[np.int64],
    vs: NDArray[np.float64],
) -> Iterator[ReusePair]:
    treaties = {
        tid: (name, signed)
        for tid, name, signed in conn.execute("SELECT id, name, signed FROM treaties")
    }
    where = {
        aid: (pos, ref)
        for aid, pos, ref in conn.execute("SELECT id, pos, ref FROM articles")
    }

    def side(row: int) -> tuple[str, str, int, str]:
        name, signed = treaties[int(arts.treaty[row])]
        pos, ref = where[int(arts.ids[row])]
        return signed or "~", name, pos, ref

    out = []
    for a, b, score in zip(vi.tolist(), vj.tolist(), vs.tolist(), strict=True):
        first, second = sorted((side(a), side(b)))
        out.append(
            (first[1], first[2], second[1], second[2], first[3], second[3], score)
        )
    out.sort()
    for a_name, _, b_name, _, a_ref, b_ref, score in out:
        yield ReusePair(
            a_treaty=a_name, a_ref=a_ref, b_treaty=b_name, b_ref=b_ref, score=score
        )


def copies(
    conn: sqlite3.Connection,
    pairs: Sequence[ReusePair],
    *,
    share: float = 0.8,
    lang: str | None = None,
) -> list[Copy]:
    """Treaties taking at least ``share`` of their comparable articles from a
    single strictly earlier (dated) treaty, with that treaty (the largest
    share; ties: the earliest)."""
    info = {
        name: (signed, compared)
        for name, signed, compared in conn.execute(
            "SELECT t.name, t.signed, count(a.id) FROM treaties t JOIN articles a"
            " ON a.treaty = t.id WHERE a.keys IS NOT NULL"
            + (" AND t.lang = ?" if lang else "")
            + " GROUP BY t.id",
            (lang,) if lang else (),
        )
    }
    taken: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pair in pairs:
        for later, ref, earlier in (
            (pair.b_treaty, pair.b_ref, pair.a_treaty),
            (pair.a_treaty, pair.a_ref, pair.b_treaty),
        ):
            s_later, s_earlier = info[later][0], info[earlier][0]
            if s_later and s_earlier and s_earlier < s_later:
                taken[later, earlier].add(ref)
    best: dict[str, tuple[tuple[int, str, str], Copy]] = {}
    for (later, earlier), refs in taken.items():
        rank = (-len(refs), info[earlier][0] or "", earlier)
        if later not in best or rank < best[later][0]:
            copy = Copy(
                treaty=later,
                source=earlier,
                signed=info[earlier][0],
                share=len(refs) / info[later][1],
            )
            best[later] = (rank, copy)
    return sorted(
        (c for _, c in best.values() if c.share >= share), key=lambda c: c.treaty
    )
