"""Plain text as published: the parser, its line recognisers and the writer."""

from __future__ import annotations

from treatydiff.formats.plaintext.parser import parse
from treatydiff.formats.plaintext.writer import to_text

__all__ = ["parse", "to_text"]
