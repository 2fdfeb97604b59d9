"""The provision matrix as a long table (--format csv, Comparison.matrix_rows)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support import comparison_from
from tests.test_cli import _run
from treatydiff import bundled, compare, report
from treatydiff.report.table import COLUMNS, csv_chunks, csv_text

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "three_way.json"

IDS = ["ru-ir-2025", "ru-kp-2024", "ru-by-2024"]


@pytest.fixture(scope="module")
def comp():
    return compare(*map(bundled.load, IDS))


def test_every_cell_is_a_row_and_keeps_its_status(comp) -> None:
    data = comp.to_dict()
    rows = comp.matrix_rows()
    assert [(r["provision"], r["treaty"]) for r in rows] == [
        (kind, tid) for kind in data["provisions"] for tid in IDS
    ]
    for row in rows:
        refs = data["provisions"][row["provision"]][row["treaty"]]
        if refs:
            assert row["status"] == "present"
            assert row["refs"] == ";".join(refs)
            labels = data["labels"][row["provision"]][row["treaty"]]
            assert row["strength"] == ";".join(lab["strength"] for lab in labels)
        else:
            finding = data["missing"][row["provision"]][row["treaty"]]
            assert row["status"] == finding["status"]
            assert row["note"] == finding["note"]
            nearest = finding["nearest"]
            assert row["nearest"] == (nearest["ref"] if nearest else None)


def test_csv_is_the_same_rows(comp, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["compare", *IDS, "--format", "csv"], capsys)
    assert (code, err) == (0, "")
    table = list(csv.DictReader(io.StringIO(out)))
    assert tuple(table[0]) == COLUMNS
    expected = [
        {k: "" if v is None else str(v) for k, v in row.items()}
        for row in comp.matrix_rows()
    ]
    assert table == expected
    defence = {r["treaty"]: r for r in table if r["provision"] == "mutual-defence"}
    assert defence["ru-ir-2025"]["status"] == "confirmed-absent"
    assert defence["ru-kp-2024"]["strength"] == "binding"
    assert comp.render("csv") == out
    json.dumps(comp.matrix_rows())  # plain data, ready for pandas.DataFrame


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(start) -> None:
    hostile = f'{start}HYPERLINK("http://evil.example","x")'
    raw = dict.fromkeys(COLUMNS) | {"provision": "basing", "note": hostile}
    text = csv_text([raw], COLUMNS)
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    # a carriage return in a cell is written as a line feed (so it is quoted)
    assert row["note"] == "'" + hostile.replace("\r", "\n")
    assert row["provision"] == "basing"


def test_compare_csv_defuses_a_formula_in_a_digest_note() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["missing"]["mutual-defence"]["ru-ir-2025"]["note"] = "=cmd|' /C calc'!A0"
    rows = list(
        csv.DictReader(io.StringIO(report.render(comparison_from(data), "csv")))
    )
    (cell,) = [
        r
        for r in rows
        if r["provision"] == "mutual-defence" and r["treaty"] == "ru-ir-2025"
    ]
    assert cell["note"] == "'=cmd|' /C calc'!A0"


@given(
    st.lists(st.fixed_dictionaries({"a": st.text(), "b": st.integers()}), max_size=30),
    st.integers(min_value=1, max_value=8),
)
def test_csv_in_chunks_is_the_same_text_whatever_the_chunk_size(
    rows: list[dict[str, object]], size: int
) -> None:
    chunks = list(csv_chunks(iter(rows), ["a", "b"], size=size))
    assert len(chunks) == len(rows) // size + 1  # a piece per ``size`` rows
    assert "".join(chunks) == csv_text(rows, ["a", "b"])
    assert len(list(csv.reader(io.StringIO("".join(chunks))))) == len(rows) + 1
