"""XML in and out: safe parsing, Akoma Ntoso 3.0 read/write, ToTA read."""

from __future__ import annotations

from .model import Treaty

__all__ = ["read_akn", "read_tota", "to_akn", "validate_akn"]


def read_akn(data: bytes, *, source: str | None = None) -> Treaty:
    """Read an Akoma Ntoso 3.0 document into a Treaty."""
    raise NotImplementedError


def to_akn(treaty: Treaty) -> bytes:
    """Write a Treaty as an Akoma Ntoso 3.0 document (UTF-8 bytes) that validates."""
    raise NotImplementedError


def validate_akn(data: bytes) -> None:
    """Validate against the OASIS Akoma Ntoso 3.0 schema; raises SchemaError."""
    raise NotImplementedError


def read_tota(data: bytes, *, source: str | None = None) -> Treaty:
    """Read a ToTA ``<treaty><meta/><body><chapter><article>`` file."""
    raise NotImplementedError
