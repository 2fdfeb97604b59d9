"""The corpus index: many treaties in one SQLite file, for clause search,
sources and reuse of articles, and the provision census.

Not to be confused with :mod:`treatydiff.bundled`, the project's own digests
(which can be indexed too, by id).
"""

from __future__ import annotations

from treatydiff.corpus.engine import Engine
from treatydiff.corpus.index import Corpus
from treatydiff.corpus.records import (
    ArticleSource,
    CensusRow,
    Copy,
    Correspondence,
    Failure,
    Hit,
    IndexSummary,
    ReusePair,
    SourceShare,
    SourcesReport,
    TreatyRecord,
)
from treatydiff.corpus.sources import ReuseTally

__all__ = [
    "ArticleSource",
    "CensusRow",
    "Copy",
    "Corpus",
    "Correspondence",
    "Engine",
    "Failure",
    "Hit",
    "IndexSummary",
    "ReusePair",
    "ReuseTally",
    "SourceShare",
    "SourcesReport",
    "TreatyRecord",
]
