"""Helpers shared by the text readers: literal word lists and Roman numerals.

>>> word_list("nav aside"), int_to_roman(14)
(('nav', 'aside'), 'xiv')
"""

from __future__ import annotations

__all__ = ["int_to_roman", "word_list"]


def word_list(text: str) -> tuple[str, ...]:
    """The space-separated words of a literal word list, in order."""
    return tuple(text.split())


_ROMANS = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        word_list("m cm d cd c xc l xl x ix v iv i"),
        strict=True,
    )
)


def int_to_roman(value: int) -> str:
    """``value`` in lower-case Roman numerals: 4 → ``"iv"``, 0 → ``""``."""
    out = []
    for size, numeral in _ROMANS:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)
