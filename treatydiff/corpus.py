"""Bundled treaty digests, by id, through importlib.resources."""

from __future__ import annotations

from .model import Treaty

__all__ = ["ids", "load", "resolve"]


def ids() -> list[str]:
    """The ids of the bundled treaties, sorted."""
    raise NotImplementedError


def load(treaty_id: str) -> Treaty:
    """A bundled treaty by id; an unknown id raises CorpusError."""
    raise NotImplementedError


def resolve(arg: str) -> Treaty:
    """A bundled id or a file path, as the CLI takes them."""
    raise NotImplementedError
