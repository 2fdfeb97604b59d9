"""Word diffs of every aligned article pair of ToTA pta_153 vs pta_154.

    python benchmarks/bench_diff.py [--repeat N] [--tota DIR]

Times, best of N runs, each from empty per-text caches (labels, word diffs,
flag terms, word counts: :func:`bench_align_speed.forget_texts`), so no row
reuses what an earlier run or row computed: ``treatydiff.compare.compare``
(alignment alone); the word diffs alone (``describe_group`` on every group
compare found); alignment followed by the diffs; and, for reference, compare +
``to_dict()``, which also labels every clause for the provision matrix. The
issue's bar: diffs must not make compare more than twice as slow as alignment
alone (exit status 1 if they do). When compare is not available, the diffs
run over a pairing of the articles by position. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_align_speed import forget_texts

from treatydiff import formats
from treatydiff.comparison import compare
from treatydiff.diff.changes import describe_group
from treatydiff.model import GroupChange
from treatydiff.report.view import FRAME_PARTS

ROOT = Path(__file__).resolve().parent.parent
TOTA = ROOT.parent / "shared" / "corpora" / "tota" / "xml"
Groups = list[tuple[dict[str, list[tuple[str, str]]], str, str, dict[str, bool]]]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds), each from empty per-text
    caches, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        forget_texts()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def groups_of(comparison: Any) -> Groups:
    """(members with texts, base, kind, moved) of every group of a Comparison."""
    texts = {t.id: {a.ref: a.text for a in t.articles} for t in comparison.treaties}
    return [
        (
            {
                tid: [(r, texts[tid][r]) for r in refs]
                for tid, refs in g.members.items()
            },
            comparison.base,
            g.kind,
            dict(g.moved),
        )
        for g in comparison.groups
        if not any(part in refs for part in FRAME_PARTS for refs in g.members.values())
    ]


def by_position(left: Any, right: Any) -> Groups:
    """Articles paired by position (when compare is not available)."""
    return [
        (
            {left.id: [(a.ref, a.text)], right.id: [(b.ref, b.text)]},
            left.id,
            "match",
            {},
        )
        for a, b in zip(left.articles, right.articles, strict=False)
    ]


def diffs(groups: Groups) -> list[GroupChange]:
    """describe_group() on every group."""
    return [
        describe_group(m, base, kind=kind, moved=mv) for m, base, kind, mv in groups
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tota", type=Path, default=TOTA)
    args = parser.parse_args()
    left = formats.read(args.tota / "pta_153.xml")
    right = formats.read(args.tota / "pta_154.xml")

    try:
        t_align, comparison = best(lambda: compare(left, right), args.repeat)
    except NotImplementedError:
        t_align, comparison = 0.0, None
    groups = groups_of(comparison) if comparison else by_position(left, right)
    t_diff, results = best(lambda: diffs(groups), args.repeat)
    ops = sum(len(d.ops) for r in results for d in r.diffs)
    chars = sum(
        len(text) for m, *_ in groups for items in m.values() for _, text in items
    )
    ratio = (lambda t: f"{t / t_align:.2f}×") if comparison else (lambda t: "")
    rows = []
    if comparison:
        rows.append(("compare (alignment alone)", t_align))
    rows.append(
        (
            f"word diffs alone ({len(groups)} groups, {ops:,} ops, {chars:,} chars)",
            t_diff,
        )
    )
    if comparison:
        t_both, _ = best(lambda: diffs(groups_of(compare(left, right))), args.repeat)
        t_full, _ = best(lambda: compare(left, right).to_dict(), args.repeat)
        rows.append(("compare + word diffs", t_both))
        rows.append(("compare + to_dict (diffs and provision labels)", t_full))

    pairing = "compare's groups" if comparison else "articles paired by position"
    print(
        f"`python benchmarks/bench_diff.py --repeat {args.repeat}`: "
        f"{left.id} ({len(left.articles)} articles) vs {right.id} "
        f"({len(right.articles)} articles), {pairing}; best of {args.repeat}.\n"
    )
    print("| step | seconds | vs alignment |")
    print("| --- | ---: | ---: |")
    for name, secs in rows:
        print(f"| {name} | {secs:.3f} | {ratio(secs)} |")
    if comparison and t_both > 2 * t_align:
        print(
            "\nover budget: diffs make compare more than twice as slow", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
