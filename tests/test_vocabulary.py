"""The one vocabulary: every keyword of the table reaches every reader."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff.formats.akn.reader import read_akn
from treatydiff.formats.htmlpage import extract_text
from treatydiff.formats.plaintext.parser import parse
from treatydiff.formats.plaintext.writer import to_text
from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.provisions.sentences import languages
from treatydiff.vocabulary import (
    LANGUAGES,
    int_to_roman,
    language_code,
    languages_in,
    main_language,
    number_value,
    roman_to_int,
)
from treatydiff.vocabulary.detection import _letter_counts

_AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_CASES = [
    pytest.param(lang, word, id=f"{lang.code}-{word}")
    for lang in LANGUAGES.values()
    for word in lang.article_keywords
]
_DIVISIONS = [
    pytest.param(lang, d, id=f"{lang.code}-{d.word}")
    for lang in LANGUAGES.values()
    for d in lang.divisions
]
_BODY = {"en": "The Parties shall consult.", "ru": "Стороны проводят консультации."}


@pytest.mark.parametrize(("lang", "word"), _CASES)
@pytest.mark.parametrize("upper", [False, True])
def test_every_article_keyword_starts_an_article(lang, word, upper) -> None:
    keyword = word.upper() if upper else word
    body = _BODY[lang.code]
    t = parse(f"{keyword} 1\n{body}\n\n{keyword} 2\n{body}\n")
    assert [a.ref for a in t.articles] == ["1", "2"]


@pytest.mark.parametrize(("lang", "word"), _CASES)
@pytest.mark.parametrize("upper", [False, True])
def test_akn_strips_every_article_keyword(lang, word, upper) -> None:
    keyword = word.upper() if upper else word.lower()
    data = (
        f'<akomaNtoso xmlns="{_AKN_NS}"><act><meta/><body>'
        f'<article eId="a"><num>{keyword} 5</num><content><p>Text.</p></content>'
        "</article></body></act></akomaNtoso>"
    ).encode()
    assert read_akn(data).articles[0].ref == "5"


@pytest.mark.parametrize(("lang", "division"), _DIVISIONS)
@pytest.mark.parametrize("upper", [False, True])
def test_every_division_keyword_opens_a_division(lang, division, upper) -> None:
    keyword = division.word.upper() if upper else division.word
    article = lang.article_words[0]
    body = _BODY[lang.code]
    t = parse(f"{keyword} I\nGeneral\n\n{article} 1\n{body}\n")
    assert [(d.kind, d.num) for d in t.divisions] == [(division.kind, "I")]
    data = (
        f'<akomaNtoso xmlns="{_AKN_NS}"><act><meta/><body>'
        f'<chapter eId="c"><num>{keyword.lower()} II</num>'
        f'<article eId="a"><num>1</num><content><p>Text.</p></content></article>'
        "</chapter></body></act></akomaNtoso>"
    ).encode()
    assert read_akn(data).divisions[0].num == "II"


@pytest.mark.parametrize("lang", LANGUAGES.values(), ids=list(LANGUAGES))
def test_a_web_page_keeps_a_block_of_article_headings(lang) -> None:
    """A "menu" block holding article headings (full words, any language) is
    the treaty, not chrome."""
    heads = "".join(
        f"<p>{v} {n}</p><p>Kept {n}.</p>"
        for word in lang.article_words
        for n, v in enumerate((word, word.upper()), 1)
    )
    page = f'<html><body><div class="menu">{heads}</div></body></html>'
    assert "Kept 2." in extract_text(page)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One", 1),
        ("TWENTY-ONE", 21),
        ("twenty one", 21),
        ("ninety", 90),
        ("twenty twenty", None),
        ("первая", 1),
        ("четвёртая", 4),
        ("Двадцать Первая", 21),
        ("сто двадцать третьей", 123),
        ("двадцать", 20),  # a stem and its ending, as ordinals are read
        ("двадцать девятнадцатая", None),
        ("XII", None),
    ],
)
def test_number_words(text: str, value: int | None) -> None:
    assert number_value(text) == value


def test_number_words_in_headings() -> None:
    t = parse("CHAPTER TWENTY-ONE\nFinal\n\nArticle One\nIt ends.\n")
    assert [(d.num, a.ref) for d in t.divisions for a in t.articles] == [
        ("TWENTY-ONE", "1")
    ]
    ru = parse("ГЛАВА ДВАДЦАТЬ ПЕРВАЯ\n\nСтатья двадцать первая\nСтороны.\n")
    assert [a.ref for a in ru.articles] == ["21"]
    assert ru.divisions[0].num == "ДВАДЦАТЬ ПЕРВАЯ"


@pytest.mark.parametrize("value", range(1, 400))
def test_roman_numerals_both_ways(value: int) -> None:
    assert roman_to_int(int_to_roman(value)) == value
    assert roman_to_int(int_to_roman(value).upper()) == value


def test_one_detector() -> None:
    assert main_language("Статья 1. Стороны") == "ru"
    assert main_language("Article 1") == main_language("") == "en"
    assert languages_in("Latin letters alone") == ()
    assert languages_in("The Parties. Стороны.") == ("en", "ru")
    assert languages("Стороны", None) == languages_in("Стороны") == ("ru",)
    assert language_code("en-GB") == language_code("eng") == "en"


def test_the_writer_uses_the_table() -> None:
    t = Treaty(
        id="t",
        lang="ru",
        articles=[Article(num="1", paragraphs=[Paragraph(text="Текст.")])],
    )
    assert to_text(t).startswith(f"{LANGUAGES['ru'].article_words[0]} 1\n")


@given(st.text(alphabet=st.sampled_from("aZ ёЖ Ѐӿ1.-\n\xa0é")) | st.text())
def test_letters_are_counted_one_by_one(text):
    # Letters are counted by runs: the counts must be those of the letters
    # taken one by one.
    counts = _letter_counts(text)
    for code, lang in LANGUAGES.items():
        assert counts[code] == len(re.findall(f"[{lang.letters}]", text))
