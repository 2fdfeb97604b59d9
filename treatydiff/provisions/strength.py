"""Obligation strength: how firmly a labelled clause obliges.

Read from the modality the classifier already reads (:func:`polarity`) in the
sentence that holds a label's first evidence span: duties not to act are
``negative`` and security consultation is ``consultative`` by kind; otherwise
"may" (or a choice left to the party) is ``discretionary``, and so is a duty
whose means or procedure the party decides ("by means it deems appropriate",
"in accordance with its constitutional processes"); an undertaking only to try
("endeavour", "strive") is ``aspirational``; anything else (shall, undertakes,
a bare present) is ``binding``.

>>> text = ("If either Party is attacked, the other Party may provide "
...         "assistance by means it deems appropriate.")
>>> str(strength(text, "mutual-defence", (31, 54), lang="en"))
'discretionary'
"""

from __future__ import annotations

from treatydiff.model import Strength
from treatydiff.provisions.sentences import CUES, languages, polarity, sentences

__all__ = ["strength"]

#: Kinds whose strength is fixed by what they oblige.
_BY_KIND = {
    "non-aggression": Strength.NEGATIVE,
    "no-hostile-alliance": Strength.NEGATIVE,
    "non-assistance-to-aggressor": Strength.NEGATIVE,
    "consultation": Strength.CONSULTATIVE,
}


def strength(
    text: str,
    kind: str,
    evidence: tuple[int, int] | None = None,
    *,
    lang: str | None = None,
) -> Strength | None:
    """The strength of a ``kind`` label on ``text``.

    ``evidence`` is the ``(start, end)`` of the label's first evidence span;
    without it the first sentence with a modal marker decides (a curated
    label on a restated clause). ``None`` for text in no cue language.
    """
    if kind in _BY_KIND:
        return _BY_KIND[kind]
    bounds = sentences(text) or ((0, len(text)),)
    if evidence is None:
        a, b = 0, 0
        start, end = next(
            (
                (s, e)
                for s, e in bounds
                for code in languages(text[s:e], lang)
                if CUES[code].markers.search(text, s, e)
            ),
            bounds[0],
        )
    else:
        a, b = evidence
        start, end = next(((s, e) for s, e in bounds if s <= a < e), bounds[0])
    sentence = text[start:end]
    codes = languages(sentence, lang)
    if not codes:
        return None
    cues = CUES[codes[0]]
    if evidence is None:
        markers = list(cues.markers.finditer(sentence))
        a = b = markers[-1].end() if markers else 0
        pol = "perm" if markers and markers[-1].group("perm") else "pos"
    else:
        a, b = max(0, a - start), max(0, b - start)
        pol = polarity(sentence, a, b, cues)
    if pol == "neg":
        return Strength.NEGATIVE
    if pol in ("perm", "disclaimed") or cues.latitude.search(sentence):
        return Strength.DISCRETIONARY
    if cues.aspiration.search(sentence):
        return Strength.ASPIRATIONAL
    return Strength.BINDING
