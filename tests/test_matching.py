"""The one matching solver behind every assignment (treatydiff.alignment.matching):
an optimum by brute force and by SciPy's solver, and a command line that
starts without SciPy."""

from __future__ import annotations

import itertools
import subprocess
import sys
from unittest import mock

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linear_sum_assignment

from treatydiff.alignment import matching
from treatydiff.alignment.matching import full_matching


def _best_total(weights: np.ndarray) -> float:
    """The largest total of a one-to-one matching of min(n, m) pairs, by
    trying every one."""
    n, m = weights.shape
    if n <= m:
        return max(
            sum(weights[r, c] for r, c in enumerate(cols))
            for cols in itertools.permutations(range(m), n)
        )
    return _best_total(weights.T)


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 5), st.integers(1, 5)),
        elements=st.floats(-2, 2, allow_subnormal=False) | st.sampled_from([0.0, 1.0]),
    )
)
def test_a_full_matching_of_the_largest_total(weights):
    got = full_matching(weights)
    n, m = weights.shape
    assert len(got) == min(n, m)
    assert got == sorted(got)
    assert len({r for r, _ in got}) == len({c for _, c in got}) == len(got)
    assert np.isclose(sum(weights[r, c] for r, c in got), _best_total(weights))


def test_an_empty_matrix_has_no_pairs():
    assert full_matching(np.zeros((0, 3))) == []
    assert full_matching(np.zeros((2, 0))) == []


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 60), st.integers(1, 60)),
        elements=st.floats(0, 1, allow_subnormal=False)
        | st.sampled_from([0.0, 0.5, 1.0]),
    )
)
def test_the_same_total_as_scipy(weights):
    # Larger than brute force reaches, ties included: SciPy's solver is the oracle.
    got = full_matching(weights)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    assert len(got) == len(rows)
    assert np.isclose(
        sum(weights[r, c] for r, c in got), weights[rows, cols].sum(), atol=1e-9
    )


def test_the_command_line_and_a_comparison_load_no_scipy():
    # SciPy takes a quarter of a second to load, most of the start-up; only
    # comparisons of a million article pairs or more (and rare-word evidence)
    # load scipy.sparse.
    code = (
        "import sys, treatydiff.cli, treatydiff.comparison, treatydiff.report\n"
        "from treatydiff import bundled, compare\n"
        "ids = ('ru-ir-2025', 'ru-kp-2024', 'ru-by-2024')\n"
        "compare(*map(bundled.load, ids)).to_dict()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@given(
    arrays(
        np.float64,
        st.sampled_from([(40, 1), (1, 40), (60, 3), (3, 60), (30, 5), (9, 80)]),
        elements=st.floats(0, 1, allow_subnormal=False) | st.sampled_from([0.0, 1.0]),
    )
)
def test_a_long_narrow_matrix_is_solved_on_the_rows_it_can_match(weights):
    # Regression: lap pads a rectangle to a square, so 8,000 articles merged
    # into one took n² cells (half a GB) and seconds; now only the m best
    # rows of each column are solved on (the bound lowered here to reach it).
    with mock.patch.object(matching, "_PADDED_SIDE", 10):
        got = full_matching(weights)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    assert got == sorted(got) and len(got) == len(rows)
    assert len({r for r, _ in got}) == len({c for _, c in got}) == len(got)
    assert np.isclose(
        sum(weights[r, c] for r, c in got), weights[rows, cols].sum(), atol=1e-9
    )
