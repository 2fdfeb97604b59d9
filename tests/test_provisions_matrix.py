"""label_treaty and the provision × treaty matrix, on small treaties written here."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff import bundled
from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.model import Absence, Article, Label, Paragraph, Treaty
from treatydiff.provisions import TAXONOMY, label_treaty, matrix
from treatydiff.provisions.matrix import _crosses
from treatydiff.provisions.sentences import sentences

DEFENCE = (
    "If either Party is put in a state of war by an armed attack, the other Party "
    "shall at once render it military and other assistance by all means it has."
)
NON_ASSIST = (
    "If one Party is subjected to aggression, the other Party shall not give the "
    "aggressor any military or other assistance that would prolong the aggression."
)
CONSULT = (
    "If a threat of aggression against either Party arises, the Parties shall "
    "immediately hold consultations."
)
MILCOOP = "The Parties shall develop military and military-technical cooperation."
TRADE = "The Parties shall expand trade and investment."
CURATED = Label(kind="principles", source="curated", confidence=1.0)


def para(text: str, num: str | None = None, labels=()) -> Paragraph:
    return Paragraph(num=num, text=text, labels=labels)


def placeholder(num: str) -> Article:
    return Article(num=num, encoded=False)


def pledge_treaty() -> Treaty:
    """Mutual defence in Art. 4 (a single unnumbered paragraph)."""
    return Treaty(
        id="pledge",
        lang="en",
        articles=[
            Article(num="1", paragraphs=[para(TRADE)]),
            Article(num="3", paragraphs=[para(CONSULT)]),
            Article(num="4", paragraphs=[para(DEFENCE)]),
        ],
    )


def neutral_treaty() -> Treaty:
    """Non-assistance in 3.3 and a curated, sourced absence of mutual defence."""
    return Treaty(
        id="neutral",
        kind="digest",
        articles=[
            Article(num="1", paragraphs=[para(TRADE)]),
            Article(
                num="3",
                paragraphs=[
                    para("Relations rest on sovereign equality.", "1"),
                    para("The Parties promote these principles together.", "2"),
                    para(NON_ASSIST, "3"),
                ],
            ),
            Article(num="5", paragraphs=[para(MILCOOP)]),
        ],
        absences=[
            Absence(
                kind="mutual-defence",
                note="officials state there is no mutual-assistance obligation",
                sources=["https://example.org/statement"],
            )
        ],
    )


def partial_treaty() -> Treaty:
    """Two encoded articles out of five."""
    return Treaty(
        id="partial",
        articles=[
            Article(num="1", paragraphs=[para(MILCOOP)]),
            placeholder("2"),
            placeholder("3"),
            Article(num="4", paragraphs=[para(TRADE)]),
            placeholder("5"),
        ],
    )


# -- label_treaty -----------------------------------------------------------


def test_label_treaty_labels_paragraphs_and_articles():
    treaty = label_treaty(pledge_treaty())
    art = treaty.article("4")
    assert [lab.kind for lab in art.paragraphs[0].labels] == ["mutual-defence"]
    assert [lab.kind for lab in art.labels] == ["mutual-defence"]
    assert all(lab.source == "classifier" for lab in art.labels)


def test_article_evidence_is_shifted_into_the_article_text():
    art = Article(num="2", paragraphs=[para(TRADE, "1"), para(MILCOOP, "2")])
    labelled = label_treaty(Treaty(id="t", articles=[art])).article("2")
    for label in labelled.labels:
        for span in label.evidence:
            assert labelled.text[span.start : span.end] == span.text
    kinds = {lab.kind for lab in labelled.labels}
    assert kinds == {"trade-economy", "military-cooperation"}


def test_labels_found_only_across_paragraphs_go_on_the_article():
    # One sentence split over two paragraphs: the chapeau gives the trigger.
    art = Article(
        num="7",
        paragraphs=[
            para("If either Party is attacked by a third State, the other Party", "1"),
            para("shall render it military assistance.", "2"),
        ],
    )
    labelled = label_treaty(Treaty(id="t", articles=[art])).article("7")
    assert all(not p.labels for p in labelled.paragraphs)
    assert [lab.kind for lab in labelled.labels] == ["mutual-defence"]


def test_curated_labels_are_authoritative():
    art = Article(
        num="3",
        labels=[CURATED],
        paragraphs=[para(DEFENCE, "1", labels=[CURATED]), para(MILCOOP, "2")],
    )
    labelled = label_treaty(Treaty(id="t", articles=[art])).article("3")
    # Kind, confidence and source stay; only the missing strength is read.
    assert labelled.paragraphs[0].labels == (attrs.evolve(CURATED, strength="binding"),)
    assert labelled.labels == (attrs.evolve(CURATED, strength="binding"),)
    second = labelled.paragraphs[1]
    assert [lab.kind for lab in second.labels] == ["military-cooperation"]


def test_article_without_curated_labels_unites_curated_paragraph_labels():
    art = Article(
        num="3", paragraphs=[para(DEFENCE, "1", labels=[CURATED]), para(MILCOOP, "2")]
    )
    labelled = label_treaty(Treaty(id="t", articles=[art])).article("3")
    kinds = [lab.kind for lab in labelled.labels]
    assert kinds == ["military-cooperation", "principles"]  # taxonomy order
    assert labelled.labels[1].source == "curated"


def test_placeholders_are_skipped_and_relabelling_is_stable():
    treaty = partial_treaty()
    once = label_treaty(treaty)
    assert once.article("2") == treaty.article("2")
    assert label_treaty(once) == once


def test_an_article_is_labelled_once_for_all_the_treaties_that_hold_it():
    """compare() labels the unlinked articles, then the matrix all of them:
    the second pass gets the labelled articles of the first back."""
    treaty = pledge_treaty()
    first = label_treaty(treaty, {treaty.articles[0].ref})
    again = label_treaty(attrs.evolve(treaty, id="other"))
    assert again.articles[0] is first.articles[0]
    assert again.articles[1:] == label_treaty(treaty).articles[1:]


def test_treaty_in_a_language_without_cues_gets_no_classifier_labels():
    treaty = attrs.evolve(pledge_treaty(), lang="fr")
    assert label_treaty(treaty) == treaty
    assert label_treaty(attrs.evolve(treaty, lang="en-GB")) != treaty


def test_label_treaty_rejects_non_treaties():
    with pytest.raises(InvalidArgument):
        label_treaty("ru-ir-2025")  # type: ignore[arg-type]


# -- matrix -----------------------------------------------------------------


def test_matrix_lists_every_treaty_under_every_kind_found():
    result = matrix([pledge_treaty(), neutral_treaty(), partial_treaty()])
    provisions = result["provisions"]
    for kind, by_treaty in provisions.items():
        assert list(by_treaty) == ["pledge", "neutral", "partial"], kind
    assert provisions["mutual-defence"] == {
        "pledge": ["4"],
        "neutral": [],
        "partial": [],
    }
    assert provisions["non-assistance-to-aggressor"]["neutral"] == ["3.3"]
    assert provisions["military-cooperation"] == {
        "pledge": [],
        "neutral": ["5"],
        "partial": ["1"],
    }
    order = list(TAXONOMY)
    assert list(provisions) == sorted(provisions, key=order.index)


def test_matrix_lists_paragraphs_not_their_article():
    result = matrix([neutral_treaty(), pledge_treaty()])
    refs = [r for by in result["provisions"].values() for r in by["neutral"]]
    assert "3.3" in refs and "3" not in refs


def test_missing_has_exactly_the_empty_cells():
    result = matrix([pledge_treaty(), neutral_treaty(), partial_treaty()])
    for kind, by_treaty in result["provisions"].items():
        lacking = {tid for tid, refs in by_treaty.items() if not refs}
        assert set(result["missing"].get(kind, {})) == lacking, kind


def test_confirmed_absence_with_nearest_candidate_and_why():
    result = matrix([pledge_treaty(), neutral_treaty()])
    entry = result["missing"]["mutual-defence"]["neutral"]
    assert entry["status"] == "confirmed-absent"
    assert entry["note"] == "officials state there is no mutual-assistance obligation"
    assert entry["sources"] == ["https://example.org/statement"]
    assert entry["nearest"]["ref"] == "3.3"
    assert entry["nearest"]["kinds"] == ["non-assistance-to-aggressor"]
    assert entry["nearest"]["why"] == (
        "non-assistance to an aggressor: the obligation is negative and runs against "
        "the aggressor; it does not pledge help to the attacked party"
    )


def test_not_found_reports_coverage_of_placeholders():
    result = matrix([pledge_treaty(), partial_treaty()])
    entry = result["missing"]["mutual-defence"]["partial"]
    assert entry["status"] == "not-found"
    assert entry["note"] == (
        "not found among 2 of 5 encoded articles; 3 placeholder articles are not "
        "encoded"
    )
    assert entry["sources"] == []
    assert entry["nearest"]["ref"] == "1"
    assert entry["nearest"]["kinds"] == ["military-cooperation"]
    full = result["missing"]["consultation"]["partial"]
    assert full["status"] == "not-found"
    missing = matrix([partial_treaty(), pledge_treaty()])["missing"]
    note = missing["military-cooperation"]["pledge"]["note"]
    assert note == "not found in any of the 3 articles"


def test_nearest_falls_back_to_shared_cues():
    odd = Treaty(
        id="odd",
        articles=[
            Article(num="1", paragraphs=[para(TRADE)]),
            Article(
                num="2",
                paragraphs=[
                    para("The Parties may provide each other with help in science.")
                ],
            ),
        ],
    )
    entry = matrix([pledge_treaty(), odd])["missing"]["mutual-defence"]["odd"]
    assert entry["nearest"]["ref"] == "2"
    assert "shares cues with mutual defence" in entry["nearest"]["why"]


def test_nearest_is_none_when_nothing_resembles_the_kind():
    bare = Treaty(id="bare", articles=[Article(num="1", paragraphs=[para(TRADE)])])
    entry = matrix([pledge_treaty(), bare])["missing"]["mutual-defence"]["bare"]
    assert entry["nearest"] is None


def topic(kind: str, summary: str, **extra) -> dict:
    return {"kind": kind, "summary": summary, **extra}


def unplaced_treaty(*topics: dict, absences=()) -> Treaty:
    """Trade in Art. 1; the other topics are in the treaty, article unknown."""
    return Treaty(
        id="unplaced",
        kind="digest",
        articles=[Article(num="1", paragraphs=[para(TRADE)]), placeholder("2")],
        absences=absences,
        metadata={"articles_total": 2, "unplaced_topics": list(topics)},
    )


SANCTIONS = topic(
    "sanctions",
    "An article rejects unilateral coercive measures.",
    confidence="confirmed",
    sources=["https://example.org/ucm"],
)


def test_unplaced_topic_fills_the_empty_cell_without_a_ref():
    sanctions_clause = Article(
        num="9",
        paragraphs=[para("The Parties shall counter unilateral coercive measures.")],
    )
    other = attrs.evolve(
        pledge_treaty(), articles=[*pledge_treaty().articles, sanctions_clause]
    )
    result = matrix([other, unplaced_treaty(SANCTIONS)])
    assert result["provisions"]["sanctions"] == {"pledge": ["9"], "unplaced": []}
    entry = result["missing"]["sanctions"]["unplaced"]
    assert entry == {
        "status": "unplaced",
        "note": "An article rejects unilateral coercive measures.",
        "sources": ["https://example.org/ucm"],
        "nearest": None,
        "article": None,
        "confidence": "confirmed",
    }


def test_kinds_found_only_as_unplaced_topics_are_rows_for_every_treaty():
    energy = topic("energy", "Oil and gas fields are developed together.")
    result = matrix([pledge_treaty(), unplaced_treaty(energy), partial_treaty()])
    assert result["provisions"]["energy"] == {
        "pledge": [],
        "unplaced": [],
        "partial": [],
    }
    missing = result["missing"]["energy"]
    assert [e["status"] for e in missing.values()] == [
        "not-found",
        "unplaced",
        "not-found",
    ]
    assert missing["unplaced"]["sources"] == []
    assert missing["pledge"]["note"] == "not found in any of the 3 articles"
    assert missing["partial"]["note"].endswith("3 placeholder articles are not encoded")
    assert missing["unplaced"]["confidence"] is None
    order = list(TAXONOMY)
    assert list(result["provisions"]) == sorted(result["provisions"], key=order.index)
    for kind, by_treaty in result["provisions"].items():
        lacking = {tid for tid, refs in by_treaty.items() if not refs}
        assert set(result["missing"].get(kind, {})) == lacking, kind


def test_a_labelled_clause_beats_an_unplaced_topic_of_its_kind():
    trade = topic("trade-economy", "More trade.", confidence="confirmed")
    result = matrix([pledge_treaty(), unplaced_treaty(trade)])
    assert result["provisions"]["trade-economy"]["unplaced"] == ["1"]
    assert "unplaced" not in result["missing"].get("trade-economy", {})
    note = result["missing"]["mutual-defence"]["unplaced"]["note"]
    assert note == (
        "not found among 1 of 2 encoded articles; 1 placeholder article is not encoded"
    )


def test_a_confirmed_absence_beats_an_unplaced_topic_of_its_kind():
    absence = Absence(kind="sanctions", note="officials deny it", sources=["s"])
    result = matrix([unplaced_treaty(SANCTIONS, absences=[absence])])
    entry = result["missing"]["sanctions"]["unplaced"]
    assert entry["status"] == "confirmed-absent"
    assert entry["note"] == "officials deny it"


def test_unplaced_topics_of_one_kind_merge():
    first = topic(
        "duration", "Ten years.", article="7+", confidence="inferred", sources=["a"]
    )
    second = topic(
        "duration",
        "Renewed by itself.",
        article="8",
        confidence="confirmed",
        sources=["a", "b"],
    )
    third = topic("duration", "Five-year renewals.", article="8", sources=["c"])
    entry = matrix([unplaced_treaty(first, second, third)])["missing"]["duration"]
    assert entry["unplaced"] == {
        "status": "unplaced",
        "note": "Ten years. Renewed by itself. Five-year renewals.",
        "sources": ["a", "b", "c"],  # united, in order, without repeats
        "nearest": None,
        "article": "7+, 8",
        "confidence": "confirmed",
    }
    lone = matrix([unplaced_treaty(first)])["missing"]["duration"]["unplaced"]
    assert lone["confidence"] == "inferred" and lone["article"] == "7+"


@pytest.mark.parametrize(
    "bad", ["sanctions", {"kind": "sanctions"}, {"kind": 3, "summary": "x"}]
)
def test_malformed_unplaced_topics_raise_invalid_argument(bad):
    with pytest.raises(InvalidArgument, match="unplaced topic"):
        matrix([unplaced_treaty(bad)])


def test_bundled_iran_treaty_has_sanctions_at_an_unknown_article():
    result = matrix([bundled.load("ru-ir-2025"), bundled.load("ru-kp-2024")])
    assert result["provisions"]["sanctions"]["ru-ir-2025"] == []
    entry = result["missing"]["sanctions"]["ru-ir-2025"]
    assert entry["status"] == "unplaced" and entry["sources"]
    assert result["missing"]["mutual-defence"]["ru-ir-2025"]["status"] == (
        "confirmed-absent"
    )
    assert result["missing"]["energy"]["ru-ir-2025"]["status"] == "unplaced"


def test_matrix_of_nothing_is_empty_and_duplicates_are_refused():
    assert matrix([]) == {"provisions": {}, "labels": {}, "missing": {}}
    with pytest.raises(AlignmentError, match="duplicate"):
        matrix([pledge_treaty(), pledge_treaty()])


def test_a_curated_absence_is_a_row_even_when_no_treaty_has_the_kind() -> None:
    """Iran's confirmed lack of mutual defence shows against a treaty without it too."""
    data = matrix([bundled.load("ru-ir-2025"), bundled.load("ru-cn-2001")])
    assert data["provisions"]["mutual-defence"] == {"ru-ir-2025": [], "ru-cn-2001": []}
    assert (
        data["missing"]["mutual-defence"]["ru-ir-2025"]["status"] == "confirmed-absent"
    )
    assert data["missing"]["mutual-defence"]["ru-cn-2001"]["status"] == "not-found"


@given(
    st.lists(
        st.lists(
            st.sampled_from(["The Parties consult.", "Art. 5 applies", "and", "x."]),
            min_size=1,
            max_size=4,
        ).map(" ".join),
        min_size=1,
        max_size=8,
    )
)
def test_a_sentence_crosses_paragraphs_as_read_against_every_paragraph_end(
    paragraphs: list[str],
) -> None:
    # Regression: each sentence was checked against every paragraph end, n²
    # for an article of n one-sentence paragraphs; now against the next end.
    text = "\n".join(paragraphs)
    bounds, offset = [], 0
    for para in paragraphs:
        bounds.append((offset, offset + len(para)))
        offset += len(para) + 1
    ends = [b for _, b in bounds[:-1]]
    expected = any(s < b < e - 1 for s, e in sentences(text) for b in ends)
    assert _crosses(text, bounds) == expected
