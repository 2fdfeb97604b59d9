"""One language's structure words (:class:`Language`) and regex helpers for them.

A :class:`Language` holds the keywords of headings (articles, divisions),
closing formulas, number words and the letters of its script; the readers
build their patterns from these tables and never spell a keyword themselves.

>>> from treatydiff.vocabulary.russian import RUSSIAN as RU
>>> RU.number_value("двадцать первая"), RU.number_value("двадцать девятнадцатая")
(21, None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["DivisionWord", "Language", "alternation", "cased", "word_list"]


def word_list(text: str) -> tuple[str, ...]:
    """The space-separated words of a literal word list, in order."""
    return tuple(text.split())


def cased(word: str) -> tuple[str, ...]:
    """A keyword as written (``"Article"``) and in capitals (``"ARTICLE"``)."""
    return tuple(dict.fromkeys((word, word.upper())))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique)


@attrs.frozen
class DivisionWord:
    """A division keyword, the model kind it opens and its rank (0 outermost)."""

    word: str
    kind: str
    level: int


def _mapping(items: Mapping[str, int]) -> Mapping[str, int]:
    return dict(items)


def _divisions(items: Iterable[DivisionWord]) -> tuple[DivisionWord, ...]:
    return tuple(items)


def _words(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _names(items: Mapping[str, str]) -> Mapping[str, str]:
    return dict(items)


@attrs.frozen(kw_only=True)
class Language:
    """The structure words of one language, keyed by its ISO 639-1 ``code``.

    ``article_words`` are the words an article heading opens with
    (``Article``); ``article_abbreviations`` are their short forms (``Art.``),
    which the plain-text parser and the Akoma Ntoso reader accept but a web
    page's heading count does not (they mostly mark references). Keywords are
    written as in a title; capitals are accepted too. ``written_divisions``
    names the keyword the writer uses for a kind this language has no word
    of its own for. A number in words is an optional run of ``tens`` (exact
    words, each smaller than the place of the one before) and a final word
    from ``numbers``, which may carry up to ``number_ending`` more letters
    (an inflected ordinal stem). ``function_words``, if any, are needed
    before text in this script counts as this language. ``signature_words``
    open a signature line (``For the Government of ...: A. Name``), which is
    never a heading. ``annex_words`` head the annexes and protocols that may
    follow the last article (``ANNEX I``, ``Protocol No 2``).
    """

    code: str
    code3: str
    letters: str
    article_words: tuple[str, ...] = attrs.field(converter=_words)
    article_abbreviations: tuple[str, ...] = attrs.field(converter=_words)
    divisions: tuple[DivisionWord, ...] = attrs.field(converter=_divisions)
    written_divisions: Mapping[str, str] = attrs.field(factory=dict, converter=_names)
    closing_phrases: tuple[str, ...] = attrs.field(converter=_words)
    tens: Mapping[str, int] = attrs.field(converter=_mapping)
    numbers: Mapping[str, int] = attrs.field(converter=_mapping)
    number_ending: int = 0
    function_words: tuple[str, ...] = attrs.field(default=(), converter=_words)
    point_label: str = "({})"
    signature_words: tuple[str, ...] = attrs.field(default=(), converter=_words)
    annex_words: tuple[str, ...] = attrs.field(default=(), converter=_words)
    stems: tuple[str, ...] = attrs.field(init=False, repr=False)
    function_words_re: re.Pattern[str] | None = attrs.field(
        init=False, repr=False, eq=False
    )

    @stems.default
    def _stems_longest_first(self) -> tuple[str, ...]:
        # Longest first so "девятнадцат" wins over "девят".
        return tuple(sorted(self.numbers, key=len, reverse=True))

    @function_words_re.default
    def _function_words_pattern(self) -> re.Pattern[str] | None:
        if not self.function_words:
            return None
        words = alternation(self.function_words)
        return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)

    @property
    def article_keywords(self) -> tuple[str, ...]:
        """Article words and their abbreviations, as written."""
        return self.article_words + self.article_abbreviations

    def division_word(self, kind: str) -> str | None:
        """The keyword a writer uses for a division ``kind``, or ``None``."""
        if kind in self.written_divisions:
            return self.written_divisions[kind]
        return next((d.word for d in self.divisions if d.kind == kind), None)

    def _number_word(self, word: str) -> int | None:
        if word in self.numbers:
            return self.numbers[word]
        if not self.number_ending:
            return None
        for stem in self.stems:
            if word.startswith(stem) and len(word) - len(stem) <= self.number_ending:
                return self.numbers[stem]
        return None

    def number_value(self, text: str) -> int | None:
        """The value of a number in words (``"Twenty-one"``), or ``None``."""
        words = re.split(r"[-\s]+", text.strip().lower())
        if not words[0]:
            return None
        total, place = 0, None
        for word in words[:-1]:
            value = self.tens.get(word)
            if value is None or (place is not None and value >= place):
                return None
            total += value
            place = 10 ** (len(str(value)) - 1)
        last = self._number_word(words[-1])
        if last is None or (place is not None and last >= place):
            return None
        return total + last
