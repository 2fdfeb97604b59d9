"""Akoma Ntoso 3.0: write a Treaty, read one back, validate against the OASIS schema."""

from __future__ import annotations

from treatydiff.formats.akn.names import AKN_NS, TD_NS
from treatydiff.formats.akn.reader import akn_to_treaty, read_akn
from treatydiff.formats.akn.schema import validate_akn
from treatydiff.formats.akn.writer import to_akn

__all__ = [
    "AKN_NS",
    "TD_NS",
    "akn_to_treaty",
    "read_akn",
    "to_akn",
    "validate_akn",
]
