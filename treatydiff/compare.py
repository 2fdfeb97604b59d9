"""N-way comparison: correspondence groups across two or more treaties."""

from __future__ import annotations

from typing import Any

from .model import Treaty

__all__ = ["Comparison", "compare"]


class Comparison:
    """The result of :func:`compare` (placeholder until the alignment engine lands)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: treaties, groups, provisions, diffs."""
        raise NotImplementedError


def compare(*treaties: Treaty, base: str | None = None) -> Comparison:
    """Align two or more treaties into correspondence groups."""
    raise NotImplementedError
