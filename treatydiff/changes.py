"""Change kinds of aligned clauses and the significance flags a lawyer reads first.

Kinds (:data:`CHANGE_KINDS`): ``identical``; ``moved`` (same text, other
position); ``reworded`` (no significance flag and at least
:data:`REWORDED_MIN_SIMILARITY` of the words kept, or only case, punctuation
and spacing differ); ``modified``; ``added`` / ``removed`` (no counterpart in
the base / in the other treaty); ``split`` / ``merged`` (one base clause
against several, several against one).

Flags (:data:`FLAG_KINDS`), found by comparing the terms of each kind on
both sides, in English and Russian: ``modality`` (shall → may, обязуются →
могут), ``negation`` (not, no, never, refrain; не, ни, без, воздерживаться),
``number``, ``time`` (time limits and dates: 30 days, шести месяцев,
17 January 2025) and ``party`` (Party/Parties, State, third States, named
states; Сторона/Стороны, государства, named states). Numbers inside time
limits and dates count as ``time`` only; numbers of cross-references
(``Article 4``, ``статьи 4``) are not flagged, so renumbering is not noise.

>>> [f.to_dict()["note"] for f in find_flags("Each Party shall not act.", "Each Party may act.")]
['shall → may', 'not removed']
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .diff import WordDiff

__all__ = [
    "CHANGE_KINDS",
    "FLAG_KINDS",
    "REWORDED_MIN_SIMILARITY",
    "Flag",
    "change_kind",
    "find_flags",
]

CHANGE_KINDS = ("identical", "reworded", "modified", "added", "removed", "moved",
                "split", "merged")
FLAG_KINDS = ("modality", "negation", "number", "time", "party")
REWORDED_MIN_SIMILARITY = 0.8

_I = re.I | re.U


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


_MODALITY = re.compile(_words(
    "shall", "must", "will", "may", "should", "can", "could", "might", "would",
    r"undertak\w*", r"agree[sd]?", r"oblig\w+", "entitled", r"endeavou?r\w*", r"commit\w*",
    r"обязу\w+", r"обязан\w*", r"обязательств\w*", r"долж\w+", "может", "могут", "могли",
    "можно", "вправе", r"будут", r"будет", "следует", r"стрем\w+", r"намерен\w*",
    r"соглашаются", r"согласились",
), _I)
_NEGATION = re.compile(_words(
    "not", "no", "never", "neither", "nor", "none", "nothing", "without", "cannot",
    r"\w+n't", r"refrain\w*",
    "не", "ни", "нет", "никогда", r"ничто", r"ничего", r"никак\w*", "без", r"воздерж\w+",
), _I)
_EN_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "ninety", "hundred", "thousand", "million", "billion",
)
_RU_NUMBER_WORDS = (
    "один", "одна", "одно", "одного", "одной", "одну", "два", "две", "двух", "двум",
    "три", "трех", "трёх", "трем", "четыре", "четырех", "пять", "пяти", "шесть", "шести",
    "семь", "семи", "восемь", "восьми", "девять", "девяти", "десять", "десяти",
    r"пятнадцат\w*", r"двадцат\w*", r"тридцат\w*", r"сорок\w*", "пятьдесят", "пятидесяти",
    "шестьдесят", "шестидесяти", r"девяност\w*", "сто", "ста", r"тысяч\w*",
    r"миллион\w*", r"миллиард\w*",
)
_NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(_EN_NUMBER_WORDS + _RU_NUMBER_WORDS) + r")"
_NUMBER = re.compile(r"\b" + _NUM + r"\b", _I)
_UNIT = (r"(?:hours?|days?|weeks?|months?|years?|"
         r"час\w*|день|дня|дней|сут\w*|недел\w*|месяц\w*|год|года|году|лет)")
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december|январ\w|феврал\w|марта?|апрел\w|ма[яй]|июн\w|июл\w|"
           r"август\w*|сентябр\w|октябр\w|ноябр\w|декабр\w)")
_TIME = re.compile(
    r"\b\d{1,2}\s+" + _MONTHS + r"\s+\d{4}\b(?:\s*(?:г\.|года))?"  # 17 January 2025
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"          # ISO, 17.01.2025
    r"|\b(?:" + _NUM + r"\s+(?:\(\d+\)\s+)?(?:\w+\s+)?)?" + _UNIT + r"\b",
    _I,
)
_CROSS_REF = re.compile(
    r"\b(?:articles?|paragraphs?|sub-?paragraphs?|points?|annex(?:es)?|"
    r"стать\w*|пункт\w*|подпункт\w*|част\w*|приложени\w*)\s+"
    r"\d+(?:\s*(?:,|and|or|и|или|-|–)\s*\d+)*",
    _I,
)
_PARTY = re.compile(
    r"\b(?:(?:High\s+)?Contracting\s+)?Part(?:y|ies)\b|\bparties\b|\bthird\s+part(?:y|ies)\b"
    r"|\b(?:third\s+)?States?\b|\bthird\s+(?:countr(?:y|ies)|states?)\b|\baggressors?\b"
    r"|\bRussian\s+Federation\b|\bRussia\b|\b(?:Islamic\s+Republic\s+of\s+)?Iran\b"
    r"|\bDemocratic\s+People's\s+Republic\s+of\s+Korea\b|\bDPRK\b"
    r"|\b(?:Republic\s+of\s+)?Belarus\b|\b(?:People's\s+Republic\s+of\s+)?China\b"
    r"|\bUnited\s+States\b|\bUnion\s+State\b"
    r"|\bСторон\w*|\b(?:трет\w+\s+)?государств(?:о|а|у|ом|е|ами|ах|ам)?\b|\bагрессор\w*"
    r"|\bРоссийск\w+\s+Федераци\w+|\bРосси\w+|\b(?:Исламск\w+\s+Республик\w+\s+)?Иран\w*"
    r"|\bКНДР\b|\bКорейск\w+\s+Народно-Демократическ\w+\s+Республик\w+"
    r"|\b(?:Республик\w+\s+)?Беларус\w*|\bКита\w+|\bСоюзн\w+\s+государств(?:о|а|у|ом|е)?\b",
    re.U,
)


@attrs.frozen
class Flag:
    """A significance flag: terms of ``kind`` found only on the left or the right."""

    kind: str = attrs.field(validator=attrs.validators.in_(FLAG_KINDS))
    removed: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    added: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @property
    def note(self) -> str:
        """One line for a reader: ``shall → may``, ``not added`` (negation)."""
        if self.kind == "negation" and not (self.removed and self.added):
            which = "added" if self.added else "removed"
            return f"{', '.join(self.added or self.removed)} {which}"
        left = ", ".join(self.removed) or "∅"
        right = ", ".join(self.added) or "∅"
        return f"{left} → {right}"

    def to_dict(self) -> dict[str, Any]:
        """``{"flag", "a": [removed terms], "b": [added terms], "note"}``."""
        return {"flag": self.kind, "a": list(self.removed), "b": list(self.added),
                "note": self.note}


def _norm(term: str) -> str:
    return " ".join(term.split()).casefold()


def _terms(text: str) -> dict[str, Counter[str]]:
    """Terms of every flag kind in ``text`` (normalised, counted)."""
    found: dict[str, Counter[str]] = {
        "modality": Counter(_norm(m) for m in _MODALITY.findall(text)),
        "negation": Counter(_norm(m) for m in _NEGATION.findall(text)),
        "time": Counter(_norm(m) for m in _TIME.findall(text)),
        "party": Counter(_norm(m) for m in _PARTY.findall(text)),
    }
    rest = _CROSS_REF.sub(" ", _TIME.sub(" ", text))
    found["number"] = Counter(_norm(m) for m in _NUMBER.findall(rest))
    return found


def _ordered(counter: Counter[str], text_terms: list[str]) -> list[str]:
    out = []
    for term in text_terms:
        if counter[term] > 0:
            out.append(term)
            counter[term] -= 1
    return out


def find_flags(a: str, b: str) -> list[Flag]:
    """The significance flags of the change from ``a`` to ``b`` (in :data:`FLAG_KINDS` order)."""
    ta, tb = _terms(a), _terms(b)
    flags = []
    for kind in ("modality", "negation", "number", "time", "party"):
        removed, added = ta[kind] - tb[kind], tb[kind] - ta[kind]
        if removed or added:
            flags.append(Flag(kind, _ordered(removed, list(ta[kind].elements())),
                              _ordered(added, list(tb[kind].elements()))))
    return flags


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def change_kind(
    diff: WordDiff, flags: list[Flag], *, counts: tuple[int, int], moved: bool = False
) -> str | None:
    """The kind of change from a base clause to its counterpart.

    ``counts`` = how many clauses each side has in the group (0: none);
    ``None`` when neither side has one.
    """
    n_base, n_other = counts
    if not n_base:
        return "added" if n_other else None
    if not n_other:
        return "removed"
    if n_base < n_other:
        return "split"
    if n_base > n_other:
        return "merged"
    if diff.identical:
        return "moved" if moved else "identical"
    if not flags and (
        _plain(diff.a) == _plain(diff.b) or diff.similarity >= REWORDED_MIN_SIMILARITY
    ):
        return "reworded"
    return "modified"
