"""A saved official treaty web page → the treaty text inside it → Treaty."""

from __future__ import annotations

from .model import Treaty

__all__ = ["extract_text", "parse_html"]


def extract_text(data: bytes | str, *, source: str | None = None) -> str:
    """The treaty text of an HTML page, without navigation, header and footer."""
    raise NotImplementedError


def parse_html(
    data: bytes | str, *, id: str | None = None, lang: str | None = None,
    source: str | None = None,
) -> Treaty:
    """Parse the treaty on an HTML page."""
    raise NotImplementedError
