"""Reports of a comparison: one typed view, rendered as text, Markdown, JSON, HTML,
CSV (the provision matrix) or SVG (the alignment maps)."""

from __future__ import annotations

from treatydiff.report.renderer import (
    FORMATS,
    PROVISION_FORMATS,
    comparison_dict,
    html_fragment,
    matrix_table,
    render,
    render_provision,
)

__all__ = [
    "FORMATS",
    "PROVISION_FORMATS",
    "comparison_dict",
    "html_fragment",
    "matrix_table",
    "render",
    "render_provision",
]
