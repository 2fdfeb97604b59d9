"""Provision labels: taxonomy, classifier (English and Russian cues), matrix.

>>> from treatydiff.provisions import SECURITY_CORE, TAXONOMY
>>> SECURITY_CORE[0], "languages" in TAXONOMY
('mutual-defence', True)
"""

from __future__ import annotations

from treatydiff.provisions.classifier import classify
from treatydiff.provisions.matrix import label_treaty, matrix
from treatydiff.provisions.taxonomy import (
    FINAL_CLAUSES,
    GENERAL_KINDS,
    SECURITY_CORE,
    TAXONOMY,
)

__all__ = [
    "FINAL_CLAUSES",
    "GENERAL_KINDS",
    "SECURITY_CORE",
    "TAXONOMY",
    "classify",
    "label_treaty",
    "matrix",
]
