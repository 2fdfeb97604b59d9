"""Cross-language alignment: concepts, the own-words English/Russian pairs,
same-language comparisons unchanged, reports side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from treatydiff import align, compare
from treatydiff.alignment.crosslingual import (
    concept_words,
    languages_differ,
    treaty_language,
)
from treatydiff.alignment.normalise import stem_words
from treatydiff.formats.plaintext.parser import parse
from treatydiff.model import Treaty
from treatydiff.strategies import treaty_pairs
from treatydiff.vocabulary.concepts import CONCEPT_TABLES, concept_of, month_of

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "crosslingual"
GOLD: dict[str, dict[str, str]] = json.loads(
    (FIXTURES / "gold.json").read_text(encoding="utf-8")
)


def _pair(name: str) -> tuple[Treaty, Treaty]:
    en = parse((FIXTURES / f"{name}.en.txt").read_text("utf-8"), id="en")
    ru = parse((FIXTURES / f"{name}.ru.txt").read_text("utf-8"), id="ru")
    return en, ru


def test_every_language_table_names_the_same_concepts() -> None:
    names = {
        code: {line.split()[0] for line in text.strip().splitlines()}
        for code, text in CONCEPT_TABLES.items()
    }
    assert set(names) >= {"en", "ru"}
    assert all(found == names["en"] for found in names.values())


@pytest.mark.parametrize(
    ("en", "ru", "concept"),
    [
        ("sovereignty", "суверенитета", "sovereignty"),
        ("aggression", "агрессии", "aggression"),
        ("assistance", "помощь", "assistance"),
        ("consultations", "консультации", "consultation"),
        ("territory", "территории", "territory"),
        ("trade", "торговли", "trade"),
        ("energy", "энергетики", "energy"),
        ("transport", "транспортных", "transport"),
        ("customs", "таможенных", "customs"),
        ("ratification", "ратификации", "ratification"),
        ("notification", "уведомления", "notification"),
        ("parties", "сторон", "party"),
    ],
)
def test_both_languages_reach_one_concept(en: str, ru: str, concept: str) -> None:
    assert concept_of(en) == concept_of(ru) == concept


def test_whole_word_entries_do_not_match_longer_words() -> None:
    assert concept_of("war") == "war"
    assert concept_of("warrant") is None


def test_named_instrument_and_numbers_are_shared_evidence() -> None:
    en = concept_words("in accordance with Article 51 of the Charter of the UN")
    ru = concept_words("в соответствии со статьей 51 Устава ООН")
    assert en.split() == ru.split()


def test_dates_match_across_languages_and_may_is_no_month() -> None:
    assert (
        concept_words("on 12 March 2024")
        == concept_words("12 марта 2024 года")[: len(concept_words("on 12 March 2024"))]
    )
    assert "m3" in concept_words("12 марта 2024 года").split()
    assert not any(
        t.startswith("m") and t[1:].isdigit()
        for t in concept_words("the Parties may consult").split()
    )
    assert month_of("mayor") is None


def test_treaty_language_prefers_the_declared_one() -> None:
    en, ru = _pair("defence")
    assert (treaty_language(en), treaty_language(ru)) == ("en", "ru")
    assert languages_differ([en, ru])
    assert not languages_differ([en, en])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_own_words_pairs_align_across_languages(name: str) -> None:
    en, ru = _pair(name)
    al = compare(en, ru).alignments["en", "ru"]
    found = {(p.a, p.b) for p in al.pairs}
    want = set(GOLD[name].items())
    precision = len(found & want) / max(len(found), 1)
    recall = len(found & want) / len(want)
    assert 2 * precision * recall / max(precision + recall, 1e-9) >= 0.9
    lonely_en = {a.ref for a in en.articles} - set(GOLD[name])
    lonely_ru = {b.ref for b in ru.articles} - set(GOLD[name].values())
    assert lonely_en <= set(al.unmatched_a)
    assert lonely_ru <= set(al.unmatched_b)


def test_align_and_compare_agree_across_languages() -> None:
    en, ru = _pair("trade")
    assert align(en, ru).pairs == compare(en, ru).alignments["en", "ru"].pairs


def test_without_concepts_the_pair_does_not_align() -> None:
    """The concept scorer is what links them: stemmed words alone find nothing."""
    en, ru = _pair("defence")
    assert len(align(en, ru, processor=stem_words).pairs) <= 1
    assert len(align(en, ru).pairs) == len(GOLD["defence"])


@given(treaty_pairs())
def test_same_language_comparisons_use_words_as_before(pair) -> None:  # type: ignore[no-untyped-def]
    a, b = pair[0], pair[1]
    if languages_differ([a, b]):
        return
    assert (
        compare(a, b).alignments[min(a.id, b.id), max(a.id, b.id)].pairs
        == align(*sorted([a, b], key=lambda t: t.id), processor=stem_words).pairs
    )


def test_text_report_shows_clauses_side_by_side_with_a_language_note() -> None:
    en, ru = _pair("defence")
    text = compare(ru, en).render("text")
    assert "en is in en, ru in ru" in text
    assert "no word redline across languages" in text
    assert "[ru 3]" in text and "[en 3]" in text
    changes = text.split("marks:", 1)[1].split("\n", 1)[1]
    assert "[-" not in changes and "{+" not in changes


def test_json_and_markdown_reports_carry_no_word_ops_across_languages() -> None:
    en, ru = _pair("defence")
    data = compare(ru, en).to_dict()
    diffs = [d for g in data["groups"] for d in g["diffs"]]
    assert diffs and all(d["ops"] == [] for d in diffs)
    assert any("no word redline" in note for note in data["notes"])
    md = compare(ru, en).render("md")
    assert "| ru 3 | en 3 |" in md
