"""Evidence beyond the edit-distance score: rare words shared across two texts.

Drafters who rewrite a provision in new words keep its terms of art
("politically exposed person", "correspondent relationship"): words rare in
both texts. :class:`RareWords` weighs each word by how rare it is (TF-IDF,
document frequency measured inside each text, so comparing a text with
itself does not inflate it) and compares articles by the cosine of those
weights.

:func:`split_gaps` uses it where order already speaks: an article left without
counterpart between two pieces of one split (or two sources of one merge)
joins that group when the group's article is one of its two strongest sources
by rare words, or comes from the neighbour of that article when that neighbour
is left without counterpart and its words point there (two neighbouring
articles dealt out into one stretch).

>>> rare = RareWords([["shell", "bank"], ["fee"]], [["bank", "shell"]])
>>> rare.against_a(0).round(3).tolist()
[1.0, 0.0]
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Collection, Sequence

import numpy as np
from scipy import sparse

__all__ = ["RareWords", "split_gaps"]

# A gap article joins the group when the group's article is among its
# strongest sources by rare words: fewer than _RIVALS articles of that text
# score higher with it (one may: a provision's terms of art are also in the
# definitions article).
_RIVALS = 2


class RareWords:
    """TF-IDF vectors of the articles ``a`` and ``b`` (lists of words,
    ``drop`` left out): term weight ``1 + log(count)``, inverse document
    frequency ``-log`` of the word's mean share of articles over the two
    texts; cosines are read one article at a time, and nothing is computed
    before the first is asked for."""

    def __init__(
        self,
        a: Sequence[Sequence[str]],
        b: Sequence[Sequence[str]],
        drop: Collection[str] = frozenset(),
    ) -> None:
        self._texts, self._drop = (a, b), drop

    def against_a(self, j: int) -> np.ndarray:
        """The cosine of article ``b[j]`` with every article of ``a``."""
        unit_a, unit_b = self._unit
        return _cosines(unit_a, unit_b[j])

    def against_b(self, i: int) -> np.ndarray:
        """The cosine of article ``a[i]`` with every article of ``b``."""
        unit_a, unit_b = self._unit
        return _cosines(unit_b, unit_a[i])

    @functools.cached_property
    def _unit(self) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        a, b = self._texts
        vocab: dict[str, int] = {}
        counts = [
            Counter(vocab.setdefault(w, len(vocab)) for w in ws if w not in self._drop)
            for ws in [*a, *b]
        ]
        rows = [k for k, c in enumerate(counts) for _ in c]
        cols = [w for c in counts for w in c]
        data = [1.0 + np.log(n) for c in counts for n in c.values()]
        tf = sparse.csr_matrix(
            (data, (rows, cols)),
            shape=(len(counts), max(len(vocab), 1)),
            dtype=np.float64,
        )
        present = (tf > 0).astype(np.float64)
        share = (
            np.asarray(present[: len(a)].sum(axis=0)).ravel() / max(len(a), 1)
            + np.asarray(present[len(a) :].sum(axis=0)).ravel() / max(len(b), 1)
        ) / 2.0
        idf = -np.log(np.clip(share, 1e-12, 1.0))
        weighted = sparse.csr_matrix(tf @ sparse.diags(idf))
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        unit = sparse.csr_matrix(
            sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ weighted
        )
        return unit[: len(a)], unit[len(a) :]


def _cosines(many: sparse.csr_matrix, one: sparse.csr_matrix) -> np.ndarray:
    out: np.ndarray = np.clip((many @ one.T).toarray().ravel(), 0.0, 1.0)
    return out


def split_gaps(
    edges: Collection[tuple[int, int]], rare: RareWords, max_gap: int
) -> list[tuple[int, int]]:
    """Links ``(i, j)`` (article indexes of ``a`` and ``b``) that fill the
    gaps of the splits and merges in ``edges``: for an article without
    counterpart whose nearest linked neighbours on both sides are linked to
    the same article ``k`` of the other text, with at most ``max_gap``
    articles between them (the pieces of a split stand together), the
    candidates are ``k`` and the neighbours of ``k`` left without
    counterpart; it is linked to each candidate whose rare-word cosine with
    it is positive and beaten by at most one other article."""
    found = _gaps(edges, rare.against_a, max_gap)
    mirrored = {(j, i) for i, j in edges}
    found += [(i, j) for j, i in _gaps(mirrored, rare.against_b, max_gap)]
    return sorted(set(found))


def _gaps(
    edges: Collection[tuple[int, int]],
    against: Callable[[int], np.ndarray],
    max_gap: int,
) -> list[tuple[int, int]]:
    """:func:`split_gaps` for the articles of the second side of ``edges``
    (``against(j)``: the cosines of article ``j`` with the first side)."""
    sources: dict[int, set[int]] = {}
    for i, j in edges:
        sources.setdefault(j, set()).add(i)
    linked_first = {i for i, _ in edges}
    out = []
    for before, after in itertools.pairwise(sorted(sources)):
        if after - before - 1 > max_gap:
            continue
        shared = sources[before] & sources[after]
        beside = {n for k in shared for n in (k - 1, k + 1)} - linked_first
        candidates = sorted(shared | {n for n in beside if n >= 0})
        for j in range(before + 1, after) if candidates else ():
            cos = against(j)
            out += [
                (k, j)
                for k in candidates
                if k < len(cos)
                and cos[k] > 0.0
                and np.count_nonzero(cos > cos[k]) < _RIVALS
            ]
    return out
