"""The clause classifier: who owes what to whom, and when.

Each sentence is read on its own. Structural kinds (mutual defence,
non-assistance to an aggressor, consultation, non-aggression, no hostile
alliance) combine an act with its modality, its beneficiary and its trigger;
the other kinds are topical cues, some of which must not be negated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import attrs

from treatydiff.errors import InvalidArgument
from treatydiff.model import Label, Span
from treatydiff.provisions.cues import Cues
from treatydiff.provisions.sentences import CUES, languages, polarity, sentences
from treatydiff.provisions.strength import strength
from treatydiff.provisions.taxonomy import kind_order

__all__ = ["Hit", "classify", "merge_labels"]

_POSITIVE = ("pos", "perm")


@attrs.frozen
class Hit:
    """One kind found in one sentence: confidence and evidence offsets."""

    kind: str
    confidence: float
    spans: tuple[tuple[int, int], ...]


def _overlaps(m: re.Match[str], others: Iterable[re.Match[str]]) -> bool:
    return any(m.start() < o.end() and o.start() < m.end() for o in others)


def _following(
    m: re.Match[str], others: Iterable[re.Match[str]], window: int
) -> re.Match[str] | None:
    """The first of ``others`` starting inside ``m`` or up to ``window`` after it."""
    return next((o for o in others if m.start() <= o.start() <= m.end() + window), None)


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _defence(s: str, c: Cues, found: list[re.Match[str]]) -> Iterator[Hit]:
    """Mutual defence and non-assistance to an aggressor (``found``: the
    sentence's attack triggers)."""
    excluded = list(c.trigger_exclude.finditer(s)) if found else []
    triggers = [m for m in found if not _overlaps(m, excluded)]
    actual = [m for m in triggers if not c.threat.search(m.group())]
    # An act of help counts with a trigger, or next to an aggressor (most
    # sentences have neither).
    aggressors = list(c.aggressor.finditer(s))
    helps = bool(triggers or aggressors)
    assists = list(c.assist.finditer(s)) if helps else []
    supports = list(c.support.finditer(s)) if helps else []
    military = c.military.search(s) if assists else None
    for m in c.equivalence.finditer(s):
        pol = polarity(s, m.start(), m.end(), c)
        if pol in _POSITIVE:
            yield Hit("mutual-defence", 0.95 if pol == "pos" else 0.8, (_span(m),))
    if triggers:
        for m in c.collective_action.finditer(s):
            if actual and polarity(s, m.start(), m.end(), c) in _POSITIVE:
                yield Hit("mutual-defence", 0.85, (_span(m), _span(actual[0])))
        for m in c.neutrality.finditer(s):
            if polarity(s, m.start(), m.end(), c) in _POSITIVE:
                yield Hit(
                    "non-assistance-to-aggressor", 0.8, (_span(m), _span(triggers[0]))
                )
    for m in assists:
        pol = polarity(s, m.start(), m.end(), c)
        aggressor = _following(m, aggressors, 80)
        if aggressor is not None:
            if pol == "neg":
                spans = (_span(m), _span(aggressor))
                yield Hit("non-assistance-to-aggressor", 0.9, spans)
            continue
        if pol not in _POSITIVE or not triggers:
            continue
        if not military and (
            c.nonmilitary.search(s)
            or c.disaster.search(s)
            or c.domain.match(s, m.end())
        ):
            continue
        if not actual and c.consult.search(s):
            continue  # assistance agreed on in talks about a threat: consultation
        trigger = (actual or triggers)[0]
        confidence = (0.9 if military else 0.75) - (0.15 if pol == "perm" else 0.0)
        confidence -= 0.0 if actual else 0.1
        yield Hit("mutual-defence", confidence, (_span(m), _span(trigger)))
    for m in supports:
        aggressor = _following(m, aggressors, 80)
        if aggressor is not None and polarity(s, m.start(), m.end(), c) == "neg":
            yield Hit("non-assistance-to-aggressor", 0.85, (_span(m), _span(aggressor)))


def _consultation(s: str, c: Cues) -> Iterator[Hit]:
    context = c.threat_context.search(s)
    if context is None:
        return
    for m in c.consult.finditer(s):
        if polarity(s, m.start(), m.end(), c) in _POSITIVE:
            yield Hit("consultation", 0.85, (_span(m), _span(context)))


def _negative_duties(s: str, c: Cues) -> Iterator[Hit]:
    """Non-aggression and no hostile alliance: obligations not to act."""
    refusals = list(c.non_aggression.finditer(s))
    target = c.mutual_target.search(s) if refusals else None
    for m in refusals:
        if polarity(s, m.start(), m.start(), c) == "disclaimed":
            continue
        word = m.group().lower().replace("-", "")
        if word.startswith(("nonaggression", "ненападени")):
            yield Hit("non-aggression", 0.85, (_span(m),))
        elif target is not None:
            yield Hit("non-aggression", 0.8, (_span(m), _span(target)))
    directed = c.directed.search(s)
    if directed is None:
        return
    for pattern in (c.alliance, c.territory):
        for m in pattern.finditer(s):
            if polarity(s, m.start(), m.start(), c) != "disclaimed":
                yield Hit("no-hostile-alliance", 0.85, (_span(m), _span(directed)))


def _topics(s: str, c: Cues, wartime: bool) -> Iterator[Hit]:
    kinds = c.topic_kinds(s)
    for kind, patterns in c.topics.items():
        if kinds is not None and kind not in kinds:
            continue
        found = []
        if kind in c.peacetime and not wartime:
            patterns = (*patterns, c.peacetime[kind])
        for pattern in patterns:
            for m in pattern.finditer(s):
                if kind in c.positive_only and (
                    polarity(s, m.start(), m.end(), c) not in _POSITIVE
                ):
                    continue
                found.append(m)
        if found:
            distinct = len({m.group().lower() for m in found})
            confidence = min(0.9, 0.6 + 0.1 * (distinct - 1))
            yield Hit(kind, confidence, tuple(_span(m) for m in found[:3]))


@lru_cache(maxsize=1 << 14)
def _sentence_hits(sentence: str, code: str) -> tuple[Hit, ...]:
    """The hits of one sentence in one language (cached: clauses repeat across
    treaties, and an article re-reads its paragraphs' sentences)."""
    cues = CUES[code]
    found = list(cues.trigger.finditer(sentence))  # both readers need them
    return (
        *_defence(sentence, cues, found),
        *_consultation(sentence, cues),
        *_negative_duties(sentence, cues),
        *_topics(sentence, cues, bool(found)),
    )


def _hits(text: str, lang: str | None) -> Iterator[Hit]:
    for start, end in sentences(text):
        sentence = text[start:end]
        for code in languages(sentence, lang):
            for hit in _sentence_hits(sentence, code):
                spans = tuple((a + start, b + start) for a, b in hit.spans)
                yield Hit(hit.kind, hit.confidence, spans)


def merge_labels(labels: Iterable[Label]) -> tuple[Label, ...]:
    """One label per kind (the most confident; the first on ties), in taxonomy order."""
    best: dict[str, Label] = {}
    for label in labels:
        if label.kind not in best or label.confidence > best[label.kind].confidence:
            best[label.kind] = label
    return tuple(sorted(best.values(), key=lambda lab: kind_order(lab.kind)))


def classify(text: str, *, lang: str | None = None) -> tuple[Label, ...]:
    """Labels for one clause, each with evidence spans, a confidence and a
    strength (:func:`~treatydiff.provisions.strength.strength`).

    ``lang`` is ``"en"`` or ``"ru"``; ``None`` picks the cue sets of each
    sentence by its script.

    >>> [lab.kind for lab in classify(
    ...     "If either Party is attacked, the other Party shall render it "
    ...     "military assistance.")]
    ['mutual-defence']
    >>> [lab.kind for lab in classify(
    ...     "Nothing in this Treaty shall be construed as an obligation to render "
    ...     "military assistance if either Party is attacked.")]
    []
    """
    if not isinstance(text, str):
        raise InvalidArgument(f"text must be a string, not {type(text).__name__}")
    languages("", lang)  # validate an explicit language before reading
    return _classify(text, lang)


@lru_cache(maxsize=1 << 13)
def _classify(text: str, lang: str | None) -> tuple[Label, ...]:
    """:func:`classify` of a valid call (cached: labels are frozen values)."""
    best: dict[str, tuple[float, Hit]] = {}  # merge_labels' choice, before building
    for hit in _hits(text, lang):
        confidence = round(hit.confidence, 3)
        if hit.kind not in best or confidence > best[hit.kind][0]:
            best[hit.kind] = confidence, hit
    labels = []
    for confidence, hit in best.values():
        spans = [
            (a, b)
            for a, b in sorted(set(hit.spans))
            if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in hit.spans)
        ]
        labels.append(
            Label(
                kind=hit.kind,
                confidence=confidence,
                evidence=tuple(Span(text[a:b], a, b) for a, b in spans),
                source="classifier",
                strength=strength(text, hit.kind, hit.spans[0], lang=lang),
            )
        )
    return merge_labels(labels)
