"""The table of languages, keyed by code, and the lookups every reader shares.

A third language is one more :class:`~treatydiff.vocabulary.language.Language`
in :data:`LANGUAGES`; readers take their keywords from here.

>>> language_of("ARTICLE").code, language_of("Глава").code, number_value("XII")
('en', 'ru', None)
>>> number_value("Twenty-one"), number_value("сто первая")
(21, 101)
"""

from __future__ import annotations

from collections.abc import Mapping

from treatydiff.vocabulary.english import ENGLISH
from treatydiff.vocabulary.language import DivisionWord, Language
from treatydiff.vocabulary.russian import RUSSIAN

__all__ = [
    "LANGUAGES",
    "LOOKALIKE_LETTERS",
    "OTHER_CLOSING_PHRASES",
    "OTHER_SIGNATURE_WORDS",
    "SIGNATURE_ARTICLES",
    "article_keywords",
    "division_words",
    "fold_lookalikes",
    "language_code",
    "language_of",
    "letters",
    "number_value",
]

#: Every language the readers know, in order of preference on a tie.
LANGUAGES: Mapping[str, Language] = {lang.code: lang for lang in (ENGLISH, RUSSIAN)}

#: Closing formulas of other language versions printed after the last article
#: of an English or Russian text: the European Union's agreements close with
#: "Done at ..." and "In witness whereof" in every language, in protocol order
#: (Bulgarian and Spanish before English), so the closing may start with one.
OTHER_CLOSING_PHRASES: tuple[str, ...] = (
    "Съставено в",
    "В уверение на което",
    "Hecho en",
    "En fe de lo cual",
    "Udfærdiget i",
    "Til bekræftelse heraf",
    "Geschehen zu",
    "Zu Urkund dessen",
    "Fait à",
    "En foi de quoi",
    "Fatto a",
    "In fede di che",
    "Gedaan te",
    "Ten blijke waarvan",
    "Feito em",
    "Em fé do que",
)

#: Words that open a signature line in other language versions, and the
#: articles that may follow them: the European Union's agreements are signed
#: under every language's formula, in protocol order ("Voor het Koninkrijk
#: België", "Pour le Royaume de Belgique", "Für das Königreich Belgien"), so
#: the signature blocks after the last article may open with one.
OTHER_SIGNATURE_WORDS: tuple[str, ...] = (
    "Voor",
    "Pour",
    "Für",
    "Por",
    "Per",
    "Pela",
    "Pelo",
    "För",
    "Za",
    "Pentru",
    "Για",
)
#: Articles after a signature word, before the party's name ("the", "het").
SIGNATURE_ARTICLES: tuple[str, ...] = (
    "the",
    "het",
    "de",
    "le",
    "la",
    "les",
    "die",
    "das",
    "den",
    "der",
    "el",
    "il",
    "lo",
    "την",
    "τη",
    "το",
)


def article_keywords(*, abbreviations: bool = True) -> tuple[str, ...]:
    """Every language's article words (and abbreviations), as written."""
    return tuple(
        word
        for lang in LANGUAGES.values()
        for word in (lang.article_keywords if abbreviations else lang.article_words)
    )


def division_words() -> tuple[DivisionWord, ...]:
    """Every language's division keywords."""
    return tuple(d for lang in LANGUAGES.values() for d in lang.divisions)


#: Cyrillic letters that look like Latin ones, as typed on a Latin keyboard
#: (point labels: Russian ``а)`` is found as ``a``).
LOOKALIKE_LETTERS = str.maketrans("авсеорхукмтн", "abceopxykmth")


def fold_lookalikes(label: str) -> str:
    """``label`` with Cyrillic look-alike letters as their Latin twins, casefolded.

    >>> fold_lookalikes("а") == fold_lookalikes("A")
    True
    """
    return label.casefold().translate(LOOKALIKE_LETTERS)


def letters() -> str:
    """A regex character-class body holding the letters of every language."""
    return "".join(lang.letters for lang in LANGUAGES.values())


def _keyword_languages() -> dict[str, Language]:
    by_word: dict[str, Language] = {}
    for lang in reversed(list(LANGUAGES.values())):  # the first wins a shared word
        for word in (*lang.article_keywords, *(d.word for d in lang.divisions)):
            by_word[word.casefold()] = lang
    return by_word


_BY_KEYWORD = _keyword_languages()


def language_of(keyword: str) -> Language:
    """The language of an article or division keyword as printed (any case)."""
    return _BY_KEYWORD[keyword.casefold()]


def number_value(text: str) -> int | None:
    """The value of a number in words in any language, or ``None``."""
    for lang in LANGUAGES.values():
        value = lang.number_value(text)
        if value is not None:
            return value
    return None


def language_code(lang: str) -> str:
    """A language tag as a table code: ``"en-GB"`` and ``"eng"`` → ``"en"``.

    A tag of a language not in the table comes back as its lower-case
    primary subtag.
    """
    primary = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    for entry in LANGUAGES.values():
        if primary == entry.code3:
            return entry.code
    return primary
