"""Rows of corpus answers as text, JSON, CSV or HTML (the report's style).

Rows are the flat ``as_row()`` dicts of :mod:`treatydiff.corpus.records`;
every row of one table has the same keys.
"""

from __future__ import annotations

import itertools
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml.builder import E

from treatydiff.errors import InvalidArgument
from treatydiff.report.html import CSS, page_html
from treatydiff.report.table import csv_text

__all__ = [
    "FORMATS",
    "json_chunks",
    "render_rows",
    "require_parquet",
    "write_parquet",
]

FORMATS = ("text", "json", "csv", "html")

#: Cell values that are a census status, styled as the report styles them.
_STATUS = frozenset({"confirmed-absent", "unplaced", "not-found"})

Row = Mapping[str, Any]


def render_rows(
    rows: Iterable[Row], fmt: str, *, columns: Sequence[str] = (), title: str = ""
) -> str:
    """``rows`` as one document of format ``fmt``; ``columns`` head an empty table."""
    rows = list(rows)
    keys = list(rows[0]) if rows else list(columns)
    if fmt == "json":
        return "".join(json_chunks(rows))
    if fmt == "csv":
        return csv_text(rows, keys)
    if fmt == "html":
        return _html(rows, keys, title)
    if fmt == "text":
        return _text(rows, keys)
    raise InvalidArgument(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")


def json_chunks(rows: Iterable[Row], *, size: int = 10_000) -> Iterator[str]:
    """``rows`` as one JSON array (``json.dumps(rows, indent=2)`` and a line
    end), piece by piece as they come: ``size`` rows a piece."""
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    rows, sep = iter(rows), "[\n"
    while batch := list(itertools.islice(rows, size)):
        yield sep + encode(batch)[2:-2]  # the items, without "[\n" and "\n]"
        sep = ",\n"
    yield "[]\n" if sep == "[\n" else "\n]\n"


def _text(rows: list[Row], keys: list[str]) -> str:
    cells = [[k.upper() for k in keys]] + [[str(r[k]) for k in keys] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(keys))]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in cells
    )


def _html(rows: list[Row], keys: list[str], title: str) -> str:
    table = E.table(
        E.thead(E.tr(*(E.th(k) for k in keys))),
        E.tbody(*(E.tr(*(_td(str(r[k])) for k in keys)) for r in rows)),
    )
    page = E.html(
        E.head(E.meta(charset="utf-8"), E.title(title), E.style(CSS)),
        E.body(E.div(E.h1(title), table, {"class": "tdr"})),
    )
    return page_html(page)


def _td(value: str) -> Any:
    return E.td(value, {"class": value}) if value in _STATUS else E.td(value)


def require_parquet() -> None:
    """Raise :class:`InvalidArgument` unless pyarrow (the parquet extra) is there."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise InvalidArgument(
            "Parquet output needs pyarrow: pip install 'treatydiff[parquet]'"
        ) from exc


def write_parquet(
    rows: Iterable[Row], path: str, *, columns: Sequence[str], batch: int = 1 << 20
) -> None:
    """Write rows as a Parquet file as they come, ``batch`` rows per row group
    (pyarrow's default size), whole or not at all (needs pyarrow)."""
    require_parquet()
    import pyarrow as pa

    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(fd)
    writer = None
    cells: dict[str, list[Any]] = {c: [] for c in columns}
    try:
        for n, row in enumerate(rows, 1):
            for c in columns:  # columns, not the row dicts, are kept
                cells[c].append(row[c])
            if n % batch == 0:
                writer = _write_batch(pa.table(cells), tmp, writer)
                cells = {c: [] for c in columns}
        if writer is None or cells[columns[0]]:
            writer = _write_batch(pa.table(cells), tmp, writer)
        writer.close()
        os.replace(tmp, target)
    except BaseException:
        if writer is not None:
            writer.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_batch(table: Any, path: str, writer: Any) -> Any:
    """Write one row group of ``table`` (the first opens the writer, whose
    schema later tables follow); returns the writer."""
    import pyarrow.parquet as pq

    if writer is None:
        writer = pq.ParquetWriter(path, table.schema)
    writer.write_table(table.cast(writer.schema))
    return writer
