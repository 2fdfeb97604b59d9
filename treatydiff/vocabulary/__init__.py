"""The one vocabulary: structure words by language, number words, Roman numerals,
and the language detector. Every reader takes its keywords from here.

>>> int_to_roman(14), roman_to_int("xiv"), number_value("первая")
('xiv', 14, 1)
"""

from __future__ import annotations

from treatydiff.vocabulary.detection import languages_in, main_language
from treatydiff.vocabulary.english import ENGLISH
from treatydiff.vocabulary.language import (
    DivisionWord,
    Language,
    alternation,
    cased,
    word_list,
)
from treatydiff.vocabulary.numerals import (
    INSERTED_WORDS,
    SUPERSCRIPT_DIGITS,
    from_superscript,
    int_to_roman,
    roman_to_int,
)
from treatydiff.vocabulary.russian import RUSSIAN
from treatydiff.vocabulary.table import (
    LANGUAGES,
    LOOKALIKE_LETTERS,
    OTHER_CLOSING_PHRASES,
    OTHER_SIGNATURE_WORDS,
    SIGNATURE_ARTICLES,
    article_keywords,
    division_words,
    fold_lookalikes,
    language_code,
    language_of,
    letters,
    number_value,
)

__all__ = [
    "ENGLISH",
    "INSERTED_WORDS",
    "LANGUAGES",
    "LOOKALIKE_LETTERS",
    "OTHER_CLOSING_PHRASES",
    "OTHER_SIGNATURE_WORDS",
    "RUSSIAN",
    "SIGNATURE_ARTICLES",
    "SUPERSCRIPT_DIGITS",
    "DivisionWord",
    "Language",
    "alternation",
    "article_keywords",
    "cased",
    "division_words",
    "fold_lookalikes",
    "from_superscript",
    "int_to_roman",
    "language_code",
    "language_of",
    "languages_in",
    "letters",
    "main_language",
    "number_value",
    "roman_to_int",
    "word_list",
]
