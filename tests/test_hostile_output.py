"""Output files and streams (issue 14): nothing replaced by mistake, no traceback.

``-o OUT`` writes a regular file atomically, keeps its mode (a new file gets
the umask's), respects write protection, writes through FIFOs and character
devices and refuses symbolic links and directories; errors name the user's
path. Standard output in any encoding, closed or gone, never ends in a
traceback.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.output import write_chunks, write_file

TEXT = "Article 1\n\nСтороны сотрудничают.\n"
RU = "Статья 1\nСтороны сотрудничают.\n"


def _one_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("treatydiff: error: ")
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    path = tmp_path / "pact.txt"
    path.write_text(RU, encoding="utf-8")
    return path


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_file(TEXT, str(tmp_path / "new.txt"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == TEXT


def test_chunks_are_written_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    write_chunks(iter(["a,b\n", "1,2\n", "3,4\n"]), str(path))
    assert path.read_text(encoding="utf-8") == "a,b\n1,2\n3,4\n"

    def failing() -> Iterator[str]:
        yield "x,y\n"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_chunks(failing(), str(path))
    assert path.read_text(encoding="utf-8") == "a,b\n1,2\n3,4\n"  # kept whole
    assert [p.name for p in tmp_path.iterdir()] == ["pairs.csv"]  # no temp left


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("old")
    path.chmod(0o644)
    write_file(TEXT, str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temp left


def test_write_protected_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "ro.txt"
    path.write_text("old")
    path.chmod(0o444)
    with pytest.raises(PermissionError, match="write-protected") as info:
        write_file(TEXT, str(path))
    assert info.value.filename == str(path)
    assert path.read_text() == "old"


def test_symbolic_link_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "target.txt").write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "target.txt")
    with pytest.raises(OSError, match="symbolic link") as info:
        write_file(TEXT, str(link))
    assert info.value.filename == str(link)
    assert link.is_symlink()
    assert (tmp_path / "target.txt").read_text() == "old"


def test_directory_and_trailing_slash_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="directory"):
        write_file(TEXT, str(tmp_path))
    with pytest.raises(OSError, match="directory"):
        write_file(TEXT, str(tmp_path / "newdir") + "/")
    assert not (tmp_path / "newdir").exists()


def test_missing_directory_error_names_the_users_path(tmp_path: Path) -> None:
    path = str(tmp_path / "nodir" / "x.txt")
    with pytest.raises(FileNotFoundError) as info:
        write_file(TEXT, path)
    assert info.value.filename == path


def test_dev_null_is_written_through_not_replaced() -> None:
    before = os.stat(os.devnull)
    write_file(TEXT, os.devnull)
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text("utf-8")))
    reader.start()
    write_file(TEXT, str(fifo))
    reader.join(timeout=10)
    assert got == [TEXT]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_cli_output_error_is_one_line_naming_the_path(
    treaty: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "nodir" / "x.txt")
    assert main(["parse", str(treaty), "-o", out]) == 1
    _one_error(capsys.readouterr().err, out)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_one_line_naming_it(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: "treatydiff: error: No space left on device", naming no file.
    assert main(["parse", str(treaty), "-o", "/dev/full"]) == 1
    _one_error(capsys.readouterr().err, "/dev/full: No space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_stdout_is_one_line_naming_it() -> None:
    # Regression: "treatydiff: error: No space left on device", naming nothing.
    with open("/dev/full", "wb") as full:
        out = subprocess.run(
            [sys.executable, "-m", "treatydiff", "list"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert out.returncode == 1
    _one_error(out.stderr.decode(), "standard output: No space left on device")


def test_an_id_with_no_file_after_the_equals_sign_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Regression: "ru-ir-2025=" read the file "" ("No such file or directory").
    assert main(["compare", "ru-ir-2025=", "ru-kp-2024"]) == 1
    _one_error(capsys.readouterr().err, "'ru-ir-2025=': no file or URL after '='")


def _cli(
    *args: str, env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "treatydiff", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
        **kw,
    )


def test_ascii_stdout_encoding_still_prints_the_treaty(treaty: Path) -> None:
    proc = _cli("parse", str(treaty), env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert "Стороны".encode() in proc.stdout
    assert b"Traceback" not in proc.stderr


def test_closed_stdout_is_one_error_line(treaty: Path) -> None:
    closed = subprocess.run(
        f"{sys.executable} -m treatydiff parse {treaty} >&-",
        shell=True,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert closed.returncode == 1
    _one_error(closed.stderr.decode(), "closed")


def test_compare_to_closed_stdout_is_one_error_line(treaty: Path) -> None:
    """Issue 13: compare asked a closed stdout whether it is a terminal."""
    other = treaty.with_name("other.txt")
    other.write_text(RU, encoding="utf-8")
    closed = subprocess.run(
        f"{sys.executable} -m treatydiff compare {treaty} {other} >&-",
        shell=True,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert closed.returncode == 1
    _one_error(closed.stderr.decode(), "closed")


def test_compare_with_closed_stderr_still_prints(treaty: Path) -> None:
    """Issue 13: the progress line asked a closed stderr whether it is a terminal."""
    other = treaty.with_name("other.txt")
    other.write_text(RU, encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m treatydiff compare {treaty} {other} 2>&-",
        shell=True,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"treatydiff comparison: pact")


@pytest.mark.parametrize("reader", ["head -c 1", "head -c 0"])
def test_reader_gone_away_is_quiet_success(reader: str) -> None:
    """Issue 13: a reader that went away (``| head``) ends the command
    quietly with exit 0, as for a pipe that took all it wanted. The report
    (over 100 KB) is larger than a pipe holds, so the write does fail."""
    proc = subprocess.run(
        f"set -o pipefail; {sys.executable} -m treatydiff compare"
        f" ru-ir-2025 ru-kp-2024 ru-by-2024 --format json | {reader} > /dev/null",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.stderr == b""
    assert proc.returncode == 0


def test_terminal_escapes_in_parsed_text_are_shown_not_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.txt"
    path.write_text(
        "Article 1\nPeace \x1b]0;owned\x07 and \x1b[2J and \u202eevil.\n"
        + "The Parties shall settle disputes by peaceful means. " * 10,
        encoding="utf-8",
    )
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out


def test_keyboard_interrupt_is_one_line(
    treaty: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("treatydiff.formats.read", interrupted)
    assert main(["parse", str(treaty)]) == 130
    _one_error(capsys.readouterr().err, "interrupted")


def test_unknown_change_kind_is_a_usage_error_before_any_work(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", "no-such-file", "other", "--only", "bogus"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in err
    assert "no-such-file" not in err  # nothing was read
