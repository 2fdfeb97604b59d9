"""Numerals: Roman both ways (``14`` ↔ ``"xiv"``), superscript digits, and the
Latin words that number an inserted article (``5 bis``, ``5 ter``).

>>> int_to_roman(14), roman_to_int("XIV"), roman_to_int("IIII")
('xiv', 14, None)
>>> from_superscript("¹²"), INSERTED_WORDS[:2]
('12', ('bis', 'ter'))
"""

from __future__ import annotations

import re

__all__ = [
    "INSERTED_WORDS",
    "SUPERSCRIPT_DIGITS",
    "from_superscript",
    "int_to_roman",
    "roman_to_int",
]

#: Latin multiplicatives that number an article inserted after another
#: (``Article 5 bis`` follows ``Article 5``), in order.
INSERTED_WORDS = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "nonies",
    "decies",
)
#: Superscript digits, as in ``Статья 12¹`` (article 12 with a first insert).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_ROMAN_RE = re.compile(
    r"^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$"
)
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def int_to_roman(value: int) -> str:
    """``value`` in lower-case Roman numerals: 4 → ``"iv"``, 0 → ``""``."""
    out = []
    for size, numeral in _NUMERALS:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def roman_to_int(text: str) -> int | None:
    """The value of an upper- or lower-case Roman numeral, or ``None``."""
    upper = text.upper()
    if not upper or not _ROMAN_RE.match(upper):
        return None
    total = 0
    for char, following in zip(upper, [*upper[1:], ""], strict=True):
        value = _VALUES[char]
        total += -value if following and _VALUES[following] > value else value
    return total


def from_superscript(text: str) -> str:
    """``text`` with superscript digits written as plain digits."""
    return text.translate(_FROM_SUPERSCRIPT)
