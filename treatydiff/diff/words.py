"""Word-level diffs of aligned clauses: tokens, edit ops with moves, applying them.

A text is cut into tokens (words, numbers, single punctuation marks and runs
of whitespace) whose concatenation is the text again, so a diff never splits
a word and :func:`apply` rebuilds the right-hand text exactly. Edit operations
come from rapidfuzz's LCS (``Indel``) opcodes over the token sequences; a
clean-up pass then absorbs small equal islands between two changes (in the
spirit of diff-match-patch's semantic clean-up), and a deleted passage that
reappears as an inserted passage elsewhere becomes a pair of moves
(:class:`~treatydiff.model.results.Op` of kinds ``move-from`` and ``move-to``
sharing a ``move`` number).

The diff is computed in one canonical orientation, so ``diff_texts(b, a)`` is
exactly ``diff_texts(a, b).mirror()``: swapping the treaties never changes
where the redline falls.

>>> d = diff_texts("The Parties shall consult.", "The Parties may consult.")
>>> [(str(op.kind), op.a, op.b) for op in d.changes]
[('replace', 'shall', 'may')]
>>> apply(d.a, d.ops) == d.b
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from treatydiff.errors import InvalidArgument
from treatydiff.model.results import Op, WordDiff, count_words

__all__ = ["apply", "diff_texts", "plain", "tokenize"]

_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)+(?!\w)|\w+(?:[-'’]\w+)*|\s+|.", re.S)
_WORD = re.compile(r"\w")
#: A moved passage has at least this many words and characters.
MOVE_MIN_WORDS = 3
MOVE_MIN_CHARS = 15
#: fuzz.ratio (0–100) at which a deleted and an inserted passage are one move.
MOVE_MIN_RATIO = 90.0


def tokenize(text: str) -> list[str]:
    """Words, numbers, punctuation marks and whitespace runs; joined, the text again."""
    return _TOKEN.findall(text)


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
            2 * len(eq[1]) <= limit and count_words(eq[1]) <= 2
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


def plain(text: str) -> str:
    """``text`` case-folded, punctuation dropped and spacing collapsed."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _movable(text: str) -> bool:
    return len(text.strip()) >= MOVE_MIN_CHARS and count_words(text) >= MOVE_MIN_WORDS


def _mark_moves(ops: list[Op]) -> list[Op]:
    """Pair deleted and inserted passages of the same wording into moves."""
    dels = [i for i, op in enumerate(ops) if op.kind == "delete" and _movable(op.a)]
    inss = [i for i, op in enumerate(ops) if op.kind == "insert" and _movable(op.b)]
    pairs = []
    for d in dels:
        for n in inss:
            score = fuzz.ratio(plain(ops[d].a), plain(ops[n].b))
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
    return _diff(a, b)


@lru_cache(maxsize=1 << 10)
def _diff(a: str, b: str) -> WordDiff:
    """The diff of two different texts, ``a < b`` (cached: diffs are frozen, and
    each report of a comparison asks for the same ones)."""
    return WordDiff(_mark_moves(_slide(_to_ops(_cleanup(_segments(a, b))))))
