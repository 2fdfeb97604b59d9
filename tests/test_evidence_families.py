"""Issue 9: families named by an article, and articles in the slot of one
linked article (treatydiff.alignment.evidence)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support import distinct_clause, treaty
from treatydiff.alignment import pairwise
from treatydiff.alignment.evidence import (
    RareWords,
    family_links,
    named_families,
    slot_links,
)
from treatydiff.alignment.pairwise import align

REFS = [str(k) for k in range(1, 13)] + ["12a", "12b"]


@pytest.mark.parametrize(
    ("at", "opening", "family"),
    [
        (2, "In the cases referred to in Articles 4 to 7, the rule applies.", "3-7"),
        (2, "In accordance with this Article and Articles 4 to 6.", "3-6"),
        (2, "Articles 4, 5 and 6 set out the details.", "3-6"),
        (11, "Subject to Articles 12a and 12b.", "12-14"),
        (2, "статьи 4-6 настоящего Соглашения применяются.", "3-6"),
        (2, "статьи 4, 5 и 6 применяются.", "3-6"),
        # The articles named do not follow the one that names them.
        (2, "In the cases referred to in Articles 5 to 7.", ""),
        (6, "Articles 4 to 6 apply.", ""),
        (2, "Articles 4 and 6 apply.", ""),
        # Another act's articles, paragraphs, articles the text lacks.
        (2, "Articles 4 to 6 of Regulation (EU) No 1093/2010 apply.", ""),
        (2, "статьи 4-6 Конвенции применяются.", ""),
        (2, "Articles 4(1), 5 and 6 apply.", ""),
        (2, "Articles 4, 5 and 6(2) apply.", ""),
        (2, "Articles 4 to 60 apply.", ""),
    ],
)
def test_an_article_announces_the_articles_that_follow_it(at, opening, family):
    texts = ["x"] * len(REFS)
    texts[at] = opening
    expected = []
    if family:
        first, last = map(int, family.split("-"))
        expected = [frozenset(range(first - 1, last))]
    assert named_families(texts, REFS) == expected


def test_only_the_opening_paragraph_announces():
    texts = ["x"] * len(REFS)
    texts[2] = "The rule.\nArticles 4 to 6 apply."
    assert named_families(texts, REFS) == []


edge_sets = st.sets(
    st.tuples(st.integers(0, 7), st.integers(0, 7)), min_size=1, max_size=10
)
families = st.lists(
    st.tuples(st.integers(0, 6), st.integers(2, 4)).map(
        lambda s: frozenset(range(s[0], min(s[0] + s[1], 8)))
    ),
    max_size=3,
)


def mirror(links):
    return sorted((j, i) for i, j in links)


@given(edge_sets, families, families)
def test_family_links_complete_splits_with_free_neighbouring_members(edges, fa, fb):
    """Law: each family link joins a member left without counterpart to an
    article already linked to two or more members of its side (one of them
    in the family), next to its pieces; the rule is symmetric in the sides,
    and without families it adds nothing."""
    found = family_links(edges, fa, fb)
    assert family_links(edges, [], []) == []
    assert family_links({(j, i) for i, j in edges}, fb, fa) == mirror(found)
    linked_a, linked_b = {i for i, _ in edges}, {j for _, j in edges}
    for i, j in found:
        assert (i in linked_a) != (j in linked_b)
        if i in linked_a:
            free, pieces, fams, taken = j, {m for k, m in edges if k == i}, fb, found
            near = pieces | {m for k, m in taken if k == i}
        else:
            free, pieces, fams = i, {k for k, m in edges if m == j}, fa
            near = pieces | {k for k, m in found if m == j}
        assert len(pieces) > 1
        assert any(free in f and f & pieces for f in fams)
        assert {free - 1, free + 1} & near


def test_a_family_announced_by_a_piece_completes_the_split(path):
    """Issue 9 (AML 39 -> 58, 59, 60, 61: new 58 opens "this Article and
    Articles 59 to 61"): article 2 is split into new 2 and 3, and new 4,
    rewritten in other words, follows them. Named with them by new 2 it is
    a piece as well; unnamed, it stays without counterpart."""
    c = distinct_clause
    a = treaty("a", c(10), [c(0), c(1), c(2), c(3), c(4), c(5)], c(11), c(12))
    rewritten = "Every ferry shall keep a register of each tug it hires."
    for opening, joins in (("Articles 3 and 4 apply to registers.", True), ("", False)):
        first = [opening, c(0), c(1), c(2)] if opening else [c(0), c(1), c(2)]
        b = treaty("b", c(10), first, [c(3), c(4), c(5)], rewritten, c(11), c(12))
        al = align(a, b)
        assert {("2", "2"), ("2", "3")} <= al.links
        assert (("2", "4") in al.links) is joins
        assert ("4" in al.unmatched_b) is not joins
        assert align(b, a) == al.mirror()


words = st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=6)


@given(edge_sets, st.lists(words, min_size=8, max_size=8), st.booleans())
def test_slot_links_join_the_one_linked_article_between_the_neighbours(
    edges, texts, explained
):
    """Law: a slot link joins an article left without counterpart whose two
    neighbours are linked to the only linked article between their
    counterparts, only where ``explains`` agrees; symmetric in the sides."""
    a, b = texts[:4] + texts[:4], texts[4:] + texts[:4]
    found = slot_links(edges, RareWords(a, b), lambda i, j: explained)
    mirrored = {(j, i) for i, j in edges}
    back = slot_links(mirrored, RareWords(b, a), lambda j, i: explained)
    assert back == mirror(found)
    assert explained or not found
    linked_a, linked_b = {i for i, _ in edges}, {j for _, j in edges}
    for i, j in found:
        assert (i in linked_a) != (j in linked_b)
        if i in linked_a:
            free, other, near = j, i, mirrored
            linked = linked_a
        else:
            free, other, near = i, j, edges
            linked = linked_b
        before = max(k for f, k in near if f == free - 1)
        after = min(k for f, k in near if f == free + 1)
        assert [k for k in linked if before < k < after] == [other]


def test_an_article_folded_into_its_neighbours_successor_joins_it(path):
    """Issue 9 (AML 31, 34 -> 45): old 4, rewritten, sits between two
    linked neighbours, and the one article between their successors (new 3,
    the successor of old 2) holds its rare words and is explained better
    with it: it is merged there (without the rule it stays unmatched)."""
    a = treaty("a", c(10), [c(3), c(4)], c(1), FOLDED, c(2), c(11))
    b = treaty("b", c(10), c(1), [c(3), c(4), REWORDED], c(2), c(11))
    al = align(a, b)
    assert al.links == {("1", "1"), ("2", "3"), ("3", "2"), ("4", "3")} | {
        ("5", "4"),
        ("6", "5"),
    }
    assert {p.kind for p in al.pairs if p.b == "3"} == {"merge"}
    assert align(b, a) == al.mirror()


def test_a_slot_article_that_explains_nothing_more_stays_out(path):
    """Regression (ToTA pta_149 -> pta_150: an investment "Definitions"
    article joined a financial-services "Definitions" article, their rare
    words agreeing both ways): the joined article must be explained better
    with the newcomer than by its partner alone. Here the newcomer holds the
    same rare words as above, but far more words new 3 lacks."""
    longer = FOLDED.replace(".", ", the pilot, the crane, the anchor, the buoy.")
    a = treaty("a", c(10), [c(3), c(4)], c(1), longer, c(2), c(11))
    b = treaty("b", c(10), c(1), [c(3), c(4), REWORDED], c(2), c(11))
    al = align(a, b)
    assert "4" in al.unmatched_a
    assert align(b, a) == al.mirror()


c = distinct_clause
FOLDED = (
    "Every ferry shall keep a register of each tug it hires, with the harbour master."
)
REWORDED = "A ferry register lists every tug hired."


@pytest.fixture(params=["dense", "sparse"])
def path(request, monkeypatch):
    """Both alignment paths: the sparse one (for big treaties) forced."""
    if request.param == "sparse":
        monkeypatch.setattr(pairwise, "_LARGE_CELLS", 0)
    return request.param
