"""Word diffs of every aligned article pair of ToTA pta_153 vs pta_154.

    python benchmarks/bench_diff.py [--repeat N] [--tota DIR]

Times, best of N runs: the word diffs alone (``describe_group`` on every
aligned pair), ``treatydiff.compare.compare`` (alignment alone), and compare
followed by ``to_dict()`` (alignment + diffs). The issue's bar: diffs must not
make compare more than twice as slow as alignment alone. When compare is not
available, the diffs run over a pairing of the articles by position.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from treatydiff import files
from treatydiff.compare import compare
from treatydiff.diff import describe_group

ROOT = Path(__file__).resolve().parent.parent
TOTA = ROOT.parent / "shared" / "corpora" / "tota" / "xml"


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds) and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def groups_from_dict(data: dict[str, Any]) -> list[tuple[dict, str, str, dict]]:
    """(members with texts, base, kind, moved) of every group of a to_dict() result."""
    out = []
    for g in data["groups"]:
        members = {
            tid: [(ref, g["texts"][tid][ref]) for ref in refs]
            for tid, refs in g["members"].items()
        }
        out.append(
            (members, data["base"], g.get("kind", "match"), g.get("moved") or {})
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tota", type=Path, default=TOTA)
    args = parser.parse_args()
    left = files.read(args.tota / "pta_153.xml")
    right = files.read(args.tota / "pta_154.xml")
    rows: list[tuple[str, str, str]] = []

    try:
        t_align, comparison = best(lambda: compare(left, right), args.repeat)
    except NotImplementedError:
        comparison = None
    if comparison is not None:
        t_total, data = best(lambda: compare(left, right).to_dict(), args.repeat)
        groups = groups_from_dict(data)
        pairing = "compare's groups"
    else:
        groups = [
            (
                {left.id: [(a.ref, a.text)], right.id: [(b.ref, b.text)]},
                left.id,
                "match",
                {},
            )
            for a, b in zip(left.articles, right.articles, strict=False)
        ]
        pairing = "articles paired by position (compare not available)"

    def diffs() -> list[dict[str, Any]]:
        return [
            describe_group(m, base, kind=kind, moved=moved)
            for m, base, kind, moved in groups
        ]

    t_diff, results = best(diffs, args.repeat)
    ops = sum(len(d["ops"]) for r in results for d in r["diffs"])
    chars = sum(
        len(text) for m, *_ in groups for items in m.values() for _, text in items
    )
    rows.append(
        (
            f"word diffs alone ({len(groups)} groups, {ops} ops, {chars:,} chars)",
            f"{t_diff:.3f}",
            "",
        )
    )
    if comparison is not None:
        rows.append(("compare (alignment alone)", f"{t_align:.3f}", "1.00×"))
        rows.append(
            (
                "compare + to_dict (alignment + diffs)",
                f"{t_total:.3f}",
                f"{t_total / t_align:.2f}×",
            )
        )

    print(
        f"`python benchmarks/bench_diff.py --repeat {args.repeat}`: "
        f"{left.id} ({len(left.articles)} articles) vs {right.id} "
        f"({len(right.articles)} articles), {pairing}; best of {args.repeat}.\n"
    )
    print("| step | seconds | vs alignment |")
    print("| --- | ---: | ---: |")
    for name, secs, ratio in rows:
        print(f"| {name} | {secs} | {ratio} |")
    if comparison is not None and t_total > 2 * t_align:
        print(
            "\nover budget: diffs make compare more than twice as slow", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
