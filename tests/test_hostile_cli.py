"""Hostile input through every subcommand: one error line, the right exit
status, nothing done or written in vain."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treatydiff.cli import main

OK = "Article 1\nThe Parties shall consult each other.\n\nArticle 2\nDone at Geneva.\n"


def _one_line(capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("treatydiff: error: "), err
    for needle in needles:
        assert needle in err, err
    return err


@pytest.fixture
def ok(tmp_path: Path) -> Path:
    path = tmp_path / "ok.txt"
    path.write_text(OK, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        ([], "required: COMMAND"),
        (["parse"], "parse: the following arguments are required: file"),
        (["compare", "a", "b", "--format", "pdf"], "compare: argument --format"),
        (["compare", "ru-ir-2025"], "compare needs at least two treaties"),
        (["show", "ru-ir-2025", "3.3", "--format", "akn"], "not akn"),
        (["search", "x", "--db", "i.sqlite", "-k", "0"], "-k: must be a number"),
        (["search", "x", "--db", "i.sqlite", "-k", "ten"], "not 'ten'"),
        (["sources", "t", "--db", "i.sqlite", "--threshold", "nan"], "0 and 100"),
        (["reuse", "--db", "i.sqlite", "--threshold", "101"], "not '101'"),
        (["search", "x", "--db", "i.sqlite", "-k", "9" * 20], "-k: must be a number"),
        (["reuse", "--db", "i.sqlite", "--share", "nan"], "between 0 and 1"),
        (["index", "x.txt", "--db", ""], "--db: must name a file"),
        (["reuse", "--db", "i.sqlite", "--align-share", "2"], "not '2'"),
        (["census"], "census: the following arguments are required: --db"),
    ],
)
def test_a_usage_mistake_is_one_line_and_exit_2(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: argparse printed its usage lines too, and -k 0 or a NaN
    # threshold were taken.
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    _one_line(capsys, needle, "(see 'treatydiff")


@pytest.mark.parametrize("label", ["ru-kp-2024", "mine"])
def test_a_device_in_an_id_file_pair_is_refused_not_read(
    label: str, ok: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: ru-kp-2024=/dev/zero read without end.
    assert main(["compare", f"{label}={os.devnull}", str(ok)]) == 1
    _one_line(capsys, "not a regular file (a character device)")


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "ru-ir-2025", "ru-kp-2024"],
        ["parse", "OK"],
        ["show", "ru-kp-2024"],
        ["reuse", "--db", "INDEX"],
        ["census", "--db", "INDEX"],
        ["search", "consult", "--db", "INDEX"],
    ],
)
@pytest.mark.parametrize("target", ["gone/out.txt", "adir"])
def test_a_bad_output_path_fails_before_the_work(
    command: list[str],
    target: str,
    tmp_path: Path,
    ok: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Regression: reuse printed its figure, and compare did all its work,
    # before the output path was found wrong.
    index = tmp_path / "i.sqlite"
    assert main(["index", str(ok), "--db", str(index), "--jobs", "1"]) == 0
    capsys.readouterr()
    (tmp_path / "adir").mkdir()
    argv = [
        str(ok) if a == "OK" else str(index) if a == "INDEX" else a for a in command
    ]
    out = tmp_path / target
    assert main([*argv, "-o", str(out)]) == 1
    _one_line(capsys, str(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "i.sqlite", "ok.txt"]
    assert not any((tmp_path / "adir").iterdir())


def test_a_line_break_in_a_path_stays_inside_the_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: the newline of the name split the error over two lines.
    assert main(["parse", str(tmp_path / "two\nli\tnes.txt")]) == 1
    _one_line(capsys, "two\\nli\\tnes.txt: No such file or directory")


def test_a_stray_nul_in_utf8_text_is_not_read_as_utf16(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: an even-length UTF-8 file with one NUL decoded as UTF-16
    # (CJK) and gave "no articles found".
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Article 1\nText\x00more.\n\nArticle 2\nOther text.\n")
    assert len(path.read_bytes()) % 2 == 0
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Text\ufffdmore." in out
    assert "Article 2" in out


def test_a_file_name_that_is_not_utf8_is_shown_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: the name's lone surrogates reached JSON, Akoma Ntoso and
    # the group ids, and encoding them was a traceback.
    name = os.fsdecode(b"\xff\xfe.txt")
    (tmp_path / name).write_text(OK, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(OK.replace("consult", "inform"), encoding="utf-8")
    for argv in (
        ["parse", str(tmp_path / name), "--format", "json"],
        ["parse", str(tmp_path / name), "--format", "akn"],
        ["compare", str(tmp_path / name), str(other), "--format", "json"],
    ):
        assert main(argv) == 0, argv
        assert "\ufffd\ufffd" in capsys.readouterr().out


def test_an_index_lists_a_file_name_that_is_not_utf8_as_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: SQLite keys sources by path as text; the name's lone
    # surrogates stopped the whole run ("unexpected UnicodeEncodeError").
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(b"\xff\xfe.txt")).write_text(OK, encoding="utf-8")
    (corpus / "good.txt").write_text(OK, encoding="utf-8")
    db = str(tmp_path / "i.sqlite")
    for _ in range(2):  # listed again each run, never stored
        assert main(["index", str(corpus), "--db", db]) == 0
        out = capsys.readouterr().out
        assert "1 failed" in out
        assert "\ufffd\ufffd.txt: its name is not UTF-8" in out
    assert main(["search", "consult", "--db", db]) == 0
    assert "good" in capsys.readouterr().out


def test_a_size_limit_past_any_read_is_no_limit(
    ok: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TREATYDIFF_MAX_BYTES", "9" * 30)  # was an OverflowError
    assert main(["parse", str(ok)]) == 0
    assert "Article 2" in capsys.readouterr().out


def test_a_damaged_index_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: past the opening checks, SQLite's errors were tracebacks.
    db = tmp_path / "i.sqlite"
    assert main(["index", str(tmp_path / "ok.txt"), "--db", str(db)]) == 1
    capsys.readouterr()
    (tmp_path / "ok.txt").write_text(OK, encoding="utf-8")
    assert main(["index", str(tmp_path / "ok.txt"), "--db", str(db)]) == 0
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE fts")
    capsys.readouterr()
    assert main(["search", "consult", "--db", str(db), "--keyword"]) == 1
    _one_line(capsys)


def test_a_bad_scheduler_address_is_one_line(
    ok: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.distributed")
    argv = ["index", str(ok), "--db", str(tmp_path / "i.sqlite"), "--engine", "dask"]
    assert main([*argv, "--scheduler", "foo://bar"]) == 1
    _one_line(capsys, "bad scheduler address 'foo://bar'")


def test_reuse_refuses_a_write_protected_aligned_file_before_writing(
    ok: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: the pairs (-o) and two summary lines were written first.
    db = str(tmp_path / "i.sqlite")
    assert main(["index", str(ok), "--db", db]) == 0
    protected = tmp_path / "links.csv"
    protected.write_text("kept\n", encoding="utf-8")
    protected.chmod(0o444)
    capsys.readouterr()
    pairs = tmp_path / "pairs.csv"
    argv = ["reuse", "--db", db, "-o", str(pairs), "--aligned", str(protected)]
    assert main(argv) == 1
    _one_line(capsys, "links.csv: write-protected")
    assert not pairs.exists() and protected.read_text(encoding="utf-8") == "kept\n"
