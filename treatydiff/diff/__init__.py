"""Word-level diffs of aligned clauses, change kinds and significance flags."""

from __future__ import annotations

from treatydiff.diff.changes import CHANGE_KINDS, Flag, change_kind, find_flags
from treatydiff.diff.words import Op, WordDiff, apply, describe_group, diff_texts

__all__ = [
    "CHANGE_KINDS",
    "Flag",
    "Op",
    "WordDiff",
    "apply",
    "change_kind",
    "describe_group",
    "diff_texts",
    "find_flags",
]
