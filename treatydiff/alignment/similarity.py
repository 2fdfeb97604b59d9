"""Similarity of clauses: processed texts, boilerplate filter, score matrices.

Scores come from any scorer with rapidfuzz's contract (default
:func:`clause_ratio`),
``scorer(a, b, *, processor=None, score_cutoff=None) -> float`` on 0–100
(every ``rapidfuzz.fuzz`` function drops in), run over all pairs by
``rapidfuzz.process.cdist`` on every core. Matrices hold scores on 0–1.

Boilerplate: words every treaty repeats ("the Parties shall", "in accordance
with", "of this Agreement", "Договаривающиеся Стороны") are dropped before
scoring: a short stop list plus every word found in a large share of the
articles of the treaties being compared (document frequency measured inside
each treaty, so comparing a treaty with itself does not inflate it).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz, process

from treatydiff.alignment.normalise import stem, tokens

if TYPE_CHECKING:
    from scipy import sparse

__all__ = [
    "DEFAULT_SCORER",
    "STOPWORDS",
    "PairScores",
    "Processor",
    "Scorer",
    "clause_ratio",
    "common_words",
    "containment",
    "filtered",
    "incidence",
    "median_but_best",
    "process_texts",
    "score_matrix",
    "shorter_share",
    "word_dice",
]

Processor = Callable[[str], str]
Scorer = Callable[..., float]


def clause_ratio(
    s1: str,
    s2: str,
    *,
    processor: Processor | None = None,
    score_cutoff: float | None = None,
) -> float:
    """The default scorer: the mean of ``token_sort_ratio`` (whole-clause
    likeness) and ``token_set_ratio`` (one clause contained in a longer one).

    >>> clause_ratio("custom duty abolish", "custom duty abolish")
    100.0
    """
    if processor is not None:
        s1, s2 = processor(s1), processor(s2)
    score = (fuzz.token_sort_ratio(s1, s2) + fuzz.token_set_ratio(s1, s2)) / 2
    return score if score_cutoff is None or score >= score_cutoff else 0.0


DEFAULT_SCORER: Scorer = clause_ratio

_STOP_EN = """
a an the of and or to in on at by for from with without as is are be been being
it its this that these those which who whom whose any all each such other
their them they shall may not no nor under upon into than then there where
when whether if so also same per both either
"""
_STOP_RU = """
и в во на с со по к ко о об от для из за не ни или а но что как его ее их то
при до также этого этом этой этих настоящего настоящим настоящей который
которые которая котором которых любой любая любые каждая каждый между
"""
STOPWORDS: frozenset[str] = frozenset(stem(w) for w in (_STOP_EN + _STOP_RU).split())


def process_texts(
    texts: Sequence[str], processor: Processor | None = None
) -> list[list[str]]:
    """Each text as a list of words after ``processor`` (default: stemmed
    words, :func:`~treatydiff.alignment.normalise.tokens`, never joined and
    split again)."""
    if processor is None:
        return [tokens(text) for text in texts]
    return [processor(text).split() for text in texts]


def common_words(
    treaties: Sequence[Sequence[Sequence[str]]],
    *,
    max_df: float = 0.2,
    min_articles: float = 3,
) -> frozenset[str]:
    """Boilerplate words: stop words, plus words found, on average over the
    treaties, in at least ``max_df`` of a treaty's articles and in at least
    ``min_articles`` of them (so small treaties keep their vocabulary)."""
    dfs = [_document_frequency(tuple(map(tuple, arts))) for arts in treaties]
    # Only a word in nearly max_df of some treaty's articles may reach it on
    # average (one article of slack for rounding); its sums are then added
    # up in the treaties' order, as for every word.
    maybe: set[str] = set()
    for articles, df in zip(treaties, dfs, strict=True):
        least = max_df * max(len(articles), 1) - 1
        maybe.update(word for word, n in df.items() if n >= least)
    frequent = set()
    for word in maybe:
        share = count = 0.0
        for articles, df in zip(treaties, dfs, strict=True):
            if n := df[word]:
                share += n / max(len(articles), 1) / len(treaties)
                count += n / len(treaties)
        if share >= max_df and count >= min_articles:
            frequent.add(word)
    return STOPWORDS | frequent


@lru_cache(maxsize=64)
def _document_frequency(articles: tuple[tuple[str, ...], ...]) -> Counter[str]:
    """In how many of ``articles`` each word occurs (cached: a treaty compared
    again, or with several others, is counted once; read only)."""
    return Counter(itertools.chain.from_iterable(map(set, articles)))


def filtered(words: Sequence[str], drop: frozenset[str]) -> str:
    """``words`` without the ``drop`` set, single-spaced (all if none is left)."""
    kept = [w for w in words if w not in drop]
    return " ".join(kept or words)


def score_matrix(
    a: Sequence[str],
    b: Sequence[str],
    *,
    scorer: Scorer | None = None,
    processor: Processor | None = None,
    scorer_kwargs: Mapping[str, Any] | None = None,
) -> np.ndarray:
    """All-pairs scores on 0–1 (rows ``a``, columns ``b``)."""
    if not a or not b:
        return np.zeros((len(a), len(b)))
    scorer = scorer or DEFAULT_SCORER
    kwargs = dict(scorer_kwargs or {})
    if scorer is clause_ratio:
        if processor is not None:
            a, b = [processor(x) for x in a], [processor(y) for y in b]
        cutoff = kwargs.pop("score_cutoff", None)
        # Each half of clause_ratio reads its own preparation of a text:
        # prepare each text once, not per pair.
        halves = sum(
            _cdist([prep(x) for x in a], [prep(y) for y in b], half, None, kwargs)
            for prep, half in _CLAUSE_HALVES
        )
        scores = _cut(np.asarray(halves) / 2, cutoff)
    else:
        scores = _cdist(a, b, scorer, processor, kwargs)
    clipped: np.ndarray = np.clip(scores / 100.0, 0.0, 1.0)
    return clipped


class PairScores:
    """The scores of :func:`score_matrix` for chosen pairs only: called with
    index arrays ``rows`` (into ``a``) and ``cols`` (into ``b``), it returns
    the score of each ``(a[rows[k]], b[cols[k]])`` on 0–1."""

    def __init__(
        self,
        a: Sequence[str],
        b: Sequence[str],
        *,
        scorer: Scorer | None = None,
        scorer_kwargs: Mapping[str, Any] | None = None,
    ) -> None:
        self.scorer = scorer or DEFAULT_SCORER
        self.kwargs = dict(scorer_kwargs or {})
        #: clause_ratio's cutoff applies to the mean of its halves.
        self.cutoff = (
            self.kwargs.pop("score_cutoff", None)
            if self.scorer is clause_ratio
            else None
        )
        #: (texts of a, texts of b, scorer) per half of the score; the texts
        #: prepared once for their half (see score_matrix).
        self.halves = (
            [
                ([prep(x) for x in a], [prep(y) for y in b], half)
                for prep, half in _CLAUSE_HALVES
            ]
            if self.scorer is clause_ratio
            else [(list(a), list(b), self.scorer)]
        )

    def __call__(
        self, rows: Sequence[int] | np.ndarray, cols: Sequence[int] | np.ndarray
    ) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        parts = [
            self._cpdist([ta[i] for i in rows], [tb[j] for j in cols], half)
            for ta, tb, half in self.halves
        ]
        scores = _cut(np.asarray(sum(parts)) / len(parts), self.cutoff)
        clipped: np.ndarray = np.clip(scores / 100.0, 0.0, 1.0)
        return clipped

    def _cpdist(self, a: list[str], b: list[str], scorer: Scorer) -> np.ndarray:
        workers = -1 if len(a) >= 256 else 1
        return process.cpdist(
            a, b, scorer=scorer, workers=workers, dtype=np.float64, **self.kwargs
        )


def _cut(scores: np.ndarray, cutoff: float | None) -> np.ndarray:
    """``scores`` (on 0–100) with those below ``cutoff`` set to 0, as a
    scorer's ``score_cutoff`` does."""
    if cutoff is None:
        return scores
    return np.where(scores >= cutoff, scores, 0.0)


# Whitespace as rapidfuzz's token scorers split at: str.split's, except that
# in a text of Latin-1 letters only U+0085 and U+00A0 belong to words.
_LATIN1_SPACE = re.compile("[\t-\r\x1c- ]+")


def _rapidfuzz_words(text: str) -> list[str]:
    """The words of ``text`` as ``token_sort_ratio`` and ``token_set_ratio``
    read them."""
    if ("\x85" in text or "\xa0" in text) and max(text) <= "\xff":
        return [w for w in _LATIN1_SPACE.split(text) if w]
    return text.split()


@lru_cache(maxsize=1 << 14)
def _sorted_words(text: str) -> str:
    """All ``token_sort_ratio`` reads of ``text``: its words sorted (the last
    texts read are kept)."""
    return " ".join(sorted(_rapidfuzz_words(text)))


@lru_cache(maxsize=1 << 14)
def _distinct_words(text: str) -> str:
    """All ``token_set_ratio`` reads of ``text``: its distinct words sorted."""
    return " ".join(sorted(set(_rapidfuzz_words(text))))


#: clause_ratio is the mean of these two: how each reads a text, and its scorer.
_CLAUSE_HALVES: tuple[tuple[Callable[[str], str], Scorer], ...] = (
    (_sorted_words, fuzz.ratio),
    (_distinct_words, fuzz.token_set_ratio),
)


def _cdist(
    a: Sequence[str],
    b: Sequence[str],
    scorer: Scorer,
    processor: Processor | None,
    kwargs: dict[str, Any],
) -> np.ndarray:
    workers = -1 if len(a) * len(b) >= 256 else 1
    return process.cdist(
        a,
        b,
        scorer=scorer,
        processor=processor,
        workers=workers,
        dtype=np.float64,
        **kwargs,
    )


def containment(
    a: Sequence[Sequence[str]],
    b: Sequence[Sequence[str]],
    drop: frozenset[str] = frozenset(),
) -> tuple[np.ndarray, np.ndarray]:
    """Word containment both ways, boilerplate left out: ``B_IN_A[i, j]`` is
    the share of ``b[j]``'s distinct words found in ``a[i]``, ``A_IN_B[j, i]``
    the share of ``a[i]``'s found in ``b[j]`` (0 for a side without words)."""
    ids_a = [_word_ids(tuple(ws)) for ws in a]
    ids_b = [_word_ids(tuple(ws)) for ws in b]
    dropped = np.zeros(len(_WORD_IDS), dtype=bool)
    dropped[[_WORD_IDS[w] for w in drop if w in _WORD_IDS]] = True
    ids_a = [ids[~dropped[ids]] for ids in ids_a]
    ids_b = [ids[~dropped[ids]] for ids in ids_b]
    overlap = _overlap(ids_a, ids_b)
    size_a = np.array([max(len(ids), 1) for ids in ids_a], dtype=np.float64)
    size_b = np.array([max(len(ids), 1) for ids in ids_b], dtype=np.float64)
    return overlap / size_b[np.newaxis, :], overlap.T / size_a[np.newaxis, :]


def word_dice(
    a: Sequence[str], b: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dice likeness of the distinct words of each text of ``a`` and ``b``
    (``2 |A ∩ B| / (|A| + |B|)``, 0 for two empty texts), and the number of
    distinct words of each text on either side.

    >>> dice, _, _ = word_dice(["custom duty", ""], ["duty free"])
    >>> dice.tolist()
    [[0.5], [0.0]]
    """
    ids_a = [_text_ids(t) for t in a]
    ids_b = [_text_ids(t) for t in b]
    shared = _overlap(ids_a, ids_b)
    size_a = np.array([len(ids) for ids in ids_a], dtype=np.float64)
    size_b = np.array([len(ids) for ids in ids_b], dtype=np.float64)
    dice: np.ndarray = 2.0 * shared / np.maximum(size_a[:, np.newaxis] + size_b, 1.0)
    return dice, size_a, size_b


#: A number for every distinct word the process has compared, kept for its
#: life (so each text's word numbers can be cached): the word counts of
#: containment and Dice are sums of ones, which any numbering gives exactly.
_WORD_IDS: dict[str, int] = {}


@lru_cache(maxsize=1 << 14)
def _word_ids(words: tuple[str, ...]) -> np.ndarray:
    """The numbers of the distinct ``words``, sorted."""
    ids = _WORD_IDS
    found = np.fromiter(
        (ids.setdefault(w, len(ids)) for w in set(words)), dtype=np.int64
    )
    found.sort()
    return found


@lru_cache(maxsize=1 << 14)
def _text_ids(text: str) -> np.ndarray:
    """:func:`_word_ids` of the words of ``text``."""
    return _word_ids(tuple(text.split()))


#: Up to this many cells ((rows of both sides) × shared words), word overlaps
#: are counted on dense 0/1 matrices: NumPy alone, no SciPy to load.
_DENSE_CELLS = 1_000_000


def _overlap(rows_a: Sequence[np.ndarray], rows_b: Sequence[np.ndarray]) -> np.ndarray:
    """How many numbers each of ``rows_a`` shares with each of ``rows_b``
    (sorted, distinct word numbers), n × m. Counts of ones, so exact however
    they are summed: on dense 0/1 matrices of the shared words (float32 holds
    every count below 2**24, and a dense path has fewer shared words than
    :data:`_DENSE_CELLS`), or sparse ones past it."""
    n, m = len(rows_a), len(rows_b)
    if not n or not m:
        return np.zeros((n, m))
    flat_a, flat_b = np.concatenate(rows_a), np.concatenate(rows_b)
    shared = np.intersect1d(_distinct(flat_a), _distinct(flat_b), assume_unique=True)
    if (n + m) * len(shared) > _DENSE_CELLS:
        width = len(_WORD_IDS)
        sparse_overlap = _marks(rows_a, width) @ _marks(rows_b, width).T
        return np.asarray(sparse_overlap.toarray(), dtype=np.float64)
    dense_a = _dense_marks(rows_a, flat_a, shared)
    dense_b = _dense_marks(rows_b, flat_b, shared)
    overlap: np.ndarray = (dense_a @ dense_b.T).astype(np.float64)
    return overlap


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct ``values``, sorted: ``np.unique``, which would load
    ``numpy.ma`` (15 ms of each command's start-up) to ask if they are masked.

    >>> _distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


def _dense_marks(
    rows: Sequence[np.ndarray], flat: np.ndarray, columns: np.ndarray
) -> np.ndarray:
    """A 0/1 float32 matrix: row ``k`` marks which of the sorted ``columns``
    are in ``rows[k]`` (``flat``: the rows concatenated)."""
    marks = np.zeros((len(rows), len(columns)), dtype=np.float32)
    if not len(columns):
        return marks
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    where = np.searchsorted(columns, flat)
    found = where < len(columns)
    found[found] = columns[where[found]] == flat[found]
    marks[row_of[found], where[found]] = 1.0
    return marks


def median_but_best(scores: np.ndarray) -> np.ndarray:
    """Per row of ``scores`` (two columns or more), the median of its values
    without its best one, read off the sorted rows as ``np.median`` would
    give it (which loads ``numpy.ma``, 15 ms of each command's start-up).

    >>> median_but_best(np.array([[0.1, 0.9, 0.3], [0.5, 0.2, 0.4]])).tolist()
    [0.2, 0.30000000000000004]
    """
    ordered = np.sort(scores, axis=1)
    left = scores.shape[1] - 1  # values per row without the best
    middle: np.ndarray = (ordered[:, (left - 1) // 2] + ordered[:, left // 2]) / 2
    return middle


def shorter_share(
    dice: np.ndarray, size_a: np.ndarray, size_b: np.ndarray
) -> np.ndarray:
    """From :func:`word_dice`'s output, per pair the share of the shorter
    text's distinct words found in the other (0 where either has none).

    >>> dice, a, b = word_dice(["esa provide duty allow"], ["esa provide duty eu"])
    >>> shorter_share(dice, a, b).tolist()
    [[0.75]]
    """
    sizes = size_a[:, np.newaxis] + size_b
    shared = np.rint(dice * sizes / 2.0)
    share: np.ndarray = shared / np.maximum(
        np.minimum(size_a[:, np.newaxis], size_b), 1.0
    )
    return share


def incidence(sets: Sequence[set[int]], width: int) -> sparse.csr_matrix:
    """A 0/1 sparse matrix: row ``k`` marks the word ids in ``sets[k]``."""
    return _marks([np.array(sorted(s), dtype=np.int64) for s in sets], width)


def _marks(rows: Sequence[np.ndarray], width: int) -> sparse.csr_matrix:
    """A 0/1 sparse matrix ``width`` wide: row ``k`` marks the sorted,
    distinct numbers ``rows[k]``. SciPy is loaded here, on first use: only
    large comparisons need it."""
    from scipy import sparse

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=indptr[1:])
    index = np.int32 if max(int(indptr[-1]), width) < 2**31 else np.int64
    cols = np.concatenate(rows).astype(index) if rows else np.zeros(0, dtype=index)
    data = np.ones(len(cols), dtype=np.float64)
    return sparse.csr_matrix(
        (data, cols, indptr.astype(index)), shape=(len(rows), max(width, 1))
    )
