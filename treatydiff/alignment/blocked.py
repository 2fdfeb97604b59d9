"""Building blocks for aligning big treaties in memory that grows with the
number of candidate pairs rather than n × m (used by
:func:`treatydiff.alignment.pairwise.align` from ``_LARGE_CELLS`` pairs on):

- :func:`candidates`: for each article, the ``TOP`` articles of the other
  treaty closest by shared distinctive words (tf-idf cosine over the words
  left after boilerplate), both ways, plus every pair one of whose texts holds
  a given share of the other's words (split and merge evidence); computed in
  blocks of ``_BLOCK_ROWS`` rows;
- :func:`backgrounds`: the typical score of unrelated articles per row, from
  ``SAMPLE`` articles of the other treaty drawn with a fixed seed (all of
  them, hence exact, when there are no more than that);
- :class:`Table`: sparse scores read as the dense code reads a matrix;
- :func:`assign_sparse`: optimal one-to-one pairs over sparse edges.

When every pair is a candidate (``TOP`` at least the smaller side) the
alignment equals the dense one; otherwise a pair the candidates miss (texts
sharing few distinctive words, yet scoring above the threshold) is not linked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from treatydiff.alignment.similarity import incidence, median_but_best

__all__ = ["SAMPLE", "TOP", "Table", "assign_sparse", "backgrounds", "candidates"]

TOP = 10
SAMPLE = 32
_BLOCK_ROWS = 256


def candidates(
    words_a: Sequence[Sequence[str]],
    words_b: Sequence[Sequence[str]],
    drop: frozenset[str],
    contain: float,
) -> tuple[sparse.csr_matrix, sparse.csr_matrix, sparse.csr_matrix]:
    """Candidate pairs of the articles of words ``words_a`` and ``words_b``
    (a 0/1 n × m matrix) and the containments kept at ``contain`` or more:
    ``B_IN_A`` (n × m) and ``A_IN_B`` (m × n), as
    :func:`~treatydiff.alignment.similarity.containment` gives them."""
    vocab: dict[str, int] = {}
    sets_a = [
        {vocab.setdefault(w, len(vocab)) for w in ws if w not in drop} for ws in words_a
    ]
    sets_b = [
        {vocab.setdefault(w, len(vocab)) for w in ws if w not in drop} for ws in words_b
    ]
    inc_a, inc_b = incidence(sets_a, len(vocab)), incidence(sets_b, len(vocab))
    n, m = inc_a.shape[0], inc_b.shape[0]
    df = np.asarray(inc_a.sum(axis=0)).ravel() + np.asarray(inc_b.sum(axis=0)).ravel()
    idf = sparse.diags(np.log((n + m + 1) / (df + 1)))
    unit_a, unit_b = _unit_rows(inc_a @ idf), _unit_rows(inc_b @ idf)
    size_a = np.array([max(len(s), 1) for s in sets_a], dtype=np.float64)
    size_b = np.array([max(len(s), 1) for s in sets_b], dtype=np.float64)
    top = min(TOP, n, m)
    col_best = np.full((top, m), -1.0)
    col_rows = np.zeros((top, m), dtype=np.int64)
    pairs_r: list[np.ndarray] = []
    pairs_c: list[np.ndarray] = []
    b_in_a: list[sparse.coo_matrix] = []
    a_in_b: list[sparse.coo_matrix] = []
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(start + _BLOCK_ROWS, n)
        sims = (unit_a[start:stop] @ unit_b.T).toarray()
        best = np.argpartition(-sims, top - 1, axis=1)[:, :top]
        pairs_r.append(np.repeat(np.arange(start, stop), top))
        pairs_c.append(best.ravel())
        merged = np.vstack([col_best, sims])
        rows = np.concatenate(
            [col_rows, np.broadcast_to(np.arange(start, stop)[:, None], sims.shape)]
        )
        keep = np.argpartition(-merged, top - 1, axis=0)[:top]
        col_best = np.take_along_axis(merged, keep, axis=0)
        col_rows = np.take_along_axis(rows, keep, axis=0)
        overlap = (inc_a[start:stop] @ inc_b.T).tocoo()
        r, c, v = overlap.row + start, overlap.col, overlap.data
        for share, out, transpose in (
            (v / size_b[c], b_in_a, False),
            (v / size_a[r], a_in_b, True),
        ):
            held = share >= contain
            rr, cc = (c[held], r[held]) if transpose else (r[held], c[held])
            shape = (m, n) if transpose else (n, m)
            out.append(sparse.coo_matrix((share[held], (rr, cc)), shape=shape))
            pairs_r.append(r[held])
            pairs_c.append(c[held])
    pairs_r.append(col_rows.ravel())
    pairs_c.append(np.tile(np.arange(m), top))
    rows_all, cols_all = np.concatenate(pairs_r), np.concatenate(pairs_c)
    chosen = sparse.csr_matrix(
        (np.ones(len(rows_all)), (rows_all, cols_all)), shape=(n, m)
    )
    chosen.data[:] = 1.0
    return chosen, _stacked(b_in_a, (n, m)), _stacked(a_in_b, (m, n))


def _unit_rows(mat: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    unit: sparse.csr_matrix = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ mat
    return unit.tocsr()


def _stacked(parts: list[sparse.coo_matrix], shape: tuple[int, int]) -> Any:
    """The entries of ``parts`` (of disjoint positions) in one CSR matrix."""
    rows = np.concatenate([p.row for p in parts])
    cols = np.concatenate([p.col for p in parts])
    data = np.concatenate([p.data for p in parts])
    return sparse.csr_matrix((data, (rows, cols)), shape=shape)


class Table:
    """Sparse scores that answer the reads the dense code makes of a matrix:
    ``t[i]`` (a row), ``t[:, j]`` (a column), ``t[i, j]`` and ``t.shape``;
    entries not held read 0, or ``missing(i, j)`` for ``t[i, j]``."""

    def __init__(
        self,
        rows: np.ndarray,
        cols: np.ndarray,
        values: np.ndarray,
        shape: tuple[int, int],
        missing: Callable[[int, int], float] | None = None,
    ) -> None:
        held = sparse.csr_matrix((values, (rows, cols)), shape=shape)
        held.sort_indices()
        self.by_row, self.by_col = held, held.tocsc()
        self.shape = shape
        self.missing = missing

    @classmethod
    def of(cls, mat: sparse.csr_matrix) -> Table:
        """The entries of a sparse matrix."""
        coo = mat.tocoo()
        return cls(coo.row, coo.col, coo.data, mat.shape)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, tuple):
            i, j = key
            if isinstance(i, slice):
                return _line(self.by_col, j, self.shape[0])
            lo, hi = self.by_row.indptr[i], self.by_row.indptr[i + 1]
            k = lo + np.searchsorted(self.by_row.indices[lo:hi], j)
            if k < hi and self.by_row.indices[k] == j:
                return float(self.by_row.data[k])
            return self.missing(i, j) if self.missing else 0.0
        return _line(self.by_row, key, self.shape[1])


def _line(mat: Any, k: int, length: int) -> np.ndarray:
    """Row ``k`` of a CSR (or column of a CSC) matrix as a dense vector."""
    out = np.zeros(length)
    lo, hi = mat.indptr[k], mat.indptr[k + 1]
    out[mat.indices[lo:hi]] = mat.data[lo:hi]
    return out


def backgrounds(
    score: Callable[[np.ndarray, np.ndarray], np.ndarray], n: int, m: int, seed: int
) -> np.ndarray:
    """Per row, the median of its scores without the best one, over all ``m``
    columns when ``m <= SAMPLE + 1``, else over ``SAMPLE`` drawn at random
    with replacement (without their best too); 0 for a single column."""
    if m < 2:
        return np.zeros(n)
    rng = np.random.default_rng(seed)
    width = m if m <= SAMPLE + 1 else SAMPLE
    out = np.zeros(n)
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(start + _BLOCK_ROWS, n)
        if width == m:
            cols = np.tile(np.arange(m), (stop - start, 1))
        else:
            cols = rng.integers(0, m, size=(stop - start, width))
        rows = np.repeat(np.arange(start, stop), width)
        got = score(rows, cols.ravel()).reshape(stop - start, width)
        out[start:stop] = median_but_best(got)
    return out


def assign_sparse(
    rows: np.ndarray,
    cols: np.ndarray,
    weights: np.ndarray,
    shape: tuple[int, int],
) -> list[tuple[int, int]]:
    """One-to-one pairs among the edges ``(rows[k], cols[k])`` of positive
    ``weights`` maximising their total (the others may stay unpaired), as
    :func:`~treatydiff.alignment.pairwise.assign` on the dense matrix."""
    keep = weights > 0
    rows, cols, weights = rows[keep], cols[keep], weights[keep]
    if not len(rows):
        return []
    n, m = shape
    # Each row may pair with its own "unpaired" column and each column with
    # its own "unpaired" row; a real pair (i, j) frees the dummy pair
    # (dummy j, dummy i). All weights are positive costs: cost - weight.
    cost = 2.0 + float(weights.max())
    r = np.concatenate([rows, np.arange(n), n + np.arange(m), n + cols])
    c = np.concatenate([cols, m + np.arange(n), np.arange(m), m + rows])
    w = np.concatenate(
        [cost - weights, np.full(n, cost), np.full(m, cost), np.full(len(rows), cost)]
    )
    graph = sparse.csr_matrix((w, (r, c)), shape=(n + m, n + m))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    return sorted(
        (int(i), int(j))
        for i, j in zip(row_ind, col_ind, strict=True)
        if i < n and j < m
    )
