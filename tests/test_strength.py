"""Obligation strength on provision labels: read, kept when curated, reported."""

from __future__ import annotations

import json

import attrs
import lxml.html
import pytest

from treatydiff import Article, Label, Paragraph, Strength, Treaty, compare
from treatydiff.errors import InvalidArgument
from treatydiff.provisions import classify, label_treaty, matrix

ATTACK = "If either Party is subjected to an armed attack, the other Party "
NAPADENIE = "В случае если одна из Сторон подвергнется вооруженному нападению, "

CLAUSES = [
    (ATTACK + "shall immediately render it military assistance.", "binding"),
    (ATTACK + "undertakes to render it military assistance by all means.", "binding"),
    (
        ATTACK + "may provide assistance by means it deems appropriate.",
        "discretionary",
    ),
    (
        ATTACK + "shall provide such assistance as it deems necessary.",
        "discretionary",
    ),
    (
        ATTACK + "shall act to meet the common danger and render military "
        "assistance in accordance with its constitutional processes.",
        "discretionary",
    ),
    (
        NAPADENIE + "другая Сторона незамедлительно окажет ей военную помощь "
        "всеми имеющимися средствами.",
        "binding",
    ),
    (
        NAPADENIE + "другая Сторона может оказать ей военную помощь средствами, "
        "которые сочтет необходимыми.",
        "discretionary",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_defence_clause_strength(text: str, expected: str) -> None:
    (label,) = [lab for lab in classify(text) if lab.kind == "mutual-defence"]
    assert label.strength == expected


def test_kinds_that_fix_their_strength() -> None:
    labels = {
        lab.kind: lab.strength
        for lab in classify(
            "The Parties shall not join any alliance directed against the other "
            "Party. If a threat of aggression against either Party arises, the "
            "Parties shall immediately hold consultations."
        )
    }
    assert labels == {
        "consultation": Strength.CONSULTATIVE,
        "no-hostile-alliance": Strength.NEGATIVE,
    }


def test_endeavour_is_aspirational_and_shall_is_binding() -> None:
    (aspired,) = classify("The Parties shall endeavour to expand trade and investment.")
    (bound,) = classify("The Parties shall expand trade and investment.")
    assert (aspired.strength, bound.strength) == ("aspirational", "binding")


def test_unknown_strength_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="unknown strength 'firm'"):
        Label(kind="principles", strength="firm")


def _treaty(tid: str, text: str, labels: tuple[Label, ...] = ()) -> Treaty:
    para = Paragraph(num=None, text=text, labels=labels)
    return Treaty(id=tid, lang="en", articles=[Article(num="4", paragraphs=[para])])


def test_curated_strength_is_authoritative() -> None:
    curated = Label(kind="mutual-defence", source="curated", strength="discretionary")
    treaty = _treaty("t", CLAUSES[0][0], (curated,))
    (label,) = label_treaty(treaty).article("4").paragraphs[0].labels
    assert label == curated


def test_matrix_labels_carry_strength_confidence_and_evidence() -> None:
    text = CLAUSES[2][0]
    table = matrix([_treaty("t", text)])
    (entry,) = table["labels"]["mutual-defence"]["t"]
    assert entry["ref"] == "4"
    assert entry["strength"] == "discretionary"
    assert 0 < entry["confidence"] <= 1
    assert entry["source"] == "classifier"
    assert entry["evidence"]
    for span in entry["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]


def test_reports_tell_a_binding_pledge_from_a_discretionary_one() -> None:
    comp = compare(_treaty("firm", CLAUSES[0][0]), _treaty("soft", CLAUSES[2][0]))
    text = comp.render("text")
    row = next(
        line for line in text.splitlines() if line.strip().startswith("mutual-defence")
    )
    assert row.split()[1:] == ["4", "(binding)", "4", "(discretionary)"]
    assert "| mutual-defence | 4 (binding) | 4 (discretionary) |" in comp.render("md")
    doc = lxml.html.document_fromstring(comp.render("html"))
    row = doc.xpath("//tr[@id='provision-mutual-defence']")[0]
    assert [td.text_content() for td in row.xpath("td")] == [
        "4 (binding)",
        "4 (discretionary)",
    ]
    data = json.loads(comp.render("json"))
    cells = data["labels"]["mutual-defence"]
    assert [cells[t][0]["strength"] for t in ("firm", "soft")] == [
        "binding",
        "discretionary",
    ]
    assert data["provisions"]["mutual-defence"] == {"firm": ["4"], "soft": ["4"]}


def test_a_cell_with_refs_of_two_strengths_names_each() -> None:
    paras = [
        Paragraph(num="1", text=CLAUSES[0][0]),
        Paragraph(num="2", text=CLAUSES[2][0]),
    ]
    treaty = Treaty(id="t", lang="en", articles=[Article(num="4", paragraphs=paras)])
    out = compare(treaty, attrs.evolve(treaty, id="u")).render("text")
    assert "4.1 (binding), 4.2 (discretionary)" in out
