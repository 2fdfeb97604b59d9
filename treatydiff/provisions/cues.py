"""The shape of a language's cue set, and helpers to write its patterns.

Each language module (:mod:`.cues_en`, :mod:`.cues_ru`) builds one
:class:`Cues`. Patterns match word stems (Russian inflects), are compiled
case-insensitive and treat any run of whitespace, line breaks included, as a
word gap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

__all__ = ["Cues", "any_of", "gap", "rx"]


def gap(n: int) -> str:
    """A gap of up to ``n`` whole words between two patterns (lazy)."""
    return rf"(?:\W+\w+){{0,{n}}}?\W+"


def any_of(*alternatives: str) -> str:
    """A non-capturing alternation of ``alternatives``."""
    return "(?:" + "|".join(alternatives) + ")"


def rx(*alternatives: str) -> re.Pattern[str]:
    """Compile ``alternatives`` as one case-insensitive pattern."""
    return re.compile(any_of(*alternatives), re.IGNORECASE)


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

    ``topics`` maps the remaining kinds to their cues; ``positive_only`` kinds
    are dropped when their cue is negated or disclaimed. ``peacetime`` cues
    count for their kind only in a sentence without an attack trigger
    (military-technical assistance is cooperation in peace, defence in war).
    """

    assist: re.Pattern[str]
    support: re.Pattern[str]
    military: re.Pattern[str]
    nonmilitary: re.Pattern[str]
    disaster: re.Pattern[str]
    trigger: re.Pattern[str]
    trigger_exclude: re.Pattern[str]
    threat: re.Pattern[str]
    aggressor: re.Pattern[str]
    equivalence: re.Pattern[str]
    collective_action: re.Pattern[str]
    neutrality: re.Pattern[str]
    consult: re.Pattern[str]
    threat_context: re.Pattern[str]
    non_aggression: re.Pattern[str]
    mutual_target: re.Pattern[str]
    alliance: re.Pattern[str]
    territory: re.Pattern[str]
    directed: re.Pattern[str]
    markers: re.Pattern[str]
    near_negation: re.Pattern[str]
    domain: re.Pattern[str]
    discretion: re.Pattern[str]
    disclaimer: re.Pattern[str]
    peacetime: Mapping[str, re.Pattern[str]]
    topics: Mapping[str, tuple[re.Pattern[str], ...]]
    positive_only: frozenset[str] = frozenset(
        {"military-cooperation", "basing", "intelligence-exchange"}
    )
