"""The one language detector: which table languages a text is written in.

Letters are counted by each language's script; a language that lists
function words also needs one of them (Latin script alone is not English).

>>> main_language("Статья 1. Стороны"), main_language("Article 1")
('ru', 'en')
>>> languages_in("The Parties shall consult. Стороны консультируются.")
('en', 'ru')
"""

from __future__ import annotations

import re
from functools import cache

from treatydiff.vocabulary.table import LANGUAGES

__all__ = ["languages_in", "main_language"]


@cache
def _letters_re(letters: str) -> re.Pattern[str]:
    """Runs of the ``letters`` (a character class): their lengths add up to
    the number of letters, with an object per word rather than per letter."""
    return re.compile(f"[{letters}]+")


def _letter_counts(text: str) -> dict[str, int]:
    return {
        code: sum(map(len, _letters_re(lang.letters).findall(text)))
        for code, lang in LANGUAGES.items()
    }


def main_language(text: str) -> str:
    """The language with most letters in the first 10,000 characters.

    On a tie (or no letters at all) the first language of the table wins.
    """
    counts = _letter_counts(text[:10_000])
    return max(counts, key=counts.__getitem__)


def languages_in(text: str, *, share: float = 0.2) -> tuple[str, ...]:
    """The languages with at least ``share`` of the text's letters, in table order.

    A language with function words counts only when one of them occurs.
    """
    counts = _letter_counts(text)
    total = sum(counts.values())
    found = []
    for code, count in counts.items():
        if not total or count < share * total:
            continue
        pattern = LANGUAGES[code].function_words_re
        if pattern is None or pattern.search(text):
            found.append(code)
    return tuple(found)
