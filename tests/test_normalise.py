"""Text processors: normalisation, light stemming, rapidfuzz processor contract."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from treatydiff.alignment.normalise import _words, normalize, stem, stem_words, tokens
from treatydiff.strategies import clause_texts


def test_normalize_nfkc_casefold_and_yo():
    assert normalize("ＡＢＣ ﬁnal Ёлка") == "abc final елка"


def test_normalize_strips_numbering_and_headings():
    text = (
        "Article 5\n1. The Parties shall:\n(a) co-operate;\nб) помогать.\nСтатья 7. Мир"
    )
    assert normalize(text) == "the parties shall co operate помогать мир"


def test_normalize_strips_inline_labels_keeps_numbers():
    assert (
        normalize("as in paragraph (b) within 30 days")
        == "as in paragraph within 30 days"
    )


def test_stem_english_inflections():
    assert [
        stem(w) for w in ("parties", "party", "measures", "applied", "applying", "duly")
    ] == [
        "party",
        "party",
        "measure",
        "apply",
        "apply",
        "duly",
    ]


def test_stem_russian_endings():
    forms = ["сторона", "стороны", "сторонами", "стороне"]
    assert {stem(w) for w in forms} == {"сторон"}
    assert stem("обязуются") == stem("обязуется")


def test_stem_keeps_short_words_and_numbers():
    assert [stem(w) for w in ("is", "ii", "1998", "gas")] == ["is", "ii", "1998", "gas"]


def test_tokens_and_stem_words_agree():
    text = "The Contracting Parties shall consult each other."
    assert stem_words(text) == " ".join(tokens(text))


def test_processors_plug_into_rapidfuzz():
    a, b = "Article 1. The PARTIES shall consult.", "1. the parties shall consult"
    assert fuzz.ratio(a, b, processor=normalize) == 100
    assert (
        fuzz.ratio("Parties consulted", "party consults", processor=stem_words) == 100
    )


@given(st.text())
def test_normalize_output_is_clean(text):
    out = normalize(text)
    assert out == out.strip()
    assert "  " not in out
    assert out == out.casefold()
    assert all(ch.isalnum() or ch == " " for ch in out)


@given(clause_texts())
def test_normalize_is_idempotent_on_clauses(text):
    assert normalize(normalize(text)) == normalize(text)
    assert stem_words(text).split() == tokens(text)


@given(st.text(st.characters(max_codepoint=127)) | st.text() | clause_texts())
def test_words_of_ascii_texts_read_as_the_regex_reads_them(text):
    # ASCII texts take a byte-translation path; every text reads as \w+ runs
    # without the underscore.
    assert _words(text) == " ".join(re.findall(r"\w+", text.replace("_", " ")))
