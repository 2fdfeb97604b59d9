"""Pins each dependency in pyproject.toml to its lower bound for the lowest run.

Prints pip constraints (``name==bound``) for the runtime dependencies and the
extras named on the command line; every requirement must carry a ``>=`` bound.

    python3 .ci/lowest.py test > lowest.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

__all__ = ["lower_bounds", "main"]

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
_LOWER = re.compile(r">=\s*([0-9][0-9A-Za-z.]*)")


def lower_bounds(pyproject: Path, extras: list[str]) -> list[str]:
    """``name==bound`` for each runtime requirement and each one of ``extras``."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    pins = []
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement.split(";")[0])
        bound = _LOWER.search(match.group(2)) if match else None
        if match is None or bound is None:
            raise SystemExit(f"lowest.py: no '>=' lower bound in {requirement!r}")
        pins.append(f"{match.group(1)}=={bound.group(1)}")
    return sorted(pins, key=str.lower)


def main() -> None:
    """Print the constraints for pyproject.toml beside this directory."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    print("\n".join(lower_bounds(pyproject, sys.argv[1:])))


if __name__ == "__main__":
    main()
