"""Optimal one-to-one matching over a dense weight matrix.

SciPy's sparse-graph solver (``scipy.sparse.csgraph``, LAPJVsp) run on the
complete bipartite graph. It stands in for ``scipy.optimize``'s
``linear_sum_assignment``, which finds the same optimum but whose package
loads most of SciPy on import (special functions, linear algebra, FFT: about
half a second, most of the command line's start-up), while ``csgraph`` comes
with ``scipy.sparse``, which alignment reads anyway. Where several matchings
have the same total the two solvers may choose differently: callers add a
tiny deterministic tie-break where that matters.

>>> full_matching(np.array([[0.9, 0.1], [0.8, 0.7]]))
[(0, 0), (1, 1)]
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

__all__ = ["full_matching"]


def full_matching(weights: np.ndarray) -> list[tuple[int, int]]:
    """The pairs ``(row, col)``, by row, of a one-to-one matching of
    ``min(n, m)`` pairs with the largest total of ``weights`` (n × m, finite)."""
    n, m = weights.shape
    if not n or not m:
        return []
    # Costs of at least 1: every pair is an edge (the solver drops zeros), and
    # adding the same constant to each pair of a full matching keeps the optimum.
    costs = (float(weights.max()) + 1.0) - np.asarray(weights, dtype=np.float64)
    graph = sparse.csr_matrix(
        (
            costs.ravel(),
            np.tile(np.arange(m, dtype=np.int32), n),
            np.arange(0, n * m + 1, m, dtype=np.int64),
        ),
        shape=(n, m),
    )
    rows, cols = min_weight_full_bipartite_matching(graph)
    return sorted(zip(rows.tolist(), cols.tolist(), strict=True))
