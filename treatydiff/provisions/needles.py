"""Needles: literals one of which every match of a cue pattern contains.

Looking for a handful of literals in a sentence is far cheaper than running a
cue pattern with word gaps over it, and most cues are absent from most
sentences. The needles are read off the pattern's parse tree: within a
sequence, consecutive literal items (zero-width assertions are transparent)
spell strings that any match contains; a branch needs a needle in each
alternative; optional or open-ended items give none. A pattern with no such
literals gets no needles and is always run.

Needles are compared in lower case with the lower-cased text. On the
characters of :data:`PLAIN` (ASCII, Latin-1, Cyrillic, punctuation, currency
and letter-like symbols) that is exactly how case-insensitive ``re`` matching
compares characters (checked pair by pair over the whole set on CPython 3.11),
and lowering keeps each character one character long; a text or needle with
any other character is not filtered. A text's set of three-letter substrings
rules most cues out before any needle is searched for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import product
from typing import Any

import attrs

__all__ = ["PLAIN", "Needles", "Screen", "needles"]

PLAIN = re.compile(r"[\x00-\xff\u0400-\u052f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]*")
_HEAD = 3  # length of the substrings indexed per text

try:  # the parser of the re module (private, but stable since Python 3.11; untyped)
    from re import _constants as _op  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without it: no needles
    _parser = None

_MAX_STRINGS = 32  # beyond this many spellings a run is cut in two

Strings = frozenset[str]
# (every string the item can consume, or None; needles of the item, or None)
_Reading = tuple[Strings | None, Strings | None]
_ANY: _Reading = (None, None)
_EMPTY: _Reading = (frozenset({""}), None)


def _best(candidates: Iterable[Strings]) -> Strings | None:
    """The most selective needle set: longest shortest string, then fewest."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Iterable[tuple[object, Any]]) -> _Reading:
    run: Strings = frozenset({""})
    candidates: list[Strings] = []
    whole = True  # every item had a finite set of spellings
    for op, av in items:
        spelled, needed = _item(op, av)
        if spelled is not None and len(run) * len(spelled) <= _MAX_STRINGS:
            run = frozenset(a + b for a, b in product(run, spelled))
            continue
        whole = False
        candidates.append(run)
        run = frozenset({""})
        if spelled is not None:
            run = spelled
        elif needed is not None:
            candidates.append(needed)
    candidates.append(run)
    return (run if whole else None), _best(candidates)


def _item(op: object, av: Any) -> _Reading:  # av: a node of the untyped parse tree
    if op is _op.LITERAL:
        return frozenset({chr(av)}), None
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
        return _EMPTY  # zero-width: consumes nothing
    if op is _op.IN:
        chars = [chr(v) for o, v in av if o is _op.LITERAL]
        return (frozenset(chars), None) if len(chars) == len(av) else _ANY
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _ANY if add_flags or del_flags else _sequence(sub)
    if op is _op.ATOMIC_GROUP:
        return _sequence(av)
    if op is _op.BRANCH:
        readings = [_sequence(alt) for alt in av[1]]
        spellings = [s for s, _ in readings if s is not None]
        best = [_best([n or frozenset(), s or frozenset()]) for s, n in readings]
        needs = [n for n in best if n is not None]
        all_spelled = None
        if len(spellings) == len(readings) and sum(map(len, spellings)) <= _MAX_STRINGS:
            all_spelled = frozenset[str]().union(*spellings)
        all_needed = None
        if len(needs) == len(readings):
            all_needed = frozenset[str]().union(*needs)
        return all_spelled, all_needed
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        low, high, sub = av
        spelled, needed = _sequence(sub)
        if low == 0:
            return (spelled | {""}, None) if high == 1 and spelled is not None else _ANY
        if low == high == 1:
            return spelled, needed
        return None, _best([needed or frozenset(), spelled or frozenset()])
    return _ANY  # any character, a category, a back-reference ...


@lru_cache(maxsize=16)
def _folded(text: str) -> tuple[str, frozenset[str]] | None:
    """``text`` lower-cased, and its substrings of ``_HEAD`` characters.

    ``None`` if ``text`` is not :data:`PLAIN`.
    """
    if not PLAIN.fullmatch(text):
        return None
    lowered = text.lower()
    shifted = (lowered[i:] for i in range(_HEAD))
    return lowered, frozenset(map("".join, zip(*shifted, strict=False)))


@attrs.frozen
class Needles:
    """Lower-case literals one of which every match of a pattern contains."""

    strings: tuple[str, ...]
    # The strings by their first _HEAD characters, and those shorter than that.
    _by_head: dict[str, tuple[str, ...]] = attrs.field(init=False)
    _short: tuple[str, ...] = attrs.field(init=False)

    @_by_head.default
    def _group(self) -> dict[str, tuple[str, ...]]:
        groups: dict[str, tuple[str, ...]] = {}
        for s in self.strings:
            if len(s) >= _HEAD:
                groups[s[:_HEAD]] = (*groups.get(s[:_HEAD], ()), s)
        return groups

    @_short.default
    def _shorter(self) -> tuple[str, ...]:
        return tuple(s for s in self.strings if len(s) < _HEAD)

    def absent(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``text[pos:endpos]`` surely holds none of the strings.

        Negative bounds count as 0, as in :meth:`re.Pattern.search`.
        """
        folded = _folded(text)
        if folded is None:
            return False
        lowered, heads = folded
        candidates = [*self._short]
        for head in heads.intersection(self._by_head):
            candidates.extend(self._by_head[head])
        if candidates:
            pos, endpos = max(pos, 0), max(endpos, 0)
            for s in candidates:
                if lowered.find(s, pos, endpos) >= 0:
                    return False
        return True


@attrs.frozen
class Screen:
    """Which of several needle sets a text may hold, in one pass over its
    substrings: position ``i`` is possible exactly when
    ``not sets[i].absent(text, 0, len(text))`` (a ``None`` set always is)."""

    sets: tuple[Needles | None, ...]
    _by_head: dict[str, tuple[tuple[int, str], ...]] = attrs.field(init=False)
    _short: tuple[tuple[int, str], ...] = attrs.field(init=False)
    _always: frozenset[int] = attrs.field(init=False)

    @_by_head.default
    def _group(self) -> dict[str, tuple[tuple[int, str], ...]]:
        groups: dict[str, tuple[tuple[int, str], ...]] = {}
        for i, found in enumerate(self.sets):
            for head, strings in (found._by_head if found else {}).items():
                groups[head] = (*groups.get(head, ()), *((i, s) for s in strings))
        return groups

    @_short.default
    def _shorter(self) -> tuple[tuple[int, str], ...]:
        return tuple((i, s) for i, f in enumerate(self.sets) if f for s in f._short)

    @_always.default
    def _unscreened(self) -> frozenset[int]:
        return frozenset(i for i, f in enumerate(self.sets) if f is None)

    def possible(self, text: str) -> frozenset[int] | None:
        """Positions whose needles ``text`` may hold; ``None``: all of them."""
        folded = _folded(text)
        if folded is None:
            return None
        lowered, heads = folded
        found = set(self._always)
        for i, s in self._short:
            if i not in found and s in lowered:
                found.add(i)
        for head in heads.intersection(self._by_head):
            for i, s in self._by_head[head]:
                if i not in found and s in lowered:
                    found.add(i)
        return frozenset(found)


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """The needles of ``pattern``: ``None`` if it has none, or one is not :data:`PLAIN`.

    >>> needles(re.compile(r"\\bDefen[cs]e\\s+(?:pact|treaty)", re.I)).strings
    ('defence', 'defense')
    >>> needles(re.compile(r"\\w+ly")).strings, needles(re.compile(r"\\w+"))
    (('ly',), None)
    """
    if _parser is None:  # pragma: no cover
        return None
    found = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)[1]
    if found is None or not all(PLAIN.fullmatch(s) for s in found):
        return None
    lowered = {s.lower() for s in found}
    # A needle that contains another adds nothing.
    return Needles(
        tuple(sorted(s for s in lowered if not any(o != s and o in s for o in lowered)))
    )
