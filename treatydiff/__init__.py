"""treatydiff: compare international treaties clause by clause."""

from __future__ import annotations

from importlib.metadata import version as _version

from treatydiff.alignment.pairwise import align
from treatydiff.comparison import Comparison, compare
from treatydiff.errors import (
    AlignmentError,
    CorpusError,
    FetchError,
    InvalidArgument,
    ParseError,
    SchemaError,
    TreatyDiffError,
    UnknownRef,
)
from treatydiff.formats.plaintext.parser import parse
from treatydiff.formats.reader import read
from treatydiff.model import (
    Absence,
    AlignedPair,
    Alignment,
    Article,
    Division,
    Group,
    Label,
    Paragraph,
    Point,
    Span,
    Strength,
    Treaty,
)

__all__ = [
    "Absence",
    "AlignedPair",
    "Alignment",
    "AlignmentError",
    "Article",
    "Comparison",
    "CorpusError",
    "Division",
    "FetchError",
    "Group",
    "InvalidArgument",
    "Label",
    "Paragraph",
    "ParseError",
    "Point",
    "SchemaError",
    "Span",
    "Strength",
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
