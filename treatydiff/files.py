"""Read any treaty file: format (AKN, ToTA, HTML, plain text) and encoding from content."""

from __future__ import annotations

import os

from .model import Treaty

__all__ = ["read", "read_bytes"]


def read(path: str | os.PathLike[str], *, lang: str | None = None) -> Treaty:
    """Read a treaty file of any supported format; ``lang`` overrides detection."""
    raise NotImplementedError


def read_bytes(
    data: bytes, *, source: str | None = None, lang: str | None = None
) -> Treaty:
    """Read treaty bytes of any supported format."""
    raise NotImplementedError

