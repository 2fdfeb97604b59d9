"""One error root for everything treatydiff raises on bad input."""

from __future__ import annotations

__all__ = [
    "AlignmentError",
    "CorpusError",
    "FetchError",
    "InvalidArgument",
    "ParseError",
    "SchemaError",
    "TreatyDiffError",
    "UnknownRef",
]


class TreatyDiffError(Exception):
    """Root of every error treatydiff raises on purpose."""


class ParseError(TreatyDiffError, ValueError):
    """Input that cannot be read as a treaty.

    ``source`` names the file (or ``None`` for a string), ``line`` is 1-based
    where known.
    """

    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.message}{where}"


class SchemaError(TreatyDiffError, ValueError):
    """An XML document that does not validate against its schema."""


class CorpusError(TreatyDiffError, LookupError):
    """An unknown bundled treaty id, or a broken bundled file."""


class FetchError(TreatyDiffError, OSError):
    """A page that cannot be downloaded: unreachable, refused, too large."""


class UnknownRef(TreatyDiffError, KeyError):
    """A ref such as ``"4.2.b"`` that names nothing in the treaty."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown ref"


class AlignmentError(TreatyDiffError, ValueError):
    """Treaties that cannot be aligned (too few, duplicate ids, ...)."""


class InvalidArgument(TreatyDiffError, TypeError):
    """An argument of the wrong kind or out of range."""
