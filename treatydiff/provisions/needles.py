"""Needles: literals one of which every match of a cue pattern contains.

Looking for a handful of literals in a sentence is far cheaper than running a
cue pattern with word gaps over it, and most cues are absent from most
sentences. The needles are read off the pattern's parse tree: within a
sequence, consecutive literal items (zero-width assertions are transparent)
spell strings that any match contains; a branch needs a needle in each
alternative; optional or open-ended items give none. A pattern with no such
literals gets no needles and is always run. A needle's edge is marked
(:data:`LEFT`, :data:`RIGHT`) where every match has a word boundary there: a
``\\b``, or a non-word character (``\\s``, ``\\W``, ASCII punctuation) next to
it; the screen then finds it only as a whole word ("un" of ``\\bUN\\b`` is not
in "under"). :func:`reading` also gives each alternative of a cue the sets of
words (four letters or more, three for a whole word) it needs, one of each: a
text that lacks a set for every alternative is skipped too.

Needles are compared in lower case with the lower-cased text. On the
characters of :data:`PLAIN` (ASCII, Latin-1, Cyrillic, punctuation, currency
and letter-like symbols) that is exactly how case-insensitive ``re`` matching
compares characters (checked pair by pair over the whole set on CPython 3.11),
and lowering keeps each character one character long; a text or needle with
any other character is not filtered. A :class:`Screen` finds the needles of
many cues in one pass of an Aho–Corasick automaton (pyahocorasick: a C
automaton, several times faster on a sentence than the best single regex of
the needles, and exact on overlapping needles). :func:`starts` reads, off the
same parse tree, the characters a match can begin with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, product
from operator import itemgetter
from typing import Any

import ahocorasick
import attrs

__all__ = [
    "PLAIN",
    "Need",
    "Needles",
    "Reading",
    "Requirements",
    "Screen",
    "possible",
    "reading",
    "satisfied",
    "starts",
]

PLAIN = re.compile(r"[\x00-\xff\u0400-\u052f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]*")

try:  # the parser of the re module (private, but stable since Python 3.11; untyped)
    from re import _constants as _op  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    _ZERO_WIDTH = (_op.AT, _op.ASSERT, _op.ASSERT_NOT)
except ImportError:  # pragma: no cover - a Python without it: no needles
    _parser = None

_MAX_STRINGS = 32  # beyond this many spellings a run is cut in two
_MIN_WORD = 4  # shorter required words are not screened for
LEFT, RIGHT = "\u27e8", "\u27e9"  # marks of a needle's word edges (not PLAIN)

Strings = frozenset[str]
# (every string the item can consume, or None; needles of the item, or None)
_Reading = tuple[Strings | None, Strings | None]
# For one of the alternatives, one string of each of its sets (lower case).
Requirements = tuple[tuple[frozenset[str], ...], ...]
# What one alternative needs: a string of each set (lower case).
Need = frozenset[frozenset[str]]
_ANY: _Reading = (None, None)
_EMPTY: _Reading = (frozenset({""}), None)


def _best(candidates: Iterable[Strings]) -> Strings | None:
    """The most selective needle set: longest shortest string, then fewest."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Iterable[tuple[object, Any]], left: bool, right: bool) -> _Reading:
    spelled, candidates = _read(items, left, right)
    return spelled, _best(candidates)


def _word(char: str) -> bool:
    """Whether ``re`` (Unicode) counts ``char`` as a word character."""
    return char.isalnum() or char == "_"


def _bare(key: str) -> str:
    """A needle without its word-boundary marks."""
    return key.strip(LEFT + RIGHT)


def _mark(strings: Strings, left: bool, right: bool) -> Strings:
    """``strings`` marked where a match surely has a word boundary: before a
    first word character (``left``), after a last one (``right``)."""
    return frozenset(
        (LEFT if left and s and _word(s[0]) else "")
        + s
        + (RIGHT if right and s and _word(s[-1]) else "")
        for s in strings
    )


def _read(
    items: Iterable[tuple[object, Any]], left: bool = False, right: bool = False
) -> tuple[Strings | None, list[Strings]]:
    """Every string the sequence can consume (or ``None``), and each set of
    needles its matches hold (one of each set), read as parsed and with the
    literals before a branch joined to its alternatives (:func:`_joined`).
    ``left`` and ``right`` tell whether its start and end are word edges (see
    :func:`_edges`)."""
    items = list(items)
    spelled, candidates = _read_parsed(items, left, right)
    joined = _joined(items)
    if len(joined) < len(items):
        more = _read_parsed(joined, left, right)[1]
        candidates += [c for c in more if c not in candidates]
    return spelled, candidates


def _read_parsed(
    items: list[tuple[object, Any]], left: bool, right: bool
) -> tuple[Strings | None, list[Strings]]:
    """:func:`_read` of ``items`` as they are."""
    lefts, rights = _edges(items, left, right)
    run: Strings = frozenset({""})
    start = 0  # the first item of the run
    candidates: list[Strings] = []
    whole = True  # every item had a finite set of spellings
    for i, (op, av) in enumerate(items):
        spelled, needed = _item(op, av, lefts[i], rights[i + 1])
        if spelled is not None and len(run) * len(spelled) <= _MAX_STRINGS:
            run = frozenset(a + b for a, b in product(run, spelled))
            continue
        whole = False
        candidates.append(_mark(run, lefts[start], rights[i]))
        run, start = frozenset({""}), i + 1
        if spelled is not None:
            run, start = spelled, i
        elif needed is not None:
            candidates.append(needed)
    candidates.append(_mark(run, lefts[start], rights[len(items)]))
    return (run if whole else None), [c for c in candidates if c and "" not in c]


def _joined(items: Iterable[tuple[object, Any]]) -> list[tuple[object, Any]]:
    """``items`` with the literals just before a branch moved into each of its
    alternatives, which match the same strings: ``re``'s parser takes the
    common start out of ``UN|United\\s+Nations``, and ``U`` then ``N`` or
    ``nited`` alone spell no word (the parsed reading keeps what the common
    start gives, ``друг`` of ``друг\\s+друга|друг\\w+``)."""
    joined: list[tuple[object, Any]] = []
    for op, av in items:
        start = len(joined)
        while op is _op.BRANCH and start and joined[start - 1][0] is _op.LITERAL:
            start -= 1
        if start < len(joined):
            run, joined[start:] = joined[start:], []
            av = (av[0], [[*run, *alt] for alt in av[1]])
        joined.append((op, av))
    return joined


def _edges(
    items: list[tuple[object, Any]], left: bool, right: bool
) -> tuple[list[bool], list[bool]]:
    """For the place before each item (and the end): whether a word character
    just after it has a non-word character or the text's edge just before it
    (``lefts``), and whether a word character just before it has one just
    after it (``rights``). A ``\\b`` makes both true; a non-word character
    after a place makes its ``rights`` true, one before it its ``lefts``."""
    n = len(items)
    lefts, rights = [left] * (n + 1), [right] * (n + 1)
    shapes = [_nonword(op, av) for op, av in items]
    for i, (op, av) in enumerate(items):
        _starts, ends, empty = shapes[i]
        lefts[i + 1] = _boundary(op, av) or (ends and (not empty or lefts[i]))
    for i in range(n - 1, -1, -1):
        op, av = items[i]
        starts, _ends, empty = shapes[i]
        rights[i] = _boundary(op, av) or (starts and (not empty or rights[i + 1]))
    # Across a zero-width item the place in the text is the same.
    for i in range(n - 1, -1, -1):
        if items[i][0] in _ZERO_WIDTH:
            lefts[i] = lefts[i + 1]
    for i in range(n):
        if items[i][0] in _ZERO_WIDTH:
            rights[i + 1] = rights[i]
    return lefts, rights


def _boundary(op: object, av: Any) -> bool:
    return op is _op.AT and av is _op.AT_BOUNDARY


def _nonword_char(op: object, av: Any) -> bool:
    """Whether an item of a character set only matches non-word characters."""
    if op is _op.LITERAL:  # ASCII punctuation has no other case
        return bool(av < 128 and not _word(chr(av)))
    return op is _op.CATEGORY and av in (_op.CATEGORY_SPACE, _op.CATEGORY_NOT_WORD)


def _nonword(op: object, av: Any) -> tuple[bool, bool, bool]:
    """Whether every non-empty match of the item starts, and ends, with a
    non-word character (``False`` where unsure), and whether it may be
    empty."""
    if op in _ZERO_WIDTH:
        return True, True, True
    if op is _op.LITERAL:
        return (ok := _nonword_char(op, av)), ok, False
    if op is _op.IN:
        return (ok := all(_nonword_char(o, v) for o, v in av)), ok, False
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        low, _high, sub = av
        starts, ends, empty = _nonword_sequence(sub)
        return starts, ends, empty or low == 0
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return False, False, False
        return _nonword_sequence(sub)
    if op is _op.ATOMIC_GROUP:
        return _nonword_sequence(av)
    if op is _op.BRANCH:
        shapes = [_nonword_sequence(alt) for alt in av[1]]
        return (
            all(s[0] for s in shapes),
            all(s[1] for s in shapes),
            any(s[2] for s in shapes),
        )
    return False, False, False


def _nonword_sequence(items: list[tuple[object, Any]]) -> tuple[bool, bool, bool]:
    shapes = [_nonword(op, av) for op, av in items]
    starts = ends = True
    for first in shapes:  # the first item that may not be empty decides
        starts = starts and first[0]
        if not first[2]:
            break
    for last in reversed(shapes):
        ends = ends and last[1]
        if not last[2]:
            break
    return starts, ends, all(s[2] for s in shapes)


def _item(op: object, av: Any, left: bool, right: bool) -> _Reading:  # av: untyped
    if op is _op.LITERAL:
        return frozenset({chr(av)}), None
    if op in _ZERO_WIDTH:
        return _EMPTY  # zero-width: consumes nothing
    if op is _op.IN:
        chars = [chr(v) for o, v in av if o is _op.LITERAL]
        return (frozenset(chars), None) if len(chars) == len(av) else _ANY
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _ANY if add_flags or del_flags else _sequence(sub, left, right)
    if op is _op.ATOMIC_GROUP:
        return _sequence(av, left, right)
    if op is _op.BRANCH:
        readings = [_sequence(alt, left, right) for alt in av[1]]
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
        if low == high == 1:
            return _sequence(sub, left, right)
        spelled, needed = _sequence(sub, False, False)
        if low == 0:
            return (spelled | {""}, None) if high == 1 and spelled is not None else _ANY
        return None, _best([needed or frozenset(), spelled or frozenset()])
    return _ANY  # any character, a category, a back-reference ...


@lru_cache(maxsize=64)
def _lowered(text: str) -> str | None:
    """``text`` lower-cased; ``None`` if it is not :data:`PLAIN`."""
    return text.lower() if PLAIN.fullmatch(text) else None


@attrs.frozen
class Needles:
    """Lower-case literals one of which every match of a pattern contains."""

    strings: tuple[str, ...]

    def absent(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``text[pos:endpos]`` surely holds none of the strings.

        Negative bounds count as 0, as in :meth:`re.Pattern.search`.
        """
        lowered = _lowered(text)
        if lowered is None:
            return False
        pos, endpos = max(pos, 0), max(endpos, 0)
        return all(lowered.find(_bare(s), pos, endpos) < 0 for s in self.strings)


# What :func:`reading` finds: a pattern's needles, what a text must hold for
# it to match, and what each of its alternatives needs.
Reading = tuple[Needles | None, Requirements | None, tuple[Need, ...]]


@attrs.frozen
class Screen:
    """Which of a set of words a text holds, all found in one pass; a word
    marked at an edge (:data:`LEFT`, :data:`RIGHT`) only where the text has a
    word boundary there.

    The pass reads the lower-cased text with every non-word character made a
    space, between two spaces; words are spelled the same way, with a space
    for each mark. A word found there may differ from the text in its
    punctuation (then its cue runs for nothing), never the other way round.
    """

    words: frozenset[str]
    _automaton: Any = attrs.field(init=False, repr=False, eq=False)

    @_automaton.default
    def _build(self) -> Any:
        if not self.words:
            return None
        spelled: dict[str, list[str]] = {}
        for word in self.words:
            key = _flat(_bare(word))
            key = (" " if word[0] == LEFT else "") + key
            key += " " if word[-1] == RIGHT else ""
            spelled.setdefault(key, []).append(word)
        automaton = ahocorasick.Automaton()
        for key, words in spelled.items():
            automaton.add_word(key, tuple(words))
        automaton.make_automaton()
        return automaton

    def present(self, text: str) -> frozenset[str] | None:
        """The words in lower-cased ``text``; ``None`` if it is not :data:`PLAIN`."""
        lowered = _lowered(text)
        if lowered is None:
            return None
        if self._automaton is None:
            return frozenset()
        found = self._automaton.iter(f" {_flat(lowered)} ")
        return frozenset(chain.from_iterable(map(itemgetter(1), found)))


# Each character of PLAIN (by code), a space for each non-word one.
_SPACES = "".join(
    " " if PLAIN.fullmatch(char) and not _word(char) else char
    for char in map(chr, range(0x2150))
)


def _flat(text: str) -> str:
    """``text`` (:data:`PLAIN`) with each non-word character made a space."""
    return text.translate(_SPACES)


def _lower_set(strings: Strings) -> frozenset[str] | None:
    if not all(PLAIN.fullmatch(_bare(s)) for s in strings):
        return None
    return frozenset(s.lower() for s in strings)


def reading(*alternatives: str, flags: int = 0) -> Reading:
    """The needles of the pattern that matches any of ``alternatives``, what
    a text must hold for it to match (for one alternative, a word of each set
    that alternative needs), and what each alternative needs (empty for one
    that needs no word; nothing at all if an alternative has a capturing
    group, whose number would change without the others, or may match the
    empty string). Needles are
    ``None`` if some alternative has none, or one is not :data:`PLAIN`;
    requirements are ``None`` if some alternative needs no word of
    ``_MIN_WORD`` letters or more, nor a set of the needles (which the screen
    looks for anyway).

    >>> found, required, each = reading(
    ...     r"\\bmutual\\s+defen[cs]e", r"\\ballies", r"\\bun\\b", flags=re.I
    ... )
    >>> found.strings
    ('⟨allies', '⟨mutual⟩', '⟨un⟩')
    >>> [sorted(sorted(c) for c in need) for need in each]
    [[['⟨defence', '⟨defense'], ['⟨mutual⟩']], [['⟨allies']], [['⟨un⟩']]]
    >>> reading(r"\\bmutual\\s+defen[cs]e", r"\\d+")[1] is None
    True
    >>> reading(r"\\w+ly")[0].strings, reading(r"\\w+")
    (('ly',), (None, None, (frozenset(),)))
    """
    if _parser is None:  # pragma: no cover
        return None, None, ()
    best: list[Strings | None] = []
    readings: list[list[frozenset[str] | None]] = []
    whole = True
    for alt in alternatives:
        parsed = _parser.parse(alt, flags)
        # Alternatives are run apart only without groups and empty matches.
        whole = whole and parsed.state.groups == 1 and parsed.getwidth()[0] > 0
        candidates = _read(parsed.data)[1]
        if (flags | parsed.state.flags) & (re.ASCII | re.LOCALE):  # other edges
            candidates = [frozenset(map(_bare, c)) for c in candidates]
        best.append(_best(candidates))
        readings.append([_lower_set(c) for c in candidates])
    found = _needles(best)
    screened = frozenset(found.strings if found else ())
    required: list[Need] | None = []
    each: list[Need] = []
    for sets in readings:
        # Short words are in nearly every text: they would only slow the
        # screen, unless it looks for them anyway (a needle such as "UN").
        usable = frozenset(
            c
            for c in sets
            if c and (min(map(_weight, c)) >= _MIN_WORD or c <= screened)
        )
        each.append(usable)
        if required is not None:
            required = [*required, usable] if usable else None
    return found, _simplest(required), tuple(each) if whole else ()


def _needles(best: list[Strings | None]) -> Needles | None:
    if not all(best):
        return None
    found = frozenset[str]().union(*(b for b in best if b))
    if not all(PLAIN.fullmatch(_bare(s)) for s in found):
        return None
    lowered = {s.lower() for s in found}
    # A needle that holds another adds nothing.
    return Needles(
        tuple(
            sorted(
                s for s in lowered if not any(o != s and _holds(s, o) for o in lowered)
            )
        )
    )


def _holds(outer: str, inner: str) -> bool:
    """Whether a text holding needle ``outer`` surely holds needle ``inner``."""
    text, core = _bare(outer), _bare(inner)
    left, right = inner[0] == LEFT, inner[-1] == RIGHT
    i = text.find(core)
    while i >= 0:
        j = i + len(core)
        left_ok = not left or (not _word(text[i - 1]) if i else outer[0] == LEFT)
        end_ok = not _word(text[j]) if j < len(text) else outer[-1] == RIGHT
        if left_ok and (not right or end_ok):
            return True
        i = text.find(core, i + 1)
    return False


def _weight(word: str) -> int:
    """How rare a word looks: its length, one more if whole (marked both ends)."""
    return len(_bare(word)) + (word[0] == LEFT and word[-1] == RIGHT)


def _simplest(alternatives: list[Need] | None) -> Requirements | None:
    """``alternatives`` without those that need all another needs, and more."""
    if alternatives is None:
        return None
    kept = [a for a in alternatives if not any(b < a for b in alternatives)]
    return tuple(tuple(sorted(a, key=_selective)) for a in dict.fromkeys(kept))


def _selective(words: frozenset[str]) -> tuple[int, list[str]]:
    """Sort key: the rarer-looking set (longer shortest word) first."""
    return -min(map(len, words)), sorted(words)


def satisfied(required: Requirements, present: frozenset[str]) -> bool:
    """Whether the words ``present`` in a text meet ``required``."""
    lacks = present.isdisjoint
    return any(not any(map(lacks, alt)) for alt in required)


def possible(each: tuple[Need, ...], present: frozenset[str]) -> tuple[int, ...]:
    """The alternatives (by index) whose needs the words ``present`` meet."""
    lacks = present.isdisjoint
    return tuple(k for k, need in enumerate(each) if not any(map(lacks, need)))


_MAX_RANGE = 64  # a character class with a wider range gives no start set
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def starts(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with, as written in it
    (``flags`` decide their case); ``None`` where a match may begin with a
    character of a category such as ``\\w``, with any character, or be empty.

    >>> sorted(starts(r"(?<!World\\s)\\b(?:trade|[Cc]ommerce)", re.I))
    ['C', 'c', 't']
    >>> starts(r"\\w+ly"), starts(r"(?:very\\s+)?good")
    (None, None)
    """
    if _parser is None:  # pragma: no cover
        return None
    parsed = _parser.parse(pattern, flags)
    inline = _INLINE_FLAGS.match(pattern) or parsed.state.flags & ~(flags | re.UNICODE)
    if inline or parsed.getwidth()[0] == 0:
        return None  # global flags in the pattern (no prefix may go before), or empty
    return _starts(parsed.data, parsed.state)


def _starts(items: Iterable[tuple[object, Any]], state: Any) -> frozenset[str] | None:
    """:func:`starts` of a parsed sequence: its first item that consumes
    decides, unless that item may match nothing."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if _parser.SubPattern(state, [(op, av)]).getwidth()[0] == 0:
            return None
        return _first(op, av, state)
    return None


def _first(op: object, av: Any, state: Any) -> frozenset[str] | None:  # av: untyped
    if op is _op.LITERAL:
        return frozenset(chr(av))
    if op is _op.IN:
        chars: set[str] = set()
        for o, v in av:
            if o is _op.LITERAL:
                chars.add(chr(v))
            elif o is _op.RANGE and v[1] - v[0] < _MAX_RANGE:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            else:
                return None
        return frozenset(chars)
    if op is _op.BRANCH:
        found = [_starts(alt, state) for alt in av[1]]
        sets = [f for f in found if f is not None]
        return frozenset[str]().union(*sets) if len(sets) == len(found) else None
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _starts(sub, state)
    if op is _op.ATOMIC_GROUP:
        return _starts(av, state)
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        return _starts(av[2], state)  # at least once: a width-0 one returned above
    return None
