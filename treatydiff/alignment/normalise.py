"""Text normalisation for alignment: processors ``str -> str``.

Every public function here takes and returns a plain string, so each one
drops into rapidfuzz as ``processor=``:

>>> normalize("Article 5\\n1. The  PARTIES shall (a) co-operate.")
'the parties shall co operate'
>>> stem_words("The Parties shall promptly notify changes")
'the party shall prompt notify change'
>>> stem_words("Договаривающиеся Стороны оказывают помощь")
'договаривающ сторон оказыва помощ'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from treatydiff.vocabulary import alternation, article_keywords, division_words

__all__ = ["normalize", "stem", "stem_words", "tokens"]

# Numbering and headings a parser may leave inside clause text: "Article 5",
# "Статья 5", "Chapter II", "1.", "2)", "(a)", "б)", at the start of a line.
_HEADING_WORDS = alternation([*article_keywords(), *(d.word for d in division_words())])
_HEADING_RE = re.compile(
    rf"^\s*(?:{_HEADING_WORDS})"
    r"\s+[\w.]+\s*[.:\-–—]?",
    re.IGNORECASE | re.MULTILINE,
)
_NUMBERING_RE = re.compile(
    r"^\s*(?:\(?\d+(?:\.\d+)*[.)]|\(\w{1,4}\)|[a-zа-я]\))\s*",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_RE = re.compile(r"\((?:[a-zа-я]|[ivx]{1,4}|\d{1,3})\)", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")
_CYRILLIC_RE = re.compile(r"[а-я]")
# Every ASCII byte that is not a letter or digit (``_`` too) as a space.
_ASCII_NON_WORD = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))

# Light stemming: cut one common inflectional ending, keep a stem of >= 3 letters.
_EN_RULES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("xes", "x"),
    ("ing", ""),
    ("ed", ""),
    ("ly", ""),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("s", ""),
)
_RU_REFLEXIVE = ("ся", "сь")
_RU_ENDINGS_TEXT = """
    иями ями ами иях ях ах ием ьем ией ому ему ого его ыми ими ешь ишь ете
    ите ут ют ат ят ет ит ем им ая яя ое ее ые ие ый ий ой ей
    ую юю ов ев ом ам ям ия ии ию ть ти а я о е ы и у ю ь й
"""
_RU_ENDINGS: tuple[str, ...] = tuple(
    sorted(_RU_ENDINGS_TEXT.split(), key=len, reverse=True)
)


def normalize(text: str) -> str:
    """NFKC, casefold, ``ё`` → ``е``; numbering and heading words stripped;
    punctuation dropped; words single-spaced."""
    text = unicodedata.normalize("NFKC", text)
    text = _HEADING_RE.sub(" ", text)
    text = _NUMBERING_RE.sub(" ", text)
    text = _LABEL_RE.sub(" ", text)
    return _words(text.casefold().replace("ё", "е"))


def _words(text: str) -> str:
    """The runs of letters and digits of ``text``, single-spaced."""
    if text.isascii():  # the same runs, in three C passes over the text
        return " ".join(text.encode().translate(_ASCII_NON_WORD).decode().split())
    return " ".join(_WORD_RE.findall(text.replace("_", " ")))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem of one casefolded word (English or Russian by its letters)."""
    if _CYRILLIC_RE.search(word):
        return _stem_ru(word)
    return _stem_en(word)


def _stem_en(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for ending, replacement in _EN_RULES:
        if word.endswith(ending):
            stemmed = word[: -len(ending)] + replacement
            return stemmed if len(stemmed) >= 3 else word
    return word


def _stem_ru(word: str) -> str:
    for ending in _RU_REFLEXIVE:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def tokens(text: str) -> list[str]:
    """Normalised, stemmed words of ``text`` (the last texts read are kept:
    a treaty compared with several others is read once)."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(map(stem, normalize(text).split()))


def stem_words(text: str) -> str:
    """:func:`normalize` then :func:`stem` every word: the default processor."""
    return " ".join(tokens(text))
