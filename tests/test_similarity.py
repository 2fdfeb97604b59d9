"""Score matrices, the default scorer, the boilerplate filter, containment."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from treatydiff.alignment import similarity
from treatydiff.alignment.normalise import stem_words
from treatydiff.alignment.similarity import (
    STOPWORDS,
    PairScores,
    clause_ratio,
    common_words,
    containment,
    filtered,
    incidence,
    process_texts,
    score_matrix,
    word_dice,
)
from treatydiff.strategies import clause_texts

SCORERS = [
    fuzz.ratio,
    fuzz.partial_ratio,
    fuzz.token_sort_ratio,
    fuzz.token_set_ratio,
    fuzz.token_ratio,
    fuzz.partial_token_sort_ratio,
    fuzz.partial_token_set_ratio,
    fuzz.partial_token_ratio,
    fuzz.WRatio,
    fuzz.QRatio,
    clause_ratio,
]
TEXTS = ["customs duty abolish", "dispute arbitration tribunal", "customs duty reduce"]


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda s: s.__name__)
def test_every_rapidfuzz_scorer_drops_in(scorer):
    scores = score_matrix(TEXTS, TEXTS[:2], scorer=scorer)
    assert scores.shape == (3, 2)
    assert ((scores >= 0) & (scores <= 1)).all()
    assert scores[0, 0] == scores[1, 1] == 1.0


def test_scorer_kwargs_reach_the_scorer():
    plain = score_matrix(TEXTS, TEXTS, scorer=fuzz.ratio)
    cut = score_matrix(
        TEXTS, TEXTS, scorer=fuzz.ratio, scorer_kwargs={"score_cutoff": 99}
    )
    assert plain[0, 2] > 0
    assert cut[0, 2] == 0
    assert cut[0, 0] == 1.0


def test_processor_is_applied():
    scores = score_matrix(
        ["A-B"],
        ["a b"],
        scorer=fuzz.ratio,
        processor=lambda s: s.lower().replace("-", " "),
    )
    assert scores[0, 0] == 1.0


def test_empty_sides_give_empty_matrix():
    assert score_matrix([], TEXTS).shape == (0, 3)


@given(
    st.lists(clause_texts("en"), min_size=1, max_size=4),
    st.lists(clause_texts("en"), min_size=1, max_size=4),
)
def test_clause_ratio_matrix_equals_scalar_scorer(a, b):
    scores = score_matrix(a, b)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            assert scores[i, j] == pytest.approx(clause_ratio(x, y) / 100)


# Words, runs of every kind of whitespace (str.split's and rapidfuzz's), repeats.
_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["duty", "Duty", "custom", "a", "zz", "пошлина", "é"]),
        st.text(st.characters(codec="utf-8"), max_size=4),
        st.sampled_from(
            [" ", "  ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"]
        ),
    ),
    max_size=12,
).map("".join)


@given(
    st.lists(_WORDS, min_size=1, max_size=4), st.lists(_WORDS, min_size=1, max_size=4)
)
def test_clause_ratio_matrix_is_exactly_both_rapidfuzz_halves(a, b):
    # The matrix reads each text's words sorted and its distinct words sorted
    # once; the scores must be bit for bit those of the two scorers on the
    # texts as given.
    sort = process.cdist(a, b, scorer=fuzz.token_sort_ratio, dtype=np.float64)
    word_set = process.cdist(a, b, scorer=fuzz.token_set_ratio, dtype=np.float64)
    expected = np.clip((sort + word_set) / 2 / 100.0, 0.0, 1.0)
    assert np.array_equal(score_matrix(a, b), expected)


@given(
    st.lists(_WORDS, min_size=1, max_size=4),
    st.lists(_WORDS, min_size=1, max_size=4),
    st.floats(0, 100),
)
def test_clause_ratio_cutoff_applies_to_the_mean_in_batches(a, b, cutoff):
    # Regression: score_matrix and PairScores cut each half of clause_ratio
    # at score_cutoff; the scorer cuts their mean.
    expected = np.array(
        [[clause_ratio(x, y, score_cutoff=cutoff) for y in b] for x in a]
    )
    kwargs = {"score_cutoff": cutoff}
    matrix = score_matrix(a, b, scorer_kwargs=kwargs)
    assert np.array_equal(matrix, np.clip(expected / 100.0, 0.0, 1.0))
    rows, cols = np.indices(matrix.shape).reshape(2, -1)
    pairs = PairScores(a, b, scorer_kwargs=kwargs)(rows, cols)
    assert np.array_equal(pairs, matrix[rows, cols])


@given(st.lists(st.one_of(st.text(), clause_texts("en"), clause_texts("ru"))))
def test_default_processing_is_the_stem_words_processor(texts):
    assert process_texts(texts) == [stem_words(t).split() for t in texts]


def test_clause_ratio_contract():
    assert clause_ratio("A b", "a B", processor=str.lower) == 100
    assert clause_ratio("abc", "xyz", score_cutoff=50) == 0.0


def test_common_words_drop_boilerplate_but_not_content():
    arts = process_texts(
        [
            "The Parties shall cooperate in customs "
            "matters in accordance with this Agreement.",
            "The Parties shall settle disputes by "
            "arbitration in accordance with this Agreement.",
            "The Parties shall protect intellectual "
            "property in accordance with this Agreement.",
            "The Parties shall exchange information on "
            "subsidies in accordance with this Agreement.",
        ]
    )
    drop = common_words([arts])
    assert {"party", "accordance", "agreement"} <= drop
    assert not {"custom", "arbitration", "subsidi", "intellectual"} & drop


def test_common_words_not_inflated_by_comparing_a_treaty_with_itself():
    arts = process_texts(
        ["customs duty abolished", "disputes go to arbitration", "goods of origin"]
    )
    assert common_words([arts]) == common_words([arts, arts]) == STOPWORDS


def _common_words_every_word(treaties, max_df, min_articles):
    """The rule of common_words summed over every word (the oracle)."""
    share: dict[str, float] = {}
    count: dict[str, float] = {}
    for articles in treaties:
        df: Counter[str] = Counter()
        for words in articles:
            df.update(set(words))
        for word, n in df.items():
            share[word] = share.get(word, 0.0) + n / max(len(articles), 1) / len(
                treaties
            )
            count[word] = count.get(word, 0.0) + n / len(treaties)
    return STOPWORDS | {
        w for w, s in share.items() if s >= max_df and count[w] >= min_articles
    }


@given(
    st.lists(
        st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=5), max_size=12),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([0.0, 0.1, 0.2, 0.25, 1 / 3, 0.5, 1.0]),
    st.sampled_from([0, 1, 2, 3, 2.5]),
)
def test_common_words_sums_only_words_that_may_qualify(treaties, max_df, least):
    assert common_words(
        treaties, max_df=max_df, min_articles=least
    ) == _common_words_every_word(treaties, max_df, least)


def test_boilerplate_filter_separates_unrelated_formulaic_articles():
    a = (
        "The Parties shall, in accordance with "
        "this Agreement, abolish customs duties on imports."
    )
    b = (
        "The Parties shall, in accordance with "
        "this Agreement, settle disputes by arbitration."
    )
    others = [
        f"The Parties shall, in accordance with this Agreement, {x}."
        for x in (
            "protect patents",
            "notify subsidies",
            "open procurement",
            "admit investors",
        )
    ]
    words = process_texts([a, b, *others])
    drop = common_words([words])
    raw = fuzz.token_sort_ratio(a, b)
    clean = fuzz.token_sort_ratio(filtered(words[0], drop), filtered(words[1], drop))
    assert raw > 50 > clean


def test_filtered_keeps_all_words_when_everything_is_boilerplate():
    assert filtered(["the", "party"], frozenset({"the", "party"})) == "the party"


@given(st.lists(st.sets(st.integers(0, 40))), st.integers(0, 40))
def test_incidence_marks_each_set_in_its_row(sets, extra):
    width = max((max(s) + 1 for s in sets if s), default=0) + extra
    marks = incidence(sets, width)
    expected = np.zeros((len(sets), max(width, 1)))
    for k, s in enumerate(sets):
        expected[k, sorted(s)] = 1.0
    assert marks.shape == expected.shape
    assert np.array_equal(marks.toarray(), expected)
    assert marks.has_sorted_indices


def test_containment_both_ways():
    b_in_a, a_in_b = containment(
        [["a", "b", "c", "d"]], [["a", "b"], ["a", "x"], ["y"]]
    )
    assert np.allclose(b_in_a, [[1.0, 0.5, 0.0]])
    assert np.allclose(a_in_b, [[0.5], [0.25], [0.0]])


_WORD_LISTS = st.lists(
    st.lists(st.sampled_from(["duty", "custom", "a", "party", "пошлина", "é", "zz"])),
    max_size=4,
)


@pytest.mark.parametrize("dense_cells", [similarity._DENSE_CELLS, 0])
@given(_WORD_LISTS, _WORD_LISTS, st.frozensets(st.sampled_from(["duty", "a", "x"])))
def test_word_overlaps_are_those_of_python_sets(dense_cells, a, b, drop):
    # Word numbers live for the process and each text's are cached: the counts
    # must be those of plain sets, call after call, counted on dense matrices
    # (small comparisons) or sparse ones (large).
    kept, similarity._DENSE_CELLS = similarity._DENSE_CELLS, dense_cells
    try:
        _check_overlaps(a, b, drop)
    finally:
        similarity._DENSE_CELLS = kept


def _check_overlaps(a, b, drop):
    sets_a = [set(ws) - drop for ws in a]
    sets_b = [set(ws) - drop for ws in b]
    b_in_a, a_in_b = containment(a, b, drop)
    for i, x in enumerate(sets_a):
        for j, y in enumerate(sets_b):
            assert b_in_a[i, j] == len(x & y) / max(len(y), 1)
            assert a_in_b[j, i] == len(x & y) / max(len(x), 1)
    texts_a, texts_b = [" ".join(ws) for ws in a], [" ".join(ws) for ws in b]
    dice, size_a, size_b = word_dice(texts_a, texts_b)
    assert size_b.tolist() == [len(set(ws)) for ws in b]
    for i, x in enumerate(map(set, a)):
        assert size_a[i] == len(x)
        for j, y in enumerate(map(set, b)):
            assert dice[i, j] == 2 * len(x & y) / max(len(x) + len(y), 1)


@given(
    st.lists(
        st.lists(
            st.floats(0, 1) | st.sampled_from([0.0, 0.25, 0.5, 1.0]),
            min_size=2,
            max_size=12,
        ),
        min_size=1,
        max_size=6,
    ).filter(lambda rows: len({len(r) for r in rows}) == 1)
)
def test_median_but_best_is_numpys_median_of_the_rest(rows):
    """The alignment's background (issue 13: without np.median, which loads
    numpy.ma): exactly the median of each row without its largest value."""
    scores = np.array(rows)
    expected = np.median(np.sort(scores, axis=1)[:, :-1], axis=1)
    assert similarity.median_but_best(scores).tolist() == expected.tolist()
