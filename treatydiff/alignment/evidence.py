"""Evidence beyond the edit-distance score: rare words shared across two texts,
families of articles a text names, slots left by order.

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
articles dealt out into one stretch). :func:`family_links` completes splits
with the family an article announces (:func:`named_families`), and
:func:`slot_links` joins an article to the one linked article in its slot
when their rare words agree both ways.

>>> rare = RareWords([["shell", "bank"], ["fee"]], [["bank", "shell"]])
>>> rare.against_a(0).round(3).tolist()
[1.0, 0.0]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["RareWords", "family_links", "named_families", "slot_links", "split_gaps"]

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
        # SciPy loaded on first use: most comparisons never ask for rare words.
        from scipy import sparse

        a, b = self._texts
        vocab: dict[str, int] = {}
        drop = self._drop
        counts = [
            Counter([vocab.setdefault(w, len(vocab)) for w in ws if w not in drop])
            for ws in [*a, *b]
        ]
        rows = np.repeat(np.arange(len(counts)), [len(c) for c in counts])
        cols = np.fromiter(itertools.chain.from_iterable(counts), dtype=np.int64)
        n = np.fromiter(
            itertools.chain.from_iterable(c.values() for c in counts), dtype=np.float64
        )
        data = 1.0 + np.log(n)
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


# A mention of several articles of the text itself: "Articles 59 to 61",
# "Articles 15, 16 and 17", "статьи 59-61" (paragraph references such as
# "Articles 7(a) and 8" and mentions of another act, "Articles 1 to 4 of
# Decision ...", "статьи 1-4 Конвенции", name no family).
_REF = r"\d+[a-zA-Z]?"
_SEP = r"\s*(?:,\s*(?:and\s+)?|and\s+|to\s+|[-\u2013\u2014]\s*|и\s+)"
_MENTION = re.compile(
    rf"\b(?:[Aa]rticles|[Сс]тать[а-я]*)\s+({_REF}(?:{_SEP}{_REF})++)\b(?!\()"
    r"(?!\s+of\s+(?!this\b))(?!\s+(?!настоящ)[А-Я])"
)
_PIECE = re.compile(rf"({_REF})|(to|[-\u2013\u2014])")


def named_families(texts: Sequence[str], refs: Sequence[str]) -> list[frozenset[int]]:
    """The families of articles (indexes into ``refs``, the articles of one
    text in order, ``texts`` their texts) that an article announces: its
    opening paragraph (the first line of its text) names the articles that
    follow it, as a range ("In the cases referred to in Articles 19 to 24",
    lettered articles included) or a list ("Articles 15, 16 and 17"); the
    family is that article and those it names.

    >>> named_families(["Articles 2 to 3 apply.", "x", "y"], ["1", "2", "3"])
    [frozenset({0, 1, 2})]
    """
    at = {ref.lower(): k for k, ref in enumerate(refs)}
    found: set[frozenset[int]] = set()
    for k, text in enumerate(texts):
        opening = text.partition("\n")[0]
        if "rticles" not in opening and "тать" not in opening:
            continue
        for mention in _MENTION.finditer(opening):
            named = _family(mention.group(1), at)
            if named and min(named) == k + 1 and max(named) == k + len(named):
                found.add(named | {k})
    return sorted(found, key=sorted)


def _family(mention: str, at: Mapping[str, int]) -> frozenset[int]:
    """The articles ``mention`` ("59 to 61", "15, 16 and 17") names;
    nothing when one of them is not an article of the text (``at``: index
    by lower-case ref)."""
    family: set[int] = set()
    previous, ranged = -1, False
    for ref, dash in _PIECE.findall(mention):
        if dash:
            ranged = True
            continue
        k = at.get(ref.lower(), -1)
        if k < 0 or (ranged and k < previous):
            return frozenset()
        family.update(range(previous + 1, k + 1) if ranged else (k,))
        previous, ranged = k, False
    return frozenset(family)


def family_links(
    edges: Collection[tuple[int, int]],
    families_a: Collection[frozenset[int]],
    families_b: Collection[frozenset[int]],
) -> list[tuple[int, int]]:
    """Links ``(i, j)`` that complete the splits and merges in ``edges``
    with the family of a piece: where a member of a family of ``b`` (see
    :func:`named_families`) is a piece of a split of article ``k`` of
    ``a``, each member left without counterpart that stands next to a piece
    (or next to a member so joined) joins ``k``, unless it would join two
    articles that way; the same for the families of ``a`` and the sources of
    merges."""
    found = _family_joins(edges, families_b)
    mirrored = {(j, i) for i, j in edges}
    found += [(i, j) for j, i in _family_joins(mirrored, families_a)]
    return sorted(set(found))


def _family_joins(
    edges: Collection[tuple[int, int]], families: Collection[frozenset[int]]
) -> list[tuple[int, int]]:
    """:func:`family_links` for the families of the second side of
    ``edges``."""
    pieces: dict[int, set[int]] = {}
    for i, j in edges:
        pieces.setdefault(i, set()).add(j)
    linked = {j for _, j in edges}
    joins: dict[int, set[int]] = {}
    for family in families:
        free = family - linked
        splits = {i for i, js in pieces.items() if len(js) > 1 and js & family}
        for k in splits if free else ():
            group = set(pieces[k])
            grown = True
            while grown:
                near = {f for f in free - group if {f - 1, f + 1} & group}
                group |= near
                grown = bool(near)
            for f in group - pieces[k]:
                joins.setdefault(f, set()).add(k)
    return [(k, f) for f, ks in joins.items() if len(ks) == 1 for k in ks]


def slot_links(
    edges: Collection[tuple[int, int]],
    rare: RareWords,
    explains: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Links ``(i, j)`` for articles left without counterpart in the slot
    of one linked article (a provision folded into the article that took
    its neighbour's place): an article whose two neighbours are linked
    joins the only linked article between their counterparts when each is
    among the other's two strongest by rare words and ``explains(i, j)``
    (the joined article is explained better with it than without)."""
    found = _slots(edges, rare.against_a, rare.against_b)
    mirrored = {(j, i) for i, j in edges}
    found += [(i, j) for j, i in _slots(mirrored, rare.against_b, rare.against_a)]
    return [(i, j) for i, j in sorted(set(found)) if explains(i, j)]


def _slots(
    edges: Collection[tuple[int, int]],
    against: Callable[[int], np.ndarray],
    back: Callable[[int], np.ndarray],
) -> list[tuple[int, int]]:
    """:func:`slot_links` for the articles of the second side of ``edges``
    (``against(j)``: the cosines of article ``j`` with the first side,
    ``back(i)`` those of article ``i`` of the first side with the second),
    before ``explains``."""
    sources: dict[int, set[int]] = {}
    for i, j in edges:
        sources.setdefault(j, set()).add(i)
    linked_first = sorted({i for i, _ in edges})
    out = []
    for j in range(1, max(sources, default=0)):
        if j in sources or j - 1 not in sources or j + 1 not in sources:
            continue
        low, high = max(sources[j - 1]), min(sources[j + 1])
        inside = linked_first[
            bisect.bisect_right(linked_first, low) : bisect.bisect_left(
                linked_first, high
            )
        ]
        if (
            len(inside) == 1
            and _strongest(against(j), inside[0])
            and _strongest(back(inside[0]), j)
        ):
            out.append((inside[0], j))
    return out


def _strongest(cos: np.ndarray, k: int) -> bool:
    """Whether ``k`` is among the ``_RIVALS`` strongest of ``cos``."""
    return bool(
        k < len(cos) and cos[k] > 0.0 and np.count_nonzero(cos > cos[k]) < _RIVALS
    )
