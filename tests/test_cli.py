"""The command line, called as ``main([...])`` and as a real process."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pytest

from treatydiff.cli import main

CLI = Path(__file__).parent / "fixtures" / "cli"
FRIENDSHIP = CLI / "friendship.txt"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("treatydiff: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


def test_parse_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(["parse", str(FRIENDSHIP), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert {"id", "title", "lang", "articles"} <= data.keys()
    assert data["lang"] == "en"
    assert [a["ref"] for a in data["articles"]] == ["1", "2", "3"]
    art2 = data["articles"][1]
    assert {"num", "ref", "heading", "text", "provisions", "paragraphs"} <= art2.keys()
    assert art2["heading"] == "Consultation"
    assert [p["ref"] for p in art2["paragraphs"]] == ["2.1", "2.2"]
    assert {"num", "ref", "text", "provisions"} <= art2["paragraphs"][0].keys()


def test_parse_text_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(["parse", str(FRIENDSHIP)], capsys)
    assert code == 0
    again = tmp_path / "again.txt"
    again.write_text(out, encoding="utf-8")
    _, first, _ = _run(["parse", str(FRIENDSHIP), "--format", "json"], capsys)
    _, second, _ = _run(["parse", str(again), "--format", "json"], capsys)

    def strip(d: str) -> list[tuple[str, str, str]]:
        return [(a["ref"], a["heading"], a["text"]) for a in json.loads(d)["articles"]]

    assert strip(first) == strip(second)


def test_parse_akn_output_is_akoma_ntoso(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["parse", str(FRIENDSHIP), "--format", "akn"], capsys)
    assert code == 0
    assert "http://docs.oasis-open.org/legaldocml/ns/akn/3.0" in out
    assert 'eId="art_2__para_1"' in out


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00binary\x00\x00\x13\x14" * 20, "binary"),
        (b"Just a letter with no articles at all.\n", "no articles"),
        (b"<?xml version='1.0'?>\n<akomaNtoso>\n<act>\n</akomaNtoso>", "line"),
    ],
    ids=["empty", "binary", "no-articles", "malformed-xml"],
)
def test_bad_input_is_one_error_line(
    content: bytes, needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out_file = tmp_path / "out.json"
    code, out, err = _run(
        ["parse", str(bad), "--format", "json", "-o", str(out_file)], capsys
    )
    assert code == 1
    assert out == ""
    _assert_one_error_line(err, str(bad), needle)
    assert not out_file.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_missing_file_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["parse", "no/such/file.txt"], capsys)
    assert code == 1
    _assert_one_error_line(err, "no/such/file.txt")


def test_unknown_id_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["show", "xx-nowhere-1900"], capsys)
    assert code == 1
    _assert_one_error_line(err, "xx-nowhere-1900")
    code, _, err = _run(["compare", "xx-nowhere-1900", "ru-kp-2024"], capsys)
    assert code == 1
    _assert_one_error_line(err, "xx-nowhere-1900")


def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["compare", "a", "b", "--format", "pdf"])
    assert exc.value.code == 2


def test_output_file_is_written_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "t.json"
    code, out, _ = _run(
        ["parse", str(FRIENDSHIP), "--format", "json", "-o", str(target)], capsys
    )
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["articles"]


def test_list_shows_bundled_treaties_with_coverage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(["list"], capsys)
    assert code == 0
    for treaty_id in ("ru-ir-2025", "ru-kp-2024", "ru-by-2024"):
        assert treaty_id in out
    assert "/47" in out
    assert "/23" in out


def test_provisions_lists_the_security_core(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["provisions"], capsys)
    assert code == 0
    for kind in (
        "mutual-defence",
        "non-assistance-to-aggressor",
        "consultation",
        "sanctions",
    ):
        assert kind in out


def test_main_job_json_finds_the_missing_defence_clause(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        ["compare", "ru-ir-2025", "ru-kp-2024", "ru-by-2024", "--format", "json"],
        capsys,
    )
    assert code == 0
    data = json.loads(out)
    defence = data["provisions"]["mutual-defence"]
    assert defence["ru-ir-2025"] == []
    assert any(ref.split(".")[0] == "4" for ref in defence["ru-kp-2024"])
    assert any(ref.split(".")[0] == "4" for ref in defence["ru-by-2024"])
    assert (
        data["missing"]["mutual-defence"]["ru-ir-2025"]["status"] == "confirmed-absent"
    )


def test_files_and_ids_mix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        ["compare", str(FRIENDSHIP), "ru-kp-2024", "--format", "json"], capsys
    )
    assert code == 0
    ids = [t["id"] for t in json.loads(out)["treaties"]]
    assert ids == ["friendship", "ru-kp-2024"]


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "treatydiff", "parse", str(empty)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("treatydiff: error: ")
    assert "Traceback" not in proc.stderr


def test_show_marks_a_digest_as_not_the_official_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(["show", "ru-ir-2025"], capsys)
    assert code == 0
    assert out.startswith("[treatydiff digest ru-ir-2025:")
    assert "NOT the official text" in out.splitlines()[0]
    assert "7 of 47 articles encoded" in out.splitlines()[0]


# Issue 12: the CLI details, one regression test each.


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from treatydiff import __version__

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"treatydiff {__version__}"


def test_version_and_help_load_no_command() -> None:
    """``--version`` and the top-level help import neither SciPy nor the
    reports, the cue tables or the corpus index (issue 13: start-up time)."""
    probe = (
        "import sys\n"
        "from treatydiff.cli import main\n"
        "for argv in (['--version'], ['--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('scipy', 'treatydiff.report', 'treatydiff.provisions',\n"
        "         'treatydiff.corpus', 'treatydiff.comparison')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


_UNUSED_BY_A_COMPARISON = (
    "importlib.metadata",
    "urllib.request",
    "http.client",
    "ssl",
    "numpy.ma",
    "treatydiff.formats.fetch",
)


def _loaded_by(
    argv: list[str], modules: Sequence[str], *, besides: str = "sys"
) -> list[str]:
    """Which of ``modules`` ``main(argv)`` loads in a fresh interpreter that
    had imported ``besides`` (what that loads itself does not count: NumPy 1.x
    loads numpy.ma, 2.x does not)."""
    probe = (
        f"import sys, {besides}\n"
        "before = set(sys.modules)\n"
        "from treatydiff.cli import main\n"
        f"main({argv!r})\n"
        f"print(sorted(m for m in {tuple(modules)!r} if m in sys.modules\n"
        "             and m not in before))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return cast(list[str], ast.literal_eval(run.stdout.strip().splitlines()[-1]))


def test_a_comparison_of_files_loads_no_network_or_metadata_modules(
    tmp_path: Path,
) -> None:
    """Issue 13 (start-up): comparing two local files loads neither the
    download modules nor importlib.metadata nor numpy.ma (about 100 ms of a
    command's start-up together)."""
    clauses = ["shall consult", "shall trade", "may inspect goods"]
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out.txt"
    for path, tail in ((a, "."), (b, " each year.")):
        path.write_text(
            "".join(
                f"Article {k}\nThe Parties {c}{tail}\n"
                for k, c in enumerate(clauses, 1)
            ),
            encoding="utf-8",
        )
    argv = ["compare", str(a), str(b), "-o", str(out)]
    assert _loaded_by(argv, _UNUSED_BY_A_COMPARISON, besides="numpy") == []


def test_the_main_job_loads_no_text_or_page_reader(tmp_path: Path) -> None:
    """Issue 13 (start-up): the bundled digests need neither the plain-text
    parser nor the web-page reader (their patterns take tens of ms to load)."""
    argv = ["compare", "ru-ir-2025", "ru-kp-2024", "-o", str(tmp_path / "out.txt")]
    unused = (
        *_UNUSED_BY_A_COMPARISON,
        "treatydiff.formats.plaintext.parser",
        "treatydiff.formats.htmlpage",
    )
    assert _loaded_by(argv, unused, besides="numpy") == []


@pytest.mark.parametrize(
    "argv", [["list"], ["show", "ru-ir-2025"], ["show", "ru-ir-2025", "3.3"]]
)
def test_listing_and_showing_load_no_comparison_modules(argv: list[str]) -> None:
    """Issue 13 (start-up): ``list`` and ``show`` (and their error lines)
    load neither NumPy nor the alignment, the cue tables or the reports."""
    heavy = (
        "numpy",
        "treatydiff.alignment",
        "treatydiff.provisions",
        "treatydiff.report",
    )
    assert _loaded_by(argv, heavy) == []


def test_show_prints_one_clause(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["show", "ru-ir-2025", "3.3"], capsys)
    assert code == 0
    head, text = out.split("\n", 1)
    assert head.startswith("ru-ir-2025 3.3 (digest")
    assert "aggressor" in text
    code, out, _ = _run(["show", "ru-ir-2025", "3.3", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["treaty"], data["ref"]) == ("ru-ir-2025", "3.3")
    assert data["text"] in text


def test_show_unknown_ref_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["show", "ru-ir-2025", "99"], capsys)
    assert code == 1
    _assert_one_error_line(err, "no article for ref '99'")


def test_compare_help_lists_formats_and_change_kinds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "report format: text, md, json, html" in out
    assert "identical, reworded, modified, added, removed" in out


@pytest.mark.parametrize(
    "argv",
    [["compare", "ru-ir-2025"], ["show", "ru-ir-2025", "3.3", "--format", "akn"]],
)
def test_more_usage_mistakes_exit_2(argv, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_unknown_id_lists_the_known_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["compare", "ru-ir-2025", "xx-nowhere"], capsys)
    assert code == 1
    _assert_one_error_line(err, "'xx-nowhere'", "known ids:", "ru-kp-2024")


def test_same_file_names_get_ids_from_their_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for version, verb in (("v1", "shall"), ("v2", "may")):
        (tmp_path / version).mkdir()
        (tmp_path / version / "treaty.txt").write_text(
            f"Article 1\nThe Parties {verb} cooperate in science.\n\n"
            "Article 2\nThis Treaty enters into force on signature.\n",
            encoding="utf-8",
        )
    argv = [str(tmp_path / "v1" / "treaty.txt"), str(tmp_path / "v2" / "treaty.txt")]
    code, out, err = _run(["compare", *argv, "--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert [t["id"] for t in json.loads(out)["treaties"]] == ["v1/treaty", "v2/treaty"]
