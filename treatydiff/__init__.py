"""treatydiff: compare international treaties clause by clause."""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module

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

__version__ = "0.1.0"  # the one place it is written (pyproject.toml reads it)

if _typing.TYPE_CHECKING:
    from treatydiff.alignment.pairwise import align
    from treatydiff.comparison import Comparison, compare
    from treatydiff.formats.plaintext.parser import parse
    from treatydiff.formats.reader import read

# Imported on first use: alignment (SciPy), the reports and the cue tables take
# a second or more to load, which ``import treatydiff`` should not pay.
_LAZY = {
    "align": "treatydiff.alignment.pairwise",
    "Comparison": "treatydiff.comparison",
    "compare": "treatydiff.comparison",
    "parse": "treatydiff.formats.plaintext.parser",
    "read": "treatydiff.formats.reader",
}


def __getattr__(name: str) -> _typing.Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'treatydiff' has no attribute {name!r}")
    value = getattr(_import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


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
