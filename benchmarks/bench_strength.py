"""Accuracy of the obligation strength read for provision labels.

Run: ``python benchmarks/bench_strength.py``. Scores the held-out clauses of
``tests/fixtures/provisions/strength.json`` (English and Russian, written
apart from the strength cues and scored once before any fix): for each
clause, whether the classifier finds the expected kind (coverage) and, where
it does, whether the label's strength is the expected one (accuracy). Prints
a Markdown table per language and strength, and the misses.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from treatydiff.provisions import classify

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = ROOT / "tests" / "fixtures" / "provisions" / "strength.json"


def main() -> None:
    """Print coverage and strength accuracy per language and strength."""
    clauses = json.loads(CLAUSES.read_text(encoding="utf-8"))
    total: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    misses = []
    for clause in clauses:
        key = (clause["lang"], clause["strength"])
        total[key] += 1
        read = classify(clause["text"], lang=clause["lang"])
        labels = {lab.kind: lab for lab in read}
        label = labels.get(clause["kind"])
        if label is None:
            misses.append(f"{clause['id']}: {clause['kind']} not found")
            continue
        found[key] += 1
        if label.strength == clause["strength"]:
            right[key] += 1
        else:
            misses.append(f"{clause['id']}: {label.strength} for {clause['strength']}")
    print("| lang | strength | n | kind found | strength right (of found) |")
    print("|---|---|---:|---:|---:|")
    for key in sorted(total):
        print(f"| {key[0]} | {key[1]} | {total[key]} | {found[key]} | {right[key]} |")
    for lang in ("en", "ru"):
        n = sum(v for k, v in found.items() if k[0] == lang)
        ok = sum(v for k, v in right.items() if k[0] == lang)
        print(f"\n{lang}: strength accuracy {ok}/{n} = {ok / n:.2f} on found labels")
    n, ok = sum(found.values()), sum(right.values())
    print(f"all: {ok}/{n} = {ok / n:.2f}; kinds found {n}/{sum(total.values())}")
    for miss in misses:
        print("-", miss)


if __name__ == "__main__":
    argparse.ArgumentParser(  # no options: --help says what it measures
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
