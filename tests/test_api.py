"""The public surface: ``__all__`` lists exactly the public names, all documented."""

from __future__ import annotations
import __future__

import importlib
import inspect
import pkgutil

import pytest

import treatydiff


def test_all_matches_public_names() -> None:
    public = {
        n
        for n, v in vars(treatydiff).items()
        if not n.startswith("_")
        and not inspect.ismodule(v)
        and not isinstance(v, __future__._Feature)
    }
    assert set(treatydiff.__all__) - {"__version__"} == public
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
    assert treatydiff.__version__
