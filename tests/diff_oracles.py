"""Slow, plain versions of diff steps that treatydiff does faster, kept as
oracles for Hypothesis laws (old == new): the word diff's steps on strings
(every piece cut, joined and tokenized again), the flag terms of a text
read word by word, and the frequency pattern that tries a count at every
letter."""

from __future__ import annotations

import re

from treatydiff.diff import changes
from treatydiff.diff.changes import (
    _DATE_WORD,
    _ISO_DATE,
    _JOINERS,
    _MODAL_WORD,
    _MONTHS,
    _NEGATOR_WORD,
    _NUMBER_WORD,
    _PARTY,
    _REF_WORD,
    _TOKEN,
    _UNIT_WORD,
    _frequencies,
)
from treatydiff.diff.words import _mark_moves, tokenize
from treatydiff.model import Op, WordDiff
from treatydiff.model.results import count_words

__all__ = ["FREQUENCY_READING_EVERY_LETTER", "diff_by_strings", "terms_word_by_word"]

_WORD = re.compile(r"\w")


def _segments(a: str, b: str) -> list[list[str]]:
    from rapidfuzz.distance import Indel

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
        while lt and lt[-1] == et[-1]:
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


def diff_by_strings(a: str, b: str) -> WordDiff:
    """The word diff of two different texts, each step on strings."""
    return WordDiff(_mark_moves(_slide(_to_ops(_cleanup(_segments(a, b))))))


def _times(words: list[str], kinds: list[int], used: set[int]) -> list[str]:
    found = []
    for i, word in enumerate(words):
        if kinds[i] & _DATE_WORD:
            found.append(word)
            used.add(i)
        elif (
            word in _MONTHS
            and 0 < i < len(words) - 1
            and words[i - 1].isdigit()
            and len(words[i + 1]) == 4
            and words[i + 1].isdigit()
        ):
            found.append(" ".join(words[i - 1 : i + 2]))
            used.update((i - 1, i, i + 1))
        elif kinds[i] & _UNIT_WORD:
            k = i - 1
            if k > 0 and not kinds[k] & _NUMBER_WORD and kinds[k - 1] & _NUMBER_WORD:
                k -= 1
            while k >= 0 and kinds[k] & _NUMBER_WORD:
                k -= 1
            start = k + 1 if k + 1 < i else i
            found.append(" ".join(words[start : i + 1]))
            used.update(range(start, i + 1))
    return found


def _cross_refs(words: list[str], kinds: list[int], used: set[int]) -> None:
    for i, kind in enumerate(kinds):
        if kind & _REF_WORD:
            k = i + 1
            while k < len(words) and (kinds[k] & _NUMBER_WORD or words[k] in _JOINERS):
                used.add(k)
                k += 1


def terms_word_by_word(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The flag terms of ``text``, every word tested in turn."""
    iso_dates = _ISO_DATE.findall(text)
    folded = text.casefold()
    words = _TOKEN.findall(_ISO_DATE.sub(" ", folded))
    kinds = [changes._kinds(w) for w in words]
    used: set[int] = set()
    times = _times(words, kinds, used) + iso_dates
    _cross_refs(words, kinds, used)
    pairs = list(zip(words, kinds, strict=True))
    return (
        ("modality", tuple(w for w, k in pairs if k & _MODAL_WORD)),
        ("negation", tuple(w for w, k in pairs if k & _NEGATOR_WORD)),
        (
            "number",
            tuple(
                w
                for i, (w, k) in enumerate(pairs)
                if k & _NUMBER_WORD and i not in used
            ),
        ),
        ("time", tuple(times)),
        ("frequency", tuple(_frequencies(folded))),
        ("party", tuple(" ".join(m.split()).casefold() for m in _PARTY.findall(text))),
    )


#: The frequency pattern as it was, a count before ``times`` / ``раз`` tried at
#: every letter.
FREQUENCY_READING_EVERY_LETTER = re.compile(
    r"(?:(?:at\s+(?:least|most)|no\s+(?:less|more|fewer)\s+(?:often\s+)?than|"
    r"not\s+(?:less|more)\s+(?:often\s+)?than)\s+)?"
    r"(?:once|twice|thrice|(?:\w+|\d+)\s+times)\s+(?:a|per|each|every|in\s+a)\s+"
    r"(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?)\b"
    r"|\b(?:annually|yearly|biannually|biennially|quarterly|monthly|weekly|daily)\b"
    r"|\bevery\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?)\b"
    r"|(?:не\s+(?:реже|чаще)\s+)?(?:одного\s+раза|(?:\w+|\d+)\s+раз[а]?)\s+в\s+"
    r"(?:\w+\s+)?(?:год|года|лет|месяц\w*|квартал|недел\w+|полгода)\b"
    r"|\b(?:ежегодно|ежемесячно|ежеквартально|еженедельно)\b"
)
