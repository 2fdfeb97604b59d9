"""Big comparisons: time and peak memory per number of generated articles.

    python benchmarks/bench_align_memory.py [--sizes 1000 2000 4000 8000 16000]
        [--compare-up-to 16000] [--dense-up-to 2000]

Each size runs in a fresh interpreter, so the peak resident size ("peak RSS",
the interpreter, both treaties and the result included) is that run's own.
The treaties are generated: an original of ``n`` articles (one to three
paragraphs of two sentences of a Zipf-distributed vocabulary of 20,000 made-up
words, some with headings) and its :func:`treatydiff.strategies.redraft`
(deletes, splits, merges, moves, rewords, insertions), so the right pairs are
known and the recall and precision of the article links are printed.

Runs: ``align`` takes the path its size takes (sparse candidates from
``pairwise._LARGE_CELLS`` article pairs on); up to ``--dense-up-to`` articles
``align-sparse`` and ``align-dense`` force one path each, for the ratio;
``compare`` is ``treatydiff.compare(a, b).to_dict()``, the whole thing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import subprocess
import sys
import time

_CHILD = "--child"
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """``size`` distinct made-up words of two to four syllables."""
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4)))] = None
    return list(words)


def generated(
    n: int, seed: int = 13
) -> tuple[object, object, frozenset[tuple[str, str]]]:
    """An original of ``n`` articles, its redraft and the right pairs."""
    from treatydiff.model import Article, Paragraph, Treaty
    from treatydiff.strategies import redraft

    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (k + 1) for k in range(len(words))))

    def sentence() -> str:
        chosen = rng.choices(words, cum_weights=weights, k=rng.randint(6, 14))
        return " ".join([chosen[0].capitalize(), *chosen[1:]]) + "."

    def article(num: str) -> Article:
        count = rng.randint(1, 3)
        return Article(
            num=num,
            heading=" ".join(rng.choices(words, k=2)).capitalize()
            if rng.random() < 0.5
            else None,
            paragraphs=[
                Paragraph(
                    num=str(k + 1) if count > 1 else None,
                    text=f"{sentence()} {sentence()}",
                )
                for k in range(count)
            ],
        )

    original = Treaty(id="gen", articles=[article(str(i + 1)) for i in range(n)])
    foreign = [article("1") for _ in range(max(n // 20, 1))]
    result = redraft(original, rng, foreign=foreign)
    return original, result.revised, result.expected


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(n: int, what: str) -> None:
    """Run ``what`` on ``n`` articles: align (the path its size takes), the
    sparse or the dense path forced (align-sparse, align-dense), or compare +
    to_dict; print seconds, peak MB, recall and precision of the links."""
    import treatydiff
    from treatydiff.alignment import pairwise

    a, b, expected = generated(n)
    if what == "align-dense":
        pairwise._LARGE_CELLS = n * n * 2
    elif what == "align-sparse":
        pairwise._LARGE_CELLS = 0
    start = time.perf_counter()
    if what == "compare":
        comparison = treatydiff.compare(a, b)
        (alignment,) = comparison.alignments.values()
        comparison.to_dict()
    else:
        alignment = treatydiff.align(a, b)
    seconds = time.perf_counter() - start
    found = {(p.a, p.b) for p in alignment.pairs}
    recall = len(found & expected) / max(len(expected), 1)
    precision = len(found & expected) / max(len(found), 1)
    print(seconds, _rss_mb(), recall, precision)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000]
    )
    ap.add_argument("--compare-up-to", type=int, default=16000)
    ap.add_argument("--dense-up-to", type=int, default=2000)
    args = ap.parse_args()
    print(f"2 cores shared; load average {os.getloadavg()[0]:.1f} before")
    print()
    print("| articles per side | run | seconds | peak RSS | recall | precision |")
    print("|---|---|---:|---:|---:|---:|")
    for n in args.sizes:
        runs = ["align"]
        if n <= args.dense_up_to:
            runs += ["align-sparse", "align-dense"]
        if n <= args.compare_up_to:
            runs.append("compare")
        for what in runs:
            out = subprocess.run(
                [sys.executable, __file__, _CHILD, str(n), what],
                check=False,
                capture_output=True,
                text=True,
            )
            if out.returncode:
                print(
                    f"| {n:,} | {what} | failed: {out.stderr.strip().splitlines()[-1]}"
                )
                continue
            seconds, peak, recall, precision = map(float, out.stdout.split())
            print(
                f"| {n:,} | {what} | {seconds:.1f} s | {peak:,.0f} MB "
                f"| {recall:.3f} | {precision:.3f} |"
            )
    print()
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == _CHILD:
        child(int(sys.argv[2]), sys.argv[3])
    else:
        main()
