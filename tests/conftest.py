"""Shared test set-up: Hypothesis profiles and the ToTA corpus location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "debug", max_examples=10, deadline=None, verbosity=Verbosity.verbose
)
settings.load_profile(os.environ.get("TREATYDIFF_HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOTA = ROOT.parent / "shared" / "corpora" / "tota" / "xml"


@pytest.fixture(scope="session")
def tota_dir() -> Path:
    """The ToTA corpus directory; skips the test when ../shared is absent."""
    if not TOTA.is_dir():
        pytest.skip(f"ToTA corpus not found at {TOTA} (../shared beside the checkout)")
    return TOTA
