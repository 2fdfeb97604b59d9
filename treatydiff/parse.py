"""Plain text as published (English, Russian) ↔ :class:`~treatydiff.model.Treaty`."""

from __future__ import annotations

from .model import Treaty

__all__ = ["parse", "to_text"]


def parse(
    text: str, *, id: str | None = None, lang: str | None = None, source: str | None = None
) -> Treaty:
    """Parse a treaty published as plain text into articles, paragraphs and points."""
    raise NotImplementedError


def to_text(treaty: Treaty) -> str:
    """Render a treaty as plain text that :func:`parse` reads back to the same structure."""
    raise NotImplementedError
