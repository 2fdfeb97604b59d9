"""Result values of a comparison: alignments, groups, word diffs, flags, changes.

Every stage writes its findings as these frozen values and the report reads
them, so no stage needs to import another. Kinds are :class:`enum.StrEnum`
members and compare equal to their names (``pair.kind == "match"``).

>>> pair = AlignedPair(a="1", b="2", score=0.9, kind="split", b_refs=("2", "3"))
>>> pair.kind is LinkKind.SPLIT, pair.kind == "split", pair.a_refs
(True, True, ('1',))
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, lru_cache
from typing import Any, TypeVar

import attrs

from treatydiff.errors import InvalidArgument
from treatydiff.model.treaty import Treaty

__all__ = [
    "AlignedPair",
    "Alignment",
    "ChangeKind",
    "ComparisonResult",
    "Flag",
    "FlagKind",
    "Group",
    "GroupChange",
    "GroupKind",
    "LinkKind",
    "Op",
    "OpKind",
    "ParagraphPair",
    "TreatyChange",
    "WordDiff",
    "count_words",
    "sorted_pairs",
    "sorted_paragraphs",
]


class LinkKind(enum.StrEnum):
    """How articles of two treaties are linked: one to one, split (1→n),
    merged (n→1), or regrouped (n↔m: clauses of several articles redistributed
    over several others)."""

    MATCH = "match"
    SPLIT = "split"
    MERGE = "merge"
    REGROUP = "regroup"

    def mirror(self) -> LinkKind:
        """The same link seen from the other treaty (split ↔ merge)."""
        swap = {LinkKind.SPLIT: LinkKind.MERGE, LinkKind.MERGE: LinkKind.SPLIT}
        return swap.get(self, self)


class GroupKind(enum.StrEnum):
    """The shape of a correspondence group against the base treaty."""

    MATCH = "match"
    SPLIT = "split"
    MERGE = "merge"
    REGROUP = "regroup"
    SINGLE = "single"


class ChangeKind(enum.StrEnum):
    """The change from a base clause to its counterpart (see the diff package)."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    MODIFIED = "modified"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    SPLIT = "split"
    REGROUPED = "regrouped"
    MERGED = "merged"


class OpKind(enum.StrEnum):
    """One edit of a word diff."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE_FROM = "move-from"
    MOVE_TO = "move-to"

    def mirror(self) -> OpKind:
        """The same edit seen from the other side."""
        swap = {
            OpKind.INSERT: OpKind.DELETE,
            OpKind.DELETE: OpKind.INSERT,
            OpKind.MOVE_FROM: OpKind.MOVE_TO,
            OpKind.MOVE_TO: OpKind.MOVE_FROM,
        }
        return swap.get(self, self)


class FlagKind(enum.StrEnum):
    """What a significance flag is about, in the order flags are listed."""

    MODALITY = "modality"
    NEGATION = "negation"
    NUMBER = "number"
    TIME = "time"
    FREQUENCY = "frequency"
    PARTY = "party"


_E = TypeVar("_E", bound=enum.StrEnum)


def _member(enum_type: type[_E], value: str) -> _E:
    """``value`` as a member of ``enum_type``; InvalidArgument for other names."""
    try:
        return enum_type(value)
    except ValueError:
        names = ", ".join(enum_type)
        raise InvalidArgument(
            f"unknown {enum_type.__name__} {value!r}; expected one of {names}"
        ) from None


def _link_kind(value: str) -> LinkKind:
    return _member(LinkKind, value)


def _group_kind(value: str) -> GroupKind:
    return _member(GroupKind, value)


def _op_kind(value: str) -> OpKind:
    return _member(OpKind, value)


def _flag_kind(value: str) -> FlagKind:
    return _member(FlagKind, value)


def _change_kind(value: str | None) -> ChangeKind | None:
    return None if value is None else _member(ChangeKind, value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _ref_key(ref: str | None) -> tuple[Any, ...]:
    if ref is None:
        return (1,)
    parts = re.split(r"(\d+)", ref)
    return (0, *((0, int(x), "") if x.isdigit() else (1, 0, x) for x in parts if x))


@attrs.frozen(kw_only=True)
class ParagraphPair:
    """Two paragraph refs (``"4.2"``) that correspond; ``None`` on one side
    marks a paragraph without counterpart (then ``score`` is 0)."""

    a: str | None
    b: str | None
    score: float


def sorted_paragraphs(pairs: Iterable[ParagraphPair]) -> list[ParagraphPair]:
    """Paragraph pairs in a canonical order (by A's ref, then B's)."""
    return sorted(pairs, key=lambda q: (_ref_key(q.a), _ref_key(q.b)))


def _paragraph_pairs(value: Iterable[ParagraphPair]) -> tuple[ParagraphPair, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class AlignedPair:
    """One link between an article of A and an article of B.

    ``kind`` is ``match`` (one-to-one), ``split`` (one article of A became
    the articles ``b_refs`` of B), ``merge`` (the articles ``a_refs`` of A
    became one of B) or ``regroup`` (the clauses of the articles ``a_refs``
    were redistributed over ``b_refs``; then only some of the pairs between
    them are links). ``moved`` tells whether the pair breaks the document
    order kept by the other pairs. ``paragraphs`` aligns the paragraphs of
    all the members of the link.
    """

    a: str
    b: str
    score: float
    kind: LinkKind = attrs.field(default=LinkKind.MATCH, converter=_link_kind)
    a_refs: tuple[str, ...] = attrs.field(converter=_strs)
    b_refs: tuple[str, ...] = attrs.field(converter=_strs)
    moved: bool = False
    paragraphs: tuple[ParagraphPair, ...] = attrs.field(
        default=(), converter=_paragraph_pairs
    )

    @a_refs.default
    def _a_default(self) -> tuple[str, ...]:
        return (self.a,)

    @b_refs.default
    def _b_default(self) -> tuple[str, ...]:
        return (self.b,)

    def mirror(self) -> AlignedPair:
        """The same link seen from B."""
        return self._seen_from_b(_flipped(self.paragraphs))

    def _seen_from_b(self, paragraphs: tuple[ParagraphPair, ...]) -> AlignedPair:
        """:meth:`mirror`, given the paragraphs seen from B."""
        return AlignedPair(
            a=self.b,
            b=self.a,
            score=self.score,
            kind=self.kind.mirror(),
            a_refs=self.b_refs,
            b_refs=self.a_refs,
            moved=self.moved,
            paragraphs=paragraphs,
        )


def _flipped(paragraphs: Iterable[ParagraphPair]) -> tuple[ParagraphPair, ...]:
    """Paragraph pairs seen from the other side, in canonical order."""
    return tuple(
        sorted_paragraphs(
            ParagraphPair(a=q.b, b=q.a, score=q.score) for q in paragraphs
        )
    )


def sorted_pairs(
    pairs: Iterable[AlignedPair], a_articles: Sequence[str], b_articles: Sequence[str]
) -> list[AlignedPair]:
    """Pairs in A's document order, then B's."""
    pos_a = {ref: k for k, ref in enumerate(a_articles)}
    pos_b = {ref: k for k, ref in enumerate(b_articles)}
    return sorted(pairs, key=lambda p: (pos_a[p.a], pos_b[p.b]))


def _aligned_pairs(value: Iterable[AlignedPair]) -> tuple[AlignedPair, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Alignment:
    """The alignment of two treaties: pairs in A's document order (then B's),
    the articles of each side left without counterpart, and every article
    ref of each side (``a_articles``, ``b_articles``) in document order."""

    a_id: str
    b_id: str
    pairs: tuple[AlignedPair, ...] = attrs.field(converter=_aligned_pairs)
    unmatched_a: tuple[str, ...] = attrs.field(converter=_strs)
    unmatched_b: tuple[str, ...] = attrs.field(converter=_strs)
    threshold: float
    a_articles: tuple[str, ...] = attrs.field(converter=_strs)
    b_articles: tuple[str, ...] = attrs.field(converter=_strs)

    @property
    def links(self) -> frozenset[tuple[str, str]]:
        """Every ``(ref_a, ref_b)`` pair, splits and merges included."""
        return frozenset((p.a, p.b) for p in self.pairs)

    def mirror(self) -> Alignment:
        """The same alignment seen from B: sides swapped, split ↔ merge."""
        # The pieces of a split or merge share their paragraphs: flipped once.
        flipped: dict[int, tuple[ParagraphPair, ...]] = {}
        for p in self.pairs:
            if id(p.paragraphs) not in flipped:
                flipped[id(p.paragraphs)] = _flipped(p.paragraphs)
        pairs = (p._seen_from_b(flipped[id(p.paragraphs)]) for p in self.pairs)
        return Alignment(
            a_id=self.b_id,
            b_id=self.a_id,
            pairs=sorted_pairs(pairs, self.b_articles, self.a_articles),
            unmatched_a=self.unmatched_b,
            unmatched_b=self.unmatched_a,
            threshold=self.threshold,
            a_articles=self.b_articles,
            b_articles=self.a_articles,
        )


@attrs.frozen(kw_only=True)
class Group:
    """Articles of several treaties that correspond.

    ``members`` maps every treaty id to its refs in the group (``()``: no
    counterpart). ``kind`` is ``match``, ``split`` (the base treaty has one
    article, another several), ``merge`` (the base has several, the others
    one), ``regroup`` (the base and another treaty both have several) or
    ``single`` (one treaty only). ``score`` (0–1) is the mean score of the
    pairwise links inside the group, 0 for a single. ``moved`` tells, per
    treaty, whether the group sits out of the base treaty's order there.
    ``basis`` names the evidence of its links: ``"text"`` (similar wording)
    and/or ``"provisions"`` (the same curated provision kinds in two digests).
    ``change`` is the group's change kind against the base (the most telling
    of its treaties'; ``None`` until described, and for a placeholder group);
    ``placeholder`` is true when every member is a placeholder article (a
    digest article whose content is not encoded), so no change can be told.
    """

    members: Mapping[str, tuple[str, ...]]
    score: float
    kind: GroupKind = attrs.field(converter=_group_kind)
    moved: Mapping[str, bool]
    basis: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    change: ChangeKind | None = attrs.field(default=None, converter=_change_kind)
    placeholder: bool = False

    @property
    def id(self) -> str:
        """A stable id for citing the group: ``g`` and 8 hex digits of the
        SHA-256 of its members (``treaty id:ref,ref`` lines, treaty ids and
        refs sorted, treaties without a counterpart left out), so it does not
        change with the order the treaties are given in, the base, or a
        compared treaty without a counterpart.

        >>> Group(members={"b": ("2",), "a": ("1",)}, score=1.0, kind="match",
        ...       moved={}).id == Group(members={"a": ("1",), "b": ("2",), "c": ()},
        ...       score=0.5, kind="match", moved={}).id
        True
        """
        key = "\n".join(
            f"{tid}:{','.join(sorted(refs))}"
            for tid, refs in sorted(self.members.items())
            if refs
        )
        return "g" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def _treaties(value: Iterable[Treaty]) -> tuple[Treaty, ...]:
    return tuple(value)


def _groups(value: Iterable[Group]) -> tuple[Group, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ComparisonResult:
    """Treaties as given, the base id, groups in the base treaty's order, and
    every pairwise alignment keyed by ``(id_a, id_b)`` with ``id_a < id_b``."""

    treaties: tuple[Treaty, ...] = attrs.field(converter=_treaties)
    base: str
    groups: tuple[Group, ...] = attrs.field(converter=_groups)
    alignments: Mapping[tuple[str, str], Alignment]

    def alignment(self, a: str, b: str) -> Alignment:
        """The pairwise alignment of treaties ``a`` and ``b`` (in that direction)."""
        if (a, b) in self.alignments:
            return self.alignments[a, b]
        if (b, a) in self.alignments:
            return self.alignments[b, a].mirror()
        raise InvalidArgument(f"no alignment of {a!r} with {b!r} in this comparison")


_WORD_RUN = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=1 << 13)
def count_words(text: str) -> int:
    """How many words (hyphenated and apostrophe words count once) ``text`` has
    (cached: a report asks each diff's similarity, hence each clause's count,
    several times)."""
    return len(_WORD_RUN.findall(text))


@attrs.frozen
class Op:
    """One edit: ``kind``, left text ``a``, right text ``b``; ``move`` pairs
    the two ends of a moved passage."""

    kind: OpKind = attrs.field(converter=_op_kind)
    a: str = ""
    b: str = ""
    move: int | None = None

    def mirror(self) -> Op:
        """The same operation seen from the other side."""
        return Op(self.kind.mirror(), self.b, self.a, self.move)


def _ops(value: Iterable[Op]) -> tuple[Op, ...]:
    return tuple(value)


@attrs.frozen
class WordDiff:
    """A word-level diff: the ops that turn text :attr:`a` into text :attr:`b`."""

    ops: tuple[Op, ...] = attrs.field(converter=_ops)

    @property
    def a(self) -> str:
        """The left-hand text."""
        return "".join(op.a for op in self.ops)

    @property
    def b(self) -> str:
        """The right-hand text."""
        return "".join(op.b for op in self.ops)

    @property
    def changes(self) -> tuple[Op, ...]:
        """The ops that are not ``equal``."""
        return tuple(op for op in self.ops if op.kind != OpKind.EQUAL)

    @property
    def identical(self) -> bool:
        """True when both sides are the same text."""
        return not self.changes

    @cached_property
    def similarity(self) -> float:
        """Share of the words of both sides left unchanged (0–1; 1 for empty
        texts; computed once: a report reads it, and the change kind)."""
        kept = sum(2 * count_words(op.a) for op in self.ops if op.kind == OpKind.EQUAL)
        total = count_words(self.a) + count_words(self.b)
        return 1.0 if total == 0 else kept / total

    def mirror(self) -> WordDiff:
        """The diff from ``b`` to ``a``."""
        return WordDiff(op.mirror() for op in self.ops)


@attrs.frozen
class Flag:
    """A significance flag: terms of ``kind`` found only on the left or the right."""

    kind: FlagKind = attrs.field(converter=_flag_kind)
    removed: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    added: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @property
    def note(self) -> str:
        """One line for a reader: ``shall → may``, ``not added`` (negation)."""
        if self.kind == FlagKind.NEGATION and not (self.removed and self.added):
            which = "added" if self.added else "removed"
            return f"{', '.join(self.added or self.removed)} {which}"
        left = ", ".join(self.removed) or "∅"
        right = ", ".join(self.added) or "∅"
        return f"{left} → {right}"


def _flags(value: Iterable[Flag]) -> tuple[Flag, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class TreatyChange:
    """How one treaty's clauses in a group differ from the base treaty's.

    ``change`` is ``None`` when neither has a clause in the group; ``ops`` is
    the word diff from the base's text to this treaty's; ``similarity`` is
    the diff's, rounded to three places.
    """

    treaty: str
    base: str
    change: ChangeKind | None = attrs.field(converter=_change_kind)
    moved: bool
    similarity: float
    ops: tuple[Op, ...] = attrs.field(converter=_ops)
    flags: tuple[Flag, ...] = attrs.field(converter=_flags)


def _treaty_changes(value: Iterable[TreatyChange]) -> tuple[TreatyChange, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class GroupChange:
    """A group's change kind (the most telling of its treaties') and one
    :class:`TreatyChange` per treaty other than the base."""

    change: ChangeKind | None = attrs.field(converter=_change_kind)
    diffs: tuple[TreatyChange, ...] = attrs.field(converter=_treaty_changes)
