"""Russian structure words: headings, closing formulas, ordinal numbers in words."""

from __future__ import annotations

from treatydiff.vocabulary.language import DivisionWord, Language

__all__ = ["RUSSIAN"]

# Cardinal tens that open a compound ordinal ("двадцать первая").
_TENS = {
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
}
# Stems of ordinal numerals; any gender and case ending (up to 3 letters) follows.
_ORDINALS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "четвёрт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "двадцат": 20,
    "тридцат": 30,
    "сороков": 40,
    "пятидесят": 50,
    "шестидесят": 60,
    "семидесят": 70,
    "восьмидесят": 80,
    "девяност": 90,
    "сот": 100,
}

RUSSIAN = Language(
    code="ru",
    code3="rus",
    letters="\u0400-\u04ff",
    article_words=["Статья"],
    article_abbreviations=["Ст."],
    divisions=[
        DivisionWord("Книга", "book", 0),
        DivisionWord("Часть", "part", 1),
        DivisionWord("Раздел", "section", 2),
        DivisionWord("Подраздел", "subsection", 3),
        DivisionWord("Глава", "chapter", 4),
        DivisionWord("Параграф", "subchapter", 5),
    ],
    written_divisions={"title": "Раздел"},
    closing_phrases=[
        "Совершено в",
        "Совершено во",
        "В удостоверение чего",
        "В подтверждение чего",
    ],
    tens=_TENS,
    numbers=_ORDINALS,
    number_ending=3,
    point_label="{})",
    signature_words=["За"],
    annex_words=["Приложение", "Протокол"],
)
