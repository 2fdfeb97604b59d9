"""English structure words: headings, closing formulas, numbers in words."""

from __future__ import annotations

from treatydiff.vocabulary.language import DivisionWord, Language, word_list

__all__ = ["ENGLISH"]

_UNITS = word_list(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = word_list("twenty thirty forty fifty sixty seventy eighty ninety")
_TEN_VALUES = {word: 10 * (i + 2) for i, word in enumerate(_TENS)}

ENGLISH = Language(
    code="en",
    code3="eng",
    letters="A-Za-z",
    article_words=["Article"],
    article_abbreviations=["Art."],
    divisions=[
        DivisionWord("Book", "book", 0),
        DivisionWord("Part", "part", 1),
        DivisionWord("Title", "title", 2),
        DivisionWord("Chapter", "chapter", 4),
        DivisionWord("Section", "section", 5),
    ],
    closing_phrases=[
        "Done at",
        "Done in",
        "Done on",
        "Signed at",
        "Signed in",
        "Made in the city of",
        "Made at",
        "Drawn up at",
        "Drawn up in",
        "Executed at",
        "Executed in",
        "Performed at",
        "Performed in",
        "In witness whereof",
        "In faith whereof",
        "In confirmation whereof",
        "In confirmation of which",
    ],
    tens=_TEN_VALUES,
    numbers={**{word: i + 1 for i, word in enumerate(_UNITS)}, **_TEN_VALUES},
    function_words=word_list(
        "the of and shall to which with each by this or for be is are any other "
        "party parties state will not"
    ),
    signature_words=["For"],
    annex_words=["Annex", "Protocol", "Appendix"],
)
