"""Plain-text parsing: golden fixtures, look-alike headings, errors, round trips.

Golden pairs live in ``tests/fixtures/parse``: ``<case>.txt`` is a treaty as
published (invented wording), ``<case>.json`` its expected structure. After a
deliberate parser change, rewrite the JSON with
``TREATYDIFF_REGEN=1 pytest tests/test_parse.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff import ParseError, Treaty
from treatydiff.formats.plaintext.parser import parse
from treatydiff.formats.plaintext.recognisers import ocr_closing
from treatydiff.formats.plaintext.writer import to_text
from treatydiff.formats.treatyjson import division_to_dict
from treatydiff.strategies import treaties
from treatydiff.vocabulary import LANGUAGES, OTHER_CLOSING_PHRASES

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
_OCR_PHRASES = [
    *(p for lang in LANGUAGES.values() for p in lang.closing_phrases),
    *OTHER_CLOSING_PHRASES,
]
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def structure(treaty: Treaty) -> dict[str, Any]:
    """Everything the parser decides, nothing volatile (id, source)."""
    return {
        "title": treaty.title,
        "lang": treaty.lang,
        "preamble": treaty.preamble,
        "divisions": [division_to_dict(d) for d in treaty.divisions],
        "articles": [
            {
                "num": a.num,
                "ref": a.ref,
                "heading": a.heading,
                "paragraphs": [
                    {
                        "num": p.num,
                        "text": p.text,
                        "points": [
                            {"label": t.label, "text": t.text} for t in p.points
                        ],
                    }
                    for p in a.paragraphs
                ],
            }
            for a in treaty.articles
        ],
        "closing": treaty.closing,
    }


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    """Each fixture parses to exactly its recorded structure."""
    got = structure(parse((FIXTURES / f"{case}.txt").read_text(encoding="utf-8")))
    expected_path = FIXTURES / f"{case}.json"
    if os.environ.get("TREATYDIFF_REGEN"):
        expected_path.write_text(
            json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_golden_round_trips_through_text(case: str) -> None:
    """Rendering a parsed fixture and parsing it again changes nothing."""
    treaty = parse((FIXTURES / f"{case}.txt").read_text(encoding="utf-8"))
    assert structure(parse(to_text(treaty))) == structure(treaty)


def test_fixtures_cover_both_languages() -> None:
    langs = {
        structure(parse((FIXTURES / f"{c}.txt").read_text(encoding="utf-8")))["lang"]
        for c in CASES
    }
    assert langs == {"en", "ru"}


# --- headings and look-alikes -------------------------------------------------


def _refs(text: str) -> list[str]:
    return [a.ref for a in parse(text).articles]


@pytest.mark.parametrize(
    "line",
    [
        "Article 2 of this Agreement shall apply.",
        "Article 2, paragraph 1, shall apply.",
        "Article 2(1) shall apply.",
        "Article 2 and Article 3 shall apply.",
        "Article 2 shall apply mutatis mutandis.",
        "ARTICLE 2 of the Charter applies.",
        "Статья 2 настоящего Договора применяется.",
        "Article 2 (Safeguards) shall apply.",
    ],
)
def test_cross_reference_at_line_start_is_text(line: str) -> None:
    text = f"Article 1\nThe Parties shall cooperate as provided in\n{line}\n"
    treaty = parse(text)
    assert [a.ref for a in treaty.articles] == ["1"]
    assert line in treaty.articles[0].text


@pytest.mark.parametrize(
    "reference",
    [
        "Article 2\nof the Charter.",
        "Article 2 (Safeguards)\nshall apply.",
        "Article 2.",
    ],
)
def test_next_number_alone_mid_sentence_is_text(reference: str) -> None:
    """The expected next number is still a reference when the sentence runs on."""
    for gap in ("\n", "\n\n"):
        text = f"Article 1\nMeasures are taken in accordance with{gap}{reference}\n"
        assert _refs(text) == ["1"]


def test_backward_number_after_a_sentence_is_text() -> None:
    text = "Article 1\nA.\n\nArticle 2\nB.\n\nArticle 1\n\nC.\n"
    treaty = parse(text)
    assert _refs(text) == ["1", "2"]
    assert "Article 1 C." in treaty.articles[1].text.replace("\n", " ")


@pytest.mark.parametrize(
    ("heading_line", "num", "heading"),
    [
        ("Article 4 - Definitions", "4", "Definitions"),
        ("Article 4. Definitions", "4", "Definitions"),
        ("Article 4: Definitions", "4", "Definitions"),
        ("Article 4 — Definitions", "4", "Definitions"),
        ("ARTICLE IV DEFINITIONS", "IV", "DEFINITIONS"),
        ("Art. 4 Definitions", "4", "Definitions"),
        ("Article 4\nDefinitions", "4", "Definitions"),
        ("Article 4\n\nDefinitions", "4", "Definitions"),
        ("Article 4 (Definitions)", "4", "Definitions"),
        ("ARTICLE FOUR\nDefinitions", "FOUR", "Definitions"),
        ("Статья 4. Определения", "4", "Определения"),
        ("СТАТЬЯ 4\nОпределения", "4", "Определения"),
        ("Статья четвертая\nОпределения", "четвертая", "Определения"),
    ],
)
def test_heading_forms(heading_line: str, num: str, heading: str) -> None:
    treaty = parse(f"{heading_line}\n\n1. Words mean what they say.\n")
    art = treaty.articles[0]
    assert (art.num, art.ref, art.heading) == (num, "4", heading)
    assert art.paragraphs[0].text == "Words mean what they say."


def test_sentence_after_heading_number_is_text_not_heading() -> None:
    art = parse("Article 1. The Parties shall keep the peace.\n").articles[0]
    assert art.heading is None
    assert art.text == "The Parties shall keep the peace."


def test_wrapped_first_line_is_not_a_heading() -> None:
    art = parse("Article 1\nThe Parties shall keep\nthe peace.\n").articles[0]
    assert art.heading is None
    assert art.text == "The Parties shall keep the peace."


def test_article_numbers_keep_their_printed_form() -> None:
    treaty = parse("Article 1\nA.\n\nArticle 1 bis\nB.\n\nArticle 2\nC.\n")
    assert [(a.num, a.ref) for a in treaty.articles] == [
        ("1", "1"),
        ("1 bis", "1bis"),
        ("2", "2"),
    ]


@pytest.mark.parametrize(
    ("before", "heading_line", "num", "ref"),
    [
        ("Article 9", "Article 9a", "9a", "9a"),
        ("ARTICLE 74", "ARTICLE 74B", "74B", "74b"),
        ("Article 74a", "ARTICLE 74b", "74b", "74b"),
        ("Article 5", "Article 5 bis", "5 bis", "5bis"),
        ("Article 5 bis", "Article 5 ter", "5 ter", "5ter"),
        ("Article 5 ter", "Article 5 quater", "5 quater", "5quater"),
        ("Article 12", "Article 12-1", "12-1", "12-1"),
        ("Article 12", "Article 12.1", "12.1", "12.1"),
        ("Статья 12", "Статья 12.1", "12.1", "12.1"),
        ("Статья 12", "Статья 12¹", "12¹", "12.1"),
        ("Статья 12¹", "Статья 12²", "12²", "12.2"),
        ("Art. 9", "Art. 9a", "9a", "9a"),
    ],
)
def test_inserted_articles_are_their_own_articles(
    before: str, heading_line: str, num: str, ref: str
) -> None:
    """Issue 9: lettered, Latin-suffixed, dotted and superscript numbers."""
    treaty = parse(f"{before}\nFirst.\n\n{heading_line}\nInserted.\n")
    assert [a.text for a in treaty.articles] == ["First.", "Inserted."]
    art = treaty.articles[1]
    assert (art.num, art.ref) == (num, ref)
    assert treaty.article(ref) is art


def test_numbering_resumes_after_inserted_articles() -> None:
    treaty = parse(
        "Article 12\nA.\n\nArticle 12.1\nB.\n\nArticle 12.2\nC.\n\n"
        "Article 13\nD.\n\nArticle 13a\nE.\n\nArticle 14\nF.\n"
    )
    assert [a.ref for a in treaty.articles] == ["12", "12.1", "12.2", "13", "13a", "14"]
    assert treaty.find("12.1") is treaty.articles[1]


@pytest.mark.parametrize(
    "reference",
    [
        "Article 9a of this Directive.",
        "Article 9a.",
        "Article 9a shall apply.",
        "Статья 12¹ настоящего Договора.",
    ],
)
def test_inserted_article_cross_reference_is_text(reference: str) -> None:
    treaty = parse(
        "Article 9\nTasks.\n\nArticle 9a\nThe register referred to in\n"
        f"{reference}\n\nArticle 10\nEnd.\n"
    )
    assert [a.ref for a in treaty.articles] == ["9", "9a", "10"]
    assert treaty.article("9a").text.endswith(reference)


def test_chapter_numbered_articles() -> None:
    """2.1 after 1.3, 201 after 105, and 1 again after a chapter heading."""
    dotted = parse("Article 1.1\nA.\n\nArticle 1.2\nB.\n\nArticle 2.1\nC.\n")
    assert [a.num for a in dotted.articles] == ["1.1", "1.2", "2.1"]
    hundreds = parse("Article 101\nA.\n\nArticle 102\nB.\n\nArticle 201\nC.\n")
    assert [a.num for a in hundreds.articles] == ["101", "102", "201"]
    restart = parse(
        "CHAPTER 1\n\nArticle 1\nA.\n\nArticle 2\nB.\n\n"
        "CHAPTER 2\n\nArticle 1\nC.\n\nArticle 2\nD.\n"
    )
    assert [a.text for a in restart.articles] == ["A.", "B.", "C.", "D."]
    without_chapter = parse("Article 1\nA.\n\nArticle 2\nB.\n\nArticle 1\nC.\n")
    assert len(without_chapter.articles) == 2


# --- paragraphs and points ----------------------------------------------------


def test_paragraph_number_out_of_sequence_is_text() -> None:
    art = parse(
        "Article 1\n1. Signed in the year\n1998. It binds.\n2. Second.\n"
    ).articles[0]
    assert [p.num for p in art.paragraphs] == ["1", "2"]
    assert art.paragraphs[0].text == "Signed in the year 1998. It binds."


def test_sub_items_of_another_style_stay_in_their_paragraph() -> None:
    art = parse(
        "Статья 1\n1. Стороны:\n1) обмениваются;\n2) консультируются.\n"
        "2. Второй пункт.\n"
    ).articles[0]
    assert [p.num for p in art.paragraphs] == ["1", "2"]
    assert art.paragraphs[0].text == "Стороны: 1) обмениваются; 2) консультируются."


def test_points_with_letters_roman_and_cyrillic() -> None:
    en = (
        parse(
            "Article 1\nThe Parties:\n(a) one;\n(b) two, with:\n(i) x;\n(ii) y;\n"
            "(c) three.\n"
        )
        .articles[0]
        .paragraphs[0]
    )
    assert [p.label for p in en.points] == ["a", "b", "c"]
    assert en.points[1].text == "two, with: (i) x; (ii) y;"
    roman = parse("Article 1\nThe Parties:\n(i) one;\n(ii) two;\n(iii) three.\n")
    assert [p.label for p in roman.articles[0].paragraphs[0].points] == [
        "i",
        "ii",
        "iii",
    ]
    ru = parse("Статья 1\nСтороны:\nа) одно;\nб) другое.\n").articles[0].paragraphs[0]
    assert [p.label for p in ru.points] == ["а", "б"]


def test_point_look_alike_reference_is_text() -> None:
    para = (
        parse(
            "Article 1\nThe Parties apply:\n(a) the rules in subparagraph\n"
            "(b) of paragraph 2;\n(b) the rest.\n"
        )
        .articles[0]
        .paragraphs[0]
    )
    assert [p.label for p in para.points] == ["a", "b"]
    assert para.points[0].text == "the rules in subparagraph (b) of paragraph 2;"


def test_blank_lines_split_unnumbered_paragraphs_only_after_a_sentence() -> None:
    art = parse(
        "Article 1\nFirst paragraph ends here.\n\nSecond one runs on\n\n"
        "across a blank line.\n"
    ).articles[0]
    assert [p.text for p in art.paragraphs] == [
        "First paragraph ends here.",
        "Second one runs on across a blank line.",
    ]


def test_page_numbers_between_dashes_are_dropped() -> None:
    art = parse("Article 1\nThe Parties shall\n\n- 2 -\n\ncooperate.\n").articles[0]
    assert art.text == "The Parties shall cooperate."


# --- title, preamble, divisions, closing --------------------------------------


def test_title_preamble_and_closing() -> None:
    treaty = parse(
        "AGREEMENT ON FISHERIES\n\nThe Parties,\nDesiring peace,\n"
        "Have agreed as follows:\n\nArticle 1\nFish shall be shared.\n\n"
        "Done at Lakeport on 2 May 2001 in two originals.\n"
        "For Ardenia          For Borvania\n"
    )
    assert treaty.title == "AGREEMENT ON FISHERIES"
    assert treaty.preamble == "The Parties,\nDesiring peace,\nHave agreed as follows:"
    assert treaty.articles[0].text == "Fish shall be shared."
    assert treaty.closing == (
        "Done at Lakeport on 2 May 2001 in two originals.\nFor Ardenia For Borvania"
    )


def test_closing_formula_followed_by_the_next_article_is_text() -> None:
    treaty = parse(
        "Article 1\nA.\n\nDone at the meeting the work ends.\n\nArticle 2\nB.\n"
    )
    assert _refs(
        "Article 1\nA.\n\nDone at the meeting the work ends.\n\nArticle 2\nB.\n"
    ) == ["1", "2"]
    assert treaty.closing is None
    assert "Done at the meeting" in treaty.articles[0].text


def test_divisions_nest_and_name_their_articles() -> None:
    treaty = parse(
        "PART I\nGENERAL\n\nCHAPTER 1\nAims\n\nArticle 1\nA.\n\nCHAPTER 2\n\n"
        "Article 2\nB.\n\nPART II\n\nArticle 3\nC.\n"
    )
    [part1, part2] = treaty.divisions
    assert (part1.kind, part1.num, part1.heading, part1.articles) == (
        "part",
        "I",
        "GENERAL",
        (),
    )
    assert [(d.kind, d.num, d.heading, d.articles) for d in part1.divisions] == [
        ("chapter", "1", "Aims", ("1",)),
        ("chapter", "2", None, ("2",)),
    ]
    assert (part2.num, part2.articles) == ("II", ("3",))


def test_chapter_cross_reference_is_not_adivision_to_dict() -> None:
    treaty = parse(
        "Article 1\nA.\n\nChapter 20 (Dispute Settlement) shall not apply.\n"
    )
    assert treaty.divisions == ()
    assert "Chapter 20 (Dispute Settlement)" in treaty.articles[0].text


# --- ids, language, errors ----------------------------------------------------


def test_id_defaults() -> None:
    assert parse("Article 1\nA.\n").id == "treaty"
    assert parse("Article 1\nA.\n", source="some/dir/pact.txt").id == "pact"
    assert parse("Article 1\nA.\n", id="x", source="pact.txt").id == "x"


def test_language_detection_and_override() -> None:
    assert parse("Статья 1\nСтороны сотрудничают.\n").lang == "ru"
    assert parse("Article 1\nThe Parties cooperate.\n").lang == "en"
    assert parse("Article 1\nA.\n", lang="ru").lang == "ru"


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_raises(text: str) -> None:
    with pytest.raises(ParseError, match="empty"):
        parse(text, source="e.txt")


def test_text_without_articles_raises_with_source() -> None:
    with pytest.raises(ParseError, match="no articles found") as info:
        parse(
            "Just a letter.\nReferring to Article 5 of the Charter.\n", source="l.txt"
        )
    assert str(info.value).startswith("l.txt: ")


# --- line breaks ----------------------------------------------------------------


def _rewrap(text: str, width: int, double: bool) -> str:
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, width, break_long_words=False) or [""]
    return ("\n\n" if double else "\n").join(lines)


def _words_by_article(treaty: Treaty) -> list[tuple[str, str]]:
    """Title and preamble, each article (heading and text), closing: words only."""
    front = f"{treaty.title or ''} {treaty.preamble or ''}"
    arts = [(a.ref, f"{a.heading or ''} {a.text}") for a in treaty.articles]
    parts = [("front", front), *arts, ("closing", treaty.closing or "")]
    return [(key, " ".join(text.split())) for key, text in parts]


@pytest.mark.parametrize("case", CASES)
@given(width=st.integers(20, 100), double=st.booleans())
def test_line_breaks_never_move_text_between_articles(
    case: str, width: int, double: bool
) -> None:
    """Re-wrapped at any width, single or double spaced (OCR style), every
    article keeps exactly its words; cross-references land at line starts."""
    treaty = parse((FIXTURES / f"{case}.txt").read_text(encoding="utf-8"))
    again = parse(_rewrap(to_text(treaty), width, double))
    assert _words_by_article(again) == _words_by_article(treaty)


@given(treaties(), st.integers(25, 100))
def test_generated_treaties_survive_rewrapping(treaty: Treaty, width: int) -> None:
    """Single-spaced only: generated headings may end on any word ("Trade
    under"), which in double-spaced text reads as a sentence cut short."""
    again = parse(_rewrap(to_text(treaty), width, double=False))
    assert _words_by_article(again) == _words_by_article(treaty)


_REFERENCES = {
    "en": [
        "As provided in Article {n} of this Agreement.",
        "Article {n} shall apply mutatis mutandis.",
        "In accordance with Article {n}.",
        "Subject to Article {n}, paragraph 2.",
        "Article {n} and Article {m} apply.",
        "As referred to in Articles {n} and {m}.",
    ],
    "ru": [
        "В соответствии со статьей {n} настоящего Соглашения.",
        "Статья {n} настоящего Соглашения применяется.",
        "Предусмотренных статьями {n} и {m}.",
    ],
}


@st.composite
def _treaties_citing_articles(draw: st.DrawFn) -> Treaty:
    """Generated treaties whose paragraphs end by citing an article, often the
    next one (the number the parser expects)."""
    treaty = draw(treaties())
    arts = []
    for art in treaty.articles:
        paras = []
        for para in art.paragraphs:
            n = draw(st.integers(1, len(treaty.articles) + 1))
            ref = draw(st.sampled_from(_REFERENCES[treaty.lang or "en"]))
            paras.append(
                attrs.evolve(para, text=f"{para.text} {ref.format(n=n, m=n + 1)}")
            )
        arts.append(attrs.evolve(art, paragraphs=paras))
    return attrs.evolve(treaty, articles=arts)


@given(_treaties_citing_articles(), st.integers(25, 100))
def test_cross_references_at_any_line_break_never_start_articles(
    treaty: Treaty, width: int
) -> None:
    again = parse(_rewrap(to_text(treaty), width, double=False))
    assert _words_by_article(again) == _words_by_article(treaty)


# --- round trip ---------------------------------------------------------------


@given(treaties())
def test_any_treaty_round_trips_through_text(treaty: Treaty) -> None:
    """to_text then parse gives back the same structure, metadata aside."""
    back = parse(to_text(treaty), id=treaty.id)
    assert structure(back) == structure(treaty)
    assert back.id == treaty.id


def test_numbering_that_restarts_in_each_chapter_keeps_refs_unique() -> None:
    text = (
        "AGREEMENT\n\nCHAPTER 1\nGOODS\n\nArticle 1\nScope\n\nGoods move freely.\n\n"
        "Article 2\nDuties\n\nNo duties apply.\n\nCHAPTER 2\nSERVICES\n\n"
        "Article 1\nScope\n\nServices move freely.\n"
    )
    treaty = parse(text)
    assert [a.ref for a in treaty.articles] == ["1", "2", "2-1"]
    assert treaty.find("2-1").text == "Services move freely."
    assert treaty.divisions[1].articles == ("2-1",)


def test_large_roman_article_numbers_are_headings() -> None:
    """Issue 13: ``Article CLXXXVIII`` (nine letters) no longer folds into 187."""
    romans = ["CLXXXVI", "CLXXXVII", "CLXXXVIII", "CLXXXIX", "CXC"]
    text = "\n\n".join(f"Article {r}\n\nText of article {r}." for r in romans)
    treaty = parse(text)
    assert [a.num for a in treaty.articles] == romans
    assert treaty.articles[2].paragraphs[0].text == "Text of article CLXXXVIII."


def test_inline_heading_with_lower_case_defined_term_when_next() -> None:
    """Issue 13: ``Article 5. central level ... means`` starts article 5 when 5
    is the next number after a finished sentence; a reference is still text."""
    text = (
        "Article 4. Definitions\n\nFor the purposes of this Agreement:\n\n"
        "Article 5. central level of government means: the national government;\n\n"
        "Article 6\n\nMore text."
    )
    treaty = parse(text)
    assert [a.num for a in treaty.articles] == ["4", "5", "6"]
    assert treaty.articles[1].heading is None
    assert treaty.articles[1].paragraphs[0].text.startswith("central level")
    skipped = text.replace("Article 5.", "Article 7.")  # not the next number
    assert [a.num for a in parse(skipped).articles] == ["4", "6"]


def test_signature_line_is_not_the_last_article_heading() -> None:
    """Issue 13: a signature under the last heading is text, not its heading."""
    text = (
        "Article 1\n\nScope text.\n\nArticle 2\n\n"
        "For the Government of the Kyrgyz Republic: A. Djumagulov\n\n"
        "For the Government of the Republic of Turkey: B. Name\n"
    )
    last = parse(text).articles[-1]
    assert last.heading is None
    assert last.paragraphs[0].text.startswith("For the Government of the Kyrgyz")
    russian = text.replace("Article", "Статья").replace(
        "For the Government of", "За Правительство"
    )
    assert parse(russian, lang="ru").articles[-1].heading is None


def test_title_case_headings_with_commas_or_many_words_are_headings() -> None:
    """Issue 13 (rendered-as-published harness): a heading in title case is a
    heading even with commas or more than 14 words, as official texts print them."""
    long = (
        "Prohibition And Abolition Of Quantitative Restrictions On Imports Or "
        "Exports And Measures Having Equivalent Effect"
    )
    treaty = parse(
        "Article 1\nScope\nThis Agreement applies to goods.\n\n"
        "Article 2\nCustoms Unions, Free Trade Areas And Frontier Trade\n"
        "This Agreement shall not prevent the maintenance of customs unions.\n\n"
        f"ARTICLE 3\n{long}\nNo new quantitative restrictions shall be introduced.\n"
    )
    assert [a.heading for a in treaty.articles] == [
        "Scope",
        "Customs Unions, Free Trade Areas And Frontier Trade",
        long,
    ]
    assert treaty.articles[1].text.startswith("This Agreement shall not prevent")
    assert treaty.articles[2].text.startswith("No new quantitative")


def test_a_wrapped_sentence_with_commas_stays_text() -> None:
    """The title-case allowance leaves sentence-case lines with commas as text."""
    treaty = parse(
        "Article 1\nThe Parties, acting through the Joint Committee, may review\n"
        "the annexes to this Agreement.\n"
    )
    assert treaty.articles[0].heading is None
    assert treaty.articles[0].text.startswith("The Parties, acting through")


def test_a_closing_in_other_languages_first_is_the_closing() -> None:
    """Issue 13 (rendered-as-published harness): European Union agreements
    print "Done at" in every language, Bulgarian and Spanish before English;
    the closing starts at the first of them, not at the English one."""
    treaty = parse(
        "Article 1\nThis Agreement shall enter into force on signature.\n\n"
        "Article 2\nEach Party may denounce this Agreement.\n\n"
        "Съставено в Брюксел на шести октомври две хиляди и десета година.\n"
        "Hecho en Bruselas, el seis de octubre de dos mil diez.\n"
        "Done at Brussels on the sixth day of October two thousand and ten.\n"
        "Fait à Bruxelles, le six octobre deux mille dix.\n"
    )
    assert treaty.articles[-1].text == "Each Party may denounce this Agreement."
    assert treaty.closing is not None
    assert treaty.closing.startswith("Съставено в Брюксел")
    spanish_witness = parse(
        "Article 1\nThis Agreement shall enter into force on signature.\n\n"
        "En fe de lo cual, los plenipotenciarios abajo firmantes suscriben.\n"
        "In witness whereof the undersigned have signed this Agreement.\n"
    )
    assert spanish_witness.articles[-1].text.endswith("on signature.")
    assert spanish_witness.closing.startswith("En fe de lo cual")


def test_made_in_the_city_of_is_a_closing() -> None:
    """Issue 13 (rendered-as-published harness): CIS agreements in English
    close with "Made in (at) the city of ...", not "Done at"."""
    treaty = parse(
        "Article 1\nThis Agreement shall enter into force on signature.\n\n"
        "Made in the city of Almaty on 17 February 1995 in two copies.\n\n"
        "For the Government of Ukraine\n"
    )
    assert (
        treaty.articles[-1].text
        == "This Agreement shall enter into force on signature."
    )
    assert treaty.closing.startswith("Made in the city of Almaty")


def test_a_heading_opening_with_an_unnumbered_keyword_is_a_heading() -> None:
    """Issue 13: "Chapter Coordinators" or "Section Heads" (a division word
    without a number) under an article number is its heading; "Chapter 3" is
    still a division."""
    treaty = parse(
        "Article 1\nChapter Coordinators\n1. Each Party shall name a coordinator.\n\n"
        "Article 2\nSection Heads And Contact Points\n"
        "Each Party keeps its rights.\n\n"
        "CHAPTER 3\nFINAL PROVISIONS\n\nArticle 3\nEntry Into Force\n"
        "This Agreement enters into force on signature.\n"
    )
    assert [a.heading for a in treaty.articles] == [
        "Chapter Coordinators",
        "Section Heads And Contact Points",
        "Entry Into Force",
    ]
    assert [(d.num, d.heading) for d in treaty.divisions] == [("3", "FINAL PROVISIONS")]


def test_capitalised_headings_may_end_in_a_full_stop_or_colon() -> None:
    """Issue 13: "Rules Of Origin." and "DEFINITIONS FOR THIS CHAPTER:" (even
    before a lower-case defined term) are headings; a sentence-case chapeau
    ending in a colon stays text."""
    treaty = parse(
        "Article 1\nRules Of Origin.\nGoods wholly obtained in a Party originate.\n\n"
        "ARTICLE 2 - DEFINITIONS FOR THIS CHAPTER:\n"
        "supplier means a person that supplies a good;\n\n"
        "Article 3\nThe Parties agree as follows:\n(a) to consult;\n(b) to report.\n"
    )
    assert [a.heading for a in treaty.articles] == [
        "Rules Of Origin.",
        "DEFINITIONS FOR THIS CHAPTER:",
        None,
    ]
    assert treaty.articles[1].text.startswith("supplier means")
    assert treaty.articles[2].text.startswith("The Parties agree as follows:")
    see = parse("Article 1\nRules of Origin.\n\nArticle 1a\nInserted, see Article 1.\n")
    assert [a.heading for a in see.articles] == ["Rules of Origin.", None]
    assert see.articles[1].text == "Inserted, see Article 1."


def test_a_full_stop_inside_a_title_case_heading_is_kept() -> None:
    """Issue 13: an OCR'd full stop in a title-case heading ("Protection Of
    Industrial. Designs") does not make it a sentence."""
    treaty = parse(
        "Article 1: Protection Of Industrial. Designs\n"
        "1. Each Party shall protect designs.\n"
    )
    assert treaty.articles[0].heading == "Protection Of Industrial. Designs"
    assert treaty.articles[0].paragraphs[0].num == "1"


_LONG_HEADING = (
    "Appointment Of A Panel When One Party Fails To Name A Member Or The "
    "Parties Cannot Agree On The Chair Within The Time Set Out"
)


@pytest.mark.parametrize("layout", ["ARTICLE 4 – {}\n", "Article 4\n{}\n"])
def test_a_long_title_case_heading_before_a_paragraph_is_a_heading(
    layout: str,
) -> None:
    """Issue 13: a title-case heading of up to 32 words is an article's
    heading when a paragraph or sentence follows, inline or on its own line."""
    assert 20 < len(_LONG_HEADING.split()) <= 32
    text = (
        "Article 3\nScope\nThis Agreement applies to trade.\n\n"
        + layout.format(_LONG_HEADING)
        + "1. The Secretary-General shall appoint the member.\n"
    )
    article = parse(text).articles[1]
    assert article.heading == _LONG_HEADING
    assert article.paragraphs[0].text.startswith("The Secretary-General")
    longer = f"{_LONG_HEADING} And Every Other Case Of Delay Or Failure To Act"
    assert len(longer.split()) > 32
    assert parse(text.replace(_LONG_HEADING, longer)).articles[1].heading is None


@pytest.mark.parametrize(
    "closing",
    [
        "IN WITNESS WHEROF the undersigned have signed this Agreement.",
        "In witness where of the undersigned have signed this Agreement.",
        "In Witness Whereof, the undersigned have signed this Agreement.",
        "Til bekrreftelse heraf har undertegnede underskrevet denne aftale.",
        "Zu Urkund <lessen haben die Unterzeichneten unterschrieben.",
    ],
)
def test_closing_formulas_in_any_capitals_or_damaged_by_ocr(closing: str) -> None:
    """Issue 13: a closing formula a letter or two wrong (OCR), or in title
    case, still ends the last article; its first word must be right."""
    text = (
        "Article 1\nThis Agreement enters into force on signature.\n\n"
        f"{closing}\nDone at Geneva on 1 June 1998.\n"
    )
    treaty = parse(text)
    assert treaty.articles[-1].text == "This Agreement enters into force on signature."
    assert treaty.closing is not None
    assert treaty.closing.startswith(closing)
    unrelated = parse(text.replace(closing, "In the event of a dispute, consult."))
    assert unrelated.closing == "Done at Geneva on 1 June 1998."


@given(st.data())
def test_closing_phrases_survive_one_ocr_error(data: st.DataObject) -> None:
    """Law: every closing phrase of three words or more is recognised with one
    letter of a long word after the first dropped or replaced, as written or
    in capitals."""
    phrases = [p for p in _OCR_PHRASES if len(p.split()) >= 3 and len(p) >= 14]
    phrase = data.draw(st.sampled_from(phrases))
    words = phrase.split()
    long = [i for i, w in enumerate(words) if i and len(w) >= 4]
    k = data.draw(st.sampled_from(long))
    word = words[k]
    at = data.draw(st.integers(0, len(word) - 1))
    new = data.draw(st.sampled_from(["", "x", "rr"]))
    words[k] = word[:at] + new + word[at + 1 :]
    line = " ".join(words) + " the undersigned have signed"
    if data.draw(st.booleans()):
        line = line.upper()
    assert ocr_closing(line)


def test_a_heading_continued_on_the_next_line_is_joined() -> None:
    """Issue 13: an inline heading whose last word wrapped onto the next line
    ("... Panel" / "ruling") is one heading, as an own-line heading already was."""
    treaty = parse(
        "Article 1\nScope\nThis Agreement applies to trade.\n\n"
        "ARTICLE 2 - REVIEW OF MEASURES TAKEN TO COMPLY WITH THE PANEL\nruling\n\n"
        "1. The Party complained against shall notify the measure.\n"
    )
    article = treaty.articles[1]
    assert article.heading == "REVIEW OF MEASURES TAKEN TO COMPLY WITH THE PANEL ruling"
    assert article.paragraphs[0].num == "1"


@pytest.mark.parametrize("layout", ["Article 2\n{}\n", "ARTICLE 2. {}\n"])
def test_a_heading_glued_to_paragraph_one_ends_there(layout: str) -> None:
    """Issue 13: a heading's second line glued to the text ("and Tariff
    Treatment 1. The customs ...") ends the heading at paragraph 1; a
    lower-case line that is a sentence is never joined to it, and leaves a
    heading line that is not set apart (title case, capitals) as text."""
    text = (
        "Article 1\nScope\nThis Agreement applies to trade.\n\n"
        + layout.format("Determination Of Origin")
        + "and Tariff Treatment 1. The customs authority may deny the claim.\n"
        "2. It shall give reasons.\n"
    )
    article = parse(text).articles[1]
    assert article.heading == "Determination Of Origin and Tariff Treatment"
    assert [p.num for p in article.paragraphs] == ["1", "2"]
    assert article.paragraphs[0].text == "The customs authority may deny the claim."
    sentence = text.replace("and Tariff Treatment 1.", "and it shall give 1.")
    article = parse(sentence).articles[1]
    # A heading in title case stays one; the sentence is never joined to it.
    assert article.heading == "Determination Of Origin"
    assert article.text.startswith("and it shall give 1. The customs")
    article = parse(sentence.replace("Of Origin", "of origin")).articles[1]
    assert article.heading is None
    assert "Determination of origin and it shall give" in article.text


@pytest.mark.parametrize("label", ["(a)", "a)", "i.", "(a)\n", "l."])
@pytest.mark.parametrize("layout", ["Article 2\n{}\n", "ARTICLE 2. {}\n"])
def test_a_heading_before_a_point_label_is_a_heading(label: str, layout: str) -> None:
    """Issue 13: an article that opens with a point ("(a) packages ...",
    "i. Member States ...", "l." an OCR'd 1) keeps the heading above it; the
    label's letter is not a sentence running on in lower case, nor the
    heading's next line."""
    treaty = parse(
        "Article 1\nScope\nThis Agreement applies to trade.\n\n"
        + layout.format("TREATMENT OF PACKING")
        + f"{label} packages for retail sale are part of the good;\n"
    )
    assert treaty.articles[1].heading == "TREATMENT OF PACKING"
    assert "packages for retail sale" in treaty.articles[1].text


@pytest.mark.parametrize(
    "formula",
    [
        "Done on 3 February 1994",
        "Signed in Muscat",
        "Made at Yalta",
        "Drawn up at Riyadh",
        "Executed in the City of Minsk",
        "Performed in Moscow",
        "In confirmation of which the plenipotentiaries have signed",
    ],
)
def test_more_english_closing_formulas(formula: str) -> None:
    """Issue 13: "Done on <date>", "Signed in", "Made at", "Drawn up at",
    "Executed in", "Performed in" and "In confirmation of which" open the
    closing as "Done at" does."""
    treaty = parse(
        "Article 1\nThis Agreement enters into force on signature.\n\n"
        f"{formula}, in two copies.\n"
    )
    assert treaty.articles[-1].text == "This Agreement enters into force on signature."
    assert treaty.closing == f"{formula}, in two copies."


def test_an_article_that_is_only_a_closing_formula_keeps_it() -> None:
    """Issue 13: an article is never empty: a "Done at" line right under the
    last article heading is that article's text, not the closing."""
    treaty = parse(
        "Article 1\nThis Agreement enters into force on signature.\n\n"
        "Article 2\nDone at Bratislava on 1 June 1998 in two copies.\n"
    )
    assert (
        treaty.articles[-1].text == "Done at Bratislava on 1 June 1998 in two copies."
    )
    assert treaty.closing is None
