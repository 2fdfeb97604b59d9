"""N-way grouping: pairwise alignments joined into correspondence groups.

Every pair of treaties is aligned (:mod:`treatydiff.alignment.pairwise`), then
the pairwise links are joined strongest first into groups, refusing any link
that would put two articles of one treaty together unless some alignment
found them to be the pieces of one split or merge. Groups are therefore
consistent (A↔B and B↔C put A, B and C in one group) and do not depend on
the order the treaties are given in.

Digests (the bundled restatements) of *different* treaties share few words
even where their articles do the same thing, so between two digests the
curated provision labels (``Label.source == "curated"``) are evidence too:
after every text link has been joined, articles whose curated kinds overlap
(Jaccard ≥ 0.5, one-to-one by optimal assignment) are linked. Between any
other two treaties the caller may name ``link_kinds`` (the security core):
articles whose labels, curated or classifier, share one of those kinds are
linked one-to-one, the pairing weighed by kind overlap plus text similarity
(through shared concepts across languages). A group's ``basis`` says which
evidence joined it: ``("text",)``, ``("provisions",)`` or both.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np

from treatydiff.alignment.crosslingual import concept_words, languages_differ
from treatydiff.alignment.matching import full_matching
from treatydiff.alignment.normalise import stem_words
from treatydiff.alignment.pairwise import moved_flags
from treatydiff.alignment.similarity import score_matrix
from treatydiff.model.results import AlignedPair, Alignment, Group, GroupKind
from treatydiff.model.treaty import Article, Treaty

__all__ = ["PROVISION_LINK_FLOOR", "group"]

_Node = tuple[str, str]  # (treaty id, article ref)
_Link = tuple[float, list[_Node], str]  # (score, nodes, basis)
#: Least overlap of curated provision kinds that links two digest articles.
PROVISION_LINK_FLOOR = 0.5


class _Clusters:
    """Union-find over articles that refuses to hold two articles of one
    treaty unless they are pieces of one split or merge."""

    def __init__(self, nodes: Sequence[_Node], blocks: Mapping[_Node, _Node]) -> None:
        self.parent = {n: n for n in nodes}
        self.members = {n: [n] for n in nodes}
        self.scores: dict[_Node, list[float]] = {n: [] for n in nodes}
        self.basis: dict[_Node, set[str]] = {n: set() for n in nodes}
        self.blocks = blocks

    def find(self, node: _Node) -> _Node:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, nodes: Sequence[_Node], score: float, basis: str) -> None:
        roots = sorted({self.find(n) for n in nodes})
        merged = [m for r in roots for m in self.members[r]]
        by_treaty: dict[str, set[_Node]] = {}
        for node in merged:
            by_treaty.setdefault(node[0], set()).add(self.blocks.get(node, node))
        if any(len(heads) > 1 for heads in by_treaty.values()):
            return
        head = roots[0]
        for root in roots[1:]:
            self.parent[root] = head
            self.members[head] += self.members.pop(root)
            self.scores[head] += self.scores.pop(root)
            self.basis[head] |= self.basis.pop(root)
        self.scores[head].append(score)
        self.basis[head].add(basis)


def _pieces(
    alignments: Mapping[tuple[str, str], Alignment],
) -> dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], float]:
    """Each distinct ``(id_a, id_b, a_refs, b_refs)`` of the pairwise
    alignments, with the score of its last pair. The pairs of a split or merge
    share their refs: read once, not once per piece (n pieces of n refs)."""
    seen: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], float] = {}
    for (ida, idb), al in alignments.items():
        # The pieces share their refs' tuples: each distinct pair of tuples
        # is hashed once, in the order of its last pair (whose score counts).
        latest: dict[tuple[int, int], AlignedPair] = {}
        for pair in reversed(al.pairs):
            latest.setdefault((id(pair.a_refs), id(pair.b_refs)), pair)
        for pair in reversed(latest.values()):
            seen[ida, idb, pair.a_refs, pair.b_refs] = pair.score
    return seen


def _blocks(alignments: Mapping[tuple[str, str], Alignment]) -> dict[_Node, _Node]:
    """Each split or merge piece → a representative of its pieces (the
    smallest)."""
    parent: dict[_Node, _Node] = {}

    def find(node: _Node) -> _Node:
        while parent.setdefault(node, node) != node:
            parent[node] = node = parent[parent[node]]
        return node

    for ida, idb, a_refs, b_refs in _pieces(alignments):
        for tid, refs in ((ida, a_refs), (idb, b_refs)):
            nodes = sorted((tid, r) for r in refs)
            for other in nodes[1:]:
                low, high = sorted((find(nodes[0]), find(other)))
                parent[high] = low
    return {node: find(node) for node in list(parent)}


def _links(alignments: Mapping[tuple[str, str], Alignment]) -> list[_Link]:
    seen = {
        tuple(sorted([*((ida, r) for r in a_refs), *((idb, r) for r in b_refs)])): score
        for (ida, idb, a_refs, b_refs), score in _pieces(alignments).items()
    }
    return sorted(
        ((s, list(n), "text") for n, s in seen.items()),
        key=lambda item: (-item[0], item[1]),
    )


def _curated_kinds(article: Article) -> frozenset[str]:
    labels = [*article.labels, *(lab for p in article.paragraphs for lab in p.labels)]
    return frozenset(lab.kind for lab in labels if lab.source == "curated")


def _provision_links(treaties: Sequence[Treaty]) -> list[_Link]:
    """One-to-one links between digest articles with overlapping curated kinds."""
    kinds = {
        t.id: [(a, k) for a in t.articles if a.encoded and (k := _curated_kinds(a))]
        for t in treaties
        if t.kind == "digest"
    }
    links: list[_Link] = []
    for ida, idb in itertools.combinations(sorted(kinds), 2):
        left, right = kinds[ida], kinds[idb]
        if not left or not right:
            continue
        overlap = np.array(
            [[len(x & y) / len(x | y) for _, y in right] for _, x in left]
        )
        # Among equal overlaps, the more similar wording wins.
        wording = score_matrix(
            [a.text for a, _ in left], [b.text for b, _ in right], processor=stem_words
        )
        for i, j in full_matching(overlap + 0.01 * wording):
            if overlap[i, j] >= PROVISION_LINK_FLOOR:
                nodes = [(ida, left[i][0].ref), (idb, right[j][0].ref)]
                links.append((round(float(overlap[i, j]), 6), nodes, "provisions"))
    return sorted(links, key=lambda item: (-item[0], item[1]))


def _labelled_kinds(article: Article, kinds: frozenset[str]) -> frozenset[str]:
    labels = [*article.labels, *(lab for p in article.paragraphs for lab in p.labels)]
    return frozenset(lab.kind for lab in labels) & kinds


def _kind_links(treaties: Sequence[Treaty], link_kinds: frozenset[str]) -> list[_Link]:
    """One-to-one links, between treaties not both digests, of articles whose
    labels share one of ``link_kinds``; score: (kind overlap + wording) / 2."""
    if not link_kinds:
        return []
    found = {
        t.id: [
            (a, k)
            for a in t.articles
            if a.encoded and (k := _labelled_kinds(a, link_kinds))
        ]
        for t in treaties
    }
    by_id = {t.id: t for t in treaties}
    links: list[_Link] = []
    for ida, idb in itertools.combinations(sorted(found), 2):
        left, right = found[ida], found[idb]
        if not left or not right or by_id[ida].kind == by_id[idb].kind == "digest":
            continue
        overlap = np.array(
            [[len(x & y) / len(x | y) for _, y in right] for _, x in left]
        )
        cross = languages_differ([by_id[ida], by_id[idb]])
        wording = score_matrix(
            [a.text for a, _ in left],
            [b.text for b, _ in right],
            processor=concept_words if cross else stem_words,
        )
        weight = np.where(overlap > 0, overlap + wording, 0.0)
        for i, j in full_matching(weight):
            if overlap[i, j] > 0:
                nodes = [(ida, left[i][0].ref), (idb, right[j][0].ref)]
                score = round(float(weight[i, j]) / 2, 6)
                links.append((score, nodes, "provisions"))
    return sorted(links, key=lambda item: (-item[0], item[1]))


def _kind(members: Mapping[str, Sequence[str]], base: str) -> GroupKind:
    present = [tid for tid, refs in members.items() if refs]
    if len(present) < 2:
        return GroupKind.SINGLE
    if len(members[base]) > 1:
        if any(len(refs) > 1 for tid, refs in members.items() if tid != base):
            return GroupKind.REGROUP
        return GroupKind.MERGE
    if any(len(refs) > 1 for refs in members.values()):
        return GroupKind.SPLIT
    return GroupKind.MATCH


def _in_order(
    nodes: Sequence[_Node], tid: str, position: Mapping[_Node, int]
) -> tuple[str, ...]:
    """The refs of treaty ``tid`` among ``nodes``, in document order."""
    return tuple(
        sorted((r for t, r in nodes if t == tid), key=lambda r: position[tid, r])
    )


def group(
    treaties: Sequence[Treaty],
    base: str,
    alignments: Mapping[tuple[str, str], Alignment],
    *,
    link_kinds: frozenset[str] = frozenset(),
) -> tuple[Group, ...]:
    """Correspondence groups of ``treaties`` from their pairwise ``alignments``
    (keyed ``(id_a, id_b)``), in the ``base`` treaty's order; articles whose
    labels share a kind of ``link_kinds`` are linked too (module docstring)."""
    nodes = sorted((t.id, a.ref) for t in treaties for a in t.articles)
    clusters = _Clusters(nodes, _blocks(alignments))
    evidence = [
        *_links(alignments),
        *_provision_links(treaties),
        *_kind_links(treaties, link_kinds),
    ]
    for score, link, basis in evidence:
        clusters.join(link, score, basis)
    position = {(t.id, a.ref): k for t in treaties for k, a in enumerate(t.articles)}
    raw = []
    for root in sorted(clusters.members):
        members = {
            t.id: _in_order(clusters.members[root], t.id, position) for t in treaties
        }
        scores = clusters.scores[root]
        score = round(sum(scores) / len(scores), 6) if scores else 0.0
        raw.append((members, score, tuple(sorted(clusters.basis[root]))))
    moved = _moved([(m, s) for m, s, _ in raw], treaties, base, position)
    groups = [
        Group(members=m, score=s, kind=_kind(m, base), moved=mv, basis=b)
        for (m, s, b), mv in zip(raw, moved, strict=True)
    ]
    return tuple(_ordered(groups, treaties, base, position))


def _moved(
    raw: Sequence[tuple[Mapping[str, Sequence[str]], float]],
    treaties: Sequence[Treaty],
    base: str,
    position: Mapping[_Node, int],
) -> list[dict[str, bool]]:
    out = [{t.id: False for t in treaties} for _ in raw]
    for treaty in treaties:
        if treaty.id == base:
            continue
        shared = [k for k, (m, _) in enumerate(raw) if m[base] and m[treaty.id]]
        points = [
            (
                position[base, raw[k][0][base][0]],
                position[treaty.id, raw[k][0][treaty.id][0]],
            )
            for k in shared
        ]
        for k, flag in zip(shared, moved_flags(points), strict=True):
            out[k][treaty.id] = flag
    return out


def _ordered(
    groups: Sequence[Group],
    treaties: Sequence[Treaty],
    base: str,
    position: Mapping[_Node, int],
) -> list[Group]:
    """Base document order; a group without a base article follows the group
    of the nearest earlier article of the first treaty that has it."""
    owner = {
        (tid, r): k
        for k, g in enumerate(groups)
        for tid, refs in g.members.items()
        for r in refs
    }
    index = {t.id: n for n, t in enumerate(treaties)}

    def key(k: int) -> tuple[int, int, int, int]:
        members = groups[k].members
        if members[base]:
            return (position[base, members[base][0]], 0, 0, 0)
        tid = min((t for t, refs in members.items() if refs), key=index.__getitem__)
        pos = position[tid, members[tid][0]]
        arts = next(t for t in treaties if t.id == tid).articles
        for earlier in reversed(arts[:pos]):
            anchor = groups[owner[tid, earlier.ref]].members[base]
            if anchor:
                return (position[base, anchor[0]], 1, index[tid], pos)
        return (-1, 1, index[tid], pos)

    return [groups[k] for k in sorted(range(len(groups)), key=key)]
