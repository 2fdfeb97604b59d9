"""Helpers shared by test modules (fixtures stay in conftest.py)."""

from __future__ import annotations

import pytest

from treatydiff.akn import SCHEMA_PATH

__all__ = ["needs_akn_schema"]

needs_akn_schema = pytest.mark.skipif(
    not SCHEMA_PATH.is_file(),
    reason=f"OASIS Akoma Ntoso schema not found at {SCHEMA_PATH} "
    "(../shared beside the checkout)",
)
"""Skips a test that needs the OASIS Akoma Ntoso 3.0 schema when it is absent."""
