"""Where articles come from: the sources of one treaty, all-pairs article reuse
over the corpus, and the share of each treaty taken from a single earlier one.

Similarity is ``rapidfuzz.fuzz.ratio`` of normalised article texts. Only
articles of at least :data:`~treatydiff.corpus.minhash.MIN_WORDS` words take
part. Candidates are pairs sharing an LSH band key; each is verified. For
``reuse``, the candidates are pairs of distinct normalised texts, found band by
band in pieces spread over the workers; the articles of equal texts pair at 100.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs
import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

from treatydiff.alignment.normalise import normalize
from treatydiff.corpus.engine import Engine, run, run_shared
from treatydiff.corpus.minhash import BANDS
from treatydiff.corpus.records import (
    ArticleSource,
    Copy,
    ReusePair,
    SourceShare,
    SourcesReport,
)
from treatydiff.errors import CorpusError

__all__ = ["CHUNK", "ReuseTally", "copies", "reuse", "sources"]

#: Candidate pairs (before the length and band checks) verified per task.
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
    """The comparable articles of the corpus: per row (article, by id) its id,
    treaty and distinct text; per distinct normalised text its band keys."""

    ids: NDArray[np.int64]
    treaty: NDArray[np.int64]
    text_of: NDArray[np.int64]
    texts: list[str]
    keys: NDArray[np.int64]  # (len(texts), BANDS)


#: Stored texts normalised per task.
NORMALISE_CHUNK = 5_000


def _normalise(chunk: tuple[int, list[str]]) -> tuple[int, list[str]]:
    start, texts = chunk
    return start, [normalize(t) for t in texts]


def _articles(
    conn: sqlite3.Connection,
    lang: str | None,
    *,
    jobs: int | None = 1,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
) -> _Articles:
    """Read the comparable articles; each distinct stored text is normalised
    once, across the engine's workers."""
    sql = (
        "SELECT a.id, a.treaty, a.keys, a.text FROM articles a"
        " JOIN treaties t ON t.id = a.treaty WHERE a.keys IS NOT NULL"
    )
    raw: dict[str, int] = {}
    raw_keys: list[bytes] = []
    ids: list[int] = []
    treaty: list[int] = []
    raw_of: list[int] = []
    for aid, tid, keys, text in conn.execute(
        sql + (" AND t.lang = ?" if lang else "") + " ORDER BY a.id",
        (lang,) if lang else (),
    ):
        ids.append(aid)
        treaty.append(tid)
        k = raw.setdefault(text, len(raw))
        if k == len(raw_keys):
            raw_keys.append(keys)
        raw_of.append(k)
    stored = list(raw)
    del raw
    normalised: list[str] = [""] * len(stored)
    chunks = [
        (s, stored[s : s + NORMALISE_CHUNK])
        for s in range(0, len(stored), NORMALISE_CHUNK)
    ]
    for s, part in run(
        _normalise, chunks, jobs=jobs, engine=engine, scheduler=scheduler
    ):
        normalised[s : s + len(part)] = part
    # Band keys are a function of the normalised text: equal texts, equal keys.
    distinct: dict[str, int] = {}
    text_keys: list[bytes] = []
    of_raw = np.empty(len(stored), np.int64)
    for k, text in enumerate(normalised):
        u = of_raw[k] = distinct.setdefault(text, len(distinct))
        if u == len(text_keys):
            text_keys.append(raw_keys[k])
    return _Articles(
        ids=np.array(ids, np.int64),
        treaty=np.array(treaty, np.int64),
        text_of=of_raw[np.array(raw_of, np.int64)],
        texts=list(distinct),
        keys=np.frombuffer(b"".join(text_keys), np.int64).reshape(-1, BANDS),
    )


@attrs.frozen
class _Bands:
    """What each reuse worker holds: the distinct texts, their band keys
    (``(BANDS, n)``), and per band the text indices in key order."""

    texts: list[str]
    lengths: NDArray[np.int64]
    keys: NDArray[np.int64]
    order: NDArray[np.int32]
    threshold: float


def _bands(arts: _Articles, threshold: float) -> _Bands:
    by_band = np.ascontiguousarray(arts.keys.T)
    order = np.argsort(by_band, axis=1, kind="stable").astype(np.int32)
    lengths = np.array([len(t) for t in arts.texts], np.int64)
    return _Bands(arts.texts, lengths, by_band, order, threshold)


def _units(bands: _Bands) -> Iterator[tuple[int, int, int, int]]:
    """The candidate work in pieces of about :data:`CHUNK` pairs: ``(band,
    first, stop, end)``: the texts at sorted positions ``first .. stop - 1`` of
    ``band``, each paired with the later ones of its bucket (which ends by
    ``end``)."""
    for band, (order, column) in enumerate(zip(bands.order, bands.keys, strict=True)):
        ordered = column[order]
        if not len(ordered):
            return
        ends = _bucket_ends(ordered)
        partners = np.cumsum(ends - np.arange(len(ordered)) - 1)
        cuts = np.searchsorted(partners, np.arange(CHUNK, partners[-1], CHUNK))
        bounds = np.unique(np.r_[0, cuts + 1, len(ordered)])
        for first, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            if partners[stop - 1] > (partners[first - 1] if first else 0):
                yield band, first, stop, int(ends[stop - 1])


def _bucket_ends(ordered: NDArray[np.int64]) -> NDArray[np.int64]:
    """For each position of a sorted column, where its run of equal keys ends."""
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    stops = np.r_[starts[1:], len(ordered)]
    return np.repeat(stops, stops - starts)


def _candidates(
    bands: _Bands, unit: tuple[int, int, int, int]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The text pairs ``u < v`` of one unit whose lengths allow a ratio of the
    threshold and whose first shared band key is in this band (so each pair
    comes from exactly one unit, whatever the pieces)."""
    band, first, stop, end = unit
    members = bands.order[band, first:end].astype(np.int64)
    ends = _bucket_ends(bands.keys[band, members])[: stop - first]
    counts = ends - np.arange(stop - first) - 1
    p = np.repeat(np.arange(stop - first), counts)
    q = p + 1 + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    a, b = members[p], members[q]
    u, v = np.minimum(a, b), np.maximum(a, b)
    lu, lv = bands.lengths[u], bands.lengths[v]
    keep = 200 * np.minimum(lu, lv) >= bands.threshold * (lu + lv)
    u, v = u[keep], v[keep]
    for earlier in range(band):
        column = bands.keys[earlier]
        keep = column[u] != column[v]
        u, v = u[keep], v[keep]
    return u, v


def _verify(
    bands: _Bands, unit: tuple[int, int, int, int]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """The candidate text pairs of one unit with their ratio, those at or above
    the threshold."""
    u, v = _candidates(bands, unit)
    texts, threshold = bands.texts, bands.threshold
    scores = np.array(
        [
            fuzz.ratio(texts[a], texts[b], score_cutoff=threshold)
            for a, b in zip(u.tolist(), v.tolist(), strict=True)
        ],
        np.float64,
    )
    keep = scores > 0
    return u[keep], v[keep], scores[keep]


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
    arts = _articles(conn, lang, jobs=jobs, engine=engine, scheduler=scheduler)
    bands = _bands(arts, threshold)
    units = _units(bands)
    parts = list(
        run_shared(_verify, bands, units, jobs=jobs, engine=engine, scheduler=scheduler)
    )
    u = np.concatenate([p[0] for p in parts] or [np.empty(0, np.int64)])
    v = np.concatenate([p[1] for p in parts] or [np.empty(0, np.int64)])
    scores = np.concatenate([p[2] for p in parts] or [np.empty(0, np.float64)])
    a, b, s = _rows(arts, u, v, scores)
    return _pairs(conn, arts, a, b, s)


def _rows(
    arts: _Articles,
    u: NDArray[np.int64],
    v: NDArray[np.int64],
    scores: NDArray[np.float64],
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """The article row pairs of different treaties behind the text pairs
    ``(u, v, score)``, and those of equal texts (score 100)."""
    by_text = np.argsort(arts.text_of, kind="stable")
    count = np.bincount(arts.text_of, minlength=len(arts.texts))
    start = np.cumsum(count) - count
    # Every member of u with every member of v.
    n = count[u] * count[v]
    k = np.repeat(np.arange(len(u)), n)
    local = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    width = count[v][k]
    a = by_text[start[u][k] + local // width]
    b = by_text[start[v][k] + local % width]
    s = scores[k]
    # Equal texts: the rows of one text pairwise.
    ends = np.repeat(start + count, count)
    partners = ends - np.arange(len(by_text)) - 1
    p = np.repeat(np.arange(len(by_text)), partners)
    q = (
        p
        + 1
        + np.arange(partners.sum())
        - np.repeat(np.cumsum(partners) - partners, partners)
    )
    a = np.r_[a, by_text[p]]
    b = np.r_[b, by_text[q]]
    s = np.r_[s, np.full(len(p), 100.0)]
    keep = arts.treaty[a] != arts.treaty[b]
    return a[keep], b[keep], s[keep]


def _pairs(
    conn: sqlite3.Connection,
    arts: _Articles,
    ra: NDArray[np.int64],
    rb: NDArray[np.int64],
    scores: NDArray[np.float64],
) -> Iterator[ReusePair]:
    """The pairs, earlier treaty first (by date, then name, position), sorted
    by treaty name and position."""
    treaties = {
        tid: (name, signed)
        for tid, name, signed in conn.execute("SELECT id, name, signed FROM treaties")
    }
    where = {
        aid: (pos, ref)
        for aid, pos, ref in conn.execute(
            "SELECT id, pos, ref FROM articles WHERE keys IS NOT NULL"
        )
    }
    rows = [
        (*treaties[tid], *where[aid])
        for tid, aid in zip(arts.treaty.tolist(), arts.ids.tolist(), strict=True)
    ]

    def rank(
        keys: list[tuple[str, str, int]] | list[tuple[str, int]],
    ) -> NDArray[np.int64]:
        out = np.empty(len(keys), np.int64)
        out[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        return out

    earlier = rank([(signed or "~", name, pos) for name, signed, pos, _ in rows])
    listed = rank([(name, pos) for name, _, pos, _ in rows])
    swap = earlier[ra] > earlier[rb]
    first, second = np.where(swap, rb, ra), np.where(swap, ra, rb)
    order = np.lexsort((listed[second], listed[first]))
    for a, b, score in zip(
        first[order].tolist(),
        second[order].tolist(),
        scores[order].tolist(),
        strict=True,
    ):
        x, y = rows[a], rows[b]
        yield ReusePair(
            a_treaty=x[0], a_ref=x[3], b_treaty=y[0], b_ref=y[3], score=score
        )


class ReuseTally:
    """What :func:`copies` and :func:`treatydiff.corpus.aligned.aligned` need of
    reuse pairs, gathered in one pass: the number of pairs and, per treaty pair
    ``(a, b)``, the refs of ``a`` and of ``b`` reused in the other."""

    def __init__(self) -> None:
        self.pairs = 0
        self.refs: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(
            lambda: (set(), set())
        )

    @classmethod
    def of(cls, pairs: Iterable[ReusePair] | ReuseTally) -> ReuseTally:
        """``pairs`` tallied (a tally as it is)."""
        if isinstance(pairs, ReuseTally):
            return pairs
        tally = cls()
        for _ in tally.count(pairs):
            pass
        return tally

    def count(self, pairs: Iterable[ReusePair]) -> Iterator[ReusePair]:
        """Yield ``pairs`` as they come, tallying each."""
        for p in pairs:
            self.pairs += 1
            a_refs, b_refs = self.refs[p.a_treaty, p.b_treaty]
            a_refs.add(p.a_ref)
            b_refs.add(p.b_ref)
            yield p


def copies(
    conn: sqlite3.Connection,
    pairs: Iterable[ReusePair] | ReuseTally,
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
    for (a, b), (a_refs, b_refs) in ReuseTally.of(pairs).refs.items():
        for later, refs, earlier in ((b, b_refs, a), (a, a_refs, b)):
            s_later, s_earlier = info[later][0], info[earlier][0]
            if s_later and s_earlier and s_earlier < s_later:
                taken[later, earlier] |= refs
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
