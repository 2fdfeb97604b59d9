"""The treaty model: frozen attrs values with stable refs, and no I/O."""

from __future__ import annotations

from treatydiff.model.treaty import (
    Absence,
    Article,
    Division,
    Label,
    Paragraph,
    Point,
    Span,
    Treaty,
    unique_keys,
)

__all__ = [
    "Absence",
    "Article",
    "Division",
    "Label",
    "Paragraph",
    "Point",
    "Span",
    "Treaty",
    "unique_keys",
]
