"""Render a comparison (its ``to_dict()``) as text, Markdown, JSON or HTML."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["render"]


def render(data: dict[str, Any], fmt: str = "text", *, color: bool = False) -> str:
    """Render a comparison dict in ``fmt`` (text, md, json, html)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise NotImplementedError(fmt)
