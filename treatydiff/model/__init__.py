"""The model: treaty values with stable refs, a comparison's result values; no I/O."""

from __future__ import annotations

from treatydiff.model.results import (
    AlignedPair,
    Alignment,
    ChangeKind,
    ComparisonResult,
    Flag,
    FlagKind,
    Group,
    GroupChange,
    GroupKind,
    LinkKind,
    Op,
    OpKind,
    ParagraphPair,
    TreatyChange,
    WordDiff,
)
from treatydiff.model.treaty import (
    Absence,
    Article,
    Division,
    Label,
    Paragraph,
    Point,
    Span,
    Treaty,
    unique_keys,
)

__all__ = [
    "Absence",
    "AlignedPair",
    "Alignment",
    "Article",
    "ChangeKind",
    "ComparisonResult",
    "Division",
    "Flag",
    "FlagKind",
    "Group",
    "GroupChange",
    "GroupKind",
    "Label",
    "LinkKind",
    "Op",
    "OpKind",
    "Paragraph",
    "ParagraphPair",
    "Point",
    "Span",
    "Treaty",
    "TreatyChange",
    "WordDiff",
    "unique_keys",
]
