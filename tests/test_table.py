"""The provision matrix as a long table (--format csv, Comparison.matrix_rows)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.test_cli import _run
from treatydiff import bundled, compare
from treatydiff.report.table import COLUMNS

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
