"""The public surface: ``__all__`` lists exactly the public names, all documented."""

from __future__ import annotations
import __future__

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import treatydiff


def test_all_matches_public_names() -> None:
    public = {
        n
        for n, v in vars(treatydiff).items()
        if not n.startswith("_")
        and not inspect.ismodule(v)
        and not isinstance(v, __future__._Feature)
    } | set(treatydiff._LAZY)  # served on first use
    assert set(treatydiff.__all__) - {"__version__"} == public
    assert all(getattr(treatydiff, name) for name in treatydiff.__all__)


def test_importing_the_package_leaves_the_heavy_modules_alone() -> None:
    """Issue 13: start-up. The reports and the cue tables load only when
    compare, align, parse or read is first used (and SciPy only for large
    comparisons, tests/test_matching.py)."""
    code = (
        "import sys, treatydiff; "
        "heavy = ['scipy', 'treatydiff.comparison', 'treatydiff.provisions.cues_en']; "
        "print([m for m in heavy if m in sys.modules]); "
        "treatydiff.compare; print('treatydiff.comparison' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:2] == ["[]", "True"]
    assert treatydiff.__all__ == sorted(treatydiff.__all__, key=str)


@pytest.mark.parametrize(
    "name",
    [
        m.name
        for m in pkgutil.walk_packages(treatydiff.__path__, "treatydiff.")
        if m.name != "treatydiff.__main__"
    ],
)
def test_every_module_declares_and_documents_all(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__
    for public in getattr(module, "__all__", []):
        obj = getattr(module, public)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert obj.__doc__, f"{name}.{public} has no docstring"


def test_version_is_set() -> None:
    """Written once in the package, read by the build (pyproject.toml):
    the installed distribution says the same."""
    from importlib.metadata import version

    assert treatydiff.__version__ == version("treatydiff")
