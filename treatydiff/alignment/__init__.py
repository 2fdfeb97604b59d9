"""Alignment: similarity, pairwise article alignment, N-way groups, normalisation."""

from __future__ import annotations

from treatydiff.alignment.groups import group
from treatydiff.alignment.pairwise import DEFAULT_THRESHOLD, align

__all__ = ["DEFAULT_THRESHOLD", "align", "group"]
