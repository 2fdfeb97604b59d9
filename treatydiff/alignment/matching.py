"""Optimal one-to-one matching over a dense weight matrix.

The Jonker–Volgenant solver of ``lap`` (C++, it loads nothing but NumPy).
It stands in for SciPy's solvers (``scipy.optimize.linear_sum_assignment``,
then ``scipy.sparse.csgraph``'s LAPJVsp), which find the same optimum but
whose packages take a quarter to a half of a second to load: most of a
command line's start-up. It is also faster (0.03 against 0.19 ms at 37 × 37;
4 against 9 ms at 400 × 380). Where several matchings have the same total
the solvers may choose differently: callers add a tiny deterministic
tie-break where that matters.

>>> full_matching(np.array([[0.9, 0.1], [0.8, 0.7]]))
[(0, 0), (1, 1)]
"""

from __future__ import annotations

import lap
import numpy as np

__all__ = ["full_matching"]


def full_matching(weights: np.ndarray) -> list[tuple[int, int]]:
    """The pairs ``(row, col)``, by row, of a one-to-one matching of
    ``min(n, m)`` pairs with the largest total of ``weights`` (n × m, finite)."""
    n, m = weights.shape
    if not n or not m:
        return []
    # The least total of max + 1 - weight (positive costs; the same constant on
    # each pair of a full matching) is the largest total of weights; a
    # rectangle is padded to a square.
    costs = (float(weights.max()) + 1.0) - np.asarray(weights, dtype=np.float64)
    _, cols, _ = lap.lapjv(costs, extend_cost=n != m)
    return [(row, col) for row, col in enumerate(cols.tolist()) if col >= 0]
