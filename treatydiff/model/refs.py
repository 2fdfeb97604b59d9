"""Numbers as printed → stable refs (``"IV"`` → ``"4"``, ``"первая"`` → ``"1"``).

>>> [num_to_ref(n) for n in ("4", "IV", "xii", "первая", "двадцать третья", "5 bis")]
['4', '4', '12', '1', '23', '5bis']
>>> [num_to_ref(n) for n in ("9a", "74B", "5 BIS", "12.1", "12¹", "12-1")]
['9a', '74b', '5bis', '12.1', '12.1', '12-1']
"""

from __future__ import annotations

import re
import unicodedata

from treatydiff.vocabulary import (
    SUPERSCRIPT_DIGITS,
    from_superscript,
    number_value,
    roman_to_int,
)

__all__ = ["num_to_ref"]

# "12¹": article 12 with a first insert, the ref "12.1".
_SUPERSCRIPT_RE = re.compile(rf"(\d)([{SUPERSCRIPT_DIGITS}]+)$")


def num_to_ref(num: str) -> str:
    """Normalise an article or paragraph number as printed into a ref part."""
    cleaned = num.strip().strip(".:)(").strip()
    cleaned = _SUPERSCRIPT_RE.sub(
        lambda m: f"{m.group(1)}.{from_superscript(m.group(2))}", cleaned
    )
    if cleaned.isdecimal():  # any script's digits; no int(): any length
        return "".join(str(unicodedata.decimal(c)) for c in cleaned).lstrip("0") or "0"
    value = roman_to_int(cleaned)
    if value is None:
        value = number_value(cleaned)
    if value is not None:
        return str(value)
    return re.sub(r"\s+", "", cleaned).lower()
