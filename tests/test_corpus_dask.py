"""The Dask engine gives the same index and reuse pairs as the process pool."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest

from tests.corpus_support import write_corpus
from treatydiff.corpus import Corpus
from treatydiff.corpus.engine import run

distributed = pytest.importorskip(
    "dask.distributed", reason="dask is an optional extra: pip install '.[dask]'"
)


def _contents(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT t.name, a.ref, a.text, a.labels, a.keys FROM articles a"
        " JOIN treaties t ON t.id = a.treaty ORDER BY t.name, a.pos"
    ).fetchall()
    conn.close()
    return rows


def test_local_cluster_gives_identical_index_and_reuse(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "pool.sqlite") as corpus:
        corpus.update([str(src)], jobs=2)
        expected = list(corpus.reuse(threshold=70, jobs=2))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Corpus(tmp_path / "dask.sqlite") as corpus,
    ):
        corpus.update([str(src)], scheduler=cluster.scheduler_address)
        pairs = list(corpus.reuse(threshold=70, scheduler=cluster.scheduler_address))
    assert expected and pairs == expected
    assert _contents(tmp_path / "pool.sqlite") == _contents(tmp_path / "dask.sqlite")


def test_engine_dask_starts_its_own_local_cluster(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "src")
    with Corpus(tmp_path / "c.sqlite") as corpus:
        summary = corpus.update([str(src)], engine="dask", jobs=1)
    assert summary.treaties == 4 and not summary.failed


def test_big_items_go_to_the_workers_by_scatter_not_in_the_graph() -> None:
    # Embedded in the task graph, Dask warned "Sending large graph of size ...".
    big = [b"x" * 6_000_000, b"y" * 6_000_000]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        warnings.catch_warnings(),
    ):
        warnings.filterwarnings("error", message=".*large graph.*")
        sizes = sorted(run(len, big, scheduler=cluster.scheduler_address))
    assert sizes == [6_000_000, 6_000_000]
