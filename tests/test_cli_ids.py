"""Treaty ids on the command line (``ID=FILE`` labels, files with the same
name) and ``treatydiff.read(path, id=...)``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import treatydiff
from treatydiff.cli import main
from treatydiff.errors import InvalidArgument

TEXT = (
    "Article 1\nThe Parties shall cooperate in science.\n\n"
    "Article 2\nThis Treaty enters into force on signature.\n"
)
TOTA = Path(__file__).parent / "fixtures" / "files" / "tota_small.xml"


def _ids(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    code = main(["compare", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return [t["id"] for t in json.loads(out)["treaties"]]


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    path = tmp_path / "treaty.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_any_valid_label_names_a_file(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: a label that was not a bundled id was refused.
    assert _ids([f"pta_312={treaty}", "ru-kp-2024"], capsys) == [
        "pta_312",
        "ru-kp-2024",
    ]


def test_a_label_replaces_the_id_written_in_xml(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _ids([f"mine={TOTA}", str(TOTA)], capsys)[0] == "mine"


def test_two_labelled_copies_of_one_file_get_their_labels(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _ids([f"old={treaty}", f"new={treaty}"], capsys) == ["old", "new"]


def test_a_bundled_label_still_puts_an_official_text_in_the_digests_place(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The digest has 23 articles: the two-article file is refused as before.
    assert main(["compare", f"ru-kp-2024={treaty}", "ru-ir-2025"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "treatydiff: error: treaty.txt has 2 articles but ru-kp-2024 has 23: "
        "not the text of ru-kp-2024? pass the full official text\n"
    )


@pytest.mark.parametrize("label", ["", "two words", "tab\there"])
def test_a_label_that_is_not_an_id_is_one_error_line(
    label: str, treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", f"{label}={treaty}", "ru-kp-2024"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatydiff: error: ")
    assert "is not a treaty id" in err
    assert err.count("\n") == 1


def test_a_labelled_missing_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", f"mine={tmp_path / 'gone.txt'}", "ru-kp-2024"]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"treatydiff: error: {tmp_path / 'gone.txt'}: No such file or directory\n"
    )


def test_names_differing_only_in_extension_get_distinct_ids(
    treaty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: treaty.txt and treaty.md were "duplicate treaty ids: treaty".
    other = treaty.with_suffix(".md")
    other.write_text(TEXT.replace("shall", "may"), encoding="utf-8")
    assert _ids([str(treaty), str(other)], capsys) == ["treaty.txt", "treaty.md"]


def test_a_file_beside_one_in_a_subdirectory_keeps_its_stem(
    treaty: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(treaty.parent)
    Path("v2").mkdir()
    Path("v2", "treaty.txt").write_text(TEXT.replace("shall", "may"), encoding="utf-8")
    assert _ids(["treaty.txt", "v2/treaty.txt"], capsys) == ["treaty", "v2/treaty"]


def test_read_takes_an_id(treaty: Path) -> None:
    assert treatydiff.read(treaty).id == "treaty"
    assert treatydiff.read(treaty, id="pta_312").id == "pta_312"
    assert treatydiff.read(TOTA, id="mine").id == "mine"


@pytest.mark.parametrize("bad", ["", "a b", "line\nbreak", "nul\x00"])
def test_read_refuses_an_id_that_is_not_one(treaty: Path, bad: str) -> None:
    with pytest.raises(InvalidArgument, match="is not a treaty id"):
        treatydiff.read(treaty, id=bad)
