"""The provision matrix as a long table: one row per provision × treaty.

Every cell is a row, present or not, so the status of a missing cell is kept
(``pandas.DataFrame(comparison.matrix_rows())`` or ``--format csv``). Columns
(:data:`COLUMNS`): ``provision``, ``treaty``, ``status`` (``present``,
``confirmed-absent``, ``not-found`` or ``unplaced``), ``refs`` (``;``-joined;
for ``unplaced``, the source's article hint if any),
``strength`` (the refs' strengths, ``;``-joined in the same order),
``confidence`` (the highest of the cell's labels, empty when missing),
``nearest`` (the nearest candidate's ref), ``note`` and ``sources``
(``;``-joined).
"""

from __future__ import annotations

import csv
import io

from treatydiff.report.view import ReportView

__all__ = ["COLUMNS", "matrix_rows", "render_csv"]

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
    """The matrix rows as CSV with a header line (RFC 4180 quoting, ``\\n``
    line ends; empty fields for missing values)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(matrix_rows(view))
    return out.getvalue()
