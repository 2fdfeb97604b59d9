"""Big comparisons (issue 13, item 4): the sparse candidate path of alignment
gives the dense path's answers; its building blocks keep their laws."""

from __future__ import annotations

import itertools
from collections import Counter
from unittest import mock

import attrs
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from tests.support import CUSTOMS, DISPUTES, ORIGIN, distinct_clause, treaty
from treatydiff.alignment import blocked, pairwise
from treatydiff.alignment.pairwise import align, assign, background
from treatydiff.alignment.similarity import PairScores, score_matrix
from treatydiff.model import Division, Treaty
from treatydiff.strategies import EditRates, clause_texts, treaty_pairs


def _sparse(a, b, top=blocked.TOP, sample=blocked.SAMPLE):
    with (
        mock.patch.object(pairwise, "_LARGE_CELLS", 0),
        mock.patch.multiple(blocked, TOP=top, SAMPLE=sample),
    ):
        return align(a, b)


@given(treaty_pairs())
def test_sparse_path_equals_dense_path_when_every_pair_is_a_candidate(pair):
    a, b, _ = pair
    # TOP (10) covers every article of these treaties: the same answer, scores
    # and paragraphs included.
    assert _sparse(a, b) == align(a, b)


_RESERVED = "This Article is reserved for the protocol on maritime transport."
_CHAPTERS = ("Customs Duties", "Fisheries", "Final Provisions", "Customs Procedures")


@st.composite
def _chaptered(draw, t: Treaty) -> Treaty:
    """``t`` cut into chapters whose headings come from a small shared pool."""
    refs = [a.ref for a in t.articles]
    cuts = sorted(draw(st.sets(st.integers(1, len(refs) - 1), max_size=3)))
    return attrs.evolve(
        t,
        divisions=tuple(
            Division(
                kind="chapter",
                num=str(k + 1),
                heading=draw(st.sampled_from(_CHAPTERS)),
                articles=tuple(refs[start:stop]),
            )
            for k, (start, stop) in enumerate(itertools.pairwise([0, *cuts, len(refs)]))
        ),
    )


@st.composite
def _ordered_pairs(draw) -> tuple[Treaty, Treaty]:
    """Treaties where issue 9's order evidence fires: an article reworded in
    its slot, a run of identical articles after an inserted one, chapters."""
    c = distinct_clause
    texts = [
        c(k)
        for k in draw(st.lists(st.integers(0, 9), min_size=2, max_size=6, unique=True))
    ]
    at = draw(st.integers(0, len(texts)))
    a = [*texts[:at], " ".join([c(10), c(13), c(16)]), *texts[at:]]
    b = [*texts[:at], " ".join([c(10), c(14), c(15), c(17)]), *texts[at:]]
    at = draw(st.integers(0, len(a)))
    copies = [_RESERVED] * draw(st.integers(0, 3))
    a[at:at] = copies
    b[at:at] = copies
    if draw(st.booleans()):
        b.insert(draw(st.integers(0, at)), c(20))
    x, y = treaty("a", *a), treaty("b", *b)
    if draw(st.booleans()):
        x, y = draw(_chaptered(x)), draw(_chaptered(y))
    return x, y


@given(_ordered_pairs())
def test_sparse_path_equals_dense_path_where_order_evidence_decides(pair):
    # Issue 9's slot rule, constant-offset tie-break and chapter headings give
    # the same answer on both paths.
    a, b = pair
    assert _sparse(a, b) == align(a, b)
    assert _sparse(b, a) == align(b, a)


@given(treaty_pairs(min_articles=6, max_articles=10, rates=EditRates(split=0, merge=0)))
def test_sparse_path_with_few_candidates_keeps_the_plain_matches(pair):
    # Three candidates per article: the candidate limit of the large path, on
    # treaties without splits or merges. Backgrounds are read from every
    # article here: a sampled background is an estimate (a lower one can admit
    # a link the dense floor refuses; Hypothesis found a 10 x 2 case), and the
    # sampling itself is checked against the exact background below.
    a, b, _ = pair
    dense = align(a, b)
    sparse_ = _sparse(a, b, top=3, sample=len(a.articles) + len(b.articles))
    assert sparse_.links == dense.links
    assert sparse_.unmatched_a == dense.unmatched_a
    assert sparse_.unmatched_b == dense.unmatched_b


def test_large_inputs_take_the_sparse_path():
    calls = []
    real = pairwise._sparse_links

    def spy(pa, pb, opts):
        calls.append((len(pa.refs), len(pb.refs)))
        return real(pa, pb, opts)

    x = treaty("x", CUSTOMS, ORIGIN, DISPUTES)
    y = treaty("y", DISPUTES, CUSTOMS)
    with mock.patch.object(pairwise, "_sparse_links", spy):
        with mock.patch.object(pairwise, "_LARGE_CELLS", 6):
            assert align(x, y).links == {("1", "2"), ("3", "1")}
        with mock.patch.object(pairwise, "_LARGE_CELLS", 7):
            align(x, y)
    assert calls == [(3, 2)]


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 6), st.integers(1, 6)),
        elements=st.floats(0, 1),
    ),
    st.floats(0.1, 0.9),
)
def test_sparse_assignment_reaches_the_dense_optimum(scores, threshold):
    n, m = scores.shape
    rows, cols = np.indices(scores.shape)
    rows, cols = rows.ravel(), cols.ravel()
    weights = np.where(scores >= threshold, scores - threshold + 1e-9, 0.0).ravel()
    got = blocked.assign_sparse(rows, cols, weights, (n, m))
    want = assign(scores, threshold)
    total = {(r, c): w for r, c, w in zip(rows, cols, weights, strict=True)}
    assert len({r for r, _ in got}) == len(got) == len({c for _, c in got})
    assert all(total[p] > 0 for p in got)
    assert np.isclose(sum(total[p] for p in got), sum(total[p] for p in want))


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 8), st.integers(1, 8)),
        elements=st.floats(0, 1),
    )
)
def test_backgrounds_equal_the_dense_ones_when_every_article_is_read(scores):
    n, m = scores.shape

    def score(rows, cols):
        return scores[rows, cols]

    got = np.maximum(
        blocked.backgrounds(score, n, m, 1)[:, None],
        blocked.backgrounds(lambda r, c: scores[c, r], m, n, 2)[None, :],
    )
    assert np.allclose(got, background(scores))


@given(
    st.lists(clause_texts(), min_size=1, max_size=4),
    st.lists(clause_texts(), min_size=1, max_size=4),
)
def test_pair_scores_equal_the_score_matrix(a, b):
    rows, cols = np.indices((len(a), len(b)))
    got = PairScores(a, b)(rows.ravel(), cols.ravel())
    assert np.array_equal(got.reshape(len(a), len(b)), score_matrix(a, b))


def test_candidates_hold_the_closest_articles_and_the_contained_ones():
    words_a = [["custom", "duty", "abolish"], ["arbitr", "tribunal"], ["visa"]]
    words_b = [
        ["tribunal", "arbitr", "panel"],
        ["custom", "duty"],
        ["abolish", "custom"],
        ["visa", "permit"],
    ]
    with mock.patch.object(blocked, "TOP", 1):
        chosen, b_in_a, a_in_b = blocked.candidates(words_a, words_b, frozenset(), 0.6)
    pairs = set(zip(*chosen.nonzero(), strict=True))
    # Each article's closest counterpart, both ways, and both pieces of
    # article 0 of a (each wholly contained in it).
    assert {(0, 1), (0, 2), (1, 0), (2, 3)} <= pairs
    assert b_in_a[0, 1] == 1.0 and b_in_a[0, 2] == 1.0
    assert a_in_b[1, 0] == 2 / 3 and a_in_b[3, 2] == 1.0
    assert b_in_a.nnz == 3 and a_in_b.nnz == 4
    assert (1, 3) not in pairs


def test_table_reads_like_a_matrix():
    table = blocked.Table(
        np.array([0, 1, 1]),
        np.array([1, 0, 2]),
        np.array([0.5, 0.25, 0.0]),
        (2, 3),
        lambda i, j: 9.0,
    )
    assert table[0].tolist() == [0.0, 0.5, 0.0]
    assert table[:, 0].tolist() == [0.0, 0.25]
    assert table[0, 1] == 0.5
    assert table[1, 2] == 0.0  # held, though zero
    assert table[1, 1] == 9.0  # not held: computed
    assert table.shape == (2, 3)


def test_very_long_articles_are_scored_by_word_counts_on_the_sparse_path_too():
    long = " ".join(f"{CUSTOMS} Item {k}." for k in range(1500))
    edited = long.replace("Item 7.", "Entry 7.")
    a = treaty("a", long, ORIGIN, DISPUTES)
    b = treaty("b", DISPUTES, edited, ORIGIN)
    assert len(long) > pairwise._LONG_TEXT
    assert _sparse(a, b) == align(a, b)
    assert ("1", "2") in align(a, b).links


def test_very_long_paragraphs_are_scored_by_word_counts_too():
    # Regression: only articles were; one paragraph of 3.5 MB against its
    # edited copy was scored by edit distance (a 50,000-line text: 387 s).
    long = " ".join(f"{CUSTOMS} Item {k}." for k in range(30))
    edited = long.replace("Item 7.", "Entry 7.")
    a = treaty("a", [long, ORIGIN])
    b = treaty("b", [ORIGIN, edited])
    with mock.patch.object(pairwise, "_LONG_TEXT", 200):
        (pair,) = align(a, b).pairs
        pa, pb = pairwise.prepare([a, b])
    strings_a, strings_b = pa.paragraph_strings[0], pb.paragraph_strings[0]
    assert len(strings_a[0]) > 200 >= len(strings_a[1])
    by_words = pairwise._word_likeness(
        Counter(strings_a[0].split()), Counter(strings_b[1].split())
    )
    scores = {(q.a, q.b): q.score for q in pair.paragraphs}
    assert scores["1.1", "1.2"] == by_words < 1.0
    assert scores["1.2", "1.1"] == 1.0
