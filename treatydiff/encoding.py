"""Bytes → str for treaty files: UTF-8 (with or without BOM), UTF-16, Windows-1251.

Owner: parsing. Detection needs no hint from the user.
"""

from __future__ import annotations

__all__ = ["decode"]


def decode(data: bytes, *, source: str | None = None) -> str:
    """Decode treaty bytes, detecting the encoding; binary data raises ParseError."""
    raise NotImplementedError
