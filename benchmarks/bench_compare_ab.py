"""``compare`` alone on pta_312 vs pta_313 (and pta_153 vs pta_154), for A/B runs.

    python benchmarks/bench_compare_ab.py

Prints, for the treatydiff first on ``sys.path``, the best of 5 ``compare``
calls (wall and CPU time), the best of 5 on texts the process has not seen
(every per-text cache emptied) and the best of 2 on pta_153 vs pta_154. To
compare two versions on a loaded machine, alternate fresh interpreters, e.g.
``PYTHONPATH=/path/to/old/checkout python benchmarks/bench_compare_ab.py``
(run from outside both checkouts) then this one, several times, and take
medians.
"""

from __future__ import annotations

import os
import time

from bench_align_speed import forget_texts
from redrafts import best_of, load

import treatydiff
from treatydiff.comparison import compare


def cold() -> float:
    """One comparison of pta_312 vs pta_313 read anew, caches emptied."""
    a, b = load("pta_312", paragraphs=False), load("pta_313", paragraphs=False)
    forget_texts()
    start = time.perf_counter()
    compare(a, b)
    return time.perf_counter() - start


def main() -> None:
    a, b = load("pta_312", paragraphs=False), load("pta_313", paragraphs=False)
    compare(a, b)
    wall = best_of(lambda: compare(a, b), 5)
    cpu = best_of(lambda: compare(a, b), 5, time.process_time)
    first = min(cold() for _ in range(5))
    a, b = load("pta_153", paragraphs=False), load("pta_154", paragraphs=False)
    big = best_of(lambda: compare(a, b), 2)
    print(
        f"{os.path.dirname(treatydiff.__file__)}: pta_312/313 compare "
        f"{wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU, unseen texts "
        f"{first * 1000:.1f} ms; pta_153/154 {big:.3f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
