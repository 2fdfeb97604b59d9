"""The shape of a language's cue set, and helpers to write its patterns.

Each language module (:mod:`.cues_en`, :mod:`.cues_ru`) builds one
:class:`Cues`. Patterns match word stems (Russian inflects), are compiled
case-insensitive (on first use: most cues never run on a given text) and
treat any run of whitespace, line breaks included, as a word gap. Each is
wrapped in a :class:`Cue` that skips texts lacking all of its needles
(:mod:`.needles`): one pass over a text finds the needles of every cue, so
each cue after the first costs a set look-up.

A cue's reading (:func:`.needles.reading`: its needles and what it needs)
depends on its alternatives alone, and parsing them took a quarter of a
second at each start over both cue sets: :func:`rx` takes it from
:data:`READINGS`, shipped in this package and written by
``python -m treatydiff.provisions.readings``. A cue whose alternatives are
not stored there (edited since) is read live, with the same answer.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import attrs

from treatydiff.provisions.needles import (
    Need,
    Needles,
    Reading,
    Requirements,
    Screen,
    possible,
    reading,
    satisfied,
    starts,
)

__all__ = ["READINGS", "Cue", "Cues", "any_of", "gap", "readings_text", "rx"]


def gap(n: int) -> str:
    """A gap of up to ``n`` whole words between two patterns (lazy)."""
    return rf"(?:\W+\w+){{0,{n}}}?\W+"


def any_of(*alternatives: str) -> str:
    """A non-capturing alternation of ``alternatives``."""
    return "(?:" + "|".join(alternatives) + ")"


@attrs.frozen
class Cue:
    """A compiled cue that is only run on text that may hold a match.

    ``search`` and ``finditer`` answer exactly as ``pattern``'s would; ``match``
    is anchored, hence cheap, and skips the test. On a whole text, a
    ``screened`` cue reads the words the shared screen found in it: one of its
    ``needles``, and what one of its alternatives ``requires``; then only the
    ``alternatives`` whose ``needs`` the text meets are run (the others match
    nowhere in it, so the matches are the same). On part of a text, it looks
    for its needles there.
    """

    source: str
    needles: Needles | None
    requires: Requirements | None = None
    screened: bool = False
    alternatives: tuple[str, ...] = ()
    needs: tuple[Need, ...] = ()

    @property
    def pattern(self) -> re.Pattern[str]:
        """``source`` compiled case-insensitive (see :func:`_compiled`)."""
        return _compiled(self.source)

    def _runnable(
        self, text: str, pos: int, endpos: int
    ) -> re.Pattern[str] | _Cut | None:
        """The pattern to run on ``text[pos:endpos]``; ``None`` if none can match."""
        if self.screened and pos <= 0 and endpos >= len(text):
            present = _present(text)
            if present is not None:
                if self.needles and present.isdisjoint(self.needles.strings):
                    return None
                if self.requires is not None and not satisfied(self.requires, present):
                    return None
                kept = possible(self.needs, present)
                if self.needs and len(kept) < len(self.needs):
                    return _cut(self.alternatives, kept) if kept else None
                return self.pattern
        if self.needles is not None and self.needles.absent(text, pos, endpos):
            return None
        return self.pattern

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        pattern = self._runnable(text, pos, endpos)
        return None if pattern is None else pattern.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        pattern = self._runnable(text, pos, endpos)
        return iter(()) if pattern is None else pattern.finditer(text, pos, endpos)

    def match(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)


_WORDS: set[str] = set()  # every word the cues made by rx screen for


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled case-insensitive, behind a look-ahead for the
    characters its matches can begin with (:func:`.needles.starts`), where
    they are known: a search then tests one character class at each place of
    the text before trying the pattern's branches and look-behinds there
    (1.3 to 2.7 times as fast a pattern, 1.65 over the cue set). The look-ahead
    only refuses places where no match begins, so the matches are the same."""
    first = starts(source, re.IGNORECASE)
    guard = f"(?=[{''.join(map(re.escape, sorted(first)))}])" if first else ""
    return re.compile(guard + source, re.IGNORECASE)


@attrs.frozen
class _Cut:
    """Some alternatives of a cue, each compiled alone (once, as the cue set
    is fixed), run side by side: ``search`` and ``finditer`` answer as the
    alternation of them would (at each position the first alternative that
    matches there), without compiling that alternation for each set of
    alternatives a sentence keeps. None of them matches the empty string."""

    sources: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = attrs.field(init=False, repr=False)

    @patterns.default
    def _compile(self) -> tuple[re.Pattern[str], ...]:
        return tuple(map(_compiled, self.sources))

    @property
    def pattern(self) -> str:
        """The source of the alternation this cut stands for."""
        return any_of(*self.sources)

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return _first([p.search(text, pos, endpos) for p in self.patterns])

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        # Each alternative's next match from ``pos``: its earliest start there,
        # and the same match as long as ``pos`` has not passed that start.
        ahead = [p.search(text, pos, endpos) for p in self.patterns]
        while (best := _first(ahead)) is not None:
            yield best
            pos = best.end()
            for k, m in enumerate(ahead):
                if m is not None and m.start() < pos:
                    ahead[k] = self.patterns[k].search(text, pos, endpos)


def _first(found: list[re.Match[str] | None]) -> re.Match[str] | None:
    """The match that starts first; of those that start together, the first."""
    best = None
    for m in found:
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


@lru_cache(maxsize=4096)
def _cut(alternatives: tuple[str, ...], kept: tuple[int, ...]) -> _Cut:
    """The alternatives ``kept`` of a cue, run side by side (cached: a few
    sets recur on sentence after sentence)."""
    return _Cut(tuple(alternatives[k] for k in kept))


@cache
def _screen() -> Screen:
    """One screen for the cues made before its first use (those of the cue
    modules, made at import)."""
    return Screen(frozenset(_WORDS))


@lru_cache(maxsize=256)
def _present(text: str) -> frozenset[str] | None:
    """The screened words in ``text`` (cached: every cue of a sentence asks)."""
    return _screen().present(text)


READINGS = "cue_readings.json"  # the stored readings, in this package


def _fresh(alternatives: tuple[str, ...]) -> Reading:
    """The reading of a cue of ``alternatives``, parsed now."""
    return reading(*alternatives, flags=re.IGNORECASE)


def readings_text(cues: Iterable[tuple[str, ...]]) -> str:
    """The text of :data:`READINGS` for cues of the given alternatives: a
    JSON list of their readings parsed now, sorted by alternatives, one cue a
    line."""
    entries = []
    for alternatives in sorted(set(cues)):
        found, required, each = _fresh(alternatives)
        entries.append(
            {
                "alternatives": alternatives,
                "needles": None if found is None else found.strings,
                "requires": None
                if required is None
                else [[sorted(c) for c in alt] for alt in required],
                "needs": [sorted(sorted(c) for c in need) for need in each],
            }
        )
    lines = (json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries)
    return "[\n" + ",\n".join(lines) + "\n]\n"


@cache
def _stored() -> dict[tuple[str, ...], dict[str, Any]]:
    """The entries of :data:`READINGS` by alternatives (none if it is missing)."""
    try:
        text = (
            resources.files("treatydiff.provisions")
            .joinpath(READINGS)
            .read_text("utf-8")
        )
    except FileNotFoundError:
        return {}
    return {tuple(entry["alternatives"]): entry for entry in json.loads(text)}


def _reading(alternatives: tuple[str, ...]) -> Reading:
    """The stored reading of a cue of ``alternatives``, or one parsed now."""
    entry = _stored().get(alternatives)
    if entry is None:
        return _fresh(alternatives)
    needles, requires = entry["needles"], entry["requires"]
    return (
        None if needles is None else Needles(tuple(needles)),
        None
        if requires is None
        else tuple(tuple(map(frozenset, alt)) for alt in requires),
        tuple(frozenset(map(frozenset, need)) for need in entry["needs"]),
    )


def rx(*alternatives: str) -> Cue:
    """Compile ``alternatives`` as one case-insensitive cue."""
    source = any_of(*alternatives)
    found, required, each = _reading(alternatives)
    if _screen.cache_info().currsize:  # made after the screen: reads its own
        return Cue(source, found)
    _WORDS.update(found.strings if found else ())
    _WORDS.update(word for alt in required or () for c in alt for word in c)
    _WORDS.update(word for need in each for c in need for word in c)
    return Cue(source, found, required, True, alternatives, each)


@attrs.frozen(kw_only=True)
class Cues:
    """Compiled cues of one language.

    Obligation structure (for the security core):

    ``assist``
        an act of assistance (render assistance, assist, come to the aid).
    ``support``
        help or support verbs, read only next to an aggressor.
    ``military`` / ``nonmilitary``
        qualifiers of the assistance: military or by all means, versus legal,
        technical, economic, humanitarian.
    ``disaster``
        disasters and accidents: assistance there is not defence.
    ``trigger`` / ``trigger_exclude`` / ``threat``
        conditions of attack, aggression or war; attack words that are not an
        armed attack (terrorist or computer attacks); the threat-only marker.
    ``aggressor``
        the attacker as beneficiary (the aggressor, a state committing aggression).
    ``equivalence``
        "an attack on one is an attack on all".
    ``collective_action``
        constitutional-processes and all-forces-and-means formulas.
    ``neutrality``
        an undertaking to stay neutral.
    ``consult`` / ``threat_context``
        consultation acts, and the threats that make them security consultation.
    ``non_aggression`` / ``mutual_target``
        a negated use of force, and "against each other".
    ``alliance`` / ``territory`` / ``directed``
        negated joining of alliances or lending of territory, and the
        "directed against the other party" qualifier.
    ``markers``
        modality and polarity markers, groups ``neg``, ``mod`` and ``perm``.
    ``near_negation``
        a negation bound to the next word (Russian "не").
    ``domain``
        what follows an unqualified act of assistance and names a task
        ("assist each other in protecting ..."): cooperation, not defence.
    ``discretion``
        the act left to a party's choice ("shall consider whether to", "at its
        discretion"): no obligation.
    ``disclaimer``
        "nothing in this Treaty shall be construed as an obligation to ...".
    ``latitude`` / ``aspiration``
        an obligation whose means are left to the party ("by means it deems
        appropriate", "in accordance with its constitutional processes"), and
        an undertaking only to try ("endeavour", "strive"): the clause's
        strength (:mod:`treatydiff.provisions.strength`).

    ``topics`` maps the remaining kinds to their cues; ``positive_only`` kinds
    are dropped when their cue is negated or disclaimed. ``peacetime`` cues
    count for their kind only in a sentence without an attack trigger
    (military-technical assistance is cooperation in peace, defence in war).
    """

    assist: Cue
    support: Cue
    military: Cue
    nonmilitary: Cue
    disaster: Cue
    trigger: Cue
    trigger_exclude: Cue
    threat: Cue
    aggressor: Cue
    equivalence: Cue
    collective_action: Cue
    neutrality: Cue
    consult: Cue
    threat_context: Cue
    non_aggression: Cue
    mutual_target: Cue
    alliance: Cue
    territory: Cue
    directed: Cue
    markers: Cue
    near_negation: Cue
    domain: Cue
    discretion: Cue
    disclaimer: Cue
    latitude: Cue
    aspiration: Cue
    peacetime: Mapping[str, Cue]
    topics: Mapping[str, tuple[Cue, ...]]
    positive_only: frozenset[str] = frozenset(
        {"military-cooperation", "basing", "intelligence-exchange"}
    )
    # Topic kinds by the needles of their cues (peacetime cue included), and
    # the kinds one of whose cues the screen cannot rule out.
    _topic_kinds: Mapping[str, frozenset[str]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _unscreened_kinds: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @_topic_kinds.default
    def _read_topic_kinds(self) -> dict[str, frozenset[str]]:
        kinds: dict[str, set[str]] = {}
        for kind, cues in self._every_topic_cue():
            for cue in cues:
                for needle in cue.needles.strings if cue.needles else ():
                    kinds.setdefault(needle, set()).add(kind)
        return {needle: frozenset(found) for needle, found in kinds.items()}

    @_unscreened_kinds.default
    def _read_unscreened_kinds(self) -> frozenset[str]:
        return frozenset(
            kind
            for kind, cues in self._every_topic_cue()
            if not all(c.screened and c.needles for c in cues)
        )

    def _every_topic_cue(self) -> Iterator[tuple[str, tuple[Cue, ...]]]:
        for kind, cues in self.topics.items():
            peace = (self.peacetime[kind],) if kind in self.peacetime else ()
            yield kind, (*cues, *peace)

    def topic_kinds(self, text: str) -> frozenset[str] | None:
        """The topic kinds whose cues (peacetime cue included) may match in the
        whole of ``text``, ``None`` for all: each cue of another kind would
        answer no match, the screen having found none of its needles."""
        present = _present(text)
        if present is None:
            return None
        found = self._topic_kinds
        return self._unscreened_kinds.union(
            *(found[word] for word in present if word in found)
        )
