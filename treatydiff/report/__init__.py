"""Reports of a comparison: text, Markdown, JSON and self-contained HTML."""

from __future__ import annotations

from treatydiff.report.render import FORMATS, html_fragment, render, score_label

__all__ = ["FORMATS", "html_fragment", "render", "score_label"]
