"""Reports of a comparison: one typed view, rendered as text, Markdown, JSON or HTML."""

from __future__ import annotations

from treatydiff.report.renderer import FORMATS, comparison_dict, html_fragment, render

__all__ = ["FORMATS", "comparison_dict", "html_fragment", "render"]
