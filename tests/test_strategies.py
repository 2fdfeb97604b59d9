"""The public Hypothesis strategies generate valid, parser-safe treaties."""

from __future__ import annotations

import random
import re

from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from treatydiff.alignment.normalise import stem_words
from treatydiff.strategies import (
    EditRates,
    articles,
    clause_texts,
    redraft,
    treaties,
    treaty_pairs,
)

HEADING_WORDS = re.compile(
    r"^(Article|Статья|Chapter|Part|Section|Глава|Раздел|Done at|Совершено)\b"
)


def _texts(treaty):
    for art in treaty.articles:
        for para in art.paragraphs:
            yield para.text
            yield from (p.text for p in para.points)
    if treaty.preamble:
        yield treaty.preamble


def _clean(text: str) -> bool:
    return (
        text == text.strip()
        and "  " not in text
        and text[0].isupper()
        and text.endswith(".")
        and not HEADING_WORDS.match(text)
    )


@given(clause_texts())
def test_clause_texts_are_plain_sentences(text):
    assert _clean(text)


@given(
    st.sampled_from(["en", "ru"]).flatmap(
        lambda lang: st.tuples(st.just(lang), clause_texts(lang))
    )
)
def test_clause_texts_keep_their_language(pair):
    lang, text = pair
    cyrillic = bool(re.search("[а-яА-Я]", text))
    assert cyrillic == (lang == "ru")


@given(articles("7", "ru"))
def test_articles_number_paragraphs_and_label_points(art):
    assert art.ref == "7"
    nums = [p.num for p in art.paragraphs]
    assert nums == [None] or nums == [str(i + 1) for i in range(len(nums))]
    for para in art.paragraphs:
        assert [p.label for p in para.points] == list("абвгдежз"[: len(para.points)])


@given(treaties(min_articles=2, max_articles=5))
def test_treaties_are_valid(treaty):
    refs = [a.ref for a in treaty.articles]
    assert refs == [str(i + 1) for i in range(len(refs))]
    assert 2 <= len(refs) <= 5
    assert treaty.lang in ("en", "ru")
    if treaty.divisions:
        covered = [r for d in treaty.divisions for r in d.articles]
        assert covered == refs
        assert len({d.kind for d in treaty.divisions}) == 1
    assert all(_clean(t) for t in _texts(treaty))
    if treaty.closing:
        assert treaty.closing.startswith(("Done at", "Совершено"))


@given(treaty_pairs())
def test_treaty_pairs_expected_names_real_articles(pair):
    original, revised, expected = pair
    refs_a = {a.ref for a in original.articles}
    refs_b = [b.ref for b in revised.articles]
    assert refs_b == [str(i + 1) for i in range(len(refs_b))]
    assert {a for a, _ in expected} <= refs_a
    assert {b for _, b in expected} <= set(refs_b)
    assert original.id != revised.id
    assert all(_clean(t) for t in _texts(revised))


def _inserted(pair):
    _, revised, expected = pair
    return [b for b in revised.articles if b.ref not in {y for _, y in expected}]


@given(treaty_pairs())
def test_treaty_pairs_insert_articles_without_a_word_of_the_original(pair):
    """Regression: an inserted article drawn from the original's words once
    came out beside a deleted one (both last), each the other's best at 0.555,
    and the slot rule paired them, so the known answer was not recovered."""
    stems = {w for a in pair[0].articles for w in stem_words(a.text).split()}
    for art in _inserted(pair):
        assert stems.isdisjoint(stem_words(art.text).split())


def test_treaty_pairs_still_insert_articles():
    """The law above is not empty: inserted articles are still drawn."""
    quick = settings(
        phases=[Phase.generate], database=None, derandomize=True, max_examples=1000
    )
    pair = find(treaty_pairs(), lambda p: len(_inserted(p)) >= 1, settings=quick)
    assert all(len(a.text.split()) >= 8 for a in _inserted(pair))


@given(
    treaties(lang="en", min_articles=3, max_articles=6, min_sentences=2),
    st.integers(0, 1000),
)
def test_redraft_records_every_edit(original, seed):
    rates = EditRates(delete=0.2, split=0.2, merge=0.2, move=0.3, reword=1.0)
    result = redraft(original, random.Random(seed), rates=rates)
    linked_a = {a for a, _ in result.expected}
    assert result.deleted == {a.ref for a in original.articles} - linked_a
    assert result.inserted == frozenset()
    for ref, pieces in result.splits.items():
        assert {(ref, b) for b in pieces} <= result.expected and len(pieces) == 2
    for ref, sources in result.merges.items():
        assert {(a, ref) for a in sources} <= result.expected and len(sources) == 2
    assert result.moved <= linked_a
    assert redraft(original, random.Random(seed), rates=rates) == result
