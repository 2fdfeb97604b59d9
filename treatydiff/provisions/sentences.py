"""Clause-level text handling: sentences, language, modality and polarity."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from treatydiff.errors import InvalidArgument
from treatydiff.provisions.cues import Cues
from treatydiff.provisions.cues_en import EN
from treatydiff.provisions.cues_ru import RU
from treatydiff.vocabulary import language_code, languages_in

__all__ = ["CUES", "languages", "polarity", "sentences"]

CUES: dict[str, Cues] = {"en": EN, "ru": RU}

# Tokens after which a period does not end a sentence ("Art. 51", "п. 2").
_ABBREVIATIONS = frozenset(
    [
        "art",
        "arts",
        "no",
        "nos",
        "para",
        "paras",
        "p",
        "pp",
        "cf",
        "vol",
        "e.g",
        "i.e",
        "u.n",
        "etc",
        "ст",
        "п",
        "пп",
        "ч",
        "г",
        "гг",
        "т",
        "см",
        "им",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"'»”)]*(?=\s)")
_LAST_TOKEN = re.compile(r"([\w.]+)$")
_ADJACENT = re.compile(r"\W*(?:\w+\W+)?")
_INSIDE_NEGATION = re.compile(
    r"\b(?:not|no|never|den(?:y|ies|ying)|refus\w+|withh\w+"
    r"|не|ни(?:как\w*|чего|чем|кто|когда)?|отказ\w*)\b",
    re.IGNORECASE,
)


def _last_token(text: str, end: int) -> str:
    """The run of word characters and periods that ends ``text[:end]``, lowered.

    Searched in a window that widens only while the run fills it, so a long
    text is not rescanned from its start at every boundary.
    """
    width = 32
    while True:
        pos = max(0, end - width)
        token = _LAST_TOKEN.search(text, pos, end)
        if token is None or token.start() > pos or pos == 0:
            return token.group(1).lower() if token else ""
        width *= 4


@lru_cache(maxsize=1024)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence; line breaks never end one (cached:
    the classifier and the strength of each label read them)."""
    return tuple(_sentences(text))


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = _last_token(text, m.start())
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        yield start, m.end()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def languages(text: str, lang: str | None) -> tuple[str, ...]:
    """The cue languages to apply: ``lang`` if given, else those detected by
    :func:`~treatydiff.vocabulary.languages_in` that have cues.

    Latin-script text counts as English only with an English function word;
    text in neither language gets no cue set at all.
    """
    if lang is not None:
        if not isinstance(lang, str):
            raise InvalidArgument(f"lang must be a string, not {type(lang).__name__}")
        return _given(lang)
    return _detected(text)


@lru_cache(maxsize=64)
def _given(lang: str) -> tuple[str, ...]:
    """The cue language of tag ``lang`` (cached: every sentence asks)."""
    code = language_code(lang)
    if code not in CUES:
        raise InvalidArgument(f"unsupported language {lang!r} (use 'en' or 'ru')")
    return (code,)


@lru_cache(maxsize=1024)
def _detected(text: str) -> tuple[str, ...]:
    return tuple(code for code in languages_in(text) if code in CUES)


def polarity(sentence: str, start: int, end: int, cues: Cues) -> str:
    """Modality of the cue at ``sentence[start:end]``.

    ``"pos"`` (shall, undertake, a bare present), ``"perm"`` (may), ``"neg"``
    (shall not, refrain from) or ``"disclaimed"`` (nothing shall be construed
    as ..., or left to a party's discretion). The governing marker is a
    negation inside the cue or bound to it, else the last marker in the cue's
    clause (semicolons bound clauses), unless a negation just before that
    marker scopes over it ("refrains from agreeing to").
    """
    clause_start = sentence.rfind(";", 0, start) + 1
    clause = sentence[clause_start:start]
    if cues.disclaimer.search(clause) or cues.discretion.search(
        sentence, clause_start, end + 4
    ):
        return "disclaimed"
    if _INSIDE_NEGATION.search(sentence, start, end):
        return "neg"
    if cues.near_negation.search(clause):
        return "neg"
    markers = list(cues.markers.finditer(clause))
    if not markers:
        return "pos"
    last = markers[-1]
    if (
        len(markers) > 1
        and markers[-2].group("neg")
        and _ADJACENT.fullmatch(clause, markers[-2].end(), last.start())
    ):
        return "neg"  # "refrains from agreeing to", "undertakes not to agree"
    return "neg" if last.group("neg") else "perm" if last.group("perm") else "pos"
