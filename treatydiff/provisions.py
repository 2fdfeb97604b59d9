"""Provision labels: taxonomy and classifier (English and Russian cues)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .model import Label, Treaty

__all__ = ["TAXONOMY", "classify", "label_treaty", "matrix"]

TAXONOMY: dict[str, str] = {}


def classify(text: str, *, lang: str | None = None) -> tuple[Label, ...]:
    """Labels for one clause, each with evidence spans and a confidence."""
    return ()


def label_treaty(treaty: Treaty) -> Treaty:
    """The treaty with classifier labels on every paragraph and article."""
    return treaty


def matrix(treaties: Sequence[Treaty]) -> dict[str, Any]:
    """``{"provisions": {kind: {id: [refs]}}, "missing": {...}}`` for a comparison."""
    return {"provisions": {}, "missing": {}}
