"""Shared test set-up: Hypothesis profiles, the ToTA corpus and the AKN schema.

Profiles (``TREATYDIFF_HYPOTHESIS_PROFILE``): ``dev`` (default, quick local
runs), ``ci`` (``.ci/run``: more examples, derandomized so a red build is
reproducible) and ``debug`` (few examples, verbose). No test hard-codes its
example count; the profile governs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Verbosity, settings

from tests.support import AKN_SCHEMA
from treatydiff.formats.akn.schema import SCHEMA_ENV

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# Compatibility runs (the lowest dependency versions): every law runs, briefly.
settings.register_profile(
    "smoke",
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "debug", max_examples=10, deadline=None, verbosity=Verbosity.verbose
)
settings.load_profile(os.environ.get("TREATYDIFF_HYPOTHESIS_PROFILE", "dev"))

# validate_akn() reads the schema location from the environment when no
# argument is given; point it at ../shared unless the caller chose one.
if AKN_SCHEMA.is_file():
    os.environ.setdefault(SCHEMA_ENV, str(AKN_SCHEMA))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOTA = ROOT.parent / "shared" / "corpora" / "tota" / "xml"


@pytest.fixture(scope="session")
def tota_dir() -> Path:
    """The ToTA corpus directory; skips the test when ../shared is absent."""
    if not TOTA.is_dir():
        pytest.skip(f"ToTA corpus not found at {TOTA} (../shared beside the checkout)")
    return TOTA
