"""Numbers as printed → stable refs (``"IV"`` → ``"4"``, ``"первая"`` → ``"1"``).

>>> [num_to_ref(n) for n in ("4", "IV", "xii", "первая", "двадцать третья", "5 bis")]
['4', '4', '12', '1', '23', '5bis']
"""

from __future__ import annotations

import re

__all__ = ["ROMAN_RE", "num_to_ref", "roman_to_int", "russian_ordinal_to_int"]

ROMAN_RE = re.compile(
    r"^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Stems of Russian ordinal numerals (any gender and case ending follows).
_RU_UNITS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
}
_RU_TEENS = {
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
}
_RU_TENS_ORD = {
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
# Cardinal tens that start a compound ordinal ("двадцать первая").
_RU_TENS_CARD = {
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


def roman_to_int(text: str) -> int | None:
    """The value of an upper- or lower-case Roman numeral, or ``None``."""
    upper = text.upper()
    if not upper or not ROMAN_RE.match(upper):
        return None
    total = 0
    for char, following in zip(upper, [*upper[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if following and _ROMAN[following] > value else value
    return total


def _ordinal_word(word: str) -> int | None:
    # Longest stems first so "девятнадцат" wins over "девят".
    for table in (_RU_TEENS, _RU_TENS_ORD, _RU_UNITS):
        for stem, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
            if word.startswith(stem) and len(word) - len(stem) <= 3:
                return value
    return None


def russian_ordinal_to_int(text: str) -> int | None:
    """The value of a Russian ordinal such as ``"двадцать первая"``, or ``None``."""
    words = text.lower().replace("ё", "е").split()
    if not words or len(words) > 3:
        return None
    total = 0
    for word in words[:-1]:
        if word not in _RU_TENS_CARD:
            return None
        total += _RU_TENS_CARD[word]
    last = _ordinal_word(words[-1])
    if last is None:
        return None
    return total + last


def num_to_ref(num: str) -> str:
    """Normalise an article or paragraph number as printed into a ref part."""
    cleaned = num.strip().strip(".:)(").strip()
    if cleaned.isdigit():
        return str(int(cleaned))
    value = roman_to_int(cleaned)
    if value is None:
        value = russian_ordinal_to_int(cleaned)
    if value is not None:
        return str(value)
    return re.sub(r"\s+", "", cleaned).lower()
