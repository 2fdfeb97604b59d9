"""N-way comparison: correspondence groups across two or more treaties.

>>> from treatydiff.model import Article, Paragraph, Treaty
>>> def treaty(id, *texts):
...     arts = [Article(num=str(i + 1), paragraphs=[Paragraph(text=t)])
...             for i, t in enumerate(texts)]
...     return Treaty(id=id, articles=arts)
>>> customs = "Customs duties on imports are abolished."
>>> a = treaty("a", customs, "Disputes go to arbitration.")
>>> b = treaty("b", "Disputes are settled by arbitration.", customs)
>>> c = treaty("c", "Customs duties on all imports are abolished.")
>>> for group in compare(a, b, c).groups:
...     print(dict(group.members), group.kind)
{'a': ('1',), 'b': ('2',), 'c': ('1',)} match
{'a': ('2',), 'b': ('1',), 'c': ()} match

Every pair of treaties is aligned (:func:`~treatydiff.alignment.align`), then the
pairwise links are joined strongest first into groups, refusing any link that
would put two articles of one treaty together unless some alignment found
them to be the pieces of one split or merge. Groups are therefore consistent
(A↔B and B↔C put A, B and C in one group) and do not depend on the order the
treaties are given in.

Digests (the bundled restatements) of *different* treaties share few words
even where their articles do the same thing, so between two digests the
curated provision labels are evidence too: after every text link has been
joined, articles whose curated kinds overlap (Jaccard ≥ 0.5, one-to-one by
optimal assignment) are linked. A group's ``basis`` says which evidence
joined it: ``("text",)``, ``("provisions",)`` or both.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np
from scipy.optimize import linear_sum_assignment

from treatydiff.alignment.normalise import stem_words
from treatydiff.alignment.pairwise import (
    Alignment,
    AlignOptions,
    align_prepared,
    moved_flags,
    prepare,
)
from treatydiff.alignment.similarity import Processor, Scorer, score_matrix
from treatydiff.diff.words import describe_group
from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.formats.treatyjson import treaty_header
from treatydiff.model import Article, Treaty
from treatydiff.provisions import matrix

__all__ = ["Comparison", "Group", "compare"]

_Node = tuple[str, str]  # (treaty id, article ref)
_Link = tuple[float, list[_Node], str]  # (score, nodes, basis)
#: Least overlap of curated provision kinds that links two digest articles.
PROVISION_LINK_FLOOR = 0.5


@attrs.frozen(kw_only=True)
class Group:
    """Articles of several treaties that correspond.

    ``members`` maps every treaty id to its refs in the group (``()``: no
    counterpart). ``kind`` is ``"match"``, ``"split"`` (the base treaty has
    one article, another several), ``"merge"`` (the base has several) or
    ``"single"`` (one treaty only). ``score`` (0–1) is the mean score of the
    pairwise links inside the group, 0 for a single. ``moved`` tells, per
    treaty, whether the group sits out of the base treaty's order there.
    ``basis`` names the evidence of its links: ``"text"`` (similar wording)
    and/or ``"provisions"`` (the same curated provision kinds in two digests).
    """

    members: Mapping[str, tuple[str, ...]]
    score: float
    kind: str
    moved: Mapping[str, bool]
    basis: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Comparison:
    """The result of :func:`compare`: treaties as given, the base id, groups
    in the base treaty's order, and every pairwise alignment keyed by
    ``(id_a, id_b)`` with ``id_a < id_b``."""

    treaties: tuple[Treaty, ...]
    base: str
    groups: tuple[Group, ...]
    alignments: Mapping[tuple[str, str], Alignment]
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def alignment(self, a: str, b: str) -> Alignment:
        """The pairwise alignment of treaties ``a`` and ``b`` (in that direction)."""
        if (a, b) in self.alignments:
            return self.alignments[a, b]
        if (b, a) in self.alignments:
            return self.alignments[b, a].mirror()
        raise InvalidArgument(f"no alignment of {a!r} with {b!r} in this comparison")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: treaties, base, groups (with texts and diffs),
        provisions, missing provisions and coverage notes. Built once and
        cached; treat it as read-only."""
        if "dict" not in self._cache:
            self._cache["dict"] = _to_dict(self)
        return self._cache["dict"]

    def _repr_html_(self) -> str:
        """The HTML report (matrix, groups, redlines) for Jupyter."""
        # report renders comparisons, so it sits above this module: import late.
        from treatydiff.report import html_fragment

        return html_fragment(self.to_dict())


def _check(treaties: Sequence[object], base: str | None) -> str:
    if len(treaties) < 2:
        raise AlignmentError(
            f"compare needs at least two treaties, got {len(treaties)}"
        )
    for treaty in treaties:
        if not isinstance(treaty, Treaty):
            raise InvalidArgument(
                f"expected Treaty values, got {type(treaty).__name__}"
            )
    ids = [t.id for t in treaties]  # type: ignore[attr-defined]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        raise AlignmentError(f"duplicate treaty ids: {', '.join(dups)}")
    if base is None:
        return ids[0]
    if base not in ids:
        raise AlignmentError(f"unknown base {base!r}; expected one of {', '.join(ids)}")
    return base


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


def _blocks(alignments: Mapping[tuple[str, str], Alignment]) -> dict[_Node, _Node]:
    """Each split or merge piece → a representative of its pieces."""
    parent: dict[_Node, _Node] = {}

    def find(node: _Node) -> _Node:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for (ida, idb), al in sorted(alignments.items()):
        for pair in al.pairs:
            for tid, refs in ((ida, pair.a_refs), (idb, pair.b_refs)):
                nodes = sorted((tid, r) for r in refs)
                for other in nodes[1:]:
                    low, high = sorted((find(nodes[0]), find(other)))
                    parent[high] = low
    return {node: find(node) for node in list(parent)}


def _links(alignments: Mapping[tuple[str, str], Alignment]) -> list[_Link]:
    seen: dict[tuple[_Node, ...], float] = {}
    for (ida, idb), al in alignments.items():
        for pair in al.pairs:
            nodes = tuple(
                sorted(
                    [*((ida, r) for r in pair.a_refs), *((idb, r) for r in pair.b_refs)]
                )
            )
            seen[nodes] = pair.score
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
        chosen = linear_sum_assignment(-(overlap + 0.01 * wording))
        for i, j in zip(*chosen, strict=True):
            if overlap[i, j] >= PROVISION_LINK_FLOOR:
                nodes = [(ida, left[i][0].ref), (idb, right[j][0].ref)]
                links.append((round(float(overlap[i, j]), 6), nodes, "provisions"))
    return sorted(links, key=lambda item: (-item[0], item[1]))


def _kind(members: Mapping[str, Sequence[str]], base: str) -> str:
    present = [tid for tid, refs in members.items() if refs]
    if len(present) < 2:
        return "single"
    if len(members[base]) > 1:
        return "merge"
    if any(len(refs) > 1 for refs in members.values()):
        return "split"
    return "match"


def _groups(
    treaties: Sequence[Treaty],
    base: str,
    alignments: Mapping[tuple[str, str], Alignment],
) -> list[Group]:
    nodes = sorted((t.id, a.ref) for t in treaties for a in t.articles)
    clusters = _Clusters(nodes, _blocks(alignments))
    for score, link, basis in [*_links(alignments), *_provision_links(treaties)]:
        clusters.join(link, score, basis)
    position = {(t.id, a.ref): k for t in treaties for k, a in enumerate(t.articles)}
    raw = []
    for root in sorted(clusters.members):
        members = {
            t.id: tuple(
                sorted(
                    (r for tid, r in clusters.members[root] if tid == t.id),
                    key=lambda r, tid=t.id: position[tid, r],
                )
            )
            for t in treaties
        }
        scores = clusters.scores[root]
        score = round(sum(scores) / len(scores), 6) if scores else 0.0
        raw.append((members, score, tuple(sorted(clusters.basis[root]))))
    moved = _moved([(m, s) for m, s, _ in raw], treaties, base, position)
    groups = [
        Group(members=m, score=s, kind=_kind(m, base), moved=mv, basis=b)
        for (m, s, b), mv in zip(raw, moved, strict=True)
    ]
    return _ordered(groups, treaties, base, position)


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


def compare(
    *treaties: Treaty,
    base: str | None = None,
    scorer: Scorer | None = None,
    processor: Processor | None = None,
    threshold: float | None = None,
    scorer_kwargs: Mapping[str, Any] | None = None,
    boilerplate: bool = True,
    paragraphs: bool = True,
) -> Comparison:
    """Align two or more treaties into correspondence groups.

    ``base`` is the treaty id diffs are taken against (default: the first).
    The other options are those of :func:`treatydiff.alignment.pairwise.align`;
    boilerplate words are found across all the treaties together.
    Raises :class:`AlignmentError` for fewer than two treaties, duplicate
    ids, an unknown ``base`` or a treaty without articles.
    """
    base_id = _check(treaties, base)
    opts = AlignOptions.make(scorer, threshold, scorer_kwargs, paragraphs)
    ordered = sorted(treaties, key=lambda t: t.id)
    prepared = prepare(ordered, processor=processor, boilerplate=boilerplate)
    alignments = {
        (pa.treaty.id, pb.treaty.id): align_prepared(pa, pb, opts)
        for pa, pb in itertools.combinations(prepared, 2)
    }
    return Comparison(
        treaties=tuple(treaties),
        base=base_id,
        groups=tuple(_groups(treaties, base_id, alignments)),
        alignments=alignments,
    )


def _to_dict(comp: Comparison) -> dict[str, Any]:
    by_id = {t.id: t for t in comp.treaties}
    articles = {t.id: {a.ref: a for a in t.articles} for t in comp.treaties}
    groups = []
    for number, group in enumerate(comp.groups, start=1):
        texts = {
            tid: {r: articles[tid][r].text for r in refs}
            for tid, refs in group.members.items()
        }
        entry: dict[str, Any] = {
            "id": f"g{number}",
            "members": {tid: list(refs) for tid, refs in group.members.items()},
            "score": group.score,
            "kind": group.kind,
            "basis": list(group.basis),
            "moved": dict(group.moved),
            "texts": texts,
            "headings": {
                tid: {r: articles[tid][r].heading for r in refs}
                for tid, refs in group.members.items()
            },
        }
        members = {
            tid: [(r, texts[tid][r]) for r in refs]
            for tid, refs in group.members.items()
        }
        entry.update(
            describe_group(members, comp.base, kind=group.kind, moved=group.moved)
        )
        groups.append(entry)
    return {
        "treaties": [_treaty_dict(t) for t in comp.treaties],
        "base": comp.base,
        "groups": groups,
        **matrix(list(comp.treaties)),
        "notes": [note for t in comp.treaties if (note := _coverage_note(by_id[t.id]))],
    }


def _treaty_dict(treaty: Treaty) -> dict[str, Any]:
    return {
        **treaty_header(treaty),
        "articles": [a.ref for a in treaty.articles],
        "placeholders": [a.ref for a in treaty.articles if not a.encoded],
    }


def _coverage_note(treaty: Treaty) -> str | None:
    encoded, total = treaty.coverage
    if total is not None and encoded >= total:
        return None
    kind = " (digest)" if treaty.kind == "digest" else ""
    shown = "?" if total is None else total
    return f"{treaty.id}: {encoded} of {shown} articles encoded{kind}"
