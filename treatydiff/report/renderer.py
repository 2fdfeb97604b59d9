"""The report entry point: :func:`render` builds a view, a format renders it.

Every format carries the same findings, in the same order: the treaties, the
provision × treaty matrix (present refs; ``✓ article unknown`` where a source
puts the provision in the treaty without its article; missing cells with
their status, confirmed absent or not found, and the nearest candidate), the
correspondence groups with their change kinds, the word diffs of changed
groups with their significance flags, the missing-provision findings with
evidence, and the coverage notes. Text, Markdown and HTML list a group that
holds only placeholder articles (digest articles whose content is not
encoded) not one by one but in one line per treaty with compressed ranges
(``6–11, 13, 15–47``); JSON keeps every group. CSV is the provision matrix
only, one row per provision × treaty; SVG is the alignment maps only
(the HTML report holds them too, with the provision heat-map).
"""

from __future__ import annotations

from typing import Any

from treatydiff.errors import InvalidArgument
from treatydiff.model import ComparisonResult
from treatydiff.report.html import render_fragment, render_html
from treatydiff.report.json import comparison_data, render_json
from treatydiff.report.markdown import render_markdown
from treatydiff.report.provision import PROVISION_FORMATS, render_provision
from treatydiff.report.svg import render_svg
from treatydiff.report.table import matrix_rows, render_csv
from treatydiff.report.text import render_text
from treatydiff.report.view import build_view

__all__ = [
    "FORMATS",
    "PROVISION_FORMATS",
    "comparison_dict",
    "html_fragment",
    "matrix_table",
    "render",
    "render_provision",
]

FORMATS = ("text", "md", "json", "html", "csv", "svg")


def render(
    comparison: ComparisonResult,
    fmt: str = "text",
    *,
    color: bool = False,
    only: str | None = None,
    changed_only: bool = False,
    strength: str | None = None,
) -> str:
    """The report of ``comparison`` in ``fmt`` (text, md, json, html, csv:
    the provision matrix as a long table, :mod:`treatydiff.report.table`;
    svg: the alignment map of the base with each other treaty,
    :mod:`treatydiff.report.svg`).

    ``only`` keeps the groups where the group or one of its treaties has that
    change kind; ``changed_only`` hides identical groups; ``strength`` keeps
    only the provision labels of that strength (a cell found only at another
    strength reads ``other strength``). ``color`` adds ANSI colours to text.
    Raises :class:`InvalidArgument` for an unknown format, change kind or
    strength, or anything but a comparison.
    """
    if fmt not in FORMATS:
        raise InvalidArgument(
            f"unknown report format {fmt!r}; expected one of {FORMATS}"
        )
    view = build_view(
        comparison, only=only, changed_only=changed_only, strength=strength
    )
    if fmt == "json":
        return render_json(view)
    if fmt == "html":
        return render_html(view)
    if fmt == "csv":
        return render_csv(view)
    if fmt == "svg":
        return render_svg(view)
    return render_markdown(view) if fmt == "md" else render_text(view, color)


def html_fragment(
    comparison: ComparisonResult, *, only: str | None = None, changed_only: bool = False
) -> str:
    """The HTML report as one ``<div>`` with scoped CSS, for ``_repr_html_``."""
    return render_fragment(build_view(comparison, only=only, changed_only=changed_only))


def comparison_dict(comparison: ComparisonResult) -> dict[str, Any]:
    """The JSON of ``treatydiff compare --format json`` as data, built anew."""
    return comparison_data(build_view(comparison))


def matrix_table(comparison: ComparisonResult) -> list[dict[str, str | float | None]]:
    """The provision matrix as rows (see :mod:`treatydiff.report.table`)."""
    return matrix_rows(build_view(comparison))
