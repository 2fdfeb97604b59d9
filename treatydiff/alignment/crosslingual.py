"""Cross-language similarity: clauses of treaties in different languages
compared through shared concepts, numbers, dates and named instruments.

Each clause becomes a string of language-neutral tokens — lexicon concepts
(:mod:`treatydiff.vocabulary.concepts`), numbers as ``n51``, months as
``m3`` — so the ordinary scorers and the pairwise alignment work on it
unchanged. Words the lexicon does not know are left out.

>>> concept_words("in accordance with Article 51 of the Charter of the United Nations")
'conformity article_51 n51 charter united_nations united_nations'
>>> concept_words("в соответствии со статьей 51 Устава Организации Объединенных Наций")
'conformity article_51 n51 charter organisation united_nations united_nations'
>>> concept_words("signed on 12 March 2024; the Parties may consult")
'signature n12 m3 n2024 party consultation'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from treatydiff.alignment.normalise import normalize
from treatydiff.model.treaty import Treaty
from treatydiff.vocabulary import main_language, number_value
from treatydiff.vocabulary.concepts import concept_of, month_of

__all__ = ["concept_words", "languages_differ", "treaty_language"]

_DIGITS_RE = re.compile(r"\d+")


def _token(words: Sequence[str], k: int) -> str | None:
    word = words[k]
    if _DIGITS_RE.fullmatch(word):
        return f"n{int(word)}"
    month = month_of(word)
    if month is not None and _DIGITS_RE.fullmatch(_around(words, k)):
        return f"m{month}"
    concept = concept_of(word)
    if concept is not None:
        return concept
    # "one" (of the Parties) has no number word in the other language
    value = number_value(word) if len(word) > 2 else None
    return None if value is None or value == 1 else f"n{value}"


def _around(words: Sequence[str], k: int) -> str:
    """The neighbouring words of ``words[k]`` run together ("12" or "2024")."""
    before = words[k - 1] if k else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return before if _DIGITS_RE.fullmatch(before) else after


def concept_words(text: str) -> str:
    """The language-neutral tokens of ``text``: a processor ``str -> str``.

    A month name counts only beside a number ("12 March", "May 2024").
    """
    words = normalize(text).split()
    tokens = (_token(words, k) for k in range(len(words)))
    return " ".join(t for t in tokens if t is not None)


def treaty_language(treaty: Treaty) -> str:
    """The treaty's declared language, else the one detected in its articles."""
    if treaty.lang:
        return treaty.lang.split("-")[0].casefold()
    return main_language(" ".join(a.text for a in treaty.articles[:40]))


def languages_differ(treaties: Sequence[Treaty]) -> bool:
    """Whether ``treaties`` are written in more than one language."""
    return len({treaty_language(t) for t in treaties}) > 1
