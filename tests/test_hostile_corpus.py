"""A crafted corpus of bad and odd inputs (issue 14), run through the CLI.

Each case is written here (no file from elsewhere): its bytes, and either the
number of articles it must keep or a fragment of its one error line. Zero
tracebacks and zero silent losses: ``parse`` in every output format gives the
articles or one ``treatydiff: error: FILE: ...`` line with exit status 1.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.corpus.schema import transaction
from treatydiff.formats.akn import to_akn
from treatydiff.formats.plaintext.parser import parse

EN = "Article 1\nPeace.\n\nArticle 2\nFriendship.\n\nArticle 3\nTrade.\n"
RU = "ДОГОВОР\n\nСтатья 1\nМир.\n\nСтатья 2\nДружба.\n"
DIVS = "".join(f"<div><h3>Article {i}</h3><p>Peace {i}.</p></div>" for i in (1, 2, 3))
AKN = to_akn(parse(EN)).decode()
XXE = (
    '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + AKN.split("?>", 1)[1].replace("<p>Peace.</p>", "<p>&x;Peace.</p>")
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "lol">'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
    + AKN.split("?>", 1)[1].replace("<p>Peace.</p>", "<p>&i;</p>")
)
TOTA = (
    "<treaty><meta><name>Pact</name></meta><body>"
    '<article number="1">One.</article><chapter name="Trade">'
    '<chapter name="Goods"><article number="2">Two.</article></chapter></chapter>'
    "</body></treaty>"
)

CASES: dict[str, tuple[bytes, int | str]] = {
    "empty": (b"", "empty file"),
    "blank": (b" \n\t\n", "empty file"),
    "binary": (bytes(range(256)) * 8, "binary data"),
    "no-articles": (b"Just words, no headings.\n", "no articles"),
    "malformed-xml": (b"<akomaNtoso><act><body><article>", "malformed XML"),
    "unknown-root": (b"<catalog/>", "unknown XML root"),
    "xxe": (XXE.encode(), 3),
    "billion-laughs": (LAUGHS.encode(), "malformed XML"),
    "cp1251": (RU.encode("cp1251"), 2),
    "latin-1": (
        "Artigo 1\nAs negociações começarão.\n\nArtigo 2\nPaz.\n".encode("latin-1"),
        "no articles",  # Portuguese headings are not in the vocabulary
    ),
    "utf-16-le-no-bom": (EN.encode("utf-16-le"), 3),
    "utf-16-be-no-bom-ru": (RU.encode("utf-16-be"), 2),
    "utf-32-bom": (codecs.BOM_UTF32_LE + EN.encode("utf-32-le"), 3),
    "stray-nul": ((EN + "Peace. " * 300).encode().replace(b"Trade", b"Tr\x00ade"), 3),
    "crlf-and-cr": (EN.replace("\n", "\r\n").encode(), 3),
    "five-digit-numbers": (
        "".join(f"Article {n}\nText {n}.\n\n" for n in range(10_000, 10_040)).encode(),
        40,
    ),
    "html-div-per-article": (f"<html><body>{DIVS}</body></html>".encode(), 3),
    "html-main-minified": (
        f"<html><body><main>{DIVS}</main></body></html>".encode(),
        3,
    ),
    "html-300-unclosed-font": (
        ("<html><body>" + "<font>" * 300 + DIVS).encode(),
        3,
    ),
    "html-too-deep": (
        ("<html><body>" + "<div>" * 3000 + DIVS).encode(),
        "nested deeper",
    ),
    "html-bogus-charset": (
        b'<html><head><meta charset="undefined"></head><body>' + DIVS.encode(),
        3,
    ),
    "html-utf7-charset": (
        b'<html><head><meta charset="utf-7"></head><body>+2AA-' + DIVS.encode(),
        3,
    ),
    "html-no-text": (b"<html><body><script>x()</script></body></html>", "no text"),
    "akn-metadata-list": (
        AKN.replace(
            'lang="en"/>', 'lang="en"><td:metadata>[1]</td:metadata></td:treaty>'
        ).encode(),
        "JSON object expected",
    ),
    "akn-superscript-num": (AKN.replace("<num>1</num>", "<num>²</num>").encode(), 3),
    "akn-huge-num": (
        AKN.replace("<num>1</num>", f"<num>{'9' * 5000}</num>").encode(),
        3,
    ),
    "akn-empty-body": (
        (AKN[: AKN.index("<body>")] + "<body/></act></akomaNtoso>").encode(),
        "no articles",
    ),
    "tota-loose-and-nested": (TOTA.encode(), 2),
    "terminal-escapes": (
        (EN + "\x1b]0;title\x07 \x1b[2J \u202e" + "Peace. " * 50).encode(),
        3,
    ),
}


@pytest.mark.parametrize("fmt", ["text", "json", "akn"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_input_gives_every_article_or_one_error_line(
    name: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, expected = CASES[name]
    if name == "terminal-escapes" and fmt == "akn":
        expected = "cannot write Akoma Ntoso"  # XML has no control characters
    path = tmp_path / f"{name}.in"
    path.write_bytes(data)
    code = main(["parse", str(path), "--format", fmt])
    out, err = capsys.readouterr()
    if isinstance(expected, str):
        assert code == 1
        assert err.count("\n") == 1
        # Reading names the file; writing names the treaty (its id: the stem).
        assert err.startswith(
            (f"treatydiff: error: {path}: ", f"treatydiff: error: {name}: ")
        )
        assert expected in err
        assert not out
        return
    assert code == 0, err
    assert not err
    assert "\x1b" not in out
    if fmt == "json":
        assert len(json.loads(out)["articles"]) == expected


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(c) for c in path.read_text().split()} if path.exists() else set()


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _indexing(
    tota_dir: Path, tmp_path: Path
) -> tuple[subprocess.Popen[bytes], set[int]]:
    """``index --jobs 2`` of the ToTA corpus, running, and its pool workers."""
    run = [sys.executable, "-m", "treatydiff", "index", str(tota_dir)]
    proc = subprocess.Popen(
        [*run, "--db", str(tmp_path / "i.sqlite"), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (workers := _children(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "the pool never started"
    time.sleep(0.5)  # some files read
    return proc, workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_worker_is_one_line_and_the_pool_stops(
    tota_dir: Path, tmp_path: Path
) -> None:
    # Regression: the pool stops the other workers with SIGTERM; they had
    # inherited the command's SIGTERM handler, carried on, and the pool
    # waited for them for ever.
    proc, workers = _indexing(tota_dir, tmp_path)
    os.kill(min(workers), signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.decode().strip() == (
        "treatydiff: error: a worker process ended abruptly (out of memory or killed?)"
    )


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigterm_stops_an_index_and_its_workers(tota_dir: Path, tmp_path: Path) -> None:
    # Regression: kill -TERM on `index --jobs 2` ended the command and left
    # its pool workers running, orphaned.
    proc, workers = _indexing(tota_dir, tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.decode().strip() == "treatydiff: error: terminated"
    deadline = time.monotonic() + 20
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_running, workers))


def test_an_interrupt_between_two_batches_leaves_nothing_to_roll_back() -> None:
    # Regression: Ctrl-C (or SIGTERM) after a batch's COMMIT, before the next
    # BEGIN, became "cannot rollback - no transaction is active": a damaged
    # index, said the error line.
    conn = sqlite3.connect(":memory:", isolation_level=None)
    with pytest.raises(KeyboardInterrupt), transaction(conn):
        conn.execute("CREATE TABLE t(x)")
        conn.execute("COMMIT")
        raise KeyboardInterrupt
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
