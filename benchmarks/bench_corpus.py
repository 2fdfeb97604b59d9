"""The corpus index on ToTA (../shared/corpora/tota/xml): build, size, search,
add one treaty + sources, all-pairs reuse with recall against exhaustive
comparison on a seeded random sample, and the single-earlier-treaty figure.

Run: ``python benchmarks/bench_corpus.py [--db PATH] [--jobs 2] [--sample 3000]
[--seed 10] [--engine process|dask]``. The index is built from scratch in
``--db`` (default: a temporary directory). Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from treatydiff import read
from treatydiff.corpus import Corpus
from treatydiff.corpus.sources import _articles

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tota" / "xml"
QUERIES = [
    "The Parties shall consult each other on any matter concerning the "
    "implementation of this Agreement.",
    "Each Party shall accord national treatment to the goods of the other Party "
    "in accordance with Article III of the GATT 1994.",
    "This Agreement shall enter into force on the first day of the second month "
    "following the date on which the Parties exchange written notifications.",
    "Nothing in this Agreement shall prevent a Party from taking measures "
    "necessary to protect public morals or human life or health.",
    "The Parties shall cooperate in the field of customs procedures.",
]


def _time(fn: object, *args: object, repeat: int = 5, **kw: object) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args, **kw)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def _ms(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1e3:.0f} ms, max {max(times) * 1e3:.0f} ms"
    )


def _raw_chars(paths: list[Path]) -> int:
    return sum(
        sum(len(a.text) for a in t.articles) + len(t.preamble or "")
        for t in map(read, paths)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="where to build the index (default: temp)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", default="process")
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    paths = sorted(CORPUS.glob("pta_*.xml"))
    if not paths:
        print(f"ToTA corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench_corpus."))
    src = work / "tota"
    src.mkdir()
    for p in paths:
        (src / p.name).symlink_to(p)
    db = Path(args.db) if args.db else work / "tota.sqlite"
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()

    print("| step | result | seconds |")
    print("| --- | --- | ---: |")
    start = time.perf_counter()
    with Corpus(db) as corpus:
        summary = corpus.update([str(src)], jobs=args.jobs, engine=args.engine)
    built = time.perf_counter() - start
    print(f"| index {len(paths)} ToTA files | {summary.lines()[0]} | {built:.1f} |")
    xml_mb = sum(p.stat().st_size for p in paths) / 1e6
    chars = _raw_chars(paths)
    size = db.stat().st_size / 1e6
    print(
        f"| index size | {size:.1f} MB: {size / (chars / 1e6):.2f}x the "
        f"{chars / 1e6:.1f} M characters of treaty text ({xml_mb:.1f} MB of XML)"
        " | |"
    )

    with Corpus(db, create=False) as corpus:
        for name, fn, arg in [
            ("search TEXT", corpus.search, QUERIES),
            ("search --keyword", corpus.keyword, ["customs", '"national treatment"']),
        ]:
            times = [_time(fn, q) for q in arg]  # type: ignore[operator]
            print(f"| {name} ({len(arg)} queries) | {_ms(times)} | |")
        rng = random.Random(args.seed)
        refs = rng.sample(
            corpus.connection.execute(
                "SELECT t.name, a.ref FROM articles a JOIN treaties t"
                " ON t.id = a.treaty WHERE a.keys IS NOT NULL"
            ).fetchall(),
            20,
        )
        times = [_time(corpus.like, t, r) for t, r in refs]
        print(f"| search --like (20 random articles) | {_ms(times)} | |")

    # Add one treaty to the full index and print its sources.
    newest = paths[-1]
    (src / newest.name).unlink()
    with Corpus(db) as corpus:
        corpus.update([str(src)], jobs=args.jobs)
    (src / newest.name).symlink_to(newest)
    start = time.perf_counter()
    with Corpus(db) as corpus:
        corpus.update([str(src)], jobs=1)
        report = corpus.sources(newest.stem)
    added = time.perf_counter() - start
    top = report.sources[0] if report.sources else None
    print(
        f"| add {newest.stem} to the index + its sources | {report.compared} articles;"
        f" top source {top.treaty if top else '-'} "
        f"({top.share if top else 0:.0%}) | {added:.2f} |"
    )

    # All-pairs reuse over English articles, and recall on a random sample.
    with Corpus(db, create=False) as corpus:
        results = {}
        for threshold in (70, 80):
            start = time.perf_counter()
            pairs = list(
                corpus.reuse(
                    threshold=threshold, lang="en", jobs=args.jobs, engine=args.engine
                )
            )
            results[threshold] = (pairs, time.perf_counter() - start)
            print(
                f"| reuse --lang en --threshold {threshold} | {len(pairs):,} pairs |"
                f" {results[threshold][1]:.1f} |"
            )
        copied = corpus.copies(results[80][0], lang="en")
        print(
            f"| the figure (threshold 80, share 0.8) | {len(copied)} treaties take"
            " >= 80% of their articles from a single earlier treaty | |"
        )
        arts = _articles(corpus.connection, "en")
        names = dict(corpus.connection.execute("SELECT id, name FROM treaties"))
        refs_of = dict(corpus.connection.execute("SELECT id, ref FROM articles"))
    # Sample from the articles in (treaty id, ref) order, not row-id order,
    # which changes when a treaty is indexed again.
    key_all = [
        (names[int(arts.treaty[i])], refs_of[int(arts.ids[i])])
        for i in range(len(arts.ids))
    ]
    population = sorted(range(len(arts.ids)), key=key_all.__getitem__)
    rng = random.Random(args.seed)
    sample = rng.sample(population, args.sample)
    texts = [arts.texts[arts.text_of[i]] for i in sample]
    matrix = process.cdist(
        texts,
        texts,
        scorer=fuzz.ratio,
        score_cutoff=70,
        workers=args.jobs,
        dtype=np.float32,
    )
    key = [key_all[i] for i in sample]
    print()
    print(
        f"Recall against exhaustive fuzz.ratio on {args.sample:,} English articles"
        f" (random.Random({args.seed}).sample of the {len(arts.ids):,} with >= 10"
        " words in (treaty id, ref) order; pairs within one treaty excluded):"
    )
    print()
    print("| fuzz.ratio | exhaustive pairs | found by reuse | recall |")
    print("| --- | ---: | ---: | ---: |")
    for threshold in (70, 80):
        found = {
            frozenset({(p.a_treaty, p.a_ref), (p.b_treaty, p.b_ref)})
            for p in results[threshold][0]
        }
        xs, ys = np.nonzero(np.triu(matrix >= threshold, k=1))
        truth = {
            frozenset({key[x], key[y]})
            for x, y in zip(xs.tolist(), ys.tolist(), strict=True)
            if key[x][0] != key[y][0]
        }
        hit = len(truth & found)
        print(
            f"| >= {threshold} | {len(truth):,} | {hit:,} |"
            f" {hit / len(truth) if truth else 1:.3f} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the benchmark process: {peak:.0f} MB")
    shutil.rmtree(work)  # the symlinks (and the index unless --db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
