"""Word-level diffs of aligned clauses, with moves."""

from __future__ import annotations

__all__: list[str] = []
