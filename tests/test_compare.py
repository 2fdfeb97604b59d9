"""N-way comparison: groups, consistency, order independence, to_dict shape."""

from __future__ import annotations

import json
import random
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support import CUSTOMS, DISPUTES, NOTIFY, ORIGIN, SUBSIDY, SYNTHETIC, treaty
from treatydiff import bundled
from treatydiff.comparison import Comparison, compare
from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.report.view import FRAME_PARTS
from treatydiff.strategies import redraft, treaty_pairs


def test_three_way_groups_with_split_gap_and_move():
    a = treaty("a", CUSTOMS, [SUBSIDY, NOTIFY], DISPUTES, ORIGIN)
    b = treaty("b", ORIGIN, CUSTOMS, SUBSIDY, DISPUTES, NOTIFY)
    c = treaty("c", CUSTOMS, DISPUTES)
    comp = compare(a, b, c)
    got = [(dict(g.members), g.kind) for g in comp.groups]
    assert got == [
        ({"a": ("1",), "b": ("2",), "c": ("1",)}, "match"),
        ({"a": ("2",), "b": ("3", "5"), "c": ()}, "split"),
        ({"a": ("3",), "b": ("4",), "c": ("2",)}, "match"),
        ({"a": ("4",), "b": ("1",), "c": ()}, "match"),
    ]
    assert [g.moved["b"] for g in comp.groups] == [False, False, False, True]
    assert all(not g.moved["a"] and not g.moved["c"] for g in comp.groups)


def test_base_changes_split_into_merge_and_the_order():
    a = treaty("a", CUSTOMS, [SUBSIDY, NOTIFY], DISPUTES)
    b = treaty("b", SUBSIDY, CUSTOMS, DISPUTES, NOTIFY)
    comp = compare(a, b, base="b")
    assert comp.base == "b"
    assert [(g.members["b"], g.kind) for g in comp.groups] == [
        (("1", "4"), "merge"),
        (("2",), "match"),
        (("3",), "match"),
    ]


def test_unmatched_article_gets_a_single_group_after_its_neighbour():
    a = treaty("a", CUSTOMS, DISPUTES)
    b = treaty("b", CUSTOMS, SUBSIDY, DISPUTES)
    comp = compare(a, b)
    assert [dict(g.members) for g in comp.groups] == [
        {"a": ("1",), "b": ("1",)},
        {"a": (), "b": ("2",)},
        {"a": ("2",), "b": ("3",)},
    ]
    assert comp.groups[1].kind == "single" and comp.groups[1].score == 0.0


def test_placeholders_come_out_alone():
    a = treaty("a", CUSTOMS, DISPUTES)
    b = attrs.evolve(
        a, id="b", articles=[Article(num="1", encoded=False), a.articles[1]]
    )
    comp = compare(a, b)
    singles = [dict(g.members) for g in comp.groups if g.kind == "single"]
    assert {"a": (), "b": ("1",)} in singles and {"a": ("1",), "b": ()} in singles


def test_bad_input_raises_alignment_error():
    a = treaty("a", CUSTOMS)
    with pytest.raises(AlignmentError, match="at least two"):
        compare(a)
    with pytest.raises(AlignmentError, match="duplicate treaty ids: a"):
        compare(a, a)
    with pytest.raises(AlignmentError, match="unknown base 'x'"):
        compare(a, treaty("b", CUSTOMS), base="x")
    with pytest.raises(AlignmentError, match="no articles"):
        compare(a, Treaty(id="b"))
    with pytest.raises(InvalidArgument):
        compare(a, "b")


def test_pairwise_alignments_are_kept_and_mirrored():
    a, b = treaty("a", CUSTOMS, ORIGIN), treaty("b", ORIGIN, CUSTOMS)
    comp = compare(b, a)
    assert set(comp.alignments) == {("a", "b")}
    assert comp.alignment("b", "a") == comp.alignment("a", "b").mirror()
    with pytest.raises(InvalidArgument):
        comp.alignment("a", "z")


def test_to_dict_shape():
    a = treaty("a", CUSTOMS, DISPUTES, title="A", lang="en", signed_date="2001-01-01")
    b = attrs.evolve(
        treaty("b", DISPUTES, [SUBSIDY, NOTIFY]),
        kind="digest",
        metadata={"articles_total": 47},
        articles=[
            *treaty("b", DISPUTES, SUBSIDY).articles,
            Article(num="3", encoded=False),
        ],
    )
    comp = compare(a, b)
    data = comp.to_dict()
    json.dumps(data)
    assert comp.to_dict() == data and comp.to_dict() is not data  # built anew
    assert list(data) == [
        "format",
        "treaties",
        "base",
        "groups",
        "provisions",
        "labels",
        "missing",
        "notes",
    ]
    assert data["format"] == "treatydiff-comparison/1"
    assert data["base"] == "a"
    assert data["treaties"][0] == {
        "id": "a",
        "title": "A",
        "lang": "en",
        "kind": "text",
        "signed_date": "2001-01-01",
        "parties": [],
        "signed_place": None,
        "source": None,
        "articles": ["1", "2"],
        "placeholders": [],
        "coverage": {"encoded": 2, "total": 2},
    }
    assert data["treaties"][1]["placeholders"] == ["3"]
    assert data["notes"] == ["b: 2 of 47 articles encoded (digest)"]
    assert [g["id"] for g in data["groups"]] == [g.id for g in comp.groups]
    for group in data["groups"]:
        assert {
            "id",
            "members",
            "score",
            "kind",
            "basis",
            "moved",
            "texts",
            "headings",
            "change",
            "diffs",
        } <= set(group)
        assert set(group["members"]) == set(group["moved"]) == {"a", "b"}
        for tid, refs in group["members"].items():
            assert list(group["texts"][tid]) == refs == list(group["headings"][tid])
    disputes = next(g for g in data["groups"] if g["members"]["a"] == ["2"])
    assert disputes["members"]["b"] == ["1"]
    assert disputes["texts"]["b"]["1"] == DISPUTES


# --- laws ------------------------------------------------------------------


@st.composite
def families(draw: st.DrawFn) -> list[Treaty]:
    """An original treaty (distinct articles) and one or two redrafts of it."""
    original, revised, _ = draw(treaty_pairs(lang="en", max_articles=6))
    out = [original, revised]
    if draw(st.booleans()):
        again = redraft(original, random.Random(draw(st.integers(0, 10**6))))
        out.append(attrs.evolve(again.revised, id=f"{original.id}s"))
    return out


def _all_articles(ts: list[Treaty]) -> list[tuple[str, str]]:
    """Every article, preamble and closing formula (their groups' member refs)."""
    frame = [(t.id, part) for t in ts for part in FRAME_PARTS if getattr(t, part)]
    return sorted([(t.id, a.ref) for t in ts for a in t.articles] + frame)


def _group_set(comp: Comparison) -> set[tuple[tuple[str, tuple[str, ...]], ...]]:
    return {tuple(sorted(g.members.items())) for g in comp.groups}


@given(families(), st.randoms(use_true_random=False))
def test_groups_partition_are_consistent_and_order_independent(family, rng):
    comp = compare(*family)
    members = sorted(
        (tid, r) for g in comp.groups for tid, refs in g.members.items() for r in refs
    )
    assert members == _all_articles(family)
    for g in comp.groups:
        assert set(g.members) == {t.id for t in family}
        assert 0.0 <= g.score <= 1.0
        if any(len(refs) > 1 for refs in g.members.values()):
            assert g.kind in ("split", "merge", "regroup")
            several = {tid for tid, refs in g.members.items() if len(refs) > 1}
            regroup = comp.base in several and len(several) > 1
            assert (g.kind == "regroup") == regroup
    shuffled = list(family)
    rng.shuffle(shuffled)
    again = compare(*shuffled, base=family[0].id)
    assert _group_set(again) == _group_set(comp)
    assert again.groups == comp.groups
    assert compare(*family) == comp
    # Group ids cite the same groups whatever the order and the base.
    rebased = compare(*shuffled, base=shuffled[0].id)
    ids = {g.id: dict(g.members) for g in comp.groups}
    assert len(ids) == len(comp.groups)
    assert {g.id: dict(g.members) for g in rebased.groups} == ids


@given(families())
def test_two_way_groups_agree_with_the_pairwise_links(family):
    """With two treaties nothing can conflict, so groups hold every link.

    (With three or more, a link that conflicts with a stronger one through a
    third treaty is dropped, so N-way groups may leave a pairwise link out.)
    """
    original = family[0]
    for other in family[1:]:
        comp = compare(original, other, threshold=SYNTHETIC)
        for a, b in comp.alignment(original.id, other.id).links:
            group = next(g for g in comp.groups if a in g.members[original.id])
            assert b in group.members[other.id]


def test_digests_of_different_treaties_are_linked_by_curated_provisions():
    """Independent restatements share few words; shared curated kinds link them."""
    comp = compare(
        bundled.load("ru-ir-2025"),
        bundled.load("ru-kp-2024"),
        bundled.load("ru-by-2024"),
    )
    defence = next(g for g in comp.groups if g.members["ru-kp-2024"] == ("4",))
    assert defence.members["ru-by-2024"] == ("4",)
    assert defence.members["ru-ir-2025"] == ()
    assert defence.basis == ("provisions",)
    reordered = compare(
        bundled.load("ru-by-2024"),
        bundled.load("ru-kp-2024"),
        bundled.load("ru-ir-2025"),
    )

    def partition(c):
        return {
            (frozenset((t, r) for t, refs in g.members.items() for r in refs), g.basis)
            for g in c.groups
        }

    assert partition(comp) == partition(reordered)


def test_a_comparison_shows_itself_as_html_in_jupyter():
    html = compare(bundled.load("ru-ir-2025"), bundled.load("ru-kp-2024"))._repr_html_()
    assert "mutual-defence" in html
    assert "<script" not in html


def test_group_ids_of_bundled_digests_hold_under_order_and_base():
    """Regression (issue 12): ids were g1, g2, ... by position, so g25 became g19."""
    ids = ["ru-ir-2025", "ru-kp-2024", "ru-by-2024"]
    first = compare(*map(bundled.load, ids))
    second = compare(*map(bundled.load, reversed(ids)), base="ru-kp-2024")
    by_id = {g.id: dict(g.members) for g in first.groups}
    assert {g.id: dict(g.members) for g in second.groups} == by_id
    for g in first.groups:
        assert re.fullmatch(r"g[0-9a-f]{8}", g.id)
    report_ids = [g["id"] for g in first.to_dict()["groups"]]
    assert report_ids == [g.id for g in first.groups]


def _bundled_three() -> Comparison:
    return compare(
        *(bundled.load(t) for t in ("ru-ir-2025", "ru-kp-2024", "ru-by-2024"))
    )


def test_groups_carry_their_change_kind_and_placeholder_mark() -> None:
    comp = _bundled_three()
    data = comp.to_dict()
    assert [g.change for g in comp.groups] == [g["change"] for g in data["groups"]]
    assert [g.placeholder for g in comp.groups] == [
        g["placeholder"] for g in data["groups"]
    ]
    holes = [g for g in data["groups"] if g["placeholder"]]
    assert holes  # the digests encode few of their articles
    for group in holes:
        assert group["change"] is None  # never "added" for an empty placeholder
        assert all(d["change"] is None and d["ops"] == [] for d in group["diffs"])
    real = [g for g in comp.groups if not g.placeholder]
    assert all(g.change is not None for g in real)


def test_the_cli_lists_the_api_groups_that_are_not_placeholders() -> None:
    comp = _bundled_three()
    text = comp.render("text")
    table = text.split("Correspondence groups\n", 1)[1].split("\n\n", 1)[0]
    listed = [line.split()[0] for line in table.splitlines()[1:] if line[2] == "g"]
    assert listed == [g.id for g in comp.groups if not g.placeholder]


def test_a_comparison_gives_the_labels_of_each_article() -> None:
    comp = _bundled_three()
    kp = comp.labelled("ru-kp-2024")
    assert "mutual-defence" in {label.kind for label in kp.article("4").labels}
    with pytest.raises(InvalidArgument, match="compared: ru-ir-2025"):
        comp.labelled("nope")


def _run_into_one(n: int) -> tuple[Treaty, Treaty]:
    """n articles of one clause, and one article of n such paragraphs."""
    clause = "The Parties shall cooperate in all fields."
    one = Article(num="1", paragraphs=[Paragraph(text=clause)] * n)
    return treaty("a", *[clause] * n), Treaty(id="b", articles=[one])


def test_articles_run_into_one_are_one_merge_whose_pieces_share_their_refs() -> None:
    # Regression: 10,000 articles against the same clauses run into one
    # article took 268 s. Each of the merge's n pairs carried its own n refs
    # (n² refs, each read again by grouping); lap padded the n × 1 matrix to
    # a square; the article's sentences were checked against every paragraph
    # end; and the word diff of the group was one LCS of n × n lines' tokens.
    n = 300
    comp = compare(*_run_into_one(n))
    pairs = comp.alignments["a", "b"].pairs
    assert [(len(g.members["a"]), g.members["b"]) for g in comp.groups] == [(n, ("1",))]
    assert len(pairs) == n and {p.kind for p in pairs} == {"merge"}
    assert (
        len({id(p.a_refs) for p in pairs})
        == len({id(p.paragraphs) for p in pairs})
        == 1
    )
    assert comp.to_dict()["groups"][0]["members"]["a"] == [
        str(k) for k in range(1, n + 1)
    ]


def test_the_mirror_of_a_merge_is_a_split_whose_pieces_share_their_paragraphs() -> None:
    # Regression: seen from B, each of a merge's n pairs flipped and sorted
    # the n paragraph pairs of the group again (2,000 articles: 47 s).
    forward = compare(*_run_into_one(200)).alignments["a", "b"]
    back = forward.mirror()
    assert {p.kind for p in back.pairs} == {"split"}
    assert len({id(p.paragraphs) for p in back.pairs}) == 1
    assert back.pairs[0] == forward.pairs[0].mirror()
    assert back.mirror() == forward
