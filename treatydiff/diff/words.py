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

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, cast

import numpy as np
from rapidfuzz import fuzz, process
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
#: Deleted × inserted passages scored at a time (8 MB of scores).
_MOVE_CELLS = 1_000_000


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


#: A run of a diff as it is worked on: its tag, then the token ranges it
#: covers, ``[a0, a1)`` of the left text and ``[b0, b1)`` of the right one. Every
#: piece of a diff is a whole number of tokens of each side, and tokenizing a
#: piece gives its tokens again, so the steps below count tokens instead of
#: cutting and joining strings.
_Run = list[Any]


#: Up to this many token pairs a diff is one LCS of the two texts' tokens
#: (rapidfuzz keeps a bit per pair: 50 MB, about 0.2 s); past it, the LCS of
#: their lines first (:func:`_by_lines`).
LCS_CELLS = 400_000_000


def _segments(ta: list[str], tb: list[str]) -> list[_Run]:
    """Runs covering both token lists; tag 'equal' or 'change', changes merged."""
    fits = len(ta) * len(tb) <= LCS_CELLS
    runs = _lcs(ta, tb, 0, 0) if fits else _by_lines(ta, tb)
    segs: list[_Run] = []
    for run in runs:
        if segs and segs[-1][0] == run[0]:
            segs[-1][2], segs[-1][4] = run[2], run[4]
        else:
            segs.append(run)
    return segs


def _lcs(ta: list[str], tb: list[str], a_at: int, b_at: int) -> list[_Run]:
    """Runs from the LCS opcodes of ``ta`` and ``tb``, which start at tokens
    ``a_at`` and ``b_at`` of their texts."""
    ops = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(ta, tb).as_list())
    return [
        [
            "equal" if code == "equal" else "change",
            a0 + a_at,
            a1 + a_at,
            b0 + b_at,
            b1 + b_at,
        ]
        for code, a0, a1, b0, b1 in ops
    ]


def _by_lines(ta: list[str], tb: list[str]) -> list[_Run]:
    """Runs of texts too long for one LCS of their tokens: the LCS of their
    lines, each changed block then diffed by tokens, or line against line
    where it too is too long and has as many lines on each side; what is
    still too long is one change between the tokens the two sides share at
    its ends. Time and memory stay within :data:`LCS_CELLS` per step."""
    starts_a, starts_b = _line_starts(ta), _line_starts(tb)
    lines_a = ["".join(ta[s:e]) for s, e in itertools.pairwise(starts_a)]
    lines_b = ["".join(tb[s:e]) for s, e in itertools.pairwise(starts_b)]
    if len(lines_a) * len(lines_b) > LCS_CELLS:
        return _affixes(ta, tb, 0, len(ta), 0, len(tb))

    def tokens(i0: int, i1: int, j0: int, j1: int) -> list[_Run]:
        a0, a1, b0, b1 = starts_a[i0], starts_a[i1], starts_b[j0], starts_b[j1]
        if (a1 - a0) * (b1 - b0) <= LCS_CELLS:
            return _lcs(ta[a0:a1], tb[b0:b1], a0, b0)
        if i1 - i0 == j1 - j0 > 1:
            return [
                run
                for k in range(i1 - i0)
                for run in tokens(i0 + k, i0 + k + 1, j0 + k, j0 + k + 1)
            ]
        return _affixes(ta, tb, a0, a1, b0, b1)

    runs: list[_Run] = []
    for same, ops in itertools.groupby(
        Indel.opcodes(lines_a, lines_b), key=lambda op: op.tag == "equal"
    ):
        block = list(ops)  # an equal run, or the deletions and insertions between two
        i0, j0 = block[0].src_start, block[0].dest_start
        i1, j1 = block[-1].src_end, block[-1].dest_end
        if same:
            a0, a1, b0, b1 = starts_a[i0], starts_a[i1], starts_b[j0], starts_b[j1]
            runs.append(["equal", a0, a1, b0, b1])
        else:
            runs += tokens(i0, i1, j0, j1)
    return runs


def _line_starts(tokens: list[str]) -> list[int]:
    """Where each line of ``tokens`` starts, and their end: a line ends with
    the whitespace token that holds its line break."""
    starts = [0, *(k + 1 for k, token in enumerate(tokens) if "\n" in token)]
    if starts[-1] != len(tokens):
        starts.append(len(tokens))
    return starts


def _affixes(
    ta: list[str], tb: list[str], a0: int, a1: int, b0: int, b1: int
) -> list[_Run]:
    """``ta[a0:a1]`` against ``tb[b0:b1]`` as one change between the tokens
    they share at their start and their end."""
    head = 0
    while head < min(a1 - a0, b1 - b0) and ta[a0 + head] == tb[b0 + head]:
        head += 1
    tail = 0
    while (
        tail < min(a1 - a0, b1 - b0) - head and ta[a1 - 1 - tail] == tb[b1 - 1 - tail]
    ):
        tail += 1
    runs: list[_Run] = [
        ["equal", a0, a0 + head, b0, b0 + head],
        ["change", a0 + head, a1 - tail, b0 + head, b1 - tail],
        ["equal", a1 - tail, a1, b1 - tail, b1],
    ]
    return [run for run in runs if run[1] < run[2] or run[3] < run[4]]


def _cleanup(segs: list[_Run], a: str, pa: list[int], pb: list[int]) -> list[_Run]:
    """Absorb small equal islands between two changes into one change, so that a
    changed phrase reads as one: an island that carries no word, or of at most
    two words and at most half as long as each change beside it (``pa``,
    ``pb``: where each token of ``a`` and ``b`` starts)."""
    i = 1
    while i < len(segs) - 1:
        prev, eq, nxt = segs[i - 1], segs[i], segs[i + 1]
        if eq[0] == "equal" and prev[0] == nxt[0] == "change":
            start, end = pa[eq[1]], pa[eq[2]]
            limit = min(
                max(pa[prev[2]] - pa[prev[1]], pb[prev[4]] - pb[prev[3]]),
                max(pa[nxt[2]] - pa[nxt[1]], pb[nxt[4]] - pb[nxt[3]]),
            )
            if not _WORD.search(a, start, end) or (
                2 * (end - start) <= limit and count_words(a[start:end]) <= 2
            ):
                segs[i - 1 : i + 2] = [["change", prev[1], nxt[2], prev[3], nxt[4]]]
                i = max(i - 1, 1)
                continue
        i += 1
    return segs


def _to_ops(segs: list[_Run], ta: list[str], tb: list[str]) -> list[_Run]:
    """Edit runs: each change without the tokens both sides share at its edges,
    as an insert, delete or replace; neighbouring equal runs joined."""
    ops: list[_Run] = []

    def equal(a0: int, a1: int, b0: int, b1: int) -> None:
        if a0 == a1:
            return
        if ops and ops[-1][0] == "equal":
            ops[-1][2], ops[-1][4] = a1, b1
        else:
            ops.append(["equal", a0, a1, b0, b1])

    for tag, a0, a1, b0, b1 in segs:
        if tag == "equal":
            equal(a0, a1, b0, b1)
            continue
        n = min(a1 - a0, b1 - b0)
        head = 0
        while head < n and ta[a0 + head] == tb[b0 + head]:
            head += 1
        tail = 0
        while tail < n - head and ta[a1 - 1 - tail] == tb[b1 - 1 - tail]:
            tail += 1
        equal(a0, a0 + head, b0, b0 + head)
        a0, a1, b0, b1 = a0 + head, a1 - tail, b0 + head, b1 - tail
        if a0 < a1 or b0 < b1:
            kind = "insert" if a0 == a1 else "delete" if b0 == b1 else "replace"
            ops.append([kind, a0, a1, b0, b1])
        equal(a1, a1 + tail, b1, b1 + tail)
    return ops


_SENTENCE_END = re.compile(r"[.;:!?]\s+$")


def _boundary(left: str, right: str) -> int:
    """How good a place for an edit edge lies between ``left`` and ``right`` (0–6):
    the last two tokens of ``left`` and the first of ``right`` are enough."""
    if not left or not right:
        return 6
    if left[-1] == "\n" or right[0] == "\n":
        return 5
    if _SENTENCE_END.search(left):
        return 4
    if left[-1].isspace():
        return 3
    if right[0].isspace():
        return 2
    return 0 if left[-1].isalnum() and right[0].isalnum() else 1


def _slide(ops: list[_Run], ta: list[str], tb: list[str]) -> list[_Run]:
    """Slide each pure insertion or deletion along the equal text around it to the
    place where it starts and ends best: after a sentence, a line, a space."""
    for n, op in enumerate(ops):
        if op[0] not in ("insert", "delete"):
            continue
        if not (0 < n < len(ops) - 1 and ops[n - 1][0] == ops[n + 1][0] == "equal"):
            continue
        # The edit's side (its tokens, where its ranges sit in a run) and the other.
        tokens, s, o = (tb, 3, 1) if op[0] == "insert" else (ta, 1, 3)
        left, right = ops[n - 1], ops[n + 1]
        start, e0, e1, end = left[s], op[s], op[s + 1], right[s + 1]
        while e0 > start and tokens[e0 - 1] == tokens[e1 - 1]:  # fully left, ...
            e0, e1 = e0 - 1, e1 - 1
        best, best_score = e0, -1
        while True:  # ... then try each place rightwards
            score = _boundary(
                "".join(tokens[max(start, e0 - 2) : e0]), tokens[e0]
            ) + _boundary(
                "".join(tokens[max(e0, e1 - 2) : e1]), tokens[e1] if e1 < end else ""
            )
            if score > best_score:
                best, best_score = e0, score
            if not (e1 < end and tokens[e0] == tokens[e1]):
                break
            e0, e1 = e0 + 1, e1 + 1
        width, point = op[s + 1] - op[s], left[o + 1] + best - op[s]
        left[s + 1] = op[s] = best
        op[s + 1] = right[s] = best + width
        left[o + 1] = op[o] = op[o + 1] = right[o] = point
    return [op for op in ops if op[1] < op[2] or op[3] < op[4]]


def plain(text: str) -> str:
    """``text`` case-folded, punctuation dropped and spacing collapsed."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _movable(text: str) -> bool:
    return len(text.strip()) >= MOVE_MIN_CHARS and count_words(text) >= MOVE_MIN_WORDS


def _mark_moves(ops: list[Op]) -> list[Op]:
    """Pair deleted and inserted passages of the same wording into moves."""
    dels = [i for i, op in enumerate(ops) if op.kind == "delete" and _movable(op.a)]
    inss = [i for i, op in enumerate(ops) if op.kind == "insert" and _movable(op.b)]
    deleted = [plain(ops[d].a) for d in dels]
    inserted = [plain(ops[n].b) for n in inss]
    pairs = []
    step = max(1, _MOVE_CELLS // max(len(inss), 1))  # rows of scores at a time
    for first in range(0, len(dels) if inss else 0, step):
        scores = process.cdist(
            deleted[first : first + step],
            inserted,
            scorer=fuzz.ratio,
            score_cutoff=MOVE_MIN_RATIO,
            dtype=np.float64,
        )
        for r, c in zip(*np.nonzero(scores >= MOVE_MIN_RATIO), strict=True):
            pairs.append((-float(scores[r, c]), dels[first + r], inss[c]))
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
    ta, tb = tokenize(a), tokenize(b)
    pa = list(itertools.accumulate(map(len, ta), initial=0))
    pb = list(itertools.accumulate(map(len, tb), initial=0))
    runs = _slide(_to_ops(_cleanup(_segments(ta, tb), a, pa, pb), ta, tb), ta, tb)
    ops = [
        Op(kind, a[pa[a0] : pa[a1]], b[pb[b0] : pb[b1]])
        for kind, a0, a1, b0, b1 in runs
    ]
    return WordDiff(_mark_moves(ops))
