"""Read the whole ToTA corpus (../shared/corpora/tota/xml) with treatydiff.read.

Run: ``python benchmarks/bench_read_corpus.py [--repeat N] [--akn]``. Prints a
Markdown table row: the best of N runs, MB/s of XML read, characters of
article text, articles. ``--akn`` adds a row for writing every treaty as
Akoma Ntoso and reading it back.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from treatydiff import read
from treatydiff.formats.akn import read_akn, to_akn

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tota" / "xml"


def _chars(treaties: list) -> int:
    return sum(
        len(t.preamble or "")
        + len(t.closing or "")
        + sum(len(a.text) for a in t.articles)
        for t in treaties
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--akn", action="store_true", help="also time Treaty → AKN → Treaty"
    )
    args = parser.parse_args()
    paths = sorted(CORPUS.glob("pta_*.xml"))
    if not paths:
        print(f"ToTA corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in paths)
    best, treaties = float("inf"), []
    for _ in range(args.repeat):
        start = time.perf_counter()
        treaties = [read(p) for p in paths]
        best = min(best, time.perf_counter() - start)
    articles = sum(len(t.articles) for t in treaties)
    command = "python benchmarks/bench_read_corpus.py"
    print("| task | files | MB | characters | articles | seconds | MB/s | command |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(
        f"| read ToTA XML | {len(paths)} | {size / 1e6:.1f} | {_chars(treaties):,} | "
        f"{articles:,} | {best:.2f} | {size / 1e6 / best:.0f} | `{command}` |"
    )
    if args.akn:
        start = time.perf_counter()
        documents = [to_akn(t) for t in treaties]
        written = time.perf_counter() - start
        start = time.perf_counter()
        back = [read_akn(d) for d in documents]
        reread = time.perf_counter() - start
        assert back == treaties
        akn_size = sum(len(d) for d in documents)
        for task, seconds in (("write AKN", written), ("read AKN", reread)):
            print(
                f"| {task} | {len(paths)} | {akn_size / 1e6:.1f} | {_chars(back):,} | "
                f"{articles:,} | {seconds:.2f} | {akn_size / 1e6 / seconds:.0f} | "
                f"`{command} --akn` |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
