"""Word-level diffs of aligned clauses, with moves, change kinds and significance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["describe_group"]


def describe_group(
    members: Mapping[str, Sequence[tuple[str, str]]],
    base: str,
    *,
    kind: str = "match",
    moved: Mapping[str, bool] | None = None,
) -> dict[str, Any]:
    """Change kind and word diffs of one correspondence group against ``base``.

    ``members`` maps treaty id → [(ref, text)] (an empty list: no counterpart).
    Returns ``{"change": str | None, "diffs": [...]}``.
    """
    return {"change": None, "diffs": []}
