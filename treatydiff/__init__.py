"""treatydiff: compare international treaties clause by clause."""

from __future__ import annotations

from importlib.metadata import version as _version

from .align import AlignedPair, Alignment, align
from .compare import Comparison, Group, compare
from .errors import (
    AlignmentError,
    CorpusError,
    InvalidArgument,
    ParseError,
    SchemaError,
    TreatyDiffError,
    UnknownRef,
)
from .files import read
from .model import Absence, Article, Division, Label, Paragraph, Point, Span, Treaty
from .parse import parse

__all__ = [
    "Absence",
    "AlignedPair",
    "Alignment",
    "AlignmentError",
    "Article",
    "Comparison",
    "CorpusError",
    "Division",
    "Group",
    "InvalidArgument",
    "Label",
    "Paragraph",
    "ParseError",
    "Point",
    "SchemaError",
    "Span",
    "Treaty",
    "TreatyDiffError",
    "UnknownRef",
    "__version__",
    "align",
    "compare",
    "parse",
    "read",
]

__version__ = _version("treatydiff")
