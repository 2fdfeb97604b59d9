"""Shared benchmark helpers: load ToTA treaties, build seeded redrafts, time calls.

ToTA lives in ``../shared/corpora/tota/xml`` beside the checkout (CC BY-NC;
never copied into the repo); treaties are read with
:func:`treatydiff.formats.tota.read_tota`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from treatydiff.formats.tota import read_tota
from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.strategies import Redraft, redraft

__all__ = ["TOTA", "best_of", "load", "make_redraft", "pool_articles"]

TOTA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "corpora"
    / "tota"
    / "xml"
)


def _paragraphed(article: Article) -> Article:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", article.text)]
    return attrs.evolve(article, paragraphs=[Paragraph(text=b) for b in blocks if b])


def load(name: str, *, paragraphs: bool = True) -> Treaty:
    """Read ``pta_N`` from the ToTA corpus; with ``paragraphs``, each
    article's text is cut into paragraphs at blank lines (ToTA keeps an
    article as one block), so redrafts can split articles between them."""
    path = TOTA / f"{name}.xml"
    treaty = read_tota(path.read_bytes(), source=str(path))
    if not paragraphs:
        return treaty
    return attrs.evolve(treaty, articles=[_paragraphed(a) for a in treaty.articles])


def pool_articles(names: list[str], limit: int = 400) -> list[Article]:
    """Articles of other treaties, to insert as foreign clauses."""
    arts = [a for name in names for a in load(name).articles if a.encoded and a.text]
    return arts[:limit]


def make_redraft(
    original: Treaty, seed: int, foreign: list[Article], **kwargs: Any
) -> Redraft:
    """One seeded redraft of ``original`` with foreign articles to insert."""
    return redraft(original, random.Random(seed), foreign=foreign, **kwargs)


def best_of(
    func: Callable[[], Any],
    repeat: int = 3,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """The best time of ``repeat`` calls, in seconds (wall time; ``clock``
    ``time.process_time`` for CPU time)."""
    times = []
    for _ in range(repeat):
        start = clock()
        func()
        times.append(clock() - start)
    return min(times)
