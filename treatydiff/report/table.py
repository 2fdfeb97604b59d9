"""The provision matrix as a long table: one row per provision × treaty.

Every cell is a row, present or not, so the status of a missing cell is kept
(``pandas.DataFrame(comparison.matrix_rows())`` or ``--format csv``). Columns
(:data:`COLUMNS`): ``provision``, ``treaty``, ``status`` (``present``,
``confirmed-absent``, ``not-found`` or ``unplaced``), ``refs`` (``;``-joined;
for ``unplaced``, the source's article hint if any),
``strength`` (the refs' strengths, ``;``-joined in the same order),
``confidence`` (the highest of the cell's labels, empty when missing),
``nearest`` (the nearest candidate's ref), ``note`` and ``sources``
(``;``-joined). In CSV text, cells a spreadsheet would read as a formula
are defused (:func:`csv_cell`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence

from treatydiff.report.view import ReportView

__all__ = [
    "COLUMNS",
    "csv_cell",
    "csv_chunks",
    "csv_text",
    "matrix_rows",
    "render_csv",
]

#: The columns of a matrix row, in order.
COLUMNS = (
    "provision",
    "treaty",
    "status",
    "refs",
    "strength",
    "confidence",
    "nearest",
    "note",
    "sources",
)


def matrix_rows(view: ReportView) -> list[dict[str, str | float | None]]:
    """One row per provision × treaty, provisions in taxonomy order and
    treaties in column order."""
    rows: list[dict[str, str | float | None]] = []
    for kind, cells in view.provisions.items():
        for tid in view.ids:
            labels = view.labels.get(kind, {}).get(tid, ())
            finding = view.missing.get(kind, {}).get(tid)
            if cells.get(tid):
                rows.append(
                    {
                        "provision": kind,
                        "treaty": tid,
                        "status": "present",
                        "refs": ";".join(cells[tid]),
                        "strength": ";".join(str(lab.strength or "") for lab in labels),
                        "confidence": max(
                            (lab.confidence for lab in labels), default=None
                        ),
                        "nearest": None,
                        "note": None,
                        "sources": None,
                    }
                )
                continue
            rows.append(
                {
                    "provision": kind,
                    "treaty": tid,
                    "status": finding.status if finding else "not-found",
                    "refs": finding.article if finding and finding.article else None,
                    "strength": None,
                    "confidence": None,
                    "nearest": finding.nearest.ref
                    if finding and finding.nearest
                    else None,
                    "note": finding.note if finding else None,
                    "sources": ";".join(finding.sources) if finding else None,
                }
            )
    return rows


def render_csv(view: ReportView) -> str:
    """The matrix rows as CSV (see :func:`csv_text`)."""
    return csv_text(matrix_rows(view), COLUMNS)


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line (RFC 4180 quoting, ``\\n`` line ends,
    empty fields for missing values), every cell through :func:`csv_cell`;
    a carriage return inside a cell becomes a line feed, so the cell is quoted
    (the writer quotes only the line terminator's characters).

    >>> csv_text([{"a": "x\\ry", "b": 1}], ["a", "b"])
    'a,b\\n"x\\ny",1\\n'
    """
    return "".join(csv_chunks(rows, columns))


def csv_chunks(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], *, size: int = 10_000
) -> Iterator[str]:
    """:func:`csv_text` piece by piece as ``rows`` come: the header, then the
    lines of every ``size`` rows (never all rows in memory at once)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow({k: _line_feeds(csv_cell(v)) for k, v in row.items()})
        if n % size == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _line_feeds(value: object) -> object:
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def csv_cell(value: object) -> object:
    """A text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    gets a leading apostrophe, so a spreadsheet shows it and never runs it as
    a formula (CSV injection); other values are returned as they are.

    >>> print(csv_cell("=1+2"), csv_cell("3.3"), csv_cell(0.9))
    '=1+2 3.3 0.9
    """
    if isinstance(value, str) and value[:1] in _FORMULA_START:
        return "'" + value
    return value


_FORMULA_START = frozenset("=+-@\t\r")
