"""The corpus index: building, incremental updates, failures, interruption, workers."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.corpus_support import CLAUSES, tota_xml, write_corpus
from treatydiff import read
from treatydiff.corpus import Corpus, extract, indexer
from treatydiff.corpus.minhash import BANDS, band_keys, band_keys_many
from treatydiff.corpus.search import _rare_words
from treatydiff.errors import CorpusError, InvalidArgument
from treatydiff.model import Article, Label, Paragraph, Treaty
from treatydiff.provisions import label_treaty


def _contents(db: Path) -> list[tuple[object, ...]]:
    """Everything stored, without row ids (which depend on write order)."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT t.name, t.signed, t.parties, t.lang, a.pos, a.ref, a.heading, a.text,"
        " a.words, a.labels, a.keys FROM articles a JOIN treaties t"
        " ON t.id = a.treaty ORDER BY t.name, a.pos"
    ).fetchall()
    conn.close()
    return rows


def _consistent(db: Path) -> None:
    """Every article has its FTS row, and its bands unless it waits for them
    (``pending_bands``: the articles of an interrupted run, until the index is
    opened again); nothing points at a missing row."""
    conn = sqlite3.connect(db)
    q = conn.execute
    assert (
        q("SELECT count(*) FROM fts").fetchone()
        == q("SELECT count(*) FROM articles").fetchone()
    )
    assert not q(
        "SELECT 1 FROM bands WHERE article NOT IN (SELECT id FROM articles)"
    ).fetchall()
    assert not q(
        "SELECT 1 FROM articles WHERE treaty NOT IN (SELECT id FROM treaties)"
    ).fetchall()
    pending = q("SELECT since FROM pending_bands").fetchone()
    since = pending[0] if pending else sys.maxsize
    banded = q(
        "SELECT count(*) FROM articles WHERE keys IS NOT NULL AND id <= ?", (since,)
    ).fetchone()[0]
    assert q("SELECT count(DISTINCT article) FROM bands").fetchone()[0] == banded
    conn.close()


def test_index_stores_treaties_metadata_and_labels(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        summary = corpus.update([str(src)], jobs=1)
        treaties = list(corpus.treaties())
    assert len(summary.added) == 4 and summary.failed == ()
    first = treaties[0]
    assert (first.name, first.signed, first.parties, first.lang, first.articles) == (
        "pta_1",
        "1980-05-01",
        ("AAA", "BBB"),
        "en",
        3,
    )
    rows = _contents(tmp_path / "c.sqlite")
    defence = next(r for r in rows if r[0] == "pta_1" and r[5] == "1")
    assert "mutual-defence" in defence[9].split()
    _consistent(tmp_path / "c.sqlite")


def test_rerun_reads_only_new_or_changed_and_drops_deleted(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    db = tmp_path / "c.sqlite"
    with Corpus(db) as corpus:
        corpus.update([str(src)], jobs=1)
        again = corpus.update([str(src)], jobs=1)
        assert (again.added, again.updated, again.unchanged) == ((), (), 4)
        (src / "pta_4.xml").write_text(
            tota_xml(4, "2010-05-01", ("EEE", "FFF"), [CLAUSES["fish"]]),
            encoding="utf-8",
        )
        (src / "pta_3.xml").unlink()
        (src / "pta_5.xml").write_text(
            tota_xml(5, "2020-01-01", ("GGG", "HHH"), [CLAUSES["trade"]]),
            encoding="utf-8",
        )
        summary = corpus.update([str(src)], jobs=1)
        names = [t.name for t in corpus.treaties()]
    assert [Path(s).name for s in summary.added] == ["pta_5.xml"]
    assert [Path(s).name for s in summary.updated] == ["pta_4.xml"]
    assert [Path(s).name for s in summary.dropped] == ["pta_3.xml"]
    assert summary.unchanged == 2
    assert names == ["pta_1", "pta_2", "pta_4", "pta_5"]
    assert [r[5] for r in _contents(db) if r[0] == "pta_4"] == ["1"]
    _consistent(db)


def test_a_directory_that_cannot_be_listed_keeps_its_treaties(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: a subdirectory that could not be listed (permissions, a
    network mount gone away) was skipped in silence, so its treaties were
    taken as deleted and dropped from the index. They are kept now, and the
    run names the directory."""
    src = write_corpus(tmp_path / "src")
    (src / "sub").mkdir()
    (src / "pta_4.xml").rename(src / "sub" / "pta_4.xml")
    db = tmp_path / "c.sqlite"
    with Corpus(db) as corpus:
        corpus.update([str(src)], jobs=1)
        real_scandir = os.scandir

        def scandir(path: Any = ".") -> Any:
            if Path(path).name == "sub":
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
        summary = corpus.update([str(src)], jobs=1)
        names = [t.name for t in corpus.treaties()]
    assert summary.dropped == ()
    assert names == ["pta_1", "pta_2", "pta_3", "pta_4"]
    assert [(Path(f.source).name, f.error) for f in summary.failed] == [
        (
            "sub",
            "cannot list the directory (Permission denied); "
            "what the index holds from it is kept",
        )
    ]
    _consistent(db)


def test_a_bad_file_is_reported_and_skipped_every_run(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    (src / "broken.xml").write_text("<treaty><meta>", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        first = corpus.update([str(src)], jobs=1)
        second = corpus.update([str(src)], jobs=1)
    for summary in (first, second):
        assert sorted(Path(f.source).name for f in summary.failed) == [
            "broken.xml",
            "empty.txt",
        ]
        assert summary.treaties == 4
    assert "empty file" in next(f.error for f in first.failed if "empty" in f.source)
    assert second.unchanged == 6 and not second.added


def test_a_failed_source_is_named_once_in_the_summary(tmp_path: Path) -> None:
    # Was "failed: /p/empty.txt: /p/empty.txt: empty file".
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        summary = corpus.update([str(tmp_path / "empty.txt")], jobs=1)
    (failure,) = summary.failed
    assert str(tmp_path) not in failure.error and "empty file" in failure.error
    assert summary.lines()[1] == f"failed: {failure.source}: {failure.error}"


@pytest.mark.parametrize(("batch", "kept"), [(10_000, 0), (1, 2)])
def test_interrupted_run_leaves_a_consistent_index_the_next_run_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int, kept: int
) -> None:
    # Interrupted after two treaties are read: the batch in progress is rolled
    # back, batches committed before it stay.
    monkeypatch.setattr(indexer, "BATCH", batch)
    src = write_corpus(tmp_path / "src")
    db = tmp_path / "c.sqlite"

    def stop_after_two(done: int, total: int, source: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with Corpus(db) as corpus, pytest.raises(KeyboardInterrupt):
        corpus.update([str(src)], jobs=1, progress=stop_after_two)
    _consistent(db)
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM pending_bands").fetchone() == (1,)
    raw.close()
    with Corpus(db) as corpus:
        assert len(list(corpus.treaties())) == kept
        # Opening the index wrote the kept batches' band rows.
        assert not corpus.connection.execute("SELECT * FROM pending_bands").fetchall()
        assert (
            corpus.connection.execute(
                "SELECT count(DISTINCT article) FROM bands"
            ).fetchone()
            == corpus.connection.execute(
                "SELECT count(*) FROM articles WHERE keys IS NOT NULL"
            ).fetchone()
        )
        summary = corpus.update([str(src)], jobs=1)
    assert (len(summary.added), summary.unchanged, summary.treaties) == (
        4 - kept,
        kept,
        4,
    )
    _consistent(db)


def test_workers_give_the_same_index_as_one_process(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    for jobs in (1, 2):
        with Corpus(tmp_path / f"{jobs}.sqlite") as corpus:
            corpus.update([str(src)], jobs=jobs)
    assert _contents(tmp_path / "1.sqlite") == _contents(tmp_path / "2.sqlite")


def test_bundled_digests_are_indexed_by_id(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as corpus:
        summary = corpus.update(["ru-kp-2024"], jobs=1)
        again = corpus.update(["ru-kp-2024"], jobs=1)
        rows = list(corpus.census(["mutual-defence"]))
    assert summary.added == ("bundled:ru-kp-2024",) and again.unchanged == 1
    assert rows[0].refs == (("mutual-defence", ("4",)),)


def test_a_duplicate_treaty_id_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    other = tmp_path / "other"
    other.mkdir()
    (other / "pta_1.xml").write_text(
        tota_xml(1, "1999-01-01", ("X", "Y"), [CLAUSES["fish"]]), encoding="utf-8"
    )
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        summary = corpus.update([str(src), str(other / "pta_1.xml")], jobs=1)
    assert ["already indexed" in f.error for f in summary.failed] == [True]


def test_missing_path_and_missing_index_raise_corpus_errors(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as corpus, pytest.raises(CorpusError):
        corpus.update([str(tmp_path / "nowhere")])
    with pytest.raises(CorpusError, match="no such index"):
        Corpus(tmp_path / "absent.sqlite", create=False)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(CorpusError, match="not a treatydiff index"):
        Corpus(tmp_path / "junk.sqlite")


def test_an_empty_or_foreign_file_is_no_index_and_is_left_alone(
    tmp_path: Path,
) -> None:
    # A 0-byte file was opened as an index (SQLite takes it as a new database).
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(CorpusError, match=r"not a treatydiff index \(an empty file\)"):
        Corpus(empty, create=False)
    assert empty.read_bytes() == b""
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    for create in (False, True):
        with pytest.raises(CorpusError, match="not a treatydiff index"):
            Corpus(foreign, create=create)
    assert foreign.read_bytes() == before
    with Corpus(empty) as corpus:  # creating one there is fine
        assert list(corpus.treaties()) == []


words = st.lists(
    st.sampled_from(
        ["the", "parties", "shall", "agree", "to", "consult", "on", "trade"]
    )
)


@given(st.lists(words.map(" ".join), max_size=5))
def test_band_keys_in_batches_equal_one_at_a_time(texts: list[str]) -> None:
    assert band_keys_many(texts) == [band_keys(t) for t in texts]


@given(words.filter(lambda w: len(w) >= 2).map(" ".join))
def test_equal_texts_share_every_band(text: str) -> None:
    keys = band_keys(text)
    assert len(keys) == BANDS and keys == band_keys(text)


def test_the_dask_engine_without_dask_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # import dask → ImportError
    src = write_corpus(tmp_path / "src")
    with (
        Corpus(tmp_path / "c.sqlite") as corpus,
        pytest.raises(InvalidArgument, match=r"treatydiff\[dask\]"),
    ):
        corpus.update([str(src)], engine="dask")


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus, pytest.raises(InvalidArgument):
        corpus.update([str(src)], jobs=0)


def test_a_touched_but_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        target = src / "pta_1.xml"
        target.write_bytes(target.read_bytes())  # new mtime, same content
        touched = corpus.update([str(src)], jobs=1)
        again = corpus.update([str(src)], jobs=1)
    assert (touched.unchanged, touched.updated) == (4, ())
    assert again.unchanged == 4


def test_text_search_asks_fts_for_the_rarest_words_first(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        chosen = _rare_words(corpus.connection, ["the", "shall", "catch", "zzz"])
    assert chosen[:2] == ["zzz", "catch"]  # absent from the index, then 1 article
    assert chosen[-1] in {"the", "shall"}  # 10 articles each: within the budget


def test_each_distinct_article_is_labelled_once_as_it_would_be_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labelled: list[str] = []

    def counting(treaty: Treaty, refs: Collection[str] | None = None) -> Treaty:
        labelled.extend(refs or ())
        return label_treaty(treaty, refs)

    monkeypatch.setattr(extract.provisions, "label_treaty", counting)
    monkeypatch.setattr(extract, "_LABELS", {})
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update([str(src)], jobs=1)
        stored = {
            (name, ref): labels
            for name, ref, labels in corpus.connection.execute(
                "SELECT t.name, a.ref, a.labels FROM articles a"
                " JOIN treaties t ON t.id = a.treaty"
            )
        }
    # Ten articles, the consultation clause three times over: eight distinct.
    assert len(stored) == 10 and len(labelled) == 8
    alone = {
        (treaty.id, art.ref): " ".join(sorted({lab.kind for lab in art.labels}))
        for path in sorted(src.iterdir())
        for treaty in [label_treaty(read(path))]
        for art in treaty.articles
    }
    assert stored == alone
    assert stored["pta_3", "2"] == stored["pta_1", "2"] != ""


def test_an_article_with_labels_of_its_own_is_never_labelled_from_the_cache() -> None:
    art = Article(
        num="1",
        paragraphs=[Paragraph(text=CLAUSES["consult"])],
        labels=[Label(kind="consultation", confidence=1.0, source="curated")],
    )
    assert extract._label_key("en", art) is None
    assert extract._label_key("en", attrs.evolve(art, labels=())) is not None
