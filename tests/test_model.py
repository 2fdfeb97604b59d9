"""The treaty model: refs, lookups, text and frozen values."""

from __future__ import annotations

import attrs
import pytest

from treatydiff import Article, InvalidArgument, Paragraph, Point, Treaty, UnknownRef
from treatydiff.model import Label, unique_keys


def _treaty() -> Treaty:
    return Treaty(
        id="t",
        preamble="Desiring peace,",
        articles=[
            Article(
                num="III",
                paragraphs=[
                    Paragraph(num="1", text="First."),
                    Paragraph(num="3", text="Third.", points=[Point("b", "bee")]),
                ],
            ),
            Article(num="четвёртая", paragraphs=[Paragraph(text="Only.")]),
        ],
    )


def test_refs_are_normalised_and_resolve() -> None:
    t = _treaty()
    assert [a.ref for a in t.articles] == ["3", "4"]
    assert t.find("3.3").text == "Third."
    assert t.find("3.3.b") == Point("b", "bee")
    assert t.find("4.1").text == "Only."
    assert t.find("preamble") == "Desiring peace,"
    assert t.article("4").num == "четвёртая"


@pytest.mark.parametrize("ref", ["9", "3.2", "3.3.z", "4.2"])
def test_unknown_refs_raise(ref: str) -> None:
    with pytest.raises(UnknownRef):
        _treaty().find(ref)


def test_article_text_joins_paragraphs_and_points() -> None:
    assert _treaty().article("3").text == "First.\nThird.\nb) bee"


def test_values_are_frozen_and_comparable() -> None:
    t = _treaty()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.id = "x"  # type: ignore[misc]
    assert t == _treaty()
    assert hash(t) == hash(attrs.evolve(t, metadata={"x": 1}))


def test_text_is_nfc() -> None:
    decomposed = "e\u0301"
    assert Paragraph(text=decomposed).text == "\u00e9"


def test_an_unnumbered_opening_never_takes_a_numbered_ref() -> None:
    art = Article(
        num="5",
        paragraphs=[
            Paragraph(text="The Parties agree as follows."),
            Paragraph(num="1", text="One."),
            Paragraph(num="2", text="Two."),
        ],
    )
    refs = [p.ref(art) for p in art.paragraphs]
    assert refs == ["5.u1", "5.1", "5.2"]
    assert art.paragraph("1").text == "One."


def test_article_refs_are_unique() -> None:
    with pytest.raises(InvalidArgument, match="two articles"):
        Treaty(id="t", articles=[Article(num="1"), Article(num="I")])


def test_a_dotted_article_ref_wins_over_a_paragraph_ref() -> None:
    t = Treaty(
        id="t",
        articles=[
            Article(num="2.1", paragraphs=[Paragraph(num="3", text="Deep.")]),
        ],
    )
    assert t.find("2.1").ref == "2.1"
    assert t.find("2.1.3").text == "Deep."


def test_equal_unnumbered_paragraphs_get_their_own_keys() -> None:
    # Regression: keys came from ``paragraphs.index(self)``, so the second
    # "Same." took the first one's ref (1.1, 1.2, 1.1).
    art = Article(
        num="1",
        paragraphs=[
            Paragraph(text="Same."),
            Paragraph(text="Other."),
            Paragraph(text="Same."),
        ],
    )
    assert art.paragraph_keys == ("1", "2", "3")
    assert [p.ref(art) for p in art.paragraphs] == ["1.1", "1.2", "1.3"]
    assert art.paragraph("3") is art.paragraphs[2]
    t = Treaty(id="t", articles=[art])
    assert t.find("1.3") is art.paragraphs[2]


def test_a_paragraph_number_printed_twice_is_refused_or_qualified() -> None:
    paras = [Paragraph(num="1", text="A."), Paragraph(num="1.", text="B.")]
    with pytest.raises(InvalidArgument, match="two paragraphs"):
        Article(num="2", paragraphs=paras)
    art = Article(num="2", paragraphs=unique_keys(paras))
    assert art.paragraph_keys == ("1", "1-2")
    assert [p.num for p in art.paragraphs] == ["1", "1."]
    assert Treaty(id="t", articles=[art]).find("2.1-2").text == "B."


def test_a_paragraph_of_another_article_has_no_key_here() -> None:
    art = Article(num="1", paragraphs=[Paragraph(text="Same.")])
    with pytest.raises(UnknownRef):
        Paragraph(text="Same.").key(art)


def test_fields_take_any_iterable() -> None:
    art = Article(num="1", paragraphs=(Paragraph(text=t) for t in ("A.", "B.")))
    assert isinstance(art.paragraphs, tuple)
    assert art.paragraph_keys == ("1", "2")


def test_find_reads_a_latin_point_letter_as_its_cyrillic_look_alike():
    """Regression (issue 12): find("3.2.a") missed point "а)" (Cyrillic)."""
    points = [Point("а", "first"), Point("б", "second")]
    para = Paragraph(num="2", text="chapeau", points=points)
    treaty = Treaty(id="r", articles=[Article(num="3", paragraphs=[para])])
    assert treaty.find("3.2.a") == points[0]
    assert treaty.find("3.2.а") == points[0]  # the Cyrillic letter itself
    assert treaty.find("3.2.б") == points[1]
    with pytest.raises(UnknownRef, match=r"points there: 'а', 'б'"):
        treaty.find("3.2.q")


def test_label_confidence_is_always_a_float():
    # Regression: labelled articles are cached by value; an article whose
    # curated label says confidence 1 must not print as another's 1.0.
    label = Label(kind="consultation", confidence=1)
    assert type(label.confidence) is float
    assert repr(label.confidence) == "1.0"
