"""Property tests for your own alignment function, with treatydiff.strategies.

Drop this file into your project's tests and replace ``my_align`` with your
function: it takes two treaties and returns the set of (ref_a, ref_b) links.
``treaty_pairs()`` generates a treaty, a realistic redraft of it (reordered,
deleted, inserted, split, merged, reworded, renumbered articles) and the links
that the redraft implies.

    python -m pytest examples/test_my_alignment.py
"""

from hypothesis import given, settings
from hypothesis import strategies as st

import treatydiff
from treatydiff.strategies import redraft, treaties, treaty_pairs


def my_align(a: treatydiff.Treaty, b: treatydiff.Treaty) -> set[tuple[str, str]]:
    """Your alignment function goes here; this one is treatydiff's own.

    Generated dictionary text looks more alike by chance than real treaty text,
    so the no-match threshold is raised above its default (0.55).
    """
    return set(treatydiff.align(a, b, threshold=0.65).links)


@settings(deadline=None)
@given(treaty_pairs())
def test_recovers_the_redraft(case):
    original, revised, expected = case  # expected: set of (ref_a, ref_b)
    assert my_align(original, revised) == expected


@settings(deadline=None)
@given(treaties())
def test_a_treaty_aligns_with_itself(treaty):
    refs = {article.num for article in treaty.articles}
    assert my_align(treaty, treaty) == {(ref, ref) for ref in refs}


@settings(deadline=None)
@given(treaties(), st.randoms(use_true_random=False))
def test_links_name_real_articles(original, rng):
    revised = redraft(original, rng).revised  # a seeded, realistic redraft
    links = my_align(original, revised)
    assert {a for a, _ in links} <= {article.num for article in original.articles}
    assert {b for _, b in links} <= {article.num for article in revised.articles}
