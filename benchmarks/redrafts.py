"""Shared benchmark helpers: load ToTA treaties, build seeded redrafts, time calls.

ToTA lives in ``../shared/corpora/tota/xml`` beside the checkout (CC BY-NC;
never copied into the repo). Treaties are read with
:func:`treatydiff.xmlio.read_tota` when it is implemented, else with a small
lxml reader here (articles → blank-line paragraphs).
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.strategies import Redraft, redraft
from treatydiff.xmlio import read_tota

__all__ = ["TOTA", "best_of", "load", "make_redraft", "pool_articles"]

TOTA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tota" / "xml"
_PARA_NUM = re.compile(r"^\s*(\d{1,2})\.\s+")


def _fallback_read(data: bytes, source: str) -> Treaty:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    arts = []
    for index, node in enumerate(root.iter("article")):
        blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", node.text or "")]
        paras = [Paragraph(text=_PARA_NUM.sub("", b)) for b in blocks if b]
        if paras:
            arts.append(Article(num=str(index + 1), heading=node.get("name"), paragraphs=paras))
    return Treaty(id=Path(source).stem, title=root.findtext("meta/name"), lang="en", articles=arts)


def load(name: str) -> Treaty:
    """Read ``pta_N`` from the ToTA corpus."""
    path = TOTA / f"{name}.xml"
    data = path.read_bytes()
    try:
        treaty = read_tota(data, source=str(path))
    except NotImplementedError:
        treaty = _fallback_read(data, str(path))
    return treaty


def pool_articles(names: list[str], limit: int = 400) -> list[Article]:
    """Articles of other treaties, to insert as foreign clauses."""
    arts = [a for name in names for a in load(name).articles if a.encoded and a.text]
    return arts[:limit]


def make_redraft(original: Treaty, seed: int, foreign: list[Article], **kwargs: Any) -> Redraft:
    """One seeded redraft of ``original`` with foreign articles to insert."""
    return redraft(original, random.Random(seed), foreign=foreign, **kwargs)


def best_of(func: Callable[[], Any], repeat: int = 3) -> float:
    """The best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)
