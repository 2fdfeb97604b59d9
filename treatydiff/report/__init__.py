"""Reports of a comparison: one typed view, rendered as text, Markdown, JSON, HTML,
CSV (the provision matrix) or SVG (the alignment maps)."""

from __future__ import annotations

from treatydiff.report.renderer import (
    FORMATS,
    comparison_dict,
    html_fragment,
    matrix_table,
    render,
)

__all__ = ["FORMATS", "comparison_dict", "html_fragment", "matrix_table", "render"]
