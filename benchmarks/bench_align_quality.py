"""Alignment quality on seeded redrafts of real ToTA treaties, next to a naive baseline.

    python benchmarks/bench_align_quality.py [--seeds 4]

Each treaty is redrafted (articles deleted, split at a paragraph break,
merged with the next, reworded, moved three or more places, articles of an
unrelated treaty inserted, everything renumbered) with a known answer
(:func:`treatydiff.strategies.redraft`). The treaties here were not used to
tune the engine. Baseline: rapidfuzz ``token_set_ratio`` on the raw article
texts + optimal one-to-one assignment, no threshold.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process
from redrafts import load, make_redraft, pool_articles
from scipy.optimize import linear_sum_assignment

from treatydiff.alignment.normalise import normalize
from treatydiff.alignment.pairwise import align, moved_flags

HELD_OUT = [
    *("pta_244", "pta_114", "pta_118", "pta_143", "pta_19", "pta_331"),
    *("pta_337", "pta_31", "pta_148", "pta_21", "pta_336", "pta_13"),
]
FOREIGN = ["pta_1", "pta_3", "pta_335"]


def _words(article) -> set[str]:
    return set(normalize(article.text).split())


def _foreign_for(original, pool):
    """Foreign clauses that are not near copies of one of the original's."""
    sets = [_words(a) for a in original.articles]
    keep = []
    for art in pool:
        words = _words(art)
        if words and all(
            len(words & s) < 0.6 * min(len(words), len(s) or 1) for s in sets
        ):
            keep.append(art)
    return keep


def baseline(a, b) -> tuple[set[tuple[str, str]], set[str]]:
    """Naive: token_set_ratio on raw text + assignment; every assigned pair kept."""
    arts_a = [x for x in a.articles if x.text]
    arts_b = [x for x in b.articles if x.text]
    scores = process.cdist(
        [x.text for x in arts_a],
        [x.text for x in arts_b],
        scorer=fuzz.token_set_ratio,
        workers=-1,
    )
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = [(arts_a[r].ref, arts_b[c].ref) for r, c in zip(rows, cols, strict=True)]
    flags = moved_flags(list(zip(rows.tolist(), cols.tolist(), strict=True)))
    return set(pairs), {x for (x, _), f in zip(pairs, flags, strict=True) if f}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=4)
    args = parser.parse_args()
    pool = pool_articles(FOREIGN)
    counts = {name: Counter() for name in ("treatydiff", "baseline")}
    n_cases = n_articles = 0
    start = time.perf_counter()
    for k, name in enumerate(HELD_OUT):
        original = load(name)
        foreign = _foreign_for(original, pool)
        for seed in range(args.seeds):
            result = make_redraft(original, 1000 * seed + k, foreign)
            n_cases += 1
            n_articles += len(original.articles)
            truth = {
                "pairs": set(result.expected),
                "moves": set(result.moved),
                "splits": {((a,), bs) for a, bs in result.splits.items()},
                "merges": {(tuple(srcs), (b,)) for b, srcs in result.merges.items()},
            }
            al = align(original, result.revised, paragraphs=False)
            ours = {
                "pairs": set(al.links),
                "moves": {p.a for p in al.pairs if p.moved and p.kind == "match"},
                "splits": {(p.a_refs, p.b_refs) for p in al.pairs if p.kind == "split"},
                "merges": {(p.a_refs, p.b_refs) for p in al.pairs if p.kind == "merge"},
            }
            base_pairs, base_moved = baseline(original, result.revised)
            naive = {
                "pairs": base_pairs,
                "moves": base_moved,
                "splits": set(),
                "merges": set(),
            }
            for label, got in (("treatydiff", ours), ("baseline", naive)):
                for key, expected in truth.items():
                    counts[label][key, "tp"] += len(got[key] & expected)
                    counts[label][key, "fp"] += len(got[key] - expected)
                    counts[label][key, "fn"] += len(expected - got[key])
    elapsed = time.perf_counter() - start
    print(
        f"{n_cases} redrafts of {len(HELD_OUT)} held-out ToTA treaties "
        f"({n_articles} original articles), {args.seeds} seeds each; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        f"{elapsed:.1f} s\n"
    )
    print("| what | engine | precision | recall | F1 | true items |")
    print("|---|---|---|---|---|---|")
    for key in ("pairs", "moves", "splits", "merges"):
        for label in ("treatydiff", "baseline"):
            c = counts[label]
            p, r, f = prf(c[key, "tp"], c[key, "fp"], c[key, "fn"])
            true = c[key, "tp"] + c[key, "fn"]
            print(f"| {key} | {label} | {p:.3f} | {r:.3f} | {f:.3f} | {true} |")
    c = counts["treatydiff"]
    sm = prf(
        c["splits", "tp"] + c["merges", "tp"],
        c["splits", "fp"] + c["merges", "fp"],
        c["splits", "fn"] + c["merges", "fn"],
    )
    print(
        f"\nsplit+merge together (treatydiff): precision {sm[0]:.3f}, "
        f"recall {sm[1]:.3f}, F1 {sm[2]:.3f}"
    )


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
