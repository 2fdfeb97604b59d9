"""Alignment against official correlation tables of real EU recasts.

Each pair in ``../shared/corpora/eu-recasts/<pair>/`` holds the old and new act
as plain text (``Article N`` headings) and ``table.csv``, the legislator's own
correlation table reduced to article level (see that folder's SOURCE.md). A
link is an ``(old article, new article)`` row with both cells set; the engine
is scored on the set of links it reports, splits and merges included, and on
the articles it leaves without counterpart (repealed / new).

Baseline, in the same run: rapidfuzz ``token_set_ratio`` on the raw article
texts + optimal one-to-one assignment, every assigned pair kept.

    python benchmarks/bench_recasts.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

import treatydiff

ROOT = Path(__file__).resolve().parent.parent
_ARTICLE = re.compile(r"^Article\s+(\S+)$")


def _ref(cell: str) -> str:
    match = _ARTICLE.match(cell.strip())
    if not match:
        raise SystemExit(f"unexpected table cell {cell!r}")
    return match.group(1).lower()


def gold(folder: Path) -> tuple[set[tuple[str, str]], set[str], set[str]]:
    """(links, old articles without successor, new articles without source)."""
    links: set[tuple[str, str]] = set()
    repealed: set[str] = set()
    new: set[str] = set()
    with (folder / "table.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            old, nw = row["old"].strip(), row["new"].strip()
            if old and nw:
                links.add((_ref(old), _ref(nw)))
            elif old:
                repealed.add(_ref(old))
            elif nw:
                new.add(_ref(nw))
    return links, repealed, new


def baseline(a: treatydiff.Treaty, b: treatydiff.Treaty) -> set[tuple[str, str]]:
    """Naive: token_set_ratio on raw text + assignment; every assigned pair kept."""
    scores = process.cdist(
        [x.text for x in a.articles],
        [x.text for x in b.articles],
        scorer=fuzz.token_set_ratio,
        workers=-1,
    )
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return {
        (a.articles[i].ref.lower(), b.articles[j].ref.lower())
        for i, j in zip(rows, cols, strict=True)
    }


def prf(found: set, truth: set) -> tuple[float, float, float]:
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    base = args.shared / "corpora" / "eu-recasts"
    if not base.is_dir():
        raise SystemExit(f"eu-recasts corpus not found at {base}")
    print(
        "| pair | articles old × new | engine | P | R | F1 | "
        "no-counterpart R | seconds |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        old = treatydiff.read(folder / "old.txt")
        new = treatydiff.read(folder / "new.txt")
        links, repealed, added = gold(folder)
        start = time.perf_counter()
        alignment = treatydiff.align(old, new)
        seconds = time.perf_counter() - start
        found = {(x.lower(), y.lower()) for x, y in alignment.links}
        alone = {r.lower() for r in alignment.unmatched_a} | {
            "new:" + r.lower() for r in alignment.unmatched_b
        }
        truth_alone = repealed | {"new:" + r for r in added}
        alone_r = len(alone & truth_alone) / len(truth_alone) if truth_alone else 1.0
        size = f"{len(old.articles)} × {len(new.articles)}"
        p, r, f = prf(found, links)
        print(
            f"| {folder.name} | {size} | treatydiff | {p:.3f} | {r:.3f} | "
            f"**{f:.3f}** | {alone_r:.3f} | {seconds:.2f} |"
        )
        start = time.perf_counter()
        naive = baseline(old, new)
        seconds = time.perf_counter() - start
        p, r, f = prf(naive, links)
        print(
            f"| {folder.name} | {size} | baseline | {p:.3f} | {r:.3f} | "
            f"{f:.3f} | 0.000 | {seconds:.2f} |"
        )


if __name__ == "__main__":
    main()
