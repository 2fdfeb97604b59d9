"""Diffs: word diffs of aligned clauses, change kinds of groups, significance flags."""

from __future__ import annotations

from treatydiff.diff.changes import change_kind, describe_group, find_flags
from treatydiff.diff.words import apply, diff_texts

__all__ = ["apply", "change_kind", "describe_group", "diff_texts", "find_flags"]
