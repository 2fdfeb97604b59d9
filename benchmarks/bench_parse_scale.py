"""Plain-text parsing at scale: time and peak memory per number of articles.

    python benchmarks/bench_parse_scale.py [--sizes 1000 10000 100000]

Each size is parsed in a fresh interpreter from a generated text (``Article i``,
then one sentence, each on its own line, blank lines between), so peak memory
is that run's own. "peak RSS" is the process's maximum resident size (the
interpreter, the text and the treaty included); "parse" is the growth of
resident memory over the parse. The last column is time per article relative
to the size before: near 1.0 means linear growth (the smallest sizes are
noisy on a loaded machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

_CHILD = "--child"


def text_of(n: int) -> str:
    """``n`` articles of one sentence each."""
    return "\n\n".join(
        f"Article {i}\n\nThe Parties shall cooperate in matter number {i} of this "
        "Agreement."
        for i in range(1, n + 1)
    )


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(n: int) -> None:
    """Parse ``n`` generated articles; print seconds, peak and parse MB."""
    from treatydiff.formats.plaintext import parse

    text = text_of(n)
    before = _rss_mb()
    start = time.perf_counter()
    treaty = parse(text, id="generated", lang="en")
    seconds = time.perf_counter() - start
    assert len(treaty.articles) == n, len(treaty.articles)
    print(seconds, _rss_mb(), _rss_mb() - before)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = ap.parse_args()
    print(f"2 cores shared; load average {os.getloadavg()[0]:.1f} before")
    print()
    print("| articles | parse | peak RSS | parse memory | per article vs previous |")
    print("|---|---|---|---|---|")
    previous: float | None = None
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, _CHILD, str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        seconds, peak, grown = map(float, out)
        per = seconds / n
        print(
            f"| {n:,} | {seconds:.2f} s | {peak:.0f} MB | {grown:.0f} MB "
            f"| {per / (previous or per):.2f}× |"
        )
        previous = per
    print()
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == _CHILD:
        child(int(sys.argv[2]))
    else:
        main()
