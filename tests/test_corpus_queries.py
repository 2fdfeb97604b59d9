"""Queries over a corpus index: search, sources, reuse, census."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray
from rapidfuzz import fuzz

from tests.corpus_support import CLAUSES, tota_xml, write_corpus
from treatydiff.alignment.normalise import normalize
from treatydiff.corpus import Corpus, ReuseTally
from treatydiff.corpus import sources as corpus_sources
from treatydiff.corpus.minhash import BANDS
from treatydiff.errors import InvalidArgument, UnknownRef


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as index:
        index.update([str(src)], jobs=1)
        yield index


def test_search_puts_the_same_clause_first(corpus: Corpus) -> None:
    hits = corpus.search(CLAUSES["science"], k=3)
    top = hits[0]
    assert (top.treaty, top.ref, top.score, top.signed) == (
        "pta_4",
        "1",
        100.0,
        "2010-05-01",
    )
    assert "science-technology" in top.labels
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_short_query_finds_by_keywords(corpus: Corpus) -> None:
    assert corpus.search("fisheries agencies", k=1)[0].treaty == "pta_4"


def test_like_excludes_the_article_itself(corpus: Corpus) -> None:
    hits = corpus.like("pta_1", "2", k=5)
    assert {(h.treaty, h.ref) for h in hits} == {("pta_2", "2"), ("pta_3", "2")}
    assert all(h.score == 100.0 for h in hits)
    with pytest.raises(UnknownRef):
        corpus.like("pta_1", "99")


def test_keyword_search_and_its_errors(corpus: Corpus) -> None:
    assert [(h.treaty, h.ref) for h in corpus.keyword('"catch quotas"')] == [
        ("pta_4", "2")
    ]
    with pytest.raises(InvalidArgument, match="bad keyword query"):
        corpus.keyword('"unclosed')


def test_sources_share_and_earliest_source(corpus: Corpus) -> None:
    report = corpus.sources("pta_3")
    assert report.compared == 2
    assert [(s.treaty, s.articles, s.share) for s in report.sources] == [
        ("pta_1", 1, 0.5),
        ("pta_2", 1, 0.5),
    ]
    first, second = report.articles
    assert first.source is None
    assert (second.source, second.source_ref, second.signed) == (
        "pta_1",
        "2",
        "1980-05-01",
    )
    assert corpus.sources("pta_1").sources == ()  # nothing earlier


def _exhaustive(corpus: Corpus, threshold: float) -> set[tuple[str, str, str, str]]:
    rows = corpus.connection.execute(
        "SELECT t.name, t.signed, a.ref, a.text FROM articles a JOIN treaties t"
        " ON t.id = a.treaty WHERE a.keys IS NOT NULL"
    ).fetchall()
    found = set()
    for x, y in itertools.combinations(rows, 2):
        if x[0] != y[0] and fuzz.ratio(normalize(x[3]), normalize(y[3])) >= threshold:
            a, b = sorted((x, y), key=lambda r: (r[1], r[0]))
            found.add((a[0], a[2], b[0], b[2]))
    return found


@pytest.mark.parametrize("threshold", [70, 80, 95])
def test_reuse_equals_exhaustive_comparison_on_a_small_corpus(
    corpus: Corpus, threshold: float
) -> None:
    pairs = list(corpus.reuse(threshold=threshold, jobs=1))
    assert {(p.a_treaty, p.a_ref, p.b_treaty, p.b_ref) for p in pairs} == (
        _exhaustive(corpus, threshold)
    )
    assert all(type(p.score) is float and p.score >= threshold for p in pairs)
    assert pairs == sorted(
        pairs, key=lambda p: (p.a_treaty, p.a_ref, p.b_treaty, p.b_ref)
    )


def test_reuse_is_the_same_with_workers(corpus: Corpus) -> None:
    assert list(corpus.reuse(jobs=2)) == list(corpus.reuse(jobs=1))


def test_copies_names_treaties_taken_from_one_earlier_treaty(corpus: Corpus) -> None:
    pairs = list(corpus.reuse(jobs=1))
    assert [(c.treaty, c.source, c.share) for c in corpus.copies(pairs)] == [
        ("pta_2", "pta_1", 1.0)
    ]
    assert len(corpus.copies(pairs, share=0.5)) == 2


def test_copies_and_aligned_are_the_same_from_a_tally_of_the_pairs(
    corpus: Corpus,
) -> None:
    pairs = list(corpus.reuse(jobs=1, threshold=50))
    tally = ReuseTally()
    assert list(tally.count(iter(pairs))) == pairs  # passes them through
    assert tally.pairs == len(pairs)
    for share in (0.3, 0.5, 0.8):
        assert corpus.copies(tally, share=share) == corpus.copies(pairs, share=share)
        assert list(corpus.aligned(tally, share=share, jobs=1)) == list(
            corpus.aligned(pairs, share=share, jobs=1)
        )


def test_census_rows_and_kind_filter(corpus: Corpus) -> None:
    rows = {r.treaty: r for r in corpus.census(["mutual-defence"])}
    assert rows["pta_1"].refs == (("mutual-defence", ("1",)),)
    assert rows["pta_4"].refs == (("mutual-defence", ()),)
    assert rows["pta_1"].as_row() == {
        "treaty": "pta_1",
        "signed": "1980-05-01",
        "parties": "AAA BBB",
        "mutual-defence": "1",
    }
    assert rows["pta_4"].as_row()["mutual-defence"] == "not-found"
    with pytest.raises(InvalidArgument, match="unknown provision kind"):
        list(corpus.census(["no-such-kind"]))


def test_treaty_pairs_reusing_half_their_articles_are_aligned(tmp_path: Path) -> None:
    # pta_5 takes pta_4's two articles in the other order, and one of pta_1's
    # three: which article became which is what the alignment says.
    src = write_corpus(tmp_path / "src")
    c = CLAUSES
    (src / "pta_5.xml").write_text(
        tota_xml(
            5, "2020-05-01", ("EEE", "GGG"), [c["fish"], c["science"], c["force"]]
        ),
        encoding="utf-8",
    )
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        pairs = list(corpus.reuse())
        links = list(corpus.aligned(pairs, share=0.6))
        every = {(c.a_treaty, c.b_treaty) for c in corpus.aligned(pairs, share=0)}
    assert [(c.a_treaty, c.a_ref, c.b_treaty, c.b_ref, c.moved) for c in links] == [
        ("pta_1", "1", "pta_2", "1", False),
        ("pta_1", "2", "pta_2", "2", False),
        ("pta_1", "3", "pta_2", "3", False),
        ("pta_4", "1", "pta_5", "2", True),
        ("pta_4", "2", "pta_5", "1", True),
    ]
    assert {c.share for c in links if c.b_treaty == "pta_5"} == {1.0}
    # Below the share: pta_1 / pta_5 share one article of three.
    assert ("pta_1", "pta_5") in every and ("pta_1", "pta_5") not in {
        (c.a_treaty, c.b_treaty) for c in links
    }


def test_census_tells_a_confirmed_absence_from_not_found(tmp_path: Path) -> None:
    # ru-ir-2025 records a curated absence of mutual defence and sanctions at
    # an unknown article; pta_4 has neither, and nothing recorded.
    src = write_corpus(tmp_path / "src")
    kinds = ["mutual-defence", "sanctions"]
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update(["ru-ir-2025", "ru-kp-2024", str(src / "pta_4.xml")], jobs=1)
        rows = {r.treaty: r for r in corpus.census(kinds)}
        every = next(corpus.census()).status
    assert rows["ru-ir-2025"].status == (
        ("mutual-defence", "confirmed-absent"),
        ("sanctions", "unplaced"),
    )
    assert rows["ru-kp-2024"].status[0] == ("mutual-defence", "present")
    assert rows["pta_4"].status == (
        ("mutual-defence", "not-found"),
        ("sanctions", "not-found"),
    )
    assert rows["ru-ir-2025"].refs[0] == ("mutual-defence", ())
    assert "mutual-defence" in dict(every)


def test_reuse_pairs_articles_of_equal_normalised_texts_at_100(tmp_path: Path) -> None:
    """Texts equal once normalised (case, punctuation) are one candidate: every
    pair of their articles in different treaties comes out, at 100, and the
    same treaty's two copies do not pair with each other."""
    c = CLAUSES
    loud = c["consult"].upper().replace(" ", ", ")
    src = tmp_path / "src"
    src.mkdir()
    for ident, arts in enumerate(
        [[c["consult"], loud], [loud, c["fish"]], [c["consult"], c["science"]]],
        start=1,
    ):
        (src / f"pta_{ident}.xml").write_text(
            tota_xml(ident, f"19{ident}0-01-01", ("AAA", "BBB"), arts),
            encoding="utf-8",
        )
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        pairs = list(corpus.reuse(jobs=1))
        assert {(p.a_treaty, p.a_ref, p.b_treaty, p.b_ref) for p in pairs} == (
            _exhaustive(corpus, 80)
        )
    assert [(p.a_treaty, p.a_ref, p.b_treaty, p.b_ref, p.score) for p in pairs] == [
        ("pta_1", "1", "pta_2", "1", 100.0),
        ("pta_1", "1", "pta_3", "1", 100.0),
        ("pta_1", "2", "pta_2", "1", 100.0),
        ("pta_1", "2", "pta_3", "1", 100.0),
        ("pta_2", "1", "pta_3", "1", 100.0),
    ]


@pytest.mark.parametrize(("chunk", "jobs"), [(1, 1), (3, 2), (50, 1)])
def test_reuse_is_the_same_whatever_the_pieces_of_candidate_work(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, chunk: int, jobs: int
) -> None:
    every = list(corpus.reuse(threshold=50, jobs=1))
    monkeypatch.setattr(corpus_sources, "CHUNK", chunk)
    assert every and list(corpus.reuse(threshold=50, jobs=jobs)) == every


@given(
    keys=arrays(
        np.int64,
        st.tuples(st.just(BANDS), st.integers(0, 12)),
        elements=st.integers(0, 3),
    ),
    data=st.data(),
    chunk=st.integers(1, 8),
    threshold=st.sampled_from([0, 50, 80, 100]),
)
def test_candidate_units_give_each_colliding_pair_exactly_once(
    keys: NDArray[np.int64], data: st.DataObject, chunk: int, threshold: float
) -> None:
    """Whatever the size of the pieces, the text pairs sharing a band key
    whose lengths allow the threshold come out once each, smaller index first."""
    n = keys.shape[1]
    lengths = data.draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    texts = ["x" * size for size in lengths]
    order = np.argsort(keys, axis=1, kind="stable").astype(np.int32)
    bands = corpus_sources._Bands(
        texts, np.array(lengths, np.int64), keys, order, threshold
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpus_sources, "CHUNK", chunk)
        found = [
            pair
            for unit in corpus_sources._units(bands)
            for pair in zip(*corpus_sources._candidates(bands, unit), strict=True)
        ]
    expected = {
        (u, v)
        for u, v in itertools.combinations(range(n), 2)
        if (keys[:, u] == keys[:, v]).any()
        and 200 * min(lengths[u], lengths[v]) >= threshold * (lengths[u] + lengths[v])
    }
    assert sorted((int(u), int(v)) for u, v in found) == sorted(expected)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_corpus_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(
    start: str,
) -> None:
    """Corpus tables (search, sources, reuse, census) are written by one
    function; a cell a spreadsheet would run as a formula is defused there."""
    from treatydiff.corpus.tables import render_rows

    out = render_rows([{"heading": start + "HYPERLINK(1)", "score": -0.5}], "csv")
    (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    cell = "'" + start.replace("\r", "\n") + "HYPERLINK(1)"  # CR written as LF
    assert row == {"heading": cell, "score": "-0.5"}
