"""Alignment: clause similarity, pairwise article alignment, text normalisation."""

from __future__ import annotations

from treatydiff.alignment.pairwise import (
    DEFAULT_THRESHOLD,
    AlignedPair,
    Alignment,
    ParagraphPair,
    align,
)

__all__ = ["DEFAULT_THRESHOLD", "AlignedPair", "Alignment", "ParagraphPair", "align"]
