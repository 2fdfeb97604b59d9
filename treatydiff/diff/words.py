"""Word-level diffs of aligned clauses, with moves, change kinds and significance.

A text is cut into tokens (words, numbers, single punctuation marks and runs
of whitespace) whose concatenation is the text again, so a diff never splits
a word and :func:`apply` rebuilds the right-hand text exactly. Edit operations
come from rapidfuzz's LCS (``Indel``) opcodes over the token sequences; a
clean-up pass then absorbs small equal islands between two changes (in the
spirit of diff-match-patch's semantic clean-up), and a deleted passage that
reappears as an inserted passage elsewhere becomes a pair of moves.

Ops serialise as dicts with the same keys for every kind::

    {"op": "equal" | "insert" | "delete" | "replace" | "move-from" | "move-to",
     "a": text on the left ("" for insert, move-to),
     "b": text on the right ("" for delete, move-from),
     "move": n}            # only on move-from / move-to: pairs the two ends

The diff is computed in one canonical orientation, so ``diff_texts(b, a)`` is
exactly ``diff_texts(a, b).mirror()``: swapping the treaties never changes
where the redline falls.

>>> d = diff_texts("The Parties shall consult.", "The Parties may consult.")
>>> [(op.kind, op.a, op.b) for op in d.changes]
[('replace', 'shall', 'may')]
>>> apply(d.a, d.ops) == d.b
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from treatydiff.diff.changes import change_kind, find_flags
from treatydiff.errors import InvalidArgument

__all__ = [
    "GROUP_KINDS",
    "OP_KINDS",
    "Op",
    "WordDiff",
    "apply",
    "describe_group",
    "diff_texts",
    "tokenize",
]

OP_KINDS = ("equal", "insert", "delete", "replace", "move-from", "move-to")
GROUP_KINDS = ("match", "split", "merge", "single")

_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)+(?!\w)|\w+(?:[-'’]\w+)*|\s+|.", re.S)
_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+(?:[-'’]\w+)*")
_MIRROR = {
    "insert": "delete",
    "delete": "insert",
    "move-from": "move-to",
    "move-to": "move-from",
}
#: A moved passage has at least this many words and characters.
MOVE_MIN_WORDS = 3
MOVE_MIN_CHARS = 15
#: fuzz.ratio (0–100) at which a deleted and an inserted passage are one move.
MOVE_MIN_RATIO = 90.0


def tokenize(text: str) -> list[str]:
    """Words, numbers, punctuation marks and whitespace runs; joined, the text again."""
    return _TOKEN.findall(text)


def _words(text: str) -> int:
    return len(_WORD_RUN.findall(text))


@attrs.frozen
class Op:
    """One edit: ``kind`` in :data:`OP_KINDS`, left text ``a``, right text ``b``."""

    kind: str = attrs.field(validator=attrs.validators.in_(OP_KINDS))
    a: str = ""
    b: str = ""
    move: int | None = None

    def mirror(self) -> Op:
        """The same operation seen from the other side."""
        return Op(_MIRROR.get(self.kind, self.kind), self.b, self.a, self.move)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (see the module docstring)."""
        data: dict[str, Any] = {"op": self.kind, "a": self.a, "b": self.b}
        if self.move is not None:
            data["move"] = self.move
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Op:
        """Read :meth:`to_dict` output back; bad data raises InvalidArgument."""
        try:
            return cls(
                data["op"], data.get("a", ""), data.get("b", ""), data.get("move")
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidArgument(f"not a diff op: {data!r}") from exc


@attrs.frozen
class WordDiff:
    """A word-level diff: the ops that turn text :attr:`a` into text :attr:`b`."""

    ops: tuple[Op, ...] = attrs.field(converter=tuple)

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
        return tuple(op for op in self.ops if op.kind != "equal")

    @property
    def identical(self) -> bool:
        """True when both sides are the same text."""
        return not self.changes

    @functools.cached_property
    def similarity(self) -> float:
        """Share of the words of both sides left unchanged (0–1; 1 for empty texts)."""
        kept = sum(2 * _words(op.a) for op in self.ops if op.kind == "equal")
        total = _words(self.a) + _words(self.b)
        return 1.0 if total == 0 else kept / total

    def mirror(self) -> WordDiff:
        """The diff from ``b`` to ``a``."""
        return WordDiff(op.mirror() for op in self.ops)

    def to_list(self) -> list[dict[str, Any]]:
        """The ops as JSON-ready dicts."""
        return [op.to_dict() for op in self.ops]


def apply(a: str, ops: Iterable[Op]) -> str:
    """Apply ``ops`` to ``a`` and return the right-hand text.

    Raises InvalidArgument when the ops do not describe ``a``.
    """
    pos, out = 0, []
    for op in ops:
        if op.a:
            if not a.startswith(op.a, pos):
                raise InvalidArgument(
                    f"diff does not apply at offset {pos}: {op.a[:30]!r}"
                )
            pos += len(op.a)
        out.append(op.b)
    if pos != len(a):
        raise InvalidArgument(f"diff covers {pos} of {len(a)} characters")
    return "".join(out)


def _segments(a: str, b: str) -> list[list[str]]:
    """[tag, a, b] runs from LCS opcodes; tag 'equal' or 'change', changes merged."""
    ta, tb = tokenize(a), tokenize(b)
    segs: list[list[str]] = []
    for code in Indel.opcodes(ta, tb):
        sa = "".join(ta[code.src_start : code.src_end])
        sb = "".join(tb[code.dest_start : code.dest_end])
        tag = "equal" if code.tag == "equal" else "change"
        if segs and segs[-1][0] == tag == "change":
            segs[-1][1] += sa
            segs[-1][2] += sb
        else:
            segs.append([tag, sa, sb])
    return segs


def _cleanup(segs: list[list[str]]) -> list[list[str]]:
    """Absorb small equal islands between two changes into one change, so that a
    changed phrase reads as one: an island that carries no word, or of at most
    two words and at most half as long as each change beside it."""
    i = 1
    while i < len(segs) - 1:
        prev, eq, nxt = segs[i - 1], segs[i], segs[i + 1]
        limit = min(max(len(prev[1]), len(prev[2])), max(len(nxt[1]), len(nxt[2])))
        small = not _WORD.search(eq[1]) or (
            2 * len(eq[1]) <= limit and _words(eq[1]) <= 2
        )
        if eq[0] == "equal" and prev[0] == nxt[0] == "change" and small:
            segs[i - 1 : i + 2] = [
                ["change", prev[1] + eq[1] + nxt[1], prev[2] + eq[1] + nxt[2]]
            ]
            i = max(i - 1, 1)
        else:
            i += 1
    return segs


def _trim(sa: str, sb: str) -> tuple[str, str, str, str]:
    """The tokens both sides of a change share at its edges: (head, a, b, tail)."""
    ta, tb = tokenize(sa), tokenize(sb)
    i = 0
    while i < min(len(ta), len(tb)) and ta[i] == tb[i]:
        i += 1
    j = 0
    while j < min(len(ta), len(tb)) - i and ta[-1 - j] == tb[-1 - j]:
        j += 1
    head = "".join(ta[:i])
    tail = "".join(ta[len(ta) - j :])
    return head, "".join(ta[i : len(ta) - j]), "".join(tb[i : len(tb) - j]), tail


def _to_ops(segs: list[list[str]]) -> list[Op]:
    pieces: list[tuple[str, str]] = []
    for tag, sa, sb in segs:
        if tag == "equal":
            pieces.append((sa, sa))
            continue
        head, sa, sb, tail = _trim(sa, sb)
        pieces.extend([(head, head), (sa, sb), (tail, tail)])
    ops: list[Op] = []
    for sa, sb in pieces:
        if sa == sb:
            if not sa:
                continue
            if ops and ops[-1].kind == "equal":
                ops[-1] = Op("equal", ops[-1].a + sa, ops[-1].b + sb)
            else:
                ops.append(Op("equal", sa, sb))
        else:
            ops.append(
                Op("insert" if not sa else "delete" if not sb else "replace", sa, sb)
            )
    return ops


def _boundary(left: str, right: str) -> int:
    """How good a place for an edit edge lies between ``left`` and ``right`` (0–6)."""
    if not left or not right:
        return 6
    if left[-1] == "\n" or right[0] == "\n":
        return 5
    if re.search(r"[.;:!?]\s+$", left):
        return 4
    if left[-1].isspace():
        return 3
    if right[0].isspace():
        return 2
    return 0 if left[-1].isalnum() and right[0].isalnum() else 1


def _slide(ops: list[Op]) -> list[Op]:
    """Slide each pure insertion or deletion along the equal text around it to the
    place where it starts and ends best: after a sentence, a line, a space."""
    ops = list(ops)
    for i, op in enumerate(ops):
        if op.kind not in ("insert", "delete"):
            continue
        has_left = i > 0 and ops[i - 1].kind == "equal"
        has_right = i + 1 < len(ops) and ops[i + 1].kind == "equal"
        if not (has_left and has_right):
            continue
        lt, et, rt = (
            tokenize(ops[i - 1].a),
            tokenize(op.a or op.b),
            tokenize(ops[i + 1].a),
        )
        while (
            lt and lt[-1] == et[-1]
        ):  # slide fully left, then try each place rightwards
            rt.insert(0, et[-1])
            et = [lt.pop(), *et[:-1]]
        best = None
        while True:
            left, edit, right = "".join(lt), "".join(et), "".join(rt)
            score = _boundary(left, edit) + _boundary(edit, right)
            if best is None or score > best[0]:
                best = (score, left, edit, right)
            if not (rt and et[0] == rt[0]):
                break
            lt, et, rt = [*lt, et[0]], [*et[1:], rt[0]], rt[1:]
        _, left, edit, right = best
        ops[i - 1] = Op("equal", left, left)
        ops[i] = (
            Op("delete", edit, "") if op.kind == "delete" else Op("insert", "", edit)
        )
        ops[i + 1] = Op("equal", right, right)
    return [op for op in ops if op.a or op.b]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _movable(text: str) -> bool:
    return len(text.strip()) >= MOVE_MIN_CHARS and _words(text) >= MOVE_MIN_WORDS


def _mark_moves(ops: list[Op]) -> list[Op]:
    """Pair deleted and inserted passages of the same wording into moves."""
    dels = [i for i, op in enumerate(ops) if op.kind == "delete" and _movable(op.a)]
    inss = [i for i, op in enumerate(ops) if op.kind == "insert" and _movable(op.b)]
    pairs = []
    for d in dels:
        for n in inss:
            score = fuzz.ratio(_norm(ops[d].a), _norm(ops[n].b))
            if score >= MOVE_MIN_RATIO:
                pairs.append((-score, d, n))
    used: set[int] = set()
    moves: dict[int, int] = {}
    for _, d, n in sorted(pairs):
        if d not in used and n not in used:
            used.update((d, n))
            moves[d] = n
    ops = list(ops)
    for number, d in enumerate(sorted(moves), start=1):
        n = moves[d]
        ops[d] = Op("move-from", ops[d].a, "", number)
        ops[n] = Op("move-to", "", ops[n].b, number)
    return ops


def diff_texts(a: str, b: str) -> WordDiff:
    """The word-level diff turning ``a`` into ``b``."""
    if a > b:
        return diff_texts(b, a).mirror()
    if a == b:
        return WordDiff([Op("equal", a, b)] if a else [])
    return WordDiff(_mark_moves(_slide(_to_ops(_cleanup(_segments(a, b))))))


#: Characters of unchanged text kept on each side of a change when looking for flags.
FLAG_CONTEXT = 40


def _windows(diff: WordDiff) -> tuple[list[str], list[str]]:
    """The changed passages of both sides, each with a little unchanged context.

    Unchanged text counts the same on both sides, so the flags of these passages
    are the flags of the whole texts: changes closer than twice the context share
    one passage, and the context keeps a term cut by a change (``30 days``) whole.
    """
    ops = diff.ops
    spans: list[list[int]] = []
    for i, op in enumerate(ops):
        if op.kind == "equal":
            continue
        if spans and (i - spans[-1][1] == 1 or len(ops[i - 1].a) < 2 * FLAG_CONTEXT):
            spans[-1][1] = i
        else:
            spans.append([i, i])
    left: list[str] = []
    right: list[str] = []
    for first, last in spans:
        before = ops[first - 1].a[-FLAG_CONTEXT:] if first else ""
        after = ops[last + 1].a[:FLAG_CONTEXT] if last + 1 < len(ops) else ""
        if (
            len(before) == FLAG_CONTEXT
        ):  # drop the cut word, keep the space before the change
            before = re.sub(r"^\S*", "", before)
        if len(after) == FLAG_CONTEXT:
            after = re.sub(r"\S*$", "", after)
        left.append(before + "".join(op.a for op in ops[first : last + 1]) + after)
        right.append(before + "".join(op.b for op in ops[first : last + 1]) + after)
    return left, right


def _joined(items: Sequence[tuple[str, str]]) -> str:
    return "\n".join(text for _, text in items)


def describe_group(
    members: Mapping[str, Sequence[tuple[str, str]]],
    base: str,
    *,
    kind: str = "match",
    moved: Mapping[str, bool] | None = None,
) -> dict[str, Any]:
    """Change kind and word diffs of one correspondence group against ``base``.

    ``members`` maps treaty id → [(ref, text)] (an empty list: no counterpart).
    Split and merge groups are diffed as a whole (member texts joined by line
    breaks). Returns ``{"change": str | None, "diffs": [...]}`` with one diff
    per non-base treaty: ``{"treaty", "base", "change", "moved", "similarity",
    "ops", "flags"}``; see :mod:`treatydiff.diff.changes` for the kinds and flags.
    """
    if kind not in GROUP_KINDS:
        raise InvalidArgument(
            f"unknown group kind {kind!r}; expected one of {GROUP_KINDS}"
        )
    moved = moved or {}
    base_items = members.get(base, [])
    base_text = _joined(base_items)
    diffs = []
    for tid, items in members.items():
        if tid == base:
            continue
        wd = diff_texts(base_text, _joined(items))
        both = bool(base_items) and bool(items)
        flags = find_flags(*_windows(wd)) if both and not wd.identical else []
        change = change_kind(
            wd, flags, counts=(len(base_items), len(items)), moved=bool(moved.get(tid))
        )
        diffs.append(
            {
                "treaty": tid,
                "base": base,
                "change": change,
                "moved": bool(moved.get(tid)),
                "similarity": round(wd.similarity, 3),
                "ops": wd.to_list(),
                "flags": [f.to_dict() for f in flags],
            }
        )
    return {"change": _group_change(kind, [d["change"] for d in diffs]), "diffs": diffs}


#: Which per-treaty change names the whole group, most telling first.
_PRECEDENCE = ("modified", "reworded", "removed", "added", "moved", "identical")


def _group_change(kind: str, changes: list[str | None]) -> str | None:
    if kind == "split":
        return "split"
    if kind == "merge":
        return "merged"
    for name in _PRECEDENCE:
        if name in changes:
            return name
    return None
