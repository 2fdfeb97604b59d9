"""The corpus commands: index, search, sources, reuse, census."""

from __future__ import annotations

import csv
import io
import json
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.corpus_support import CLAUSES, write_corpus
from treatydiff.cli import main
from treatydiff.corpus import Corpus, ReusePair
from treatydiff.corpus.tables import json_chunks, write_parquet


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    src = write_corpus(tmp_path / "src")
    (src / "bad.txt").write_text("no articles here, just words", encoding="utf-8")
    path = str(tmp_path / "c.sqlite")
    code, out, err = _run(["index", str(src), "--db", path, "--jobs", "1"], capsys)
    assert code == 0 and not err
    assert out.splitlines()[0].startswith("indexed 4 treaties, 10 articles: 4 added")
    assert out.splitlines()[1].startswith("failed: ") and "bad.txt" in out
    return path


def test_search_text_json_and_csv(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["search", "--db", db, CLAUSES["fish"], "-k", "2"], capsys)
    assert code == 0
    assert out.splitlines()[0].split() == [
        "TREATY",
        "REF",
        "HEADING",
        "SIGNED",
        "SCORE",
        "LABELS",
    ]
    assert out.splitlines()[1].startswith("pta_4")
    _, out, _ = _run(
        ["search", "--db", db, "--like", "pta_1:2", "--format", "json"], capsys
    )
    assert {(h["treaty"], h["ref"]) for h in json.loads(out)} == {
        ("pta_2", "2"),
        ("pta_3", "2"),
    }
    _, out, _ = _run(
        ["search", "--db", db, "--keyword", "quotas", "--format", "csv"], capsys
    )
    assert next(iter(csv.DictReader(io.StringIO(out))))["treaty"] == "pta_4"


def test_sources_text_and_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["sources", "--db", db, "pta_2"], capsys)
    assert code == 0 and out.startswith("pta_2 (signed 1990-05-01): 3 articles")
    assert "pta_1" in out
    _, out, _ = _run(["sources", "--db", db, "pta_2", "--format", "json"], capsys)
    data = json.loads(out)
    assert data["sources"] == [
        {"source": "pta_1", "signed": "1980-05-01", "articles": 3, "share": 1.0}
    ]


def test_reuse_csv_and_the_corpus_figure(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "pairs.csv"
    code, out, err = _run(
        ["reuse", "--db", db, "--jobs", "1", "-o", str(out_file)], capsys
    )
    assert code == 0 and out == ""
    assert err.strip() == (
        "5 article pairs with similarity >= 80; 1 treaties take >= 80% of their "
        "articles from a single earlier treaty"
    )
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert rows[0] == {
        "a_treaty": "pta_1",
        "a_ref": "1",
        "b_treaty": "pta_2",
        "b_ref": "1",
        "score": rows[0]["score"],
    }


@pytest.mark.parametrize(
    ("fmt", "to_file"),
    [("csv", True), ("csv", False), ("json", True), ("json", False), ("parquet", True)],
)
def test_reuse_writes_each_pair_as_it_comes_never_a_list_of_them(
    db: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    to_file: bool,
) -> None:
    # Regression: reuse made a list of every pair (11.7 M at 10x ToTA) before
    # writing; now at most a couple of pairs are alive at any time.
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the parquet extra")
    alive: weakref.WeakSet[ReusePair] = weakref.WeakSet()
    most = 0

    def reuse(self: Corpus, **kwargs: Any) -> Iterator[ReusePair]:
        nonlocal most
        for i in range(2000):
            most = max(most, len(alive))
            pair = ReusePair(
                a_treaty="pta_1", a_ref=str(i), b_treaty="pta_2", b_ref="1", score=90
            )
            alive.add(pair)
            yield pair

    monkeypatch.setattr(Corpus, "reuse", reuse)
    out = tmp_path / f"pairs.{fmt}"
    argv = ["reuse", "--db", db, "--format", fmt] + (
        ["-o", str(out)] if to_file else []
    )
    code, text, err = _run(argv, capsys)
    assert code == 0 and most <= 2
    assert err.startswith("2000 article pairs with similarity >= 80; 0 treaties")
    if fmt == "parquet":
        parquet = pytest.importorskip("pyarrow.parquet")
        assert parquet.read_table(out).column("a_ref").to_pylist()[-1] == "1999"
        return
    written = out.read_text(encoding="utf-8") if to_file else text
    if fmt == "json":
        assert json.loads(written)[-1] == {
            "a_treaty": "pta_1",
            "a_ref": "1999",
            "b_treaty": "pta_2",
            "b_ref": "1",
            "score": 90,
        }
        return
    lines = written.splitlines()
    assert lines[0] == "a_treaty,a_ref,b_treaty,b_ref,score" and len(lines) == 2001
    assert lines[-1] == "pta_1,1999,pta_2,1,90"


@given(
    st.lists(
        st.fixed_dictionaries(
            {"t": st.text(), "n": st.floats(allow_nan=False), "b": st.booleans()}
        ),
        max_size=20,
    ),
    st.integers(min_value=1, max_value=6),
)
@example([{"t": "a\x85b\u2028c", "n": 0.0, "b": False}], 1)  # not line ends
def test_json_in_pieces_is_the_whole_array_as_json_dumps_writes_it(
    rows: list[dict[str, Any]], size: int
) -> None:
    pieces = list(json_chunks(iter(rows), size=size))
    assert "".join(pieces) == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    assert len(pieces) == -(-len(rows) // size) + 1  # ``size`` rows a piece, the end


def test_reuse_aligned_into_a_missing_directory_fails_before_any_output(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Regression: the pairs file was written, then --aligned failed.
    out, links = tmp_path / "pairs.csv", tmp_path / "no" / "links.csv"
    argv = ["reuse", "--db", db, "--jobs", "1", "-o", str(out), "--aligned", str(links)]
    code, _, err = _run(argv, capsys)
    assert code == 1 and err.startswith("treatydiff: error: ") and str(links) in err
    assert len(err.splitlines()) == 1 and not out.exists()


def test_parquet_in_row_groups_reads_back_and_a_failure_leaves_nothing(
    tmp_path: Path,
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="the parquet extra")
    rows = [{"t": f"x{i}", "n": i / 2} for i in range(5)]
    out = tmp_path / "rows.parquet"
    write_parquet(iter(rows), str(out), columns=("t", "n"), batch=2)
    assert parquet.ParquetFile(out).num_row_groups == 3
    assert parquet.read_table(out).to_pylist() == rows

    def failing() -> Iterator[dict[str, Any]]:
        yield from rows
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_parquet(failing(), str(tmp_path / "no.parquet"), columns=("t",), batch=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.parquet"]


def test_census_csv_and_html(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["census", "--db", db, "--provision", "mutual-defence"], capsys)
    assert code == 0
    assert out.splitlines()[:3] == [
        "treaty,signed,parties,mutual-defence",
        "pta_1,1980-05-01,AAA BBB,1",
        "pta_2,1990-05-01,AAA CCC,1",
    ]
    _, out, _ = _run(["census", "--db", db, "--format", "html"], capsys)
    assert out.startswith("<!DOCTYPE html>") and "mutual-defence" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["search", "--db", "{missing}", "text"], "no such index"),
        (["census", "--db", "{empty}"], "not a treatydiff index (an empty file)"),
        (["search", "--db", "{db}"], "TEXT or --like"),
        (["search", "--db", "{db}", "--like", "pta_1"], "TREATY:REF"),
        (["search", "--db", "{db}", "--like", "pta_1:99"], "no article"),
        (["sources", "--db", "{db}", "pta_99"], "not in the index"),
        (["census", "--db", "{db}", "--provision", "nope"], "unknown provision"),
        (["index", "/no/such/dir", "--db", "{missing}"], "neither a file"),
    ],
)
def test_bad_input_is_one_error_line(
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    needle: str,
) -> None:
    missing = str(tmp_path / "missing.sqlite")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, _, err = _run(
        [a.format(db=db, missing=missing, empty=empty) for a in argv], capsys
    )
    assert empty.read_bytes() == b""
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1, err
    assert lines[0].startswith("treatydiff: error: ") and needle in lines[0]


def test_parquet_needs_a_file_and_pyarrow(
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A usage mistake (exit 2), as argparse's own; was exit 1.
    with pytest.raises(SystemExit) as stop:
        main(["reuse", "--db", db, "--jobs", "1", "--format", "parquet"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and len(err.splitlines()) == 1
    assert err.startswith("treatydiff: error: reuse: --format parquet needs -o FILE")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow → ImportError
    out = str(tmp_path / "pairs.parquet")
    code, _, err = _run(
        ["reuse", "--db", db, "--jobs", "1", "--format", "parquet", "-o", out], capsys
    )
    assert code == 1 and len(err.splitlines()) == 1 and "treatydiff[parquet]" in err
    assert not Path(out).exists()


def test_parquet_round_trip(db: str, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="the parquet extra")
    out = tmp_path / "pairs.parquet"
    assert (
        main(
            ["reuse", "--db", db, "--jobs", "1", "--format", "parquet", "-o", str(out)]
        )
        == 0
    )
    assert parquet.read_table(out).num_rows == 5


def test_reuse_aligned_says_which_article_became_which(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    links = tmp_path / "links.csv"
    code, _, err = _run(
        ["reuse", "--db", db, "--jobs", "1", "--aligned", str(links)], capsys
    )
    assert code == 0
    assert err.splitlines()[1] == (
        f"3 treaty pairs reusing >= 50% of either one's articles aligned: "
        f"5 links in {links}"
    )
    rows = list(csv.DictReader(links.open(encoding="utf-8")))
    assert [(r["a_treaty"], r["a_ref"], r["b_treaty"], r["b_ref"]) for r in rows] == [
        ("pta_1", "1", "pta_2", "1"),
        ("pta_1", "2", "pta_2", "2"),
        ("pta_1", "3", "pta_2", "3"),
        ("pta_1", "2", "pta_3", "2"),
        ("pta_2", "2", "pta_3", "2"),
    ]
    assert {r["link"] for r in rows} == {"match"}


def test_every_census_format_tells_absent_from_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite")
    src = write_corpus(tmp_path / "src")
    _run(["index", "ru-ir-2025", str(src / "pta_4.xml"), "--db", db], capsys)
    census = ["census", "--db", db, "--provision", "mutual-defence"]
    outs = {
        fmt: _run([*census, "--format", fmt], capsys)[1]
        for fmt in ("csv", "json", "text", "html")
    }
    assert outs["csv"].splitlines()[1:] == [
        "pta_4,2010-05-01,EEE FFF,not-found",
        "ru-ir-2025,2025-01-17,Russian Federation Islamic Republic of Iran,"
        "confirmed-absent",
    ]
    cells = {r["treaty"]: r["mutual-defence"] for r in json.loads(outs["json"])}
    assert cells == {"pta_4": "not-found", "ru-ir-2025": "confirmed-absent"}
    assert [line.split()[-1] for line in outs["text"].splitlines()[1:]] == [
        "not-found",
        "confirmed-absent",
    ]
    assert '<td class="confirmed-absent">confirmed-absent</td>' in outs["html"]
    assert '<td class="not-found">not-found</td>' in outs["html"]
